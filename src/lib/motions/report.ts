// The twice-yearly list of obesvarade motioner och medborgarförslag as of a date
// (KL 5 kap. 35 §, the arbetsordning): every motion väckt by the end of the date
// whose state then was väckt, remitterad or under beredning, with its state, the
// one-year clock and what the preparation had shown; and those KF decided since
// the previous report. The state at a date is read from the history by the day each
// event took effect (an answer: the KF meeting's day), so a motion answered after
// the date still counts as obesvarad in the report as of that date.
import type { MotionKind, MotionOutcome, MotionState } from "@/generated/prisma/enums";
import { isOpenMotion, motionClock, clockText } from "./clock";
import { MOTION_KINDS, MOTION_KIND_LABEL, MOTION_STATE_LABEL, stateText } from "./labels";

export interface MotionEventAt {
  state: MotionState;
  outcome: MotionOutcome | null;
  /** The day it took effect. */
  on: Date;
  /** When it was saved (orders events of one day). */
  at: Date;
  preparationNote: string | null;
  paragraphNumber: number | null;
}

export interface MotionInput {
  id: string;
  kind: MotionKind;
  title: string;
  proposers: string;
  raisedOn: Date;
  raisedAtNumber: number | null;
  dnr: string | null;
  preparingBody: string | null;
  handlaggare: string | null;
  events: MotionEventAt[];
}

export interface MotionReportRow {
  motionId: string;
  kind: MotionKind;
  title: string;
  proposers: string;
  raisedOn: Date;
  raisedAtNumber: number | null;
  dnr: string | null;
  preparingBody: string | null;
  handlaggare: string | null;
  state: MotionState;
  stateLabel: string;
  /** "Vad som har kommit fram vid beredningen", as it stood at the date. */
  preparationNote: string | null;
  deadline: Date;
  daysLeft: number;
  age: number;
  overAYear: boolean;
  clockText: string;
}

export interface DecidedMotionRow extends MotionReportRow {
  decidedOn: Date;
  decisionParagraph: number | null;
  outcome: MotionOutcome | null;
}

export interface MotionReport {
  municipality: { name: string; slug: string };
  asOf: Date;
  previous: Date;
  generatedAt: Date;
  summary: { open: number; overAYear: number; byKind: Record<MotionKind, number>; decidedSince: number };
  /** Obesvarade at the date, motions first, then medborgarförslag; the oldest first. */
  open: { kind: MotionKind; label: string; rows: MotionReportRow[] }[];
  /** Decided (besvarade or avskrivna) after the previous report date up to the date. */
  decidedSince: DecidedMotionRow[];
}

const byDay = (a: MotionEventAt, b: MotionEventAt) => a.on.getTime() - b.on.getTime() || a.at.getTime() - b.at.getTime();

/** The last event in effect at the end of `day` (null: not yet registered then). */
export function eventAt(events: MotionEventAt[], day: Date): MotionEventAt | null {
  const upTo = events.filter((e) => e.on.getTime() <= day.getTime()).sort(byDay);
  return upTo.at(-1) ?? null;
}

function rowOf(m: MotionInput, e: MotionEventAt, asOf: Date): MotionReportRow {
  const clock = motionClock(m.raisedOn, asOf);
  return {
    motionId: m.id,
    kind: m.kind,
    title: m.title,
    proposers: m.proposers,
    raisedOn: m.raisedOn,
    raisedAtNumber: m.raisedAtNumber,
    dnr: m.dnr,
    preparingBody: m.preparingBody,
    handlaggare: m.handlaggare,
    state: e.state,
    stateLabel: stateText(e.state, e.outcome),
    preparationNote: e.preparationNote,
    deadline: clock.deadline,
    daysLeft: clock.daysLeft,
    age: clock.age,
    overAYear: clock.overAYear,
    clockText: clockText(clock),
  };
}

