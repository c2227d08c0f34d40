// The report as an Excel workbook, for editing: one row per uppdrag with real
// dates, a header row that stays in view, and autofilter. Sheet 1: not carried
// out at the report date; sheet 2: closed since the previous report.
import ExcelJS from "exceljs";
import { formatIsoDate } from "@/lib/dates";
import type { Report, ReportRow } from "@/lib/report/point-in-time";
import { COLUMN, REPORT_TITLE, asOfPhrase, carriesDeadlines } from "@/lib/report/labels";

const DATE_FORMAT = "yyyy-mm-dd";

interface Column {
  header: string;
  key: string;
  width: number;
  date?: boolean;
  wrap?: boolean;
}

const COMMON: Column[] = [
  { header: COLUMN.body, key: "body", width: 22, wrap: true },
  { header: COLUMN.decidedOn, key: "decidedOn", width: 13, date: true },
  { header: COLUMN.paragraph, key: "paragraph", width: 6 },
  { header: COLUMN.dnr, key: "dnr", width: 18 },
  { header: COLUMN.title, key: "title", width: 50, wrap: true },
  { header: COLUMN.units, key: "units", width: 28, wrap: true },
  { header: COLUMN.status, key: "status", width: 20 },
];
const DEADLINE: Column = { header: COLUMN.deadline, key: "deadline", width: 13, date: true };
const LATE: Column = { header: COLUMN.late, key: "late", width: 12 };
const openColumns = (withDeadline: boolean): Column[] => [
  ...COMMON,
  { header: COLUMN.comment, key: "comment", width: 50, wrap: true },
  ...(withDeadline ? [DEADLINE, LATE] : []),
  { header: COLUMN.plannedCompletion, key: "plannedCompletion", width: 14, date: true },
];
const closedColumns = (withDeadline: boolean): Column[] => [
  ...COMMON,
  { header: COLUMN.closedAt, key: "closedOn", width: 13, date: true },
  ...(withDeadline ? [DEADLINE] : []),
  { header: COLUMN.comment, key: "comment", width: 50, wrap: true },
];

const cells = (r: ReportRow) => ({
  body: r.body.name,
  decidedOn: r.decidedOn,
  paragraph: r.paragraphNumber,
  dnr: r.dnr ?? "",
  title: r.title,
  units: r.units,
  status: r.statusLabel,
  comment: r.comment ?? "",
  plannedCompletion: r.plannedCompletion ?? null,
  deadline: r.deadline ?? null,
  // "Ja" for the filter; empty otherwise.
  late: r.late ? "Ja" : "",
});

function addSheet(wb: ExcelJS.Workbook, name: string, columns: Column[], rows: Record<string, unknown>[], printHeader: string) {
  const ws = wb.addWorksheet(name, {
    views: [{ state: "frozen", xSplit: 0, ySplit: 1 }],
    pageSetup: { paperSize: 9, orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: "1:1" },
    headerFooter: { oddHeader: `&L${printHeader}`, oddFooter: "&RSida &P av &N" },
  });
  ws.columns = columns.map((c) => ({
    header: c.header,
    key: c.key,
    width: c.width,
    style: {
      ...(c.date ? { numFmt: DATE_FORMAT } : {}),
      alignment: { vertical: "top", wrapText: !!c.wrap },
    },
  }));
  const header = ws.getRow(1);
  header.font = { bold: true };
  header.alignment = { vertical: "bottom", wrapText: false };
  header.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFE5E7EB" } };
  ws.addRows(rows);
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  return ws;
}

/** Escapes "&" for Excel's header and footer codes. */
const headerText = (s: string) => s.replace(/&/g, "&&");

export async function reportToXlsx(report: Report): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "Uppdragskollen";
  wb.title = `${REPORT_TITLE} ${asOfPhrase(report.asOf)}`;
  wb.subject = report.municipality.name;
  wb.created = report.generatedAt;
  wb.modified = report.generatedAt;

  const withDeadline = carriesDeadlines(report);
  const title = headerText(`${report.municipality.name}: ${REPORT_TITLE} ${asOfPhrase(report.asOf)}`);
  addSheet(wb, "Ej verkställda", openColumns(withDeadline), report.open.flatMap((g) => g.rows.map(cells)), title);
  addSheet(
    wb,
    `Avslutade sedan ${formatIsoDate(report.previous)}`,
    closedColumns(withDeadline),
    report.closedSince.map((r) => ({ ...cells(r), closedOn: r.closedOn })),
    headerText(`${report.municipality.name}: avslutade uppdrag ${formatIsoDate(report.previous)}–${formatIsoDate(report.asOf)}`),
  );
  return Buffer.from(await wb.xlsx.writeBuffer());
}
