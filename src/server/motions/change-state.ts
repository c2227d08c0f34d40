// A motion's way through KF: remiss and beredning (with what the preparation has
// shown), then KF's decision at a registered KF paragraph: besvarad with an
// outcome, or avskriven. Each change is a MotionEvent, the motion's mirrored
// columns and an audit event in one transaction, checked against the version the
// form was opened with: a stale change is refused with what the other person did.
import type { MotionOutcome, MotionState } from "@/generated/prisma/enums";
import type { ScopedClient, ScopedTx } from "@/server/db/scoped";
import { NotFoundError, type Actor } from "@/server/permissions";
import { RefusedError, StaleRecordError } from "@/server/errors";
import { recordAudit } from "@/server/audit";
import { formatDateTime, formatIsoDate } from "@/lib/dates";
import { isOpenMotion } from "@/lib/motions/clock";
import { MOTION_KIND_LABEL, stateText } from "@/lib/motions/labels";
import { swedishCalendarDate } from "@/lib/report/report-dates";
import type { AnswerMotionInput, ChangeMotionStateInput } from "@/lib/validation/motion";
import { requireManage } from "./access";
import { checkPreparation } from "./register";

const WHAT = "motionen";

/** What changed the motion last, as a sentence for a refused stale save. */
async function latestChange(db: ScopedClient | ScopedTx, motionId: string): Promise<string | undefined> {
  const e = await db.motionEvent.findFirst({
    where: { motionId },
    orderBy: [{ at: "desc" }, { id: "desc" }],
    select: { state: true, outcome: true, at: true, author: { select: { name: true } } },
  });
  return e ? `${e.author?.name ?? "Någon"} sparade läget ”${stateText(e.state, e.outcome)}” ${formatDateTime(e.at)}.` : undefined;
}

const motionSelect = {
  id: true,
  kind: true,
  version: true,
  state: true,
  outcome: true,
  raisedOn: true,
  preparingBodyId: true,
  handlaggareId: true,
  handlaggareName: true,
  preparationNote: true,
} as const;

async function openForChange(db: ScopedClient, actor: Actor, motionId: string, expectedVersion: number) {
  const m = await db.motion.findFirst({ where: { id: motionId }, select: motionSelect });
  if (!m) throw new NotFoundError("motion");
  await requireManage(db, actor);
  if (m.version !== expectedVersion) throw new StaleRecordError(WHAT, await latestChange(db, m.id));
  if (!isOpenMotion(m.state))
    throw new RefusedError(`${MOTION_KIND_LABEL[m.kind]}en är redan ${stateText(m.state, m.outcome).toLowerCase()} av kommunfullmäktige. Ett beslut ändras inte här.`);
  return m;
}

/** Saves the motion's new state with its event, only if no one else saved since `version`. */
async function save(
  tx: ScopedTx,
  actor: Actor,
  motionId: string,
  version: number,
  data: {
    state: MotionState;
    outcome?: MotionOutcome | null;
    on: Date;
    paragraphId?: string | null;
    comment: string | null;
    preparationNote: string | null;
    preparingBodyId?: string | null;
    handlaggareId?: string | null;
    handlaggareName?: string | null;
    answeredOn?: Date | null;
  },
  now: Date,
) {
  const updated = await tx.motion.updateMany({
    where: { id: motionId, version },
    data: {
      state: data.state,
      outcome: data.outcome ?? null,
      preparationNote: data.preparationNote,
      stateChangedAt: now,
      version: { increment: 1 },
      ...(data.preparingBodyId !== undefined ? { preparingBodyId: data.preparingBodyId } : {}),
      ...(data.handlaggareId !== undefined ? { handlaggareId: data.handlaggareId } : {}),
      ...(data.handlaggareName !== undefined ? { handlaggareName: data.handlaggareName } : {}),
      ...(data.answeredOn !== undefined ? { answeredOn: data.answeredOn, answeredAtParagraphId: data.paragraphId ?? null } : {}),
    },
  });
  if (updated.count !== 1) throw new StaleRecordError(WHAT, await latestChange(tx, motionId));
  await tx.motionEvent.create({
    data: {
      municipalityId: actor.municipalityId,
      motionId,
      state: data.state,
      outcome: data.outcome ?? null,
      paragraphId: data.paragraphId ?? null,
      on: data.on,
      comment: data.comment,
      preparationNote: data.preparationNote,
      authorId: actor.userId,
      at: now,
    },
  });
}

/** Remitterad, under beredning (or back to väckt): who prepares it and what the preparation has shown. */
export async function changeMotionState(db: ScopedClient, actor: Actor, input: ChangeMotionStateInput, now = new Date()) {
  const m = await openForChange(db, actor, input.motionId, input.expectedVersion);
  await checkPreparation(db, input);
  const on = input.on ?? swedishCalendarDate(now);
  if (on < m.raisedOn) throw new RefusedError("Datumet kan inte vara före den dag den väcktes.", "on");
  const after = {
    state: input.state,
    on,
    comment: input.comment,
    preparationNote: input.preparationNote,
    preparingBodyId: input.preparingBodyId,
    handlaggareId: input.handlaggareId,
    handlaggareName: input.handlaggareName,
  };
  await db.$transaction(async (tx) => {
    await save(tx, actor, m.id, m.version, after, now);
    await recordAudit(tx, {
      municipalityId: actor.municipalityId,
      actorId: actor.userId,
      action: "motion.state",
      entity: "Motion",
      entityId: m.id,
      before: { state: m.state, preparingBodyId: m.preparingBodyId, handlaggareId: m.handlaggareId, handlaggareName: m.handlaggareName, preparationNote: m.preparationNote },
      after: { ...after, on: formatIsoDate(on) },
    });
  });
  return { motionId: m.id };
}

/** KF's decision at one of its registered paragraphs: besvarad with an outcome, or avskriven. */
export async function answerMotion(db: ScopedClient, actor: Actor, input: AnswerMotionInput, now = new Date()) {
  const m = await openForChange(db, actor, input.motionId, input.expectedVersion);
  const p = await db.paragraph.findFirst({
    where: { id: input.paragraphId, body: { kind: "FULLMAKTIGE" } },
    select: { id: true, number: true, meeting: { select: { date: true } } },
  });
  if (!p) throw new RefusedError("Välj en paragraf ur kommunfullmäktiges protokoll.", "paragraphId");
  if (p.meeting.date < m.raisedOn) throw new RefusedError("Paragrafen är från ett sammanträde före den dag motionen väcktes.", "paragraphId");
  const state: MotionState = input.decision === "AVSKRIVEN" ? "AVSKRIVEN" : "BESVARAD";
  const outcome: MotionOutcome | null = input.decision === "AVSKRIVEN" ? null : input.decision;
  await db.$transaction(async (tx) => {
    await save(tx, actor, m.id, m.version, { state, outcome, on: p.meeting.date, paragraphId: p.id, answeredOn: p.meeting.date, comment: input.comment, preparationNote: m.preparationNote }, now);
    await recordAudit(tx, {
      municipalityId: actor.municipalityId,
      actorId: actor.userId,
      action: "motion.answer",
      entity: "Motion",
      entityId: m.id,
      before: { state: m.state, outcome: m.outcome },
      after: { state, outcome, paragraphId: p.id, paragraph: p.number, answeredOn: formatIsoDate(p.meeting.date), comment: input.comment },
    });
  });
  return { motionId: m.id };
}
