// The rules of the reminders (issue #17, docs/decisions/009-reminders.md), pure:
// which uppdrag are near their date, passed it without a new status or silent
// as of a day, when the report's cut-off window is open and what it lists,
// which motions approach their year, and how the items become one digest per
// person with a key that makes sending it idempotent. No database here: the
// server (src/server/reminders) loads the records and sends.
import type { MotionState, UppdragStatus } from "@/generated/prisma/enums";
import { isClosed } from "@/lib/status";
import { previousReportDate, reportDatesOfYear, type ReportDays } from "@/lib/report/report-dates";

const DAY_MS = 86_400_000;

/** The kinds of reminder; each person turns each preference group on or off. */
export const REMINDER_RULES = ["DEADLINE_NEAR", "DEADLINE_PASSED", "SILENT", "REPORT_CUTOFF", "MOTION_YEAR", "FOLLOWED_CHANGED"] as const;
export type ReminderRule = (typeof REMINDER_RULES)[number];

/** The preference (ReminderPreference column) each rule belongs to. */
export const PREFERENCE_OF: Record<ReminderRule, ReminderPreferenceKey> = {
  DEADLINE_NEAR: "deadlines",
  DEADLINE_PASSED: "deadlines",
  SILENT: "silent",
  REPORT_CUTOFF: "reportCutoff",
  MOTION_YEAR: "motionYear",
  FOLLOWED_CHANGED: "followed",
};
export const PREFERENCE_KEYS = ["deadlines", "silent", "reportCutoff", "motionYear", "followed"] as const;
export type ReminderPreferenceKey = (typeof PREFERENCE_KEYS)[number];
export type ReminderPreferences = Record<ReminderPreferenceKey, boolean>;
export const DEFAULT_PREFERENCES: ReminderPreferences = { deadlines: true, silent: true, reportCutoff: true, motionYear: true, followed: true };

/** What each preference means, on /konto. */
export const PREFERENCE_LABEL: Record<ReminderPreferenceKey, string> = {
  deadlines: "Planerat klart eller sista dag närmar sig, eller har passerat utan ny status",
  silent: "Uppdrag utan ny status på länge (tyst försening)",
  reportCutoff: "Inför redovisningen: uppdrag utan status sedan förra redovisningen",
  motionYear: "Motioner och medborgarförslag som närmar sig eller har passerat ett år utan beslut",
  followed: "Statusändringar i uppdrag och motioner som jag följer",
};

/** The headings of a digest's sections, in this order. */
export const RULE_HEADING: Record<ReminderRule, string> = {
  DEADLINE_PASSED: "Datumet har passerat utan ny status",
  DEADLINE_NEAR: "Datumet närmar sig",
  SILENT: "Ingen ny status på länge",
  REPORT_CUTOFF: "Inför redovisningen",
  MOTION_YEAR: "Motioner som närmar sig eller har passerat ett år",
  FOLLOWED_CHANGED: "Ändringar i det du följer",
};
const RULE_ORDER: ReminderRule[] = ["DEADLINE_PASSED", "DEADLINE_NEAR", "SILENT", "REPORT_CUTOFF", "MOTION_YEAR", "FOLLOWED_CHANGED"];

export interface ReminderSettings {
  /** A planned completion or deadline within this many days is "near" (14). */
  nearDays: number;
  /** No status for this many months is a silent delay (6). */
  silentMonths: number;
  /** The cut-off window opens this many days before a report date (21: three weeks). */
  cutoffDays: number;
  /** A motion whose year ends within this many days is approaching it (60). */
  motionWarnDays: number;
}
export const DEFAULT_SETTINGS: ReminderSettings = { nearDays: 14, silentMonths: 6, cutoffDays: 21, motionWarnDays: 60 };

/** Bumped when the rules change meaning: a new rule set makes new digest keys. */
export const RULE_SET = "r1";

/** An uppdrag as it stood at the end of the as-of day. */
export interface UppdragAsOf {
  id: string;
  title: string;
  status: UppdragStatus;
  deadline: Date | null;
  plannedCompletion: Date | null;
  /** When the latest status was recorded (null: none recorded by then). */
  lastStatusAt: Date | null;
  decidedOn: Date;
}

