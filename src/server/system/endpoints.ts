// Endpoints that belong to no municipality.
import "server-only";
import { z } from "@/lib/validation/zod";
import { definePublicEndpoint } from "@/server/entry/endpoint";

/** Liveness for the load balancer; also the bench's floor (no database, no session). */
export const healthEndpoint = definePublicEndpoint({
  id: "system.health",
  public: "Health check for the load balancer; says nothing about any municipality and reads no database.",
  input: z.object({}),
  mutates: false,
  run: async () => ({ ok: true }),
});
