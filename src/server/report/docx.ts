// The report as a Word document (A4 landscape), for editing before it goes to
// kommunfullmäktige: title, municipality and report date, a summary table, one
// table per body of the uppdrag not carried out, and the uppdrag closed since
// the previous report. Page numbers and the report date in the footer; the
// document's language is Swedish (sv-SE), so Word checks its spelling as such.
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  HeadingLevel,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
} from "docx";
import { formatDate, formatDateTime, formatIsoDate } from "@/lib/dates";
import { OPEN_STATUSES, STATUS_LABEL } from "@/lib/status";
import type { ClosedRow, Report, ReportRow } from "@/lib/report/point-in-time";
import {
  CLOSED_SECTION_TITLE,
  COLUMN,
  LATE_MARKER,
  REPORT_TITLE,
  SUMMARY_TITLE,
  asOfPhrase,
  bodyHeading,
  carriesDeadlines,
  closedSinceSentence,
  lateSentence,
  madeBeforeAsOfWarning,
  scopeSentence,
} from "@/lib/report/labels";
import { isMadeBeforeAsOf } from "@/lib/report/report-dates";

const LANGUAGE = "sv-SE";
// A4 (portrait measures; the section is turned to landscape), 2 cm margins, in twentieths of a point.
const A4 = { width: 11906, height: 16838 };
const MARGIN = 1134;
const TEXT_WIDTH = A4.height - 2 * MARGIN; // 14570
const HEADER_FILL = "E5E7EB";
const WARNING_BORDER = { style: BorderStyle.SINGLE, size: 8, color: "B45309", space: 4 };
const TABLE_FONT_SIZE = 18; // half-points: 9 pt

interface Column<R> {
  header: string;
  width: number;
  value: (r: R) => string;
}

/** "Klart senast" with the late marker on a line of its own (the list's words). */
const due = (r: ReportRow) => `${r.deadline ? formatIsoDate(r.deadline) : "–"}${r.late ? `\n${LATE_MARKER}` : ""}`;

// The columns add up to the text width (14,570).
const OPEN_COLUMNS: Column<ReportRow>[] = [
  { header: COLUMN.decidedOn, width: 1200, value: (r) => formatIsoDate(r.decidedOn) },
  { header: COLUMN.paragraph, width: 500, value: (r) => String(r.paragraphNumber) },
  { header: COLUMN.dnr, width: 1400, value: (r) => r.dnr ?? "" },
  { header: COLUMN.title, width: 3300, value: (r) => r.title },
  { header: COLUMN.units, width: 1800, value: (r) => r.units },
  { header: COLUMN.status, width: 1300, value: (r) => r.statusLabel },
  { header: COLUMN.comment, width: 2770, value: (r) => r.comment ?? "" },
  { header: COLUMN.deadline, width: 1200, value: due },
  { header: COLUMN.plannedCompletion, width: 1100, value: (r) => (r.plannedCompletion ? formatIsoDate(r.plannedCompletion) : "") },
];

/** A report fastställd before it carried "Klart senast": its columns as they were. */
const OPEN_COLUMNS_WITHOUT_DEADLINE: Column<ReportRow>[] = [
  { header: COLUMN.decidedOn, width: 1300, value: (r) => formatIsoDate(r.decidedOn) },
  { header: COLUMN.paragraph, width: 600, value: (r) => String(r.paragraphNumber) },
  { header: COLUMN.dnr, width: 1500, value: (r) => r.dnr ?? "" },
  { header: COLUMN.title, width: 3600, value: (r) => r.title },
  { header: COLUMN.units, width: 2000, value: (r) => r.units },
  { header: COLUMN.status, width: 1400, value: (r) => r.statusLabel },
  { header: COLUMN.comment, width: 3070, value: (r) => r.comment ?? "" },
  { header: COLUMN.plannedCompletion, width: 1100, value: (r) => (r.plannedCompletion ? formatIsoDate(r.plannedCompletion) : "") },
];

