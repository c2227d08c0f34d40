// The motion report as an Excel workbook: sheet 1 the obesvarade at the date,
// sheet 2 those decided since the previous report. Real dates, a header row that
// stays in view, autofilter.
import ExcelJS from "exceljs";
import { formatIsoDate } from "@/lib/dates";
import { MOTION_KIND_LABEL, MOTION_OUTCOME_LABEL, MOTION_REPORT_TITLE } from "@/lib/motions/labels";
import { MOTION_COLUMN as C, type MotionReport, type MotionReportRow } from "@/lib/motions/report";
import { asOfPhrase } from "@/lib/report/labels";

interface Column {
  header: string;
  key: string;
  width: number;
  date?: boolean;
  wrap?: boolean;
}
const COMMON: Column[] = [
  { header: C.kind, key: "kind", width: 16 },
  { header: C.raisedOn, key: "raisedOn", width: 12, date: true },
  { header: C.paragraph, key: "paragraph", width: 7 },
  { header: C.dnr, key: "dnr", width: 16 },
  { header: C.title, key: "title", width: 45, wrap: true },
  { header: C.proposers, key: "proposers", width: 28, wrap: true },
  { header: C.preparingBody, key: "preparingBody", width: 24, wrap: true },
  { header: C.handlaggare, key: "handlaggare", width: 20 },
];
const OPEN: Column[] = [
  ...COMMON,
  { header: C.state, key: "state", width: 16 },
  { header: C.deadline, key: "deadline", width: 12, date: true },
  { header: "Dagar kvar", key: "daysLeft", width: 10 },
  { header: "Över ett år", key: "overAYear", width: 11 },
  { header: C.preparationNote, key: "preparationNote", width: 60, wrap: true },
];
const DECIDED: Column[] = [
  ...COMMON,
  { header: C.decidedOn, key: "decidedOn", width: 12, date: true },
  { header: "Beslut §", key: "decisionParagraph", width: 8 },
  { header: C.decision, key: "decision", width: 16 },
  { header: C.preparationNote, key: "preparationNote", width: 60, wrap: true },
];

const cells = (r: MotionReportRow) => ({
  kind: MOTION_KIND_LABEL[r.kind],
  raisedOn: r.raisedOn,
  paragraph: r.raisedAtNumber,
  dnr: r.dnr ?? "",
  title: r.title,
  proposers: r.proposers,
  preparingBody: r.preparingBody ?? "",
  handlaggare: r.handlaggare ?? "",
  state: r.stateLabel,
  deadline: r.deadline,
  daysLeft: r.daysLeft,
  overAYear: r.overAYear ? "Ja" : "",
  preparationNote: r.preparationNote ?? "",
});

const headerText = (s: string) => s.replace(/&/g, "&&");

function addSheet(wb: ExcelJS.Workbook, name: string, columns: Column[], rows: Record<string, unknown>[], printHeader: string) {
  const ws = wb.addWorksheet(name, {
    views: [{ state: "frozen", xSplit: 0, ySplit: 1 }],
    pageSetup: { paperSize: 9, orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: "1:1" },
    headerFooter: { oddHeader: `&L${headerText(printHeader)}`, oddFooter: "&RSida &P av &N" },
  });
  ws.columns = columns.map((c) => ({ header: c.header, key: c.key, width: c.width, style: { ...(c.date ? { numFmt: "yyyy-mm-dd" } : {}), alignment: { vertical: "top", wrapText: !!c.wrap } } }));
  const header = ws.getRow(1);
  header.font = { bold: true };
  header.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFE5E7EB" } };
  ws.addRows(rows);
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
}

export async function motionReportToXlsx(r: MotionReport): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "Uppdragskollen";
  wb.title = `${MOTION_REPORT_TITLE} ${asOfPhrase(r.asOf)}`;
  wb.subject = r.municipality.name;
  wb.created = r.generatedAt;
  wb.modified = r.generatedAt;
  addSheet(wb, "Obesvarade", OPEN, r.open.flatMap((g) => g.rows.map(cells)), `${r.municipality.name}: ${MOTION_REPORT_TITLE} ${asOfPhrase(r.asOf)}`);
  addSheet(
    wb,
    `Besvarade sedan ${formatIsoDate(r.previous)}`,
    DECIDED,
    r.decidedSince.map((x) => ({ ...cells(x), decidedOn: x.decidedOn, decisionParagraph: x.decisionParagraph, decision: x.outcome ? MOTION_OUTCOME_LABEL[x.outcome] : "Avskriven" })),
    `${r.municipality.name}: besvarade och avskrivna ${formatIsoDate(r.previous)}–${formatIsoDate(r.asOf)}`,
  );
  return Buffer.from(await wb.xlsx.writeBuffer());
}
