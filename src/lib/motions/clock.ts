// The one-year clock of kommunallagen 5 kap. 35 §: a motion (and, by most
// arbetsordningar, a medborgarförslag) should be prepared so that kommunfullmäktige
// can decide on it within one year of its being väckt. These are the pure rules;
// the register (src/server/motions) and the report use them as they are.
import type { MotionOutcome, MotionState } from "@/generated/prisma/enums";

const DAY_MS = 86_400_000;

/** Not yet decided by KF: what the twice-yearly list of obesvarade motioner holds. */
export const OPEN_MOTION_STATES: readonly MotionState[] = ["VACKT", "REMITTERAD", "UNDER_BEREDNING"];
/** KF has decided: answered (with an outcome) or written off. */
export const CLOSED_MOTION_STATES: readonly MotionState[] = ["BESVARAD", "AVSKRIVEN"];

export const isOpenMotion = (state: MotionState): boolean => OPEN_MOTION_STATES.includes(state);

/** Outcomes that give uppdrag: what KF approved is to be carried out. */
export const GRANTING_OUTCOMES: readonly MotionOutcome[] = ["BIFALLEN", "DELVIS_BIFALLEN"];
export const givesUppdrag = (outcome: MotionOutcome | null | undefined): boolean => !!outcome && GRANTING_OUTCOMES.includes(outcome);

/**
 * The last day within the year: the same calendar date a year after väckt
 * (a motion väckt on 29 February: 28 February the year after). Calendar dates
 * are UTC midnight, as stored.
 */
export function oneYearAfter(raisedOn: Date): Date {
  const y = raisedOn.getUTCFullYear() + 1;
  const m = raisedOn.getUTCMonth();
  const lastOfMonth = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  return new Date(Date.UTC(y, m, Math.min(raisedOn.getUTCDate(), lastOfMonth)));
}

const calendarDays = (from: Date, to: Date) => Math.round((Date.UTC(to.getUTCFullYear(), to.getUTCMonth(), to.getUTCDate()) - Date.UTC(from.getUTCFullYear(), from.getUTCMonth(), from.getUTCDate())) / DAY_MS);

export interface MotionClock {
  /** The last day KF can decide within the year. */
  deadline: Date;
  /** Whole days from väckt to `today`. */
  age: number;
  /** Whole days from `today` to the deadline: 0 on the deadline itself, negative after it. */
  daysLeft: number;
  /** More than a year has passed since väckt (today is after the deadline). */
  overAYear: boolean;
}

/** The clock of a motion väckt on `raisedOn`, as it stands on the calendar date `today`. */
export function motionClock(raisedOn: Date, today: Date): MotionClock {
  const deadline = oneYearAfter(raisedOn);
  const daysLeft = calendarDays(today, deadline);
  return { deadline, age: calendarDays(raisedOn, today), daysLeft, overAYear: daysLeft < 0 };
}

const days = (n: number) => `${n} ${n === 1 ? "dag" : "dagar"}`;

/**
 * The clock in words, for the list and the report: "120 dagar kvar", "1 dag kvar",
 * "Sista dagen i dag", "Över ett år (400 dagar)" — the days since it was väckt.
 * A motion that is not obesvarad has no clock: "Besvarad efter 200 dagar" when the
 * day of the decision is known.
 */
export function clockText(c: MotionClock): string {
  if (c.overAYear) return `Över ett år (${days(c.age)})`;
  if (c.daysLeft === 0) return "Sista dagen i dag";
  return `${days(c.daysLeft)} kvar`;
}

/** The clock of a motion in any state: obesvarad ones count down, decided ones say when. */
export function motionClockText(m: { state: MotionState; raisedOn: Date; answeredOn?: Date | null }, today: Date): string {
  if (isOpenMotion(m.state)) return clockText(motionClock(m.raisedOn, today));
  if (!m.answeredOn) return m.state === "AVSKRIVEN" ? "Avskriven" : "Besvarad";
  const after = calendarDays(m.raisedOn, m.answeredOn);
  return `${m.state === "AVSKRIVEN" ? "Avskriven" : "Besvarad"} efter ${days(after)}${after > calendarDays(m.raisedOn, oneYearAfter(m.raisedOn)) ? " (över ett år)" : ""}`;
}

/** Within this many days of the deadline the list marks the clock as close ("snart ett år"). */
export const CLOCK_WARNING_DAYS = 60;