const CLOSED_COLUMNS: Column<ClosedRow>[] = [
  { header: COLUMN.body, width: 1400, value: (r) => r.body.shortName || r.body.name },
  { header: COLUMN.decidedOn, width: 1200, value: (r) => formatIsoDate(r.decidedOn) },
  { header: COLUMN.paragraph, width: 600, value: (r) => String(r.paragraphNumber) },
  { header: COLUMN.dnr, width: 1400, value: (r) => r.dnr ?? "" },
  { header: COLUMN.title, width: 3400, value: (r) => r.title },
  { header: COLUMN.units, width: 1900, value: (r) => r.units },
  { header: COLUMN.status, width: 1300, value: (r) => r.statusLabel },
  { header: COLUMN.closedAt, width: 1100, value: (r) => formatIsoDate(r.closedOn) },
  { header: COLUMN.comment, width: 2270, value: (r) => r.comment ?? "" },
];

/** A paragraph of text; line breaks in the text become line breaks in Word. */
function textParagraph(
  text: string,
  opts: { bold?: boolean; size?: number; style?: string; alignment?: (typeof AlignmentType)[keyof typeof AlignmentType] } = {},
) {
  // One line and nothing to set on the run: the paragraph's own text (the fewest objects;
  // a report of 2,000 rows has 16,000 cells and docx's writing time grows with them).
  if (!opts.bold && !opts.size && !/[\r\n]/.test(text)) return new Paragraph({ style: opts.style, alignment: opts.alignment, text });
  const lines = text.split(/\r?\n/);
  return new Paragraph({
    style: opts.style,
    alignment: opts.alignment,
    children: lines.map((line, i) => new TextRun({ text: line, bold: opts.bold, size: opts.size, break: i > 0 ? 1 : undefined })),
  });
}

// Table text is set by two paragraph styles (below) and the cell margins by the
// table, so a cell is a cell with one paragraph and nothing repeated per cell.
const CELL_STYLE = "Tabelltext";
const HEADER_CELL_STYLE = "Tabellrubrik";
const CELL_MARGINS = { top: 40, bottom: 40, left: 80, right: 80 };

function cell(text: string, width: number, header = false, alignment?: (typeof AlignmentType)[keyof typeof AlignmentType]) {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    shading: header ? { type: ShadingType.CLEAR, color: "auto", fill: HEADER_FILL } : undefined,
    children: [textParagraph(text, { style: header ? HEADER_CELL_STYLE : CELL_STYLE, alignment })],
  });
}

function table<R>(columns: Column<R>[], rows: R[]): Table {
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: columns.map((c) => c.width),
    layout: TableLayoutType.FIXED,
    margins: CELL_MARGINS,
    rows: [
      new TableRow({ tableHeader: true, cantSplit: true, children: columns.map((c) => cell(c.header, c.width, true)) }),
      ...rows.map((r) => new TableRow({ cantSplit: true, children: columns.map((c) => cell(c.value(r), c.width)) })),
    ],
  });
}

function summaryTable(report: Report): Table {
  const statuses = OPEN_STATUSES;
  const bodyWidth = 4570;
  const countWidth = (TEXT_WIDTH - bodyWidth) / (statuses.length + 1);
  const header = new TableRow({
    tableHeader: true,
    children: [cell(COLUMN.body, bodyWidth, true), ...statuses.map((s) => cell(STATUS_LABEL[s], countWidth, true, AlignmentType.RIGHT)), cell("Summa", countWidth, true, AlignmentType.RIGHT)],
  });
  const countRow = (label: string, counts: Record<string, number>, total: number, bold = false) =>
    new TableRow({
      cantSplit: true,
      children: [
        cell(label, bodyWidth, bold),
        ...statuses.map((s) => cell(String(counts[s]), countWidth, bold, AlignmentType.RIGHT)),
        cell(String(total), countWidth, bold, AlignmentType.RIGHT),
      ],
    });
  const { summary } = report;
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    margins: CELL_MARGINS,
    columnWidths: [bodyWidth, ...statuses.map(() => countWidth), countWidth],
    rows: [
      header,
      ...summary.byBody.map((b) => countRow(bodyHeading(b.body), b.byStatus, b.open)),
      countRow("Totalt ej verkställda", summary.byStatus, summary.open, true),
    ],
  });
}

