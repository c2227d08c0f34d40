// The motion report as a Word document (A4 landscape, Swedish), for editing
// before it goes to kommunfullmäktige.
import { AlignmentType, Document, Footer, HeadingLevel, Packer, PageNumber, PageOrientation, Paragraph, ShadingType, Table, TableCell, TableLayoutType, TableRow, TextRun, WidthType } from "docx";
import { formatDate, formatIsoDate } from "@/lib/dates";
import { MOTION_OUTCOME_LABEL, MOTION_REPORT_TITLE } from "@/lib/motions/labels";
import { MOTION_COLUMN as C, type DecidedMotionRow, type MotionReport, type MotionReportRow } from "@/lib/motions/report";
import { asOfPhrase, madeBeforeAsOfWarning } from "@/lib/report/labels";
import { motionScopeSentence, motionSummarySentence } from "./html";

const A4 = { width: 11906, height: 16838 };
const MARGIN = 1134;
const CELL = "Tabelltext";
const HEAD = "Tabellrubrik";

interface Column<R> {
  header: string;
  width: number;
  value: (r: R) => string;
}
const para = (n: number | null) => (n === null ? "–" : `§ ${n}`);
const OPEN: Column<MotionReportRow>[] = [
  { header: C.raisedOn, width: 1150, value: (r) => formatIsoDate(r.raisedOn) },
  { header: C.paragraph, width: 650, value: (r) => para(r.raisedAtNumber) },
  { header: C.dnr, width: 1150, value: (r) => r.dnr ?? "" },
  { header: C.title, width: 2700, value: (r) => r.title },
  { header: C.proposers, width: 1800, value: (r) => r.proposers },
  { header: C.preparingBody, width: 1500, value: (r) => [r.preparingBody, r.handlaggare].filter(Boolean).join("\n") },
  { header: C.state, width: 1150, value: (r) => r.stateLabel },
  { header: C.clock, width: 1300, value: (r) => r.clockText },
  { header: C.preparationNote, width: 3170, value: (r) => r.preparationNote ?? "" },
];
const DECIDED: Column<DecidedMotionRow>[] = [
  { header: C.kind, width: 1400, value: (r) => (r.kind === "MOTION" ? "Motion" : "Medborgarförslag") },
  { header: C.raisedOn, width: 1150, value: (r) => formatIsoDate(r.raisedOn) },
  { header: C.dnr, width: 1150, value: (r) => r.dnr ?? "" },
  { header: C.title, width: 3300, value: (r) => r.title },
  { header: C.proposers, width: 2000, value: (r) => r.proposers },
  { header: C.decidedOn, width: 1150, value: (r) => formatIsoDate(r.decidedOn) },
  { header: C.paragraph, width: 650, value: (r) => para(r.decisionParagraph) },
  { header: C.decision, width: 1500, value: (r) => (r.outcome ? MOTION_OUTCOME_LABEL[r.outcome] : "Avskriven") },
  { header: C.preparationNote, width: 2270, value: (r) => r.preparationNote ?? "" },
];

const text = (t: string, style?: string) =>
  new Paragraph({ style, children: t.split(/\r?\n/).map((line, i) => new TextRun({ text: line, break: i > 0 ? 1 : undefined })) });
const cell = (t: string, width: number, header = false) =>
  new TableCell({ width: { size: width, type: WidthType.DXA }, shading: header ? { type: ShadingType.CLEAR, color: "auto", fill: "E5E7EB" } : undefined, children: [text(t, header ? HEAD : CELL)] });
function table<R>(columns: Column<R>[], rows: R[]) {
  return new Table({
    width: { size: A4.height - 2 * MARGIN, type: WidthType.DXA },
    columnWidths: columns.map((c) => c.width),
    layout: TableLayoutType.FIXED,
    margins: { top: 40, bottom: 40, left: 80, right: 80 },
    rows: [
      new TableRow({ tableHeader: true, cantSplit: true, children: columns.map((c) => cell(c.header, c.width, true)) }),
      ...rows.map((r) => new TableRow({ cantSplit: true, children: columns.map((c) => cell(c.value(r), c.width)) })),
    ],
  });
}

export async function renderMotionReportDocx(r: MotionReport): Promise<Buffer> {
  const warning = madeBeforeAsOfWarning(r.asOf, r.generatedAt);
  const children: (Paragraph | Table)[] = [
    new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(MOTION_REPORT_TITLE)] }),
    new Paragraph({ children: [new TextRun({ text: r.municipality.name, bold: true, size: 28 })] }),
    new Paragraph({ children: [new TextRun({ text: `Redovisning ${asOfPhrase(r.asOf)}`, size: 28 })] }),
    ...(warning ? [new Paragraph({ children: [new TextRun({ text: warning, bold: true })] })] : []),
    text(motionScopeSentence(r)),
    text(motionSummarySentence(r)),
  ];
  for (const g of r.open) {
    children.push(new Paragraph({ heading: HeadingLevel.HEADING_1, keepNext: true, children: [new TextRun(`${g.label} (${g.rows.length})`)] }));
    children.push(g.rows.length ? table(OPEN, g.rows) : text(`Inga obesvarade ${g.label.toLowerCase()}.`));
  }
  children.push(new Paragraph({ heading: HeadingLevel.HEADING_1, keepNext: true, children: [new TextRun(`Besvarade och avskrivna sedan ${formatDate(r.previous)}`)] }));
  children.push(r.decidedSince.length ? table(DECIDED, r.decidedSince) : text(`Inga har besvarats eller avskrivits sedan ${formatDate(r.previous)}.`));
  const footer = new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [
          new TextRun({ text: `${r.municipality.name} · ${MOTION_REPORT_TITLE} ${asOfPhrase(r.asOf)} · Sida `, size: 16 }),
          new TextRun({ children: [PageNumber.CURRENT], size: 16 }),
          new TextRun({ text: " av ", size: 16 }),
          new TextRun({ children: [PageNumber.TOTAL_PAGES], size: 16 }),
        ],
      }),
    ],
  });
  const doc = new Document({
    title: `${MOTION_REPORT_TITLE} ${asOfPhrase(r.asOf)}`,
    subject: r.municipality.name,
    creator: "Uppdragskollen",
    styles: {
      default: { document: { run: { language: { value: "sv-SE" }, font: "Calibri", size: 22 } } },
      paragraphStyles: [
        { id: CELL, name: CELL, basedOn: "Normal", quickFormat: true, run: { size: 18 }, paragraph: { spacing: { before: 0, after: 0 } } },
        { id: HEAD, name: HEAD, basedOn: CELL, quickFormat: true, run: { bold: true, size: 18 } },
      ],
    },
    sections: [
      {
        properties: { page: { size: { width: A4.width, height: A4.height, orientation: PageOrientation.LANDSCAPE }, margin: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN } } },
        footers: { default: footer },
        children,
      },
    ],
  });
  return Packer.toBuffer(doc);
}
