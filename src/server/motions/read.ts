// Reading the register: the list with the one-year clock, and one motion with its
// history, the KF paragraphs it was väckt and answered at, and its uppdrag.
import type { Prisma } from "@/generated/prisma/client";
import type { ScopedClient } from "@/server/db/scoped";
import { NotFoundError, requirePermission, type Actor } from "@/server/permissions";
import { compareSv } from "@/lib/dates";
import { OPEN_MOTION_STATES, isOpenMotion, motionClock, motionClockText, type MotionClock } from "@/lib/motions/clock";
import { proposersText, readProposers } from "@/lib/motions/labels";
import { swedishCalendarDate } from "@/lib/report/report-dates";
import type { MotionListFilters } from "@/lib/validation/motion";

const listSelect = {
  id: true,
  kind: true,
  title: true,
  proposers: true,
  anonymised: true,
  raisedOn: true,
  raisedAtNumber: true,
  raisedAtParagraph: { select: { number: true } },
  dnr: true,
  state: true,
  outcome: true,
  answeredOn: true,
  answeredAtParagraph: { select: { number: true } },
  preparingBody: { select: { name: true, shortName: true } },
  handlaggare: { select: { name: true } },
  handlaggareName: true,
  _count: { select: { uppdrag: true } },
} satisfies Prisma.MotionSelect;

export interface MotionListRow {
  id: string;
  kind: "MOTION" | "MEDBORGARFORSLAG";
  title: string;
  proposers: string;
  raisedOn: Date;
  raisedAtNumber: number | null;
  dnr: string | null;
  state: Prisma.MotionGetPayload<{ select: typeof listSelect }>["state"];
  outcome: Prisma.MotionGetPayload<{ select: typeof listSelect }>["outcome"];
  answeredOn: Date | null;
  answeredAtNumber: number | null;
  preparingBody: string | null;
  handlaggare: string | null;
  uppdragCount: number;
  open: boolean;
  /** The clock on `today`; null once KF has decided. */
  clock: MotionClock | null;
  clockText: string;
}

/** The handläggare as shown: the person, or the name as written. */
export const handlaggareOf = (m: { handlaggare: { name: string } | null; handlaggareName: string | null }) => m.handlaggare?.name ?? m.handlaggareName ?? null;

/** The register, oldest väckt first (the longest waiting on top), filtered; with the clock as of today in Sweden. */
export async function listMotions(db: ScopedClient, actor: Actor, filters: MotionListFilters = {}, now = new Date()): Promise<MotionListRow[]> {
  requirePermission(actor, "motion:read", { municipalityId: actor.municipalityId });
  const today = swedishCalendarDate(now);
  const yearAgo = new Date(Date.UTC(today.getUTCFullYear() - 1, today.getUTCMonth(), today.getUTCDate()));
  const where: Prisma.MotionWhereInput = {
    ...(filters.kind ? { kind: filters.kind } : {}),
    ...(filters.state ? { state: filters.state } : {}),
    ...(filters.obesvarade || filters.overAr ? { state: filters.state && OPEN_MOTION_STATES.includes(filters.state) ? filters.state : { in: [...OPEN_MOTION_STATES] } } : {}),
    // Over a year: the deadline (a year after väckt) has passed, i.e. väckt before the day a year ago.
    ...(filters.overAr ? { raisedOn: { lt: yearAgo } } : {}),
  };
  const rows = await db.motion.findMany({ where, select: listSelect, orderBy: [{ raisedOn: "asc" }, { createdAt: "asc" }] });
  return rows.map((m) => {
    const open = isOpenMotion(m.state);
    return {
      id: m.id,
      kind: m.kind,
      title: m.title,
      proposers: proposersText(readProposers(m.proposers), m.anonymised),
      raisedOn: m.raisedOn,
      raisedAtNumber: m.raisedAtParagraph?.number ?? m.raisedAtNumber,
      dnr: m.dnr,
      state: m.state,
      outcome: m.outcome,
      answeredOn: m.answeredOn,
      answeredAtNumber: m.answeredAtParagraph?.number ?? null,
      preparingBody: m.preparingBody?.name ?? null,
      handlaggare: handlaggareOf(m),
      uppdragCount: m._count.uppdrag,
      open,
      clock: open ? motionClock(m.raisedOn, today) : null,
      clockText: motionClockText(m, today),
    };
  });
}

