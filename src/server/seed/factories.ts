// Building blocks shared by the demo data, the volume generator and the tests:
// each writes one record the way the app would, with municipalityId explicit.
import type { PrismaClient } from "@/generated/prisma/client";
import type { BodyKind, BodyRole, LinkKind, MotionKind, MotionOutcome, MotionState, Role, UnitKind, UppdragStatus } from "@/generated/prisma/enums";
import { dnrKey } from "@/lib/dnr";
import { parseIsoDate } from "@/lib/dates";
import { createUppdrag as createUppdragRecord } from "@/server/uppdrag/create-uppdrag";

export const day = (iso: string): Date => {
  const d = parseIsoDate(iso);
  if (!d) throw new Error(`bad date ${iso}`);
  return d;
};

export async function createMunicipality(prisma: PrismaClient, m: { slug: string; name: string; diariumUrlPattern?: string }) {
  return prisma.municipality.create({ data: m, select: { id: true, slug: true, name: true } });
}

export async function createBody(
  prisma: PrismaClient,
  municipalityId: string,
  b: { name: string; shortName: string; kind: BodyKind; parentId?: string },
) {
  // KF and KS are in the June/December report unless the administrator changes it.
  const inCouncilReport = b.kind === "FULLMAKTIGE" || b.kind === "STYRELSE";
  return prisma.body.create({ data: { municipalityId, inCouncilReport, ...b }, select: { id: true, shortName: true, name: true } });
}

export async function createUnit(
  prisma: PrismaClient,
  municipalityId: string,
  u: { name: string; kind: UnitKind; shortName?: string; parentId?: string },
) {
  return prisma.unit.create({ data: { municipalityId, ...u }, select: { id: true, name: true } });
}

export async function createMeeting(
  prisma: PrismaClient,
  municipalityId: string,
  m: {
    bodyId: string;
    date: string;
    place?: string;
    startTime?: string;
    endTime?: string;
    approved?: boolean;
    approvedOn?: string;
    postedFrom?: string;
    postedUntil?: string;
  },
) {
  return prisma.meeting.create({
    data: {
      municipalityId,
      bodyId: m.bodyId,
      date: day(m.date),
      place: m.place,
      startTime: m.startTime,
      endTime: m.endTime,
      protocolState: m.approved === false ? "DRAFT" : "APPROVED",
      approvedOn: m.approvedOn ? day(m.approvedOn) : undefined,
      postedFrom: m.postedFrom ? day(m.postedFrom) : undefined,
      postedUntil: m.postedUntil ? day(m.postedUntil) : undefined,
    },
    select: { id: true, date: true, bodyId: true },
  });
}

export async function createParagraph(
  prisma: PrismaClient,
  municipalityId: string,
  meeting: { id: string; date: Date; bodyId: string },
  p: { number: number; dnr?: string; title: string; decision: string; basis?: string[]; sentTo?: string[] },
) {
  return prisma.paragraph.create({
    data: {
      municipalityId,
      meetingId: meeting.id,
      bodyId: meeting.bodyId,
      year: meeting.date.getUTCFullYear(),
      number: p.number,
      dnr: p.dnr,
      dnrKey: dnrKey(p.dnr),
      title: p.title,
      decision: p.decision,
      basis: p.basis ?? [],
      sentTo: p.sentTo ?? [],
    },
    select: { id: true, number: true, bodyId: true, meetingId: true },
  });
}

export { unitColumns, unitNamesOf } from "@/server/uppdrag/create-uppdrag";

export interface HistoryStep {
  status: UppdragStatus;
  at: string | Date;
  comment?: string;
  plannedCompletion?: string;
  reportedAtMeetingId?: string;
  authorId?: string;
}

/** An uppdrag with its status history; the current status is the last step's. */
export async function createUppdrag(
  prisma: PrismaClient,
  municipalityId: string,
  u: {
    paragraph: { id: string; bodyId: string };
    decidedOn: string | Date;
    title: string;
    text: string;
    unitIds: string[];
    responsiblePerson?: string;
    deadline?: string;
    history?: HistoryStep[];
  },
) {
  const decidedOn = typeof u.decidedOn === "string" ? day(u.decidedOn) : u.decidedOn;
  const steps: HistoryStep[] = u.history?.length ? u.history : [{ status: "NOT_STARTED", at: decidedOn }];
  const toDate = (at: string | Date) => (typeof at === "string" ? day(at) : at);
  const paragraph = await prisma.paragraph.findUniqueOrThrow({
    where: { id: u.paragraph.id },
    select: { id: true, bodyId: true, title: true, decision: true, dnr: true },
  });
  const units = await prisma.unit.findMany({ where: { id: { in: u.unitIds } }, select: { id: true, name: true } });
  return prisma.$transaction((tx) =>
    createUppdragRecord(tx, {
      municipalityId,
      paragraph,
      decidedOn,
      title: u.title,
      text: u.text,
      units,
      responsiblePerson: u.responsiblePerson,
      deadline: u.deadline ? day(u.deadline) : null,
      history: steps.map((s) => ({
        status: s.status,
        at: toDate(s.at),
        comment: s.comment,
        plannedCompletion: s.plannedCompletion ? day(s.plannedCompletion) : null,
        reportedAtMeetingId: s.reportedAtMeetingId,
        authorId: s.authorId,
      })),
    }),
  );
}