export function buildMotionReport(o: { municipality: { name: string; slug: string }; asOf: Date; previous: Date; now: Date; motions: MotionInput[] }): MotionReport {
  const open: MotionReportRow[] = [];
  const decidedSince: DecidedMotionRow[] = [];
  for (const m of o.motions) {
    if (m.raisedOn.getTime() > o.asOf.getTime()) continue;
    const e = eventAt(m.events, o.asOf);
    if (!e) continue;
    if (isOpenMotion(e.state)) {
      open.push(rowOf(m, e, o.asOf));
    } else if (e.on.getTime() > o.previous.getTime()) {
      // The note as it stood before the decision is what the preparation had shown.
      decidedSince.push({ ...rowOf(m, e, o.asOf), decidedOn: e.on, decisionParagraph: e.paragraphNumber, outcome: e.outcome });
    }
  }
  const oldestFirst = (a: MotionReportRow, b: MotionReportRow) => a.raisedOn.getTime() - b.raisedOn.getTime() || a.title.localeCompare(b.title, "sv");
  open.sort(oldestFirst);
  decidedSince.sort((a, b) => a.decidedOn.getTime() - b.decidedOn.getTime() || oldestFirst(a, b));
  const byKind = Object.fromEntries(MOTION_KINDS.map((k) => [k, open.filter((r) => r.kind === k).length])) as Record<MotionKind, number>;
  return {
    municipality: o.municipality,
    asOf: o.asOf,
    previous: o.previous,
    generatedAt: o.now,
    summary: { open: open.length, overAYear: open.filter((r) => r.overAYear).length, byKind, decidedSince: decidedSince.length },
    open: MOTION_KINDS.map((kind) => ({ kind, label: kind === "MOTION" ? "Motioner" : "Medborgarförslag", rows: open.filter((r) => r.kind === kind) })),
    decidedSince,
  };
}

export interface MotionReportComparison {
  earlier: Pick<MotionReport, "asOf" | "previous">;
  later: Pick<MotionReport, "asOf" | "previous">;
  /** Obesvarade in the later report, not in the earlier. */
  added: MotionReportRow[];
  /** Obesvarade in the earlier report, not in the later: decided (or, rarely, left out). */
  decided: { earlier: MotionReportRow; decided: DecidedMotionRow | null }[];
  /** Obesvarade in both. */
  stillOpen: { earlier: MotionReportRow; later: MotionReportRow }[];
  /** Still obesvarade and over a year old in the later report but not in the earlier. */
  newlyOverAYear: { earlier: MotionReportRow; later: MotionReportRow }[];
}

const openRows = (r: MotionReport) => r.open.flatMap((g) => g.rows);

/** Two reports side by side; the earlier date counts as earlier whatever the order given. */
export function compareMotionReports(a: MotionReport, b: MotionReport): MotionReportComparison {
  const [earlier, later] = a.asOf.getTime() <= b.asOf.getTime() ? [a, b] : [b, a];
  const before = new Map(openRows(earlier).map((r) => [r.motionId, r]));
  const after = new Map(openRows(later).map((r) => [r.motionId, r]));
  const decidedLater = new Map(later.decidedSince.map((r) => [r.motionId, r]));
  const stillOpen = openRows(earlier).flatMap((e) => (after.has(e.motionId) ? [{ earlier: e, later: after.get(e.motionId)! }] : []));
  return {
    earlier: { asOf: earlier.asOf, previous: earlier.previous },
    later: { asOf: later.asOf, previous: later.previous },
    added: openRows(later).filter((r) => !before.has(r.motionId)),
    decided: openRows(earlier)
      .filter((e) => !after.has(e.motionId))
      .map((e) => ({ earlier: e, decided: decidedLater.get(e.motionId) ?? null })),
    stillOpen,
    newlyOverAYear: stillOpen.filter((s) => s.later.overAYear && !s.earlier.overAYear),
  };
}

export const MOTION_COLUMN = {
  kind: "Slag",
  raisedOn: "Väckt",
  paragraph: "KF §",
  dnr: "Dnr",
  title: "Rubrik",
  proposers: "Förslagsställare",
  preparingBody: "Bereds av",
  handlaggare: "Handläggare",
  state: "Läge",
  clock: "Ett år",
  deadline: "Ett år den",
  preparationNote: "Vad som har kommit fram vid beredningen",
  decidedOn: "Beslutad",
  decision: "Beslut",
} as const;

export const kindLabel = (k: MotionKind) => MOTION_KIND_LABEL[k];
export const stateLabel = (s: MotionState) => MOTION_STATE_LABEL[s];