/** One motion with everything its page shows; NotFoundError when it is not the municipality's. */
export async function getMotion(db: ScopedClient, actor: Actor, id: string, now = new Date()) {
  requirePermission(actor, "motion:read", { municipalityId: actor.municipalityId });
  const m = await db.motion.findFirst({
    where: { id },
    select: {
      id: true,
      kind: true,
      title: true,
      proposers: true,
      anonymised: true,
      raisedOn: true,
      raisedAtNumber: true,
      raisedAtParagraph: { select: { id: true, number: true, meetingId: true, meeting: { select: { date: true } } } },
      dnr: true,
      state: true,
      outcome: true,
      answeredOn: true,
      answeredAtParagraph: { select: { id: true, number: true, title: true, decision: true, meetingId: true, meeting: { select: { date: true } } } },
      preparingBody: { select: { id: true, name: true, shortName: true } },
      handlaggare: { select: { id: true, name: true } },
      handlaggareName: true,
      preparationNote: true,
      version: true,
      events: {
        select: { id: true, state: true, outcome: true, on: true, comment: true, preparationNote: true, at: true, author: { select: { name: true } }, paragraph: { select: { number: true } } },
        orderBy: [{ at: "desc" }, { id: "desc" }],
      },
      uppdrag: {
        select: { id: true, title: true, status: true, statusComment: true, deadline: true, unitNames: true, statusChangedAt: true },
        orderBy: [{ decidedOn: "asc" }, { titleSortKey: "asc" }],
      },
    },
  });
  if (!m) throw new NotFoundError("motion");
  const today = swedishCalendarDate(now);
  const open = isOpenMotion(m.state);
  return {
    ...m,
    proposerList: readProposers(m.proposers),
    proposersText: proposersText(readProposers(m.proposers), m.anonymised),
    handlaggareText: handlaggareOf(m),
    open,
    clock: open ? motionClock(m.raisedOn, today) : null,
    clockText: motionClockText(m, today),
  };
}
export type MotionDetails = Awaited<ReturnType<typeof getMotion>>;

/** What the forms offer: the municipality's bodies, its people, KF's paragraphs (newest first) and the uppdrag of a paragraph. */
export async function motionFormChoices(db: ScopedClient, answeredAtParagraphId?: string | null) {
  const [bodies, people, councilParagraphs, units, paragraphUppdrag] = await Promise.all([
    db.body.findMany({ select: { id: true, name: true, shortName: true } }),
    db.membership.findMany({ where: { user: { active: true } }, select: { user: { select: { id: true, name: true } }, role: true } }),
    db.paragraph.findMany({
      where: { body: { kind: "FULLMAKTIGE" } },
      select: { id: true, number: true, title: true, meeting: { select: { date: true } } },
      orderBy: [{ meeting: { date: "desc" } }, { number: "desc" }],
      take: 200,
    }),
    db.unit.findMany({ select: { id: true, name: true } }),
    answeredAtParagraphId
      ? db.uppdrag.findMany({ where: { paragraphId: answeredAtParagraphId, motionId: null }, select: { id: true, title: true } })
      : Promise.resolve([]),
  ]);
  return {
    bodies: bodies.sort((a, b) => compareSv(a.name, b.name)),
    people: people.map((p) => p.user).sort((a, b) => compareSv(a.name, b.name)),
    councilParagraphs,
    units: units.sort((a, b) => compareSv(a.name, b.name)),
    paragraphUppdrag,
  };
}
