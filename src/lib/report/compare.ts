// Two reports side by side (usually two fastställda, June and December): what is
// new since the earlier one, what was closed, what is still open, and which of
// those were postponed again (their planned completion moved later).
import type { UppdragStatus } from "@/generated/prisma/enums";
import type { Report, ReportRow } from "./point-in-time";

export interface StillOpenRow {
  earlier: ReportRow;
  later: ReportRow;
  /** Postponed again: planned completion moved later, or newly försenad or vilande. */
  postponed: boolean;
  /** The status differs between the reports. */
  statusChanged: boolean;
}

export interface ClosedBetweenRow {
  earlier: ReportRow;
  /** The row in the later report's "closed since" section, when it is there. */
  closed: ReportRow | null;
}

export interface ReportComparison {
  earlier: Pick<Report, "asOf" | "previous">;
  later: Pick<Report, "asOf" | "previous">;
  /** Open in the later report, not in the earlier one. */
  added: ReportRow[];
  /** Open in the earlier report, not in the later one. */
  closed: ClosedBetweenRow[];
  /** Open in both. */
  stillOpen: StillOpenRow[];
  /** The still-open rows that were postponed again. */
  postponed: StillOpenRow[];
}

const openRows = (r: Report) => r.open.flatMap((g) => g.rows);

/** Compares two reports; the one with the earlier report date counts as "earlier" whatever the order given. */
export function compareReports(a: Report, b: Report): ReportComparison {
  const [earlier, later] = a.asOf.getTime() <= b.asOf.getTime() ? [a, b] : [b, a];
  const before = new Map(openRows(earlier).map((r) => [r.uppdragId, r]));
  const after = new Map(openRows(later).map((r) => [r.uppdragId, r]));
  const closedLater = new Map(later.closedSince.map((r) => [r.uppdragId, r]));

  const added = openRows(later).filter((r) => !before.has(r.uppdragId));
  const closed: ClosedBetweenRow[] = [];
  const stillOpen: StillOpenRow[] = [];
  for (const e of openRows(earlier)) {
    const l = after.get(e.uppdragId);
    if (!l) {
      closed.push({ earlier: e, closed: closedLater.get(e.uppdragId) ?? null });
      continue;
    }
    stillOpen.push({ earlier: e, later: l, postponed: isPostponed(e, l), statusChanged: e.status !== l.status });
  }
  return {
    earlier: { asOf: earlier.asOf, previous: earlier.previous },
    later: { asOf: later.asOf, previous: later.previous },
    added,
    closed,
    stillOpen,
    postponed: stillOpen.filter((s) => s.postponed),
  };
}

const SETBACKS: readonly UppdragStatus[] = ["DELAYED", "ON_HOLD"];

/** Postponed again: the planned completion moved later, or the uppdrag became försenad or vilande (senarelagd). */
function isPostponed(earlier: ReportRow, later: ReportRow): boolean {
  const e = earlier.plannedCompletion?.getTime();
  const l = later.plannedCompletion?.getTime();
  if (e !== undefined && l !== undefined && l > e) return true;
  return later.status !== earlier.status && SETBACKS.includes(later.status);
}
