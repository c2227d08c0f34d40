// The report as JSON, for other systems: calendar dates as "YYYY-MM-DD",
// moments as ISO 8601 in UTC, statuses as codes with their Swedish labels.
import { formatIsoDate } from "@/lib/dates";
import type { ClosedRow, Report, ReportBody, ReportRow } from "@/lib/report/point-in-time";

const date = (d: Date | null) => (d ? formatIsoDate(d) : null);
const body = (b: ReportBody) => ({ id: b.id, shortName: b.shortName, name: b.name, kind: b.kind });

const row = (r: ReportRow) => ({
  uppdragId: r.uppdragId,
  decidedOn: date(r.decidedOn),
  body: { shortName: r.body.shortName, name: r.body.name },
  paragraph: r.paragraphNumber,
  dnr: r.dnr,
  title: r.title,
  units: r.units,
  status: r.status,
  statusLabel: r.statusLabel,
  comment: r.comment,
  plannedCompletion: date(r.plannedCompletion),
  statusSince: r.statusSince?.toISOString() ?? null,
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
    },
    open: report.open.map((g) => ({ body: body(g.body), rows: g.rows.map(row) })),
    closedSince: report.closedSince.map(closedRow),
  };
}
export type PlainReport = ReturnType<typeof reportToPlain>;

export function reportToJson(report: Report): string {
  return `${JSON.stringify(reportToPlain(report), null, 2)}\n`;
}
