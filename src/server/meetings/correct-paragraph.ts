// Correcting a saved paragraph: number, Dnr, title, decision, recipients. One
// transaction with a Correction row per changed field (who, when, why) and an
// audit event; a stale version is refused with what the other person changed.
// The uppdrag the paragraph gave carry its title, decision and Dnr in their
// search text: that is rebuilt. A fastställd report keeps its own data.
import type { ScopedClient } from "@/server/db/scoped";
import { NotFoundError, requirePermission, type Actor } from "@/server/permissions";
import { RefusedError, StaleRecordError } from "@/server/errors";
import { publish } from "@/server/live";
import { dnrKey } from "@/lib/dnr";
import type { CorrectParagraphInput } from "@/lib/validation/correction";
import { changedFields, latestCorrectionSentence, listValue, recordCorrection, requireChanges } from "@/server/corrections";
import { refreshSearchDocuments } from "@/server/uppdrag/correct-uppdrag";

const WHAT = "paragrafen";

export async function correctParagraph(db: ScopedClient, actor: Actor, input: CorrectParagraphInput, now = new Date()) {
  const p = await db.paragraph.findFirst({
    where: { id: input.paragraphId },
    select: { id: true, version: true, bodyId: true, year: true, number: true, dnr: true, title: true, decision: true, basis: true, sentTo: true, body: { select: { shortName: true } } },
  });
  if (!p) throw new NotFoundError("paragraph");
  requirePermission(actor, "meeting:correct", { municipalityId: actor.municipalityId, bodyId: p.bodyId });
  if (p.version !== input.expectedVersion) {
    const latest = await latestCorrectionSentence(db, "Paragraph", p.id);
    throw new StaleRecordError(WHAT, latest?.sentence);
  }
  const changes = changedFields([
    ["number", String(p.number), String(input.number)],
    ["dnr", p.dnr, input.dnr],
    ["title", p.title, input.title],
    ["decision", p.decision, input.decision],
    ["basis", listValue(p.basis), listValue(input.basis)],
    ["sentTo", listValue(p.sentTo), listValue(input.sentTo)],
  ]);
  requireChanges(changes);

  const result = await db.$transaction(async (tx) => {
    if (input.number !== p.number) {
      const taken = await tx.paragraph.findFirst({ where: { bodyId: p.bodyId, year: p.year, number: input.number }, select: { id: true } });
      if (taken) throw new RefusedError(`§ ${input.number} är redan registrerad för ${p.body.shortName} ${p.year}.`, "number");
    }
    const updated = await tx.paragraph.updateMany({
      where: { id: p.id, version: input.expectedVersion },
      data: { number: input.number, dnr: input.dnr, dnrKey: dnrKey(input.dnr), title: input.title, decision: input.decision, basis: input.basis, sentTo: input.sentTo, version: { increment: 1 } },
    });
    if (updated.count === 0) throw new StaleRecordError(WHAT);
    const uppdragIds = await refreshSearchDocuments(tx, { paragraphId: p.id });
    await recordCorrection(tx, actor, { entity: "Paragraph", entityId: p.id, changes, reason: input.reason, action: "paragraph.correct", now, extra: { version: p.version + 1 } });
    return { paragraphId: p.id, version: p.version + 1, uppdragIds };
  });
  for (const uppdragId of result.uppdragIds) publish(actor.municipalityId, { type: "uppdrag-changed", uppdragId, at: now.toISOString() });
  return result;
}
