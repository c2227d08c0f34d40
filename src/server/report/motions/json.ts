// The motion report as JSON (for other systems, and the archived data of a
// fastställd report): calendar dates as "YYYY-MM-DD", moments as ISO 8601 UTC.
import { formatIsoDate, parseIsoDate } from "@/lib/dates";
import type { DecidedMotionRow, MotionReport, MotionReportRow } from "@/lib/motions/report";

const date = (d: Date) => formatIsoDate(d);
const row = (r: MotionReportRow) => ({
  motionId: r.motionId,
  kind: r.kind,
  title: r.title,
  proposers: r.proposers,
  raisedOn: date(r.raisedOn),
  raisedAtParagraph: r.raisedAtNumber,
  dnr: r.dnr,
  preparingBody: r.preparingBody,
  handlaggare: r.handlaggare,
  state: r.state,
  stateLabel: r.stateLabel,
  preparationNote: r.preparationNote,
  oneYearOn: date(r.deadline),
  daysLeft: r.daysLeft,
  age: r.age,
  overAYear: r.overAYear,
  clock: r.clockText,
});
const decidedRow = (r: DecidedMotionRow) => ({ ...row(r), decidedOn: date(r.decidedOn), decisionParagraph: r.decisionParagraph, outcome: r.outcome });

export function motionReportToPlain(r: MotionReport) {
  return {
    report: "obesvarade-motioner" as const,
    municipality: r.municipality,
    asOf: date(r.asOf),
    previous: date(r.previous),
    generatedAt: r.generatedAt.toISOString(),
    summary: r.summary,
    open: r.open.map((g) => ({ kind: g.kind, label: g.label, rows: g.rows.map(row) })),
    decidedSince: r.decidedSince.map(decidedRow),
  };
}
export type PlainMotionReport = ReturnType<typeof motionReportToPlain>;

export const motionReportToJson = (r: MotionReport) => `${JSON.stringify(motionReportToPlain(r), null, 2)}\n`;

const calendar = (s: string) => {
  const d = parseIsoDate(s);
  if (!d) throw new RangeError(`invalid date in archived report: ${s}`);
  return d;
};
type PlainRow = PlainMotionReport["open"][number]["rows"][number];
const fromRow = (r: PlainRow): MotionReportRow => ({
  motionId: r.motionId,
  kind: r.kind,
  title: r.title,
  proposers: r.proposers,
  raisedOn: calendar(r.raisedOn),
  raisedAtNumber: r.raisedAtParagraph,
  dnr: r.dnr,
  preparingBody: r.preparingBody,
  handlaggare: r.handlaggare,
  state: r.state,
  stateLabel: r.stateLabel,
  preparationNote: r.preparationNote,
  deadline: calendar(r.oneYearOn),
  daysLeft: r.daysLeft,
  age: r.age,
  overAYear: r.overAYear,
  clockText: r.clock,
});

/** Back from the archived plain data to a report every format renders as when it was frozen. */
export function plainToMotionReport(p: PlainMotionReport): MotionReport {
  return {
    municipality: p.municipality,
    asOf: calendar(p.asOf),
    previous: calendar(p.previous),
    generatedAt: new Date(p.generatedAt),
    summary: p.summary,
    open: p.open.map((g) => ({ kind: g.kind, label: g.label, rows: g.rows.map(fromRow) })),
    decidedSince: p.decidedSince.map((r) => ({ ...fromRow(r), decidedOn: calendar(r.decidedOn), decisionParagraph: r.decisionParagraph, outcome: r.outcome })),
  };
}
