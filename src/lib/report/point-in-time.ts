// The report of ej verkställda beslut, as pure logic: each uppdrag's status,
// comment and planned completion as they stood at the end of the report date
// (reconstructed from the append-only status history, so a report can be made
// again afterwards and says the same), the open uppdrag grouped by the body
// that gave them, the ones closed since the previous report, and the counts.
import type { BodyKind, UppdragStatus } from "@/generated/prisma/enums";
import { compareSv } from "@/lib/dates";
import { CLOSED_STATUSES, OPEN_STATUSES, STATUS_LABEL, STATUSES, isClosed, standingComment } from "@/lib/status";
import { endOfSwedishDay, lateCutoff, swedishCalendarDate } from "./report-dates";

export interface ReportBody {
  id: string;
  shortName: string;
  name: string;
  kind: BodyKind;
}

export interface HistoryEntry {
  status: UppdragStatus;
  comment: string | null;
  plannedCompletion: Date | null;
  at: Date;
}

/** An uppdrag with its whole status history (any order; ties keep their given order). */
export interface ReportInputUppdrag {
  id: string;
  /** The decision date (SQL DATE, UTC midnight). */
  decidedOn: Date;
  title: string;
  /** The responsible units, joined in Swedish order ("A, B"). */
  unitNames: string;
  paragraph: { number: number; dnr: string | null };
  bodyId: string;
  /** "Klart senast": the date the decision set (SQL DATE); null when none. */
  deadline?: Date | null;
  history: HistoryEntry[];
}

export interface UppdragState {
  status: UppdragStatus;
  comment: string | null;
  plannedCompletion: Date | null;
  /** When the entry that gave this state was recorded; null when no entry was recorded yet. */
  since: Date | null;
}

export interface ReportRow {
  uppdragId: string;
  decidedOn: Date;
  body: ReportBody;
  paragraphNumber: number;
  dnr: string | null;
  title: string;
  units: string;
  status: UppdragStatus;
  /** Swedish label of the status ("Försenad"). */
  statusLabel: string;
  comment: string | null;
  plannedCompletion: Date | null;
  /** When the status was recorded (a moment); null: nothing recorded by the report date. */
  statusSince: Date | null;
  /**
   * "Klart senast", the date the decision set; null when none. Undefined in a
   * report fastställd before the report carried it (its rows are shown as frozen).
   */
  deadline?: Date | null;
  /**
   * Försenad mot datum: open, and its deadline (else its planned completion) had
   * passed by the report date (see lateCutoff). Undefined as `deadline`.
   */
  late?: boolean;
}

export interface ClosedRow extends ReportRow {
  /** When the uppdrag was closed (the entry that closed it; a moment). */
  closedAt: Date;
  /** The calendar date it was closed on, in Swedish time. */
  closedOn: Date;
}

export interface BodyGroup {
  body: ReportBody;
  rows: ReportRow[];
}

export interface ReportSummary {
  /** Open uppdrag at the report date. */
  open: number;
  /** Open uppdrag by status (every open status, zero included). */
  byStatus: Record<UppdragStatus, number>;
  /** Every reported body, in report order, with its open uppdrag by status. */
  byBody: { body: ReportBody; open: number; byStatus: Record<UppdragStatus, number> }[];
  /** Closed since the previous report, by closing status. */
  closedSince: number;
  closedSinceByStatus: Record<UppdragStatus, number>;
  /** Open uppdrag försenade mot datum; undefined in a report fastställd before the report counted them. */
  late?: number;
}

export interface ReportSections {
  summary: ReportSummary;
  open: BodyGroup[];
  closedSince: ClosedRow[];
}

const emptyCounts = () => Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<UppdragStatus, number>;

/** History in the order it happened; entries recorded at the same moment keep their given order. */
function chronological(history: HistoryEntry[]): HistoryEntry[] {
  return history.map((e, i) => ({ e, i })).sort((a, b) => a.e.at.getTime() - b.e.at.getTime() || a.i - b.i).map((x) => x.e);
}

/** The state before the first recorded status: given, not started. */
const NOT_YET_RECORDED: UppdragState = { status: "NOT_STARTED", comment: null, plannedCompletion: null, since: null };

/**
 * The state at a moment: the last entry recorded before it. An uppdrag whose
 * first entry was recorded later (registered after the fact) was "not started"
 * until then, since the decision had been taken.
 */
export function stateBefore(history: HistoryEntry[], moment: Date): UppdragState {
  let state = NOT_YET_RECORDED;
  for (const e of chronological(history)) {
    if (e.at.getTime() >= moment.getTime()) break;
    state = { status: e.status, comment: standingComment(e, state), plannedCompletion: e.plannedCompletion, since: e.at };
  }
  return state;
}

/** The state at the end of a calendar date (Swedish time). */
export function stateAtEndOf(history: HistoryEntry[], date: Date): UppdragState {
  return stateBefore(history, endOfSwedishDay(date));
}

/**
 * When an uppdrag closed at `moment` was last closed: the first entry of the
 * closed run that reaches `moment` (closed, reopened and closed again counts
 * from the second closing).
 */
