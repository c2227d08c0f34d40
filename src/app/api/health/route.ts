// Liveness check; also the "floor" route of the benchmark (no database, no session).
import { serveRoute } from "@/server/entry/route";
import { healthEndpoint } from "@/server/system/endpoints";

export const dynamic = "force-dynamic";

export const GET = serveRoute(healthEndpoint);
