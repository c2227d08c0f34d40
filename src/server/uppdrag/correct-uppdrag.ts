// Correcting a saved uppdrag (title, text, responsible units and person,
// deadline) and adding an uppdrag the registration missed to a saved paragraph.
// Each is one transaction with its Correction rows (who, when, why) and audit
// event. The uppdrag's version is the one its status changes use: a correction
// based on a stale version is refused with what the other person did (a status
// change or a correction), and nothing is overwritten. Planned completion and
// status stay with the status history (src/server/uppdrag/change-status.ts).
import type { Prisma } from "@/generated/prisma/client";
import type { ScopedClient, ScopedTx } from "@/server/db/scoped";
import { NotFoundError, requirePermission, type Actor } from "@/server/permissions";
import { StaleRecordError } from "@/server/errors";
import { recordAudit } from "@/server/audit";
import { publish } from "@/server/live";
import { formatDateTime } from "@/lib/dates";
import { STATUS_LABEL } from "@/lib/status";
import { searchDocumentOf } from "@/lib/search";
import { swedishSortKey } from "@/lib/sort-key";
import type { AddMissedUppdragInput, CorrectUppdragInput } from "@/lib/validation/correction";
import { changedFields, dateValue, latestCorrectionSentence, recordCorrection, requireChanges } from "@/server/corrections";
import { createUppdrag, unitColumns, unitNamesOf } from "./create-uppdrag";

const WHAT = "uppdraget";

/**
 * Rebuilds the search text of the uppdrag matching `where` from their title,
 * text, paragraph and every status comment (after a correction of any of them).
 * Returns their ids.
 */
export async function refreshSearchDocuments(tx: ScopedTx, where: Prisma.UppdragWhereInput): Promise<string[]> {
  const list = await tx.uppdrag.findMany({
    where,
    select: { id: true, title: true, text: true, paragraph: { select: { title: true, decision: true, dnr: true } }, history: { select: { comment: true }, orderBy: [{ at: "asc" }, { id: "asc" }] } },
  });
  for (const u of list) {
    await tx.uppdrag.updateMany({ where: { id: u.id }, data: { searchDocument: searchDocumentOf({ title: u.title, text: u.text, paragraph: u.paragraph, comments: u.history.map((h) => h.comment) }) } });
  }
  return list.map((u) => u.id);
}

/** What changed the uppdrag last, as a sentence: its latest correction or status change, whichever is newer. */
async function latestChange(db: ScopedClient | ScopedTx, uppdragId: string): Promise<string | undefined> {
  const correction = await latestCorrectionSentence(db, "Uppdrag", uppdragId);
  const status = await db.statusEntry.findFirst({
    where: { uppdragId },
    orderBy: [{ at: "desc" }, { id: "desc" }],
    select: { status: true, comment: true, at: true, author: { select: { name: true } } },
  });
  if (status && (!correction || status.at > correction.at)) {
    return `${status.author?.name ?? "Någon"} ändrade status till ”${STATUS_LABEL[status.status]}” ${formatDateTime(status.at)}${status.comment ? ` med kommentaren ”${status.comment}”` : ""}.`;
  }
  return correction?.sentence;
}

