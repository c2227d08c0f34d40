// Registers a meeting with its paragraphs and the uppdrag they give, in one
// transaction with an audit event per record. A meeting of the same body on
// the same date is the same meeting: new paragraphs are added to it. A
// paragraph number already registered for the body and year is refused (the
// numbering runs through the year), and nothing at all is saved then.
import type { ScopedClient } from "@/server/db/scoped";
import { NotFoundError, requirePermission, type Actor } from "@/server/permissions";
import { recordAudit } from "@/server/audit";
import { publish } from "@/server/live";
import { createUppdrag } from "@/server/uppdrag/create-uppdrag";
import { dnrKey } from "@/lib/dnr";
import type { RegisterMeetingInput } from "@/lib/validation/meeting";

/** Paragraph numbers already registered for the body and year. */
export class DuplicateParagraphError extends Error {
  constructor(
    public readonly taken: { number: number; meetingId: string; meetingDate: Date }[],
    public readonly bodyShortName: string,
    public readonly year: number,
  ) {
    super(`paragraphs already registered: ${taken.map((t) => t.number).join(", ")}`);
    this.name = "DuplicateParagraphError";
  }
}

const isUniqueViolation = (err: unknown) => (err as { code?: string } | null)?.code === "P2002";

export async function registerMeeting(db: ScopedClient, actor: Actor, input: RegisterMeetingInput, now = new Date()) {
  const body = await db.body.findFirst({ where: { id: input.bodyId }, select: { id: true, shortName: true } });
  if (!body) throw new NotFoundError("body");
  const target = { municipalityId: actor.municipalityId, bodyId: body.id };
  requirePermission(actor, "meeting:create", target);
  const unitIds = [...new Set(input.paragraphs.flatMap((p) => p.uppdrag.map((u) => u.unitId)))];
  if (unitIds.length > 0) requirePermission(actor, "uppdrag:create", target);
  const units = await db.unit.findMany({ where: { id: { in: unitIds } }, select: { id: true, name: true } });
  if (units.length !== unitIds.length) throw new NotFoundError("unit");
  const unitById = new Map(units.map((u) => [u.id, u]));
  const year = input.date.getUTCFullYear();

  const refuseTaken = async (tx: Pick<typeof db, "paragraph">) => {
    const taken = await tx.paragraph.findMany({
      where: { bodyId: body.id, year, number: { in: input.paragraphs.map((p) => p.number) } },
      select: { number: true, meeting: { select: { id: true, date: true } } },
      orderBy: { number: "asc" },
    });
    if (taken.length > 0) {
      throw new DuplicateParagraphError(
        taken.map((t) => ({ number: t.number, meetingId: t.meeting.id, meetingDate: t.meeting.date })),
        body.shortName,
        year,
      );
    }
  };

  let result: { meetingId: string; meetingCreated: boolean; paragraphIds: string[]; uppdragIds: string[] };
  try {
    result = await db.$transaction(async (tx) => {
      await refuseTaken(tx);
      const audit = (action: string, entity: string, entityId: string, after: unknown) =>
        recordAudit(tx, { municipalityId: actor.municipalityId, actorId: actor.userId, action, entity, entityId, after });

      let meeting = await tx.meeting.findFirst({ where: { bodyId: body.id, date: input.date }, select: { id: true }, orderBy: { createdAt: "asc" } });
      const meetingCreated = !meeting;
      if (!meeting) {
        meeting = await tx.meeting.create({
          data: {
            municipalityId: actor.municipalityId,
            bodyId: body.id,
            date: input.date,
            place: input.place,
            startTime: input.startTime,
            endTime: input.endTime,
          },
          select: { id: true },
        });
        await audit("meeting.create", "Meeting", meeting.id, {
          bodyId: body.id,
          date: input.date,
          place: input.place,
          startTime: input.startTime,
          endTime: input.endTime,
        });
      }

      const paragraphIds: string[] = [];
      const uppdragIds: string[] = [];
      for (const p of input.paragraphs) {
        const paragraph = await tx.paragraph.create({
          data: {
            municipalityId: actor.municipalityId,
            meetingId: meeting.id,
            bodyId: body.id,
            year,
            number: p.number,
            dnr: p.dnr,
            dnrKey: dnrKey(p.dnr),
            title: p.title,
            decision: p.decision,
            basis: [],
            sentTo: p.sentTo,
          },
          select: { id: true, bodyId: true, title: true, decision: true, dnr: true },
        });
        paragraphIds.push(paragraph.id);
        await audit("paragraph.create", "Paragraph", paragraph.id, { meetingId: meeting.id, number: p.number, dnr: p.dnr, title: p.title });
        for (const u of p.uppdrag) {
          const unit = unitById.get(u.unitId)!;
          const created = await createUppdrag(tx, {
            municipalityId: actor.municipalityId,
            paragraph,
            decidedOn: input.date,
            title: u.title,
            text: u.text ?? u.title,
            units: [unit],
            responsiblePerson: u.responsiblePerson,
            deadline: u.deadline,
            history: [{ status: "NOT_STARTED", at: now, authorId: actor.userId }],
          });
          uppdragIds.push(created.id);
          await audit("uppdrag.create", "Uppdrag", created.id, {
            paragraphId: paragraph.id,
            title: u.title,
            unitIds: [unit.id],
            responsiblePerson: u.responsiblePerson,
            deadline: u.deadline,
            status: "NOT_STARTED",
          });
        }
      }
      return { meetingId: meeting.id, meetingCreated, paragraphIds, uppdragIds };
    });
  } catch (err) {
    // Someone registered the same § between our check and our insert.
    if (isUniqueViolation(err)) await refuseTaken(db);
    throw err;
  }
  // After the commit: open lists of the municipality refresh themselves.
  for (const uppdragId of result.uppdragIds) publish(actor.municipalityId, { type: "uppdrag-changed", uppdragId, at: now.toISOString() });
  return result;
}
