// Correcting a saved meeting (body, date, place, times) and marking its protocol
// justerat. Each is one transaction: the change, one Correction row per changed
// field (who, when, why) and an audit event; a save based on a stale version is
// refused with what the other person changed. The paragraphs and uppdrag copy
// the meeting's body, year and date: a corrected body or date is carried to them.
// A fastställd report keeps its own data and is never touched.
import type { ScopedClient } from "@/server/db/scoped";
import { NotFoundError, requirePermission, type Actor } from "@/server/permissions";
import { RefusedError, StaleRecordError } from "@/server/errors";
import { publish } from "@/server/live";
import { formatDate } from "@/lib/dates";
import type { CorrectMeetingInput, MarkJusteratInput } from "@/lib/validation/correction";
import { changedFields, dateValue, latestCorrectionSentence, recordCorrection, requireChanges } from "@/server/corrections";

const WHAT = "sammanträdet";

/** The meeting changed since the form was read: refused with the latest correction, when there is one. */
async function stale(db: ScopedClient, meetingId: string): Promise<never> {
  const latest = await latestCorrectionSentence(db, "Meeting", meetingId);
  throw new StaleRecordError(WHAT, latest?.sentence);
}

export async function correctMeeting(db: ScopedClient, actor: Actor, input: CorrectMeetingInput, now = new Date()) {
  const m = await db.meeting.findFirst({
    where: { id: input.meetingId },
    select: { id: true, version: true, bodyId: true, date: true, place: true, startTime: true, endTime: true, body: { select: { shortName: true } } },
  });
  if (!m) throw new NotFoundError("meeting");
  requirePermission(actor, "meeting:correct", { municipalityId: actor.municipalityId, bodyId: m.bodyId });
  const body = await db.body.findFirst({ where: { id: input.bodyId }, select: { id: true, shortName: true } });
  if (!body) throw new NotFoundError("body");
  // Moving the meeting to another body: the corrector must register that body's meetings too.
  requirePermission(actor, "meeting:correct", { municipalityId: actor.municipalityId, bodyId: body.id });
  if (m.version !== input.expectedVersion) await stale(db, m.id);

  const changes = changedFields([
    ["body", m.body.shortName, body.shortName],
    ["date", dateValue(m.date), dateValue(input.date)],
    ["place", m.place, input.place],
    ["startTime", m.startTime, input.startTime],
    ["endTime", m.endTime, input.endTime],
  ]);
  requireChanges(changes);
  const year = input.date.getUTCFullYear();
  const moved = body.id !== m.bodyId || dateValue(m.date) !== dateValue(input.date);

  const result = await db.$transaction(async (tx) => {
    if (moved) {
      // A body meets once a day: the registration treats the same body and date as the same meeting.
      const twin = await tx.meeting.findFirst({ where: { bodyId: body.id, date: input.date, NOT: { id: m.id } }, select: { id: true } });
      if (twin) throw new RefusedError(`${body.shortName} har redan ett registrerat sammanträde ${formatDate(input.date)}. Rätta det sammanträdet i stället.`, "date");
      // The numbering runs through the year per body: the paragraphs must still be unique there.
      const own = await tx.paragraph.findMany({ where: { meetingId: m.id }, select: { number: true } });
      const taken = await tx.paragraph.findMany({
        where: { bodyId: body.id, year, number: { in: own.map((p) => p.number) }, NOT: { meetingId: m.id } },
        select: { number: true },
        orderBy: { number: "asc" },
      });
      if (taken.length > 0) {
        throw new RefusedError(`${taken.map((t) => `§ ${t.number}`).join(", ")} är redan registrerad för ${body.shortName} ${year}. Rätta paragrafnumret först.`, moved && body.id !== m.bodyId ? "bodyId" : "date");
      }
    }
    const updated = await tx.meeting.updateMany({
      where: { id: m.id, version: input.expectedVersion },
      data: { bodyId: body.id, date: input.date, place: input.place, startTime: input.startTime, endTime: input.endTime, version: { increment: 1 } },
    });
    if (updated.count === 0) throw new StaleRecordError(WHAT);
    let uppdragIds: string[] = [];
    if (moved) {
      await tx.paragraph.updateMany({ where: { meetingId: m.id }, data: { bodyId: body.id, year } });
      const affected = await tx.uppdrag.findMany({ where: { paragraph: { meetingId: m.id } }, select: { id: true } });
      uppdragIds = affected.map((u) => u.id);
      if (uppdragIds.length) await tx.uppdrag.updateMany({ where: { id: { in: uppdragIds } }, data: { bodyId: body.id, decidedOn: input.date } });
    }
    await recordCorrection(tx, actor, { entity: "Meeting", entityId: m.id, changes, reason: input.reason, action: "meeting.correct", now, extra: { version: m.version + 1 } });
    return { meetingId: m.id, version: m.version + 1, uppdragIds };
  });
  for (const uppdragId of result.uppdragIds) publish(actor.municipalityId, { type: "uppdrag-changed", uppdragId, at: now.toISOString() });
  return result;
}

/**
 * Marks the protocol justerat: the day and who justerade it (as the protocol
 * names them). Correcting a justering already registered needs a reason.
 */
export async function markJusterat(db: ScopedClient, actor: Actor, input: MarkJusteratInput, now = new Date()) {
  const m = await db.meeting.findFirst({
    where: { id: input.meetingId },
    select: { id: true, version: true, bodyId: true, date: true, protocolState: true, approvedOn: true, approvedBy: true },
  });
  if (!m) throw new NotFoundError("meeting");
  requirePermission(actor, "meeting:correct", { municipalityId: actor.municipalityId, bodyId: m.bodyId });
  if (m.version !== input.expectedVersion) await stale(db, m.id);
  if (input.approvedOn.getTime() < m.date.getTime()) throw new RefusedError("Protokollet kan inte justeras före sammanträdet.", "approvedOn");
  if (input.approvedOn.getTime() > now.getTime()) throw new RefusedError("Justeringsdatumet kan inte vara i framtiden.", "approvedOn");
  const already = m.protocolState === "APPROVED";
  if (already && !input.reason) throw new RefusedError("Protokollet är redan markerat som justerat. Skriv varför justeringen rättas.", "reason");
  const changes = changedFields([
    ["approvedOn", dateValue(m.approvedOn), dateValue(input.approvedOn)],
    ["approvedBy", m.approvedBy, input.approvedBy],
  ]);
  if (already) requireChanges(changes);
  const reason = input.reason ?? "Protokollet är justerat.";

  return db.$transaction(async (tx) => {
    const updated = await tx.meeting.updateMany({
      where: { id: m.id, version: input.expectedVersion },
      data: { protocolState: "APPROVED", approvedOn: input.approvedOn, approvedBy: input.approvedBy, approvedById: actor.userId, version: { increment: 1 } },
    });
    if (updated.count === 0) throw new StaleRecordError(WHAT);
    await recordCorrection(tx, actor, {
      entity: "Meeting",
      entityId: m.id,
      changes: changes.length ? changes : [{ field: "approvedBy", before: m.approvedBy, after: input.approvedBy }],
      reason,
      action: "meeting.justera",
      now,
      extra: { version: m.version + 1 },
    });
    return { meetingId: m.id, version: m.version + 1 };
  });
}