export async function linkUppdrag(
  prisma: PrismaClient,
  municipalityId: string,
  l: { uppdragId: string; paragraphId: string; kind: LinkKind; note?: string },
) {
  return prisma.uppdragLink.create({ data: { municipalityId, ...l }, select: { id: true } });
}

export async function createUser(
  prisma: PrismaClient,
  municipalityId: string,
  u: {
    email: string;
    name: string;
    role: Role;
    passwordHash: string | null;
    unitId?: string;
    bodies?: { bodyId: string; role: BodyRole }[];
    active?: boolean;
  },
) {
  const user = await prisma.user.create({
    data: {
      email: u.email.toLowerCase(),
      name: u.name,
      passwordHash: u.passwordHash,
      active: u.active ?? true,
      memberships: {
        create: {
          municipalityId,
          role: u.role,
          unitId: u.unitId,
          bodies: { create: (u.bodies ?? []).map((b) => ({ bodyId: b.bodyId, role: b.role })) },
        },
      },
    },
    select: { id: true, email: true, name: true },
  });
  return user;
}

/**
 * A motion or medborgarförslag with its history (docs/decisions/008-motions.md):
 * väckt, then the given steps (remiss, beredning), then KF's decision when given.
 * The motion's columns mirror the last event, as src/server/motions writes them.
 */
export async function createMotion(
  prisma: PrismaClient,
  municipalityId: string,
  m: {
    kind?: MotionKind;
    title: string;
    proposers: { name: string; party?: string | null }[];
    anonymised?: boolean;
    raisedOn: string;
    raisedAtParagraphId?: string;
    raisedAtNumber?: number;
    dnr?: string;
    preparingBodyId?: string;
    handlaggareId?: string;
    handlaggareName?: string;
    steps?: { state: Exclude<MotionState, "BESVARAD" | "AVSKRIVEN">; on: string; comment?: string; preparationNote?: string }[];
    answer?: { paragraphId: string; on: string; outcome: MotionOutcome | "AVSKRIVEN"; comment?: string };
  },
) {
  const events: { state: MotionState; outcome: MotionOutcome | null; on: Date; paragraphId: string | null; comment: string | null; preparationNote: string | null }[] = [
    { state: "VACKT", outcome: null, on: day(m.raisedOn), paragraphId: m.raisedAtParagraphId ?? null, comment: null, preparationNote: null },
  ];
  let note: string | null = null;
  for (const s of m.steps ?? []) {
    note = s.preparationNote ?? note;
    events.push({ state: s.state, outcome: null, on: day(s.on), paragraphId: null, comment: s.comment ?? null, preparationNote: note });
  }
  if (m.answer) {
    const avskriven = m.answer.outcome === "AVSKRIVEN";
    events.push({
      state: avskriven ? "AVSKRIVEN" : "BESVARAD",
      outcome: avskriven ? null : (m.answer.outcome as MotionOutcome),
      on: day(m.answer.on),
      paragraphId: m.answer.paragraphId,
      comment: m.answer.comment ?? null,
      preparationNote: note,
    });
  }
  const last = events[events.length - 1];
  const motion = await prisma.motion.create({
    data: {
      municipalityId,
      kind: m.kind ?? "MOTION",
      title: m.title,
      proposers: m.anonymised ? [] : m.proposers.map((p) => ({ name: p.name, party: p.party ?? null })),
      anonymised: m.anonymised ?? false,
      raisedOn: day(m.raisedOn),
      raisedAtParagraphId: m.raisedAtParagraphId,
      raisedAtNumber: m.raisedAtNumber,
      dnr: m.dnr,
      dnrKey: dnrKey(m.dnr),
      preparingBodyId: m.preparingBodyId,
      handlaggareId: m.handlaggareId,
      handlaggareName: m.handlaggareName,
      state: last.state,
      outcome: last.outcome,
      answeredAtParagraphId: m.answer ? m.answer.paragraphId : null,
      answeredOn: m.answer ? day(m.answer.on) : null,
      preparationNote: note,
      stateChangedAt: last.on,
    },
    select: { id: true },
  });
  // Saved in order: one millisecond apart when two took effect on the same day.
  await prisma.motionEvent.createMany({ data: events.map((e, i) => ({ municipalityId, motionId: motion.id, ...e, at: new Date(e.on.getTime() + i) })) });
  return motion;
}

/** An uppdrag given by a bifallen motion, linked back to it. */
export async function linkUppdragToMotion(prisma: PrismaClient, uppdragId: string, motionId: string) {
  await prisma.uppdrag.update({ where: { id: uppdragId }, data: { motionId }, select: { id: true } });
}