export async function renderReportDocx(report: Report): Promise<Buffer> {
  const asOf = asOfPhrase(report.asOf);
  const warning = madeBeforeAsOfWarning(report.asOf, report.generatedAt);
  const late = lateSentence(report.summary);
  const openColumns = carriesDeadlines(report) ? OPEN_COLUMNS : OPEN_COLUMNS_WITHOUT_DEADLINE;
  const children: (Paragraph | Table)[] = [
    new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(REPORT_TITLE)] }),
    textParagraph(report.municipality.name, { bold: true, size: 28 }),
    textParagraph(`Redovisning ${asOf}`, { size: 28 }),
    ...(warning
      ? [
          new Paragraph({
            border: { top: WARNING_BORDER, bottom: WARNING_BORDER, left: WARNING_BORDER, right: WARNING_BORDER },
            shading: { type: ShadingType.CLEAR, color: "auto", fill: "FFFBEB" },
            children: [new TextRun({ text: warning, bold: true })],
          }),
        ]
      : []),
    textParagraph(`Föregående redovisning: ${formatDate(report.previous)}. Framtagen ${formatDateTime(report.generatedAt)}.`),
    textParagraph(scopeSentence(report.asOf, report.previous, report.generatedAt)),
    new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(SUMMARY_TITLE)] }),
    summaryTable(report),
    ...(late ? [textParagraph(late)] : []),
    textParagraph(closedSinceSentence(report.previous, report.summary)),
    new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(`Ej verkställda beslut ${asOf}`)] }),
  ];
  for (const group of report.open) {
    children.push(new Paragraph({ heading: HeadingLevel.HEADING_2, keepNext: true, children: [new TextRun(bodyHeading(group.body))] }));
    children.push(group.rows.length ? table(openColumns, group.rows) : textParagraph("Inga ej verkställda uppdrag."));
  }
  children.push(
    new Paragraph({ heading: HeadingLevel.HEADING_1, keepNext: true, children: [new TextRun(`${CLOSED_SECTION_TITLE} (${formatDate(report.previous)})`)] }),
    report.closedSince.length ? table(CLOSED_COLUMNS, report.closedSince) : textParagraph("Inga uppdrag har avslutats sedan föregående redovisning."),
  );

  const footer = new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [
          new TextRun({
            text: `${report.municipality.name} · ${REPORT_TITLE} ${asOf}${isMadeBeforeAsOf(report.asOf, report.generatedAt) ? ` · läget ${formatDateTime(report.generatedAt)}, före redovisningsdagen` : ""} · Sida `,
            size: 16,
          }),
          new TextRun({ children: [PageNumber.CURRENT], size: 16 }),
          new TextRun({ text: " av ", size: 16 }),
          new TextRun({ children: [PageNumber.TOTAL_PAGES], size: 16 }),
        ],
      }),
    ],
  });

  const doc = new Document({
    title: `${REPORT_TITLE} ${asOf}`,
    subject: report.municipality.name,
    creator: "Uppdragskollen",
    description: scopeSentence(report.asOf, report.previous, report.generatedAt),
    styles: {
      default: { document: { run: { language: { value: LANGUAGE }, font: "Calibri", size: 22 } } },
      paragraphStyles: [
        { id: CELL_STYLE, name: CELL_STYLE, basedOn: "Normal", quickFormat: true, run: { size: TABLE_FONT_SIZE }, paragraph: { spacing: { before: 0, after: 0 } } },
        { id: HEADER_CELL_STYLE, name: HEADER_CELL_STYLE, basedOn: CELL_STYLE, quickFormat: true, run: { bold: true, size: TABLE_FONT_SIZE } },
      ],
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: A4.width, height: A4.height, orientation: PageOrientation.LANDSCAPE },
            margin: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN },
          },
        },
        footers: { default: footer },
        children,
      },
    ],
  });
  return Packer.toBuffer(doc);
}