export interface RuleHit {
  rule: ReminderRule;
  /** Why, in Swedish, for the mail ("Planerat klart 30 juni 2026"). */
  date: Date | null;
  /** Unique per rule, record and what triggered it: an item is never sent twice. */
  itemKey: string;
}

const day = (d: Date) => Math.floor(d.getTime() / DAY_MS);
const iso = (d: Date) => d.toISOString().slice(0, 10);

/** The date the uppdrag is expected done by: its planned completion, else its deadline. */
export const dueDate = (u: Pick<UppdragAsOf, "deadline" | "plannedCompletion">): Date | null => u.plannedCompletion ?? u.deadline;

/** Calendar months back from a calendar date (UTC), clamped to the month's last day. */
export function monthsBefore(d: Date, months: number): Date {
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth() - months;
  const last = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  return new Date(Date.UTC(y, m, Math.min(d.getUTCDate(), last)));
}

/**
 * The work rules for one uppdrag as of a calendar date (UTC midnight):
 * - DEADLINE_NEAR: open, not vilande, due within `nearDays` (today included);
 * - DEADLINE_PASSED: open, not vilande, due before today and no status recorded since the due date;
 * - SILENT: open, and the latest status (or the decision, when none) is older than `silentMonths`.
 * A closed uppdrag gives nothing. Passed and silent may both hold; near and passed never do.
 */
export function uppdragRules(u: UppdragAsOf, asOf: Date, s: ReminderSettings = DEFAULT_SETTINGS): RuleHit[] {
  if (isClosed(u.status)) return [];
  const hits: RuleHit[] = [];
  const due = dueDate(u);
  const today = day(asOf);
  if (due && u.status !== "ON_HOLD") {
    const d = day(due);
    if (d >= today && d <= today + s.nearDays) hits.push({ rule: "DEADLINE_NEAR", date: due, itemKey: `near:${u.id}:${iso(due)}` });
    // A status recorded on or after the due date answers for it.
    const answered = u.lastStatusAt !== null && day(u.lastStatusAt) >= d;
    if (d < today && !answered) hits.push({ rule: "DEADLINE_PASSED", date: due, itemKey: `passed:${u.id}:${iso(due)}` });
  }
  const since = u.lastStatusAt ?? u.decidedOn;
  if (day(since) <= day(monthsBefore(asOf, s.silentMonths))) hits.push({ rule: "SILENT", date: since, itemKey: `silent:${u.id}:${since.toISOString()}` });
  return hits;
}

/**
 * The report's cut-off window: from `cutoffDays` before a report date to the
 * date itself. Returns that report date and the one before it (whose report
 * the "no status since" is counted from), or null outside the window.
 */
export function cutoffWindow(asOf: Date, days: ReportDays, s: ReminderSettings = DEFAULT_SETTINGS): { reportDate: Date; previous: Date } | null {
  const year = asOf.getUTCFullYear();
  const today = day(asOf);
  for (const r of [...reportDatesOfYear(year, days), ...reportDatesOfYear(year + 1, days)]) {
    const d = day(r);
    if (d >= today && d - s.cutoffDays <= today) return { reportDate: r, previous: previousReportDate(r, days) };
  }
  return null;
}

/** REPORT_CUTOFF for one uppdrag in an open window: open, and no status recorded after the previous report date. */
export function cutoffRule(u: UppdragAsOf, window: { reportDate: Date; previous: Date }): RuleHit | null {
  if (isClosed(u.status)) return null;
  if (u.lastStatusAt && day(u.lastStatusAt) > day(window.previous)) return null;
  return { rule: "REPORT_CUTOFF", date: window.reportDate, itemKey: `cutoff:${u.id}:${iso(window.reportDate)}` };
}

/** The day a motion's year ends: one year after it was väckt (kommunallagen 5 kap. 35 §). */
export function motionYearEnds(raisedOn: Date): Date {
  const d = new Date(Date.UTC(raisedOn.getUTCFullYear() + 1, raisedOn.getUTCMonth(), raisedOn.getUTCDate()));
  // 29 February → 28 February (not 1 March) the next year.
  return d.getUTCMonth() === raisedOn.getUTCMonth() ? d : new Date(Date.UTC(raisedOn.getUTCFullYear() + 1, raisedOn.getUTCMonth() + 1, 0));
}

const OPEN_MOTION: readonly MotionState[] = ["VACKT", "REMITTERAD", "UNDER_BEREDNING"];

