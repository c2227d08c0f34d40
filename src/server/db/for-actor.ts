import { getPrisma } from "./index";
import { scopedClient } from "./scoped";
import type { Actor } from "@/server/permissions";

/** The database as the actor may see it: confined to their municipality. */
export async function dbFor(actor: Pick<Actor, "municipalityId">) {
  return scopedClient(await getPrisma(), actor.municipalityId);
}