function closedAtBefore(history: HistoryEntry[], moment: Date): Date | null {
  let closedAt: Date | null = null;
  for (const e of chronological(history)) {
    if (e.at.getTime() >= moment.getTime()) break;
    if (!isClosed(e.status)) closedAt = null;
    else closedAt ??= e.at;
  }
  return closedAt;
}

/** KF first, then KS (styrelse), then the others by name in Swedish order. */
export function compareBodies(a: ReportBody, b: ReportBody): number {
  const rank = (k: BodyKind) => (k === "FULLMAKTIGE" ? 0 : k === "STYRELSE" ? 1 : 2);
  return rank(a.kind) - rank(b.kind) || compareSv(a.name, b.name) || compareSv(a.shortName, b.shortName) || a.id.localeCompare(b.id);
}

/** Within a body: oldest decision first, then by § and title. */
function compareRows(a: ReportRow, b: ReportRow): number {
  return (
    a.decidedOn.getTime() - b.decidedOn.getTime() ||
    a.paragraphNumber - b.paragraphNumber ||
    compareSv(a.title, b.title) ||
    a.uppdragId.localeCompare(b.uppdragId)
  );
}

/**
 * The report's sections for the given bodies as of `asOf` (a calendar date),
 * with `previous` the previous report date (closed-since covers the days after
 * it up to and including `asOf`). Uppdrag decided after `asOf` and uppdrag of
 * other bodies are left out. Every body given gets a group, even an empty one.
 */
export function buildReportSections(input: {
  bodies: ReportBody[];
  uppdrag: ReportInputUppdrag[];
  asOf: Date;
  previous: Date;
  /** When the report is made: before the end of `asOf`, lateness is counted as of this day (default: as of `asOf`). */
  now?: Date;
}): ReportSections {
  const end = endOfSwedishDay(input.asOf);
  const cutoff = lateCutoff(input.asOf, input.now).getTime();
  const previousEnd = endOfSwedishDay(input.previous);
  const bodies = [...input.bodies].sort(compareBodies);
  const bodyById = new Map(bodies.map((b) => [b.id, b]));
  const openByBody = new Map<string, ReportRow[]>(bodies.map((b) => [b.id, []]));
  const closedSince: ClosedRow[] = [];

  for (const u of input.uppdrag) {
    const body = bodyById.get(u.bodyId);
    if (!body || u.decidedOn.getTime() > input.asOf.getTime()) continue;
    const state = stateBefore(u.history, end);
    const row: ReportRow = {
      uppdragId: u.id,
      decidedOn: u.decidedOn,
      body,
      paragraphNumber: u.paragraph.number,
      dnr: u.paragraph.dnr,
      title: u.title,
      units: u.unitNames,
      status: state.status,
      statusLabel: STATUS_LABEL[state.status],
      comment: state.comment,
      plannedCompletion: state.plannedCompletion,
      statusSince: state.since,
      deadline: u.deadline ?? null,
      late: false,
    };
    const due = row.deadline ?? row.plannedCompletion;
    row.late = !isClosed(state.status) && !!due && due.getTime() < cutoff;
    if (!isClosed(state.status)) {
      openByBody.get(body.id)!.push(row);
      continue;
    }
    // Closed at the report date: in "closed since" when it was closed (its last closing)
    // after the end of the previous report date, or decided after that date.
    const closedAt = closedAtBefore(u.history, end)!;
    if (closedAt.getTime() >= previousEnd.getTime() || u.decidedOn.getTime() > input.previous.getTime()) {
      closedSince.push({ ...row, closedAt, closedOn: swedishCalendarDate(closedAt) });
    }
  }

  const open: BodyGroup[] = bodies.map((body) => ({ body, rows: openByBody.get(body.id)!.sort(compareRows) }));
  closedSince.sort((a, b) => compareBodies(a.body, b.body) || compareRows(a, b));

  return { summary: summarize(open, closedSince), open, closedSince };
}

/** The counts of a report's sections: open by status and body, closed since by status. */
export function summarize(open: BodyGroup[], closedSince: ClosedRow[]): ReportSummary {
  const byStatus = emptyCounts();
  const byBody = open.map((g) => {
    const counts = emptyCounts();
    for (const r of g.rows) {
      counts[r.status]++;
      byStatus[r.status]++;
    }
    return { body: g.body, open: g.rows.length, byStatus: counts };
  });
  const closedSinceByStatus = emptyCounts();
  for (const r of closedSince) closedSinceByStatus[r.status]++;
  const rows = open.flatMap((g) => g.rows);
  // Counted only when the rows say (a report fastställd before they did has no such count).
  const late = rows.length === 0 || rows.some((r) => r.late !== undefined) ? rows.filter((r) => r.late).length : undefined;
  return {
    late,
    open: OPEN_STATUSES.reduce((n, s) => n + byStatus[s], 0),
    byStatus,
    byBody,
    closedSince: CLOSED_STATUSES.reduce((n, s) => n + closedSinceByStatus[s], 0),
    closedSinceByStatus,
  };
}

/** A whole report: what buildReport returns and the generators write. */
export interface Report extends ReportSections {
  municipality: { name: string; slug: string };
  /** The report date (calendar date, UTC midnight): the state at the end of this day. */
  asOf: Date;
  /** The previous report date: "closed since" counts the days after it. */
  previous: Date;
  /** When the report was made (a moment). */
  generatedAt: Date;
}