export async function correctUppdrag(db: ScopedClient, actor: Actor, input: CorrectUppdragInput, now = new Date()) {
  const u = await db.uppdrag.findFirst({
    where: { id: input.uppdragId },
    select: { id: true, version: true, bodyId: true, title: true, text: true, responsiblePerson: true, deadline: true, units: { select: { unit: { select: { id: true, name: true } } } } },
  });
  if (!u) throw new NotFoundError("uppdrag");
  requirePermission(actor, "uppdrag:correct", { municipalityId: actor.municipalityId, bodyId: u.bodyId, unitIds: u.units.map((x) => x.unit.id) });
  if (u.version !== input.expectedVersion) throw new StaleRecordError(WHAT, await latestChange(db, u.id));
  const unitIds = [...new Set(input.unitIds)];
  const units = await db.unit.findMany({ where: { id: { in: unitIds } }, select: { id: true, name: true } });
  if (units.length !== unitIds.length) throw new NotFoundError("unit");

  const changes = changedFields([
    ["title", u.title, input.title],
    ["text", u.text, input.text],
    ["units", unitNamesOf(u.units.map((x) => x.unit.name)), unitNamesOf(units.map((x) => x.name))],
    ["responsiblePerson", u.responsiblePerson, input.responsiblePerson],
    ["deadline", dateValue(u.deadline), dateValue(input.deadline)],
  ]);
  requireChanges(changes);

  const result = await db.$transaction(async (tx) => {
    const updated = await tx.uppdrag.updateMany({
      where: { id: u.id, version: input.expectedVersion },
      data: {
        title: input.title,
        titleSortKey: swedishSortKey(input.title),
        text: input.text,
        responsiblePerson: input.responsiblePerson,
        deadline: input.deadline,
        ...unitColumns(units.map((x) => x.name)),
        version: { increment: 1 },
      },
    });
    if (updated.count === 0) throw new StaleRecordError(WHAT, await latestChange(tx, u.id));
    if (changes.some((c) => c.field === "units")) {
      await tx.uppdragUnit.deleteMany({ where: { uppdragId: u.id } });
      await tx.uppdragUnit.createMany({ data: units.map((x) => ({ uppdragId: u.id, unitId: x.id })) });
    }
    await refreshSearchDocuments(tx, { id: u.id });
    await recordCorrection(tx, actor, {
      entity: "Uppdrag",
      entityId: u.id,
      changes,
      reason: input.reason,
      action: "uppdrag.correct",
      now,
      extra: { version: u.version + 1, unitIds: units.map((x) => x.id) },
    });
    return { uppdragId: u.id, version: u.version + 1 };
  });
  publish(actor.municipalityId, { type: "uppdrag-changed", uppdragId: u.id, at: now.toISOString() });
  return result;
}

/**
 * Adds an uppdrag the registration missed to a saved paragraph (the meeting's
 * date is its decision date). The paragraph's corrections list it, with why.
 */
export async function addMissedUppdrag(db: ScopedClient, actor: Actor, input: AddMissedUppdragInput, now = new Date()) {
  const p = await db.paragraph.findFirst({
    where: { id: input.paragraphId },
    select: { id: true, bodyId: true, title: true, decision: true, dnr: true, meeting: { select: { date: true } } },
  });
  if (!p) throw new NotFoundError("paragraph");
  requirePermission(actor, "uppdrag:create", { municipalityId: actor.municipalityId, bodyId: p.bodyId });
  const unit = await db.unit.findFirst({ where: { id: input.unitId }, select: { id: true, name: true } });
  if (!unit) throw new NotFoundError("unit");

  const result = await db.$transaction(async (tx) => {
    const created = await createUppdrag(tx, {
      municipalityId: actor.municipalityId,
      paragraph: p,
      decidedOn: p.meeting.date,
      title: input.title,
      text: input.text ?? input.title,
      units: [unit],
      responsiblePerson: input.responsiblePerson,
      deadline: input.deadline,
      history: [{ status: "NOT_STARTED", at: now, authorId: actor.userId }],
    });
    await recordAudit(tx, {
      municipalityId: actor.municipalityId,
      actorId: actor.userId,
      action: "uppdrag.create-missed",
      entity: "Uppdrag",
      entityId: created.id,
      after: { paragraphId: p.id, title: input.title, unitIds: [unit.id], responsiblePerson: input.responsiblePerson, deadline: input.deadline, status: "NOT_STARTED", reason: input.reason },
    });
    await recordCorrection(tx, actor, {
      entity: "Paragraph",
      entityId: p.id,
      changes: [{ field: "uppdrag", before: null, after: input.title }],
      reason: input.reason,
      action: "paragraph.correct",
      now,
      extra: { uppdragId: created.id },
    });
    return { uppdragId: created.id, paragraphId: p.id };
  });
  publish(actor.municipalityId, { type: "uppdrag-changed", uppdragId: result.uppdragId, at: now.toISOString() });
  return result;
}