/**
 * MOTION_YEAR: an open motion whose year ends within `motionWarnDays`, or has
 * ended without an answer (then it is to be reported to KF: kommunallagen 5 kap.
 * 35 §). Two reminders at most: one as the year approaches, one once it is over.
 */
export function motionRule(m: { id: string; state: MotionState; raisedOn: Date }, asOf: Date, s: ReminderSettings = DEFAULT_SETTINGS): RuleHit | null {
  if (!OPEN_MOTION.includes(m.state)) return null;
  const ends = motionYearEnds(m.raisedOn);
  const d = day(ends);
  const today = day(asOf);
  if (d > today + s.motionWarnDays) return null;
  return { rule: "MOTION_YEAR", date: ends, itemKey: `${d < today ? "motion-over" : "motion-year"}:${m.id}` };
}

// ---------------------------------------------------------------- digests

export interface DigestItem {
  rule: ReminderRule;
  kind: "uppdrag" | "motion";
  recordId: string;
  title: string;
  /** The date the rule is about (due date, report date, year's end, status date), ISO. */
  date: string | null;
  /** A short line under the title ("Ny status: Pågår"). */
  detail?: string;
  itemKey: string;
}

export interface Recipient {
  userId: string;
  name: string;
  email: string;
  preferences: ReminderPreferences;
}

export interface Digest {
  municipalityId: string;
  userId: string;
  name: string;
  email: string;
  week: string;
  key: string;
  items: DigestItem[];
}

/** ISO 8601 week of a calendar date: "2026-W24". */
export function isoWeek(d: Date): string {
  const t = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
  const dow = t.getUTCDay() || 7;
  t.setUTCDate(t.getUTCDate() + 4 - dow); // the week's Thursday decides its year
  const year = t.getUTCFullYear();
  const week = Math.ceil(((t.getTime() - Date.UTC(year, 0, 1)) / DAY_MS + 1) / 7);
  return `${year}-W${String(week).padStart(2, "0")}`;
}

/** The digest's idempotency key: one digest per municipality, person, ISO week and rule set. */
export const digestKey = (municipalityId: string, userId: string, week: string) => `${municipalityId}:${userId}:${week}:${RULE_SET}`;

/**
 * Groups the items each person is to get into one digest per person: items of
 * rules the person turned off, and items already sent to them (by item key),
 * are left out; a person with nothing left gets no digest. Items are in the
 * headings' order, then by date and title; an item reaching a person by two
 * ways (their unit and the body they serve) is there once.
 */
export function planDigests(input: {
  municipalityId: string;
  asOf: Date;
  recipients: Map<string, Recipient>;
  /** userId → items for that person. */
  items: Map<string, DigestItem[]>;
  /** userId → item keys already sent (or being sent) to them. */
  sent: Map<string, Set<string>>;
}): Digest[] {
  const week = isoWeek(input.asOf);
  const out: Digest[] = [];
  for (const [userId, items] of input.items) {
    const r = input.recipients.get(userId);
    if (!r) continue;
    const sent = input.sent.get(userId) ?? new Set<string>();
    const seen = new Set<string>();
    const kept = items.filter((i) => {
      if (!r.preferences[PREFERENCE_OF[i.rule]] || sent.has(i.itemKey) || seen.has(i.itemKey)) return false;
      seen.add(i.itemKey);
      return true;
    });
    if (!kept.length) continue;
    kept.sort((a, b) => RULE_ORDER.indexOf(a.rule) - RULE_ORDER.indexOf(b.rule) || (a.date ?? "").localeCompare(b.date ?? "") || a.title.localeCompare(b.title, "sv"));
    out.push({ municipalityId: input.municipalityId, userId, name: r.name, email: r.email, week, key: digestKey(input.municipalityId, userId, week), items: kept });
  }
  return out.sort((a, b) => a.name.localeCompare(b.name, "sv") || a.userId.localeCompare(b.userId));
}

/** Backoff after a failed send: 15 minutes, doubling, at most a day; null after the last attempt. */
export const MAX_ATTEMPTS = 6;
export function nextAttemptAfter(attempts: number, now: Date): Date | null {
  if (attempts >= MAX_ATTEMPTS) return null;
  const minutes = Math.min(15 * 2 ** (attempts - 1), 24 * 60);
  return new Date(now.getTime() + minutes * 60_000);
}
