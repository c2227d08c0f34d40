// The report as JSON, for other systems: calendar dates as "YYYY-MM-DD",
// moments as ISO 8601 in UTC, statuses as codes with their Swedish labels.
import { formatIsoDate, parseIsoDate } from "@/lib/dates";
import type { ClosedRow, Report, ReportBody, ReportRow } from "@/lib/report/point-in-time";

const date = (d: Date | null) => (d ? formatIsoDate(d) : null);
const body = (b: ReportBody) => ({ id: b.id, shortName: b.shortName, name: b.name, kind: b.kind });

const row = (r: ReportRow) => ({
  uppdragId: r.uppdragId,
  decidedOn: date(r.decidedOn),
  body: body(r.body),
  paragraph: r.paragraphNumber,
  dnr: r.dnr,
  title: r.title,
  units: r.units,
  status: r.status,
  statusLabel: r.statusLabel,
  comment: r.comment,
  plannedCompletion: date(r.plannedCompletion),
  statusSince: r.statusSince?.toISOString() ?? null,
  // Left out (undefined) for a report fastställd before it carried them.
  deadline: r.deadline === undefined ? undefined : date(r.deadline),
  late: r.late,
});

const closedRow = (r: ClosedRow) => ({ ...row(r), closedOn: date(r.closedOn), closedAt: r.closedAt.toISOString() });

/** The plain-data shape of a report (what reportToJson writes). */
export function reportToPlain(report: Report) {
  const { summary } = report;
  return {
    municipality: report.municipality,
    asOf: date(report.asOf),
    previous: date(report.previous),
    generatedAt: report.generatedAt.toISOString(),
    summary: {
      open: summary.open,
      byStatus: summary.byStatus,
      byBody: summary.byBody.map((b) => ({ body: body(b.body), open: b.open, byStatus: b.byStatus })),
      closedSince: summary.closedSince,
      closedSinceByStatus: summary.closedSinceByStatus,
      late: summary.late,
    },
    open: report.open.map((g) => ({ body: body(g.body), rows: g.rows.map(row) })),
    closedSince: report.closedSince.map(closedRow),
  };
}
export type PlainReport = ReturnType<typeof reportToPlain>;

export function reportToJson(report: Report): string {
  return `${JSON.stringify(reportToPlain(report), null, 2)}\n`;
}

// Back from the plain shape (an archived, fastställd report) to a Report that every
// format renders exactly as when it was frozen.
type PlainRow = PlainReport["open"][number]["rows"][number];
type PlainClosedRow = PlainReport["closedSince"][number];

const calendar = (s: string) => {
  const d = parseIsoDate(s);
  if (!d) throw new RangeError(`invalid date in archived report: ${s}`);
  return d;
};
const optionalCalendar = (s: string | null) => (s === null ? null : calendar(s));

function fromPlainRow(r: PlainRow): ReportRow {
  return {
    uppdragId: r.uppdragId,
    decidedOn: calendar(r.decidedOn!),
    body: r.body,
    paragraphNumber: r.paragraph,
    dnr: r.dnr,
    title: r.title,
    units: r.units,
    status: r.status,
    statusLabel: r.statusLabel,
    comment: r.comment,
    plannedCompletion: optionalCalendar(r.plannedCompletion),
    statusSince: r.statusSince === null ? null : new Date(r.statusSince),
    // A report fastställd before the report carried them has neither: shown as it was frozen.
    deadline: r.deadline === undefined ? undefined : optionalCalendar(r.deadline),
    late: r.late,
  };
}

export function plainToReport(p: PlainReport): Report {
  return {
    municipality: p.municipality,
    asOf: calendar(p.asOf!),
    previous: calendar(p.previous!),
    generatedAt: new Date(p.generatedAt),
    summary: {
      open: p.summary.open,
      byStatus: p.summary.byStatus,
      byBody: p.summary.byBody,
      closedSince: p.summary.closedSince,
      closedSinceByStatus: p.summary.closedSinceByStatus,
      late: p.summary.late,
    },
    open: p.open.map((g) => ({ body: g.body, rows: g.rows.map(fromPlainRow) })),
    closedSince: p.closedSince.map((r: PlainClosedRow): ClosedRow => ({ ...fromPlainRow(r), closedOn: calendar(r.closedOn!), closedAt: new Date(r.closedAt) })),
  };
}
