// The uppdrag's endpoints: each declared once (src/server/entry/endpoint.ts),
// served as a server action or a route handler by the files under src/app.
import "server-only";
import { z } from "@/lib/validation/zod";
import { changeStatusSchema, linkDecisionSchema, listFiltersSchema } from "@/lib/validation/uppdrag";
import { changeEndpoint, defineEndpoint, readEndpoint, type RecordScope } from "@/server/entry/endpoint";
import type { ScopedClient } from "@/server/db/scoped";
import { NotFoundError } from "@/server/permissions";
import { changeStatus } from "./change-status";
import { addMissedUppdrag, correctUppdrag } from "./correct-uppdrag";
import { addMissedUppdragSchema, correctUppdragSchema } from "@/lib/validation/correction";
import { linkLaterDecision } from "./link-decision";
import { getUppdrag } from "./get-uppdrag";
import { listUppdrag } from "./list-uppdrag";
import { recordExport, selectExportRows } from "@/server/import/export";
import { getSessionId } from "@/server/auth/actor";

/** An uppdrag's body and responsible units: what its permissions are checked against. Null when not in the municipality. */
export async function uppdragScope(db: ScopedClient, uppdragId: string): Promise<RecordScope | null> {
  const u = await db.uppdrag.findFirst({ where: { id: uppdragId }, select: { bodyId: true, units: { select: { unitId: true } } } });
  return u && { bodyId: u.bodyId, unitIds: u.units.map((x) => x.unitId) };
}

export const changeStatusEndpoint = changeEndpoint("uppdrag.changeStatus", changeStatusSchema, "uppdrag:change-status", (db, input) => uppdragScope(db, input.uppdragId), changeStatus);

export const linkDecisionEndpoint = changeEndpoint("uppdrag.linkDecision", linkDecisionSchema, "uppdrag:link-decision", (db, input) => uppdragScope(db, input.uppdragId), linkLaterDecision);

export const correctEndpoint = changeEndpoint("uppdrag.correct", correctUppdragSchema, "uppdrag:correct", (db, input) => uppdragScope(db, input.uppdragId), correctUppdrag);

/** An uppdrag the registration missed, added to a saved paragraph: checked against the paragraph's body. */
export const addMissedEndpoint = changeEndpoint(
  "uppdrag.addMissed",
  addMissedUppdragSchema,
  "uppdrag:create",
  async (db, input) => {
    const p = await db.paragraph.findFirst({ where: { id: input.paragraphId }, select: { bodyId: true } });
    return p && { bodyId: p.bodyId };
  },
  addMissedUppdrag,
);

export const listEndpoint = readEndpoint("uppdrag.list", listFiltersSchema, "uppdrag:read", "municipality", listUppdrag);

export const getEndpoint = defineEndpoint({
  id: "uppdrag.get",
  input: z.object({ id: z.uuid("Okänt uppdrag.") }),
  permission: "uppdrag:read",
  scope: "municipality",
  mutates: false,
  run: async ({ db, actor, input }) => {
    const u = await getUppdrag(db, actor, input.id);
    if (!u) throw new NotFoundError("uppdrag");
    const { meetings: _meetings, allUnits: _allUnits, ...rest } = u;
    return rest;
  },
});

export const exportEndpoint = defineEndpoint({
  id: "uppdrag.export",
  input: listFiltersSchema.extend({ format: z.enum(["xlsx", "csv"], "Välj format xlsx eller csv.").default("xlsx") }),
  permission: "uppdrag:export",
  scope: "municipality",
  mutates: false,
  run: async ({ db, actor, input }) => {
    const now = new Date();
    const exported = await selectExportRows(db, actor, input, now);
    // Logged by the route once it knows the file is really asked for: a prefetch writes no audit event.
    return { ...exported, now, recordExport: () => recordExport(db, actor, input, exported) };
  },
});

export const liveEndpoint = defineEndpoint({
  id: "uppdrag.live",
  input: z.object({}),
  permission: "uppdrag:read",
  scope: "municipality",
  mutates: false,
  run: async ({ actor }) => ({ municipalityId: actor.municipalityId, sessionId: await getSessionId() }),
});
