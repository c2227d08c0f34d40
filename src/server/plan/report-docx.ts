// The follow-up report as a Word document (A4 portrait, Swedish), for editing
// before it goes to the board: the same tables as the print view.
import { AlignmentType, Document, Footer, HeadingLevel, Packer, PageNumber, Paragraph, ShadingType, Table, TableCell, TableRow, TextRun, WidthType } from "docx";
import { formatDate } from "@/lib/dates";
import { ACTIVITY_HEAD, indicatorSentence, rollupSentence, type PlanReport } from "./report";

const A4 = { width: 11906, height: 16838 };
const MARGIN = 1021; // 18 mm
const TEXT_WIDTH = A4.width - 2 * MARGIN;
const FONT_SIZE = 18; // 9 pt
const ACTIVITY_WIDTHS = [2800, 1200, 1000, 1900, 2964];
const INDICATOR_WIDTHS = [3900, 2200, 2000, 1764];

function para(text: string, o: { bold?: boolean; size?: number; italics?: boolean } = {}) {
  const lines = text.split(/\r?\n/);
  return new Paragraph({
    spacing: { after: 80 },
    children: lines.map((line, i) => new TextRun({ text: line, bold: o.bold, italics: o.italics, size: o.size, break: i > 0 ? 1 : undefined })),
  });
}

function cell(text: string, width: number, header = false) {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    shading: header ? { type: ShadingType.CLEAR, color: "auto", fill: "E2E8F0" } : undefined,
    margins: { top: 40, bottom: 40, left: 80, right: 80 },
    children: [para(text, { bold: header, size: FONT_SIZE })],
  });
}

function table(head: readonly string[], rows: string[][], widths: number[]) {
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    rows: [
      new TableRow({ tableHeader: true, cantSplit: true, children: head.map((h, i) => cell(h, widths[i], true)) }),
      ...rows.map((r) => new TableRow({ cantSplit: true, children: r.map((c, i) => cell(c, widths[i])) })),
    ],
  });
}

export async function renderPlanReportDocx(r: PlanReport): Promise<Buffer> {
  const children: (Paragraph | Table)[] = [
    para(`${r.municipality} · ${r.body}`),
    new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(r.title)] }),
    para(r.subtitle, { size: 28 }),
    para(`Aktiviteter: ${rollupSentence(r.rollup)}. Nyckeltal: ${indicatorSentence(r.rollup)}.`),
    para(`${r.closedNote} Framtagen ${formatDate(r.generatedAt)} ur Uppdragskollen.`),
  ];
  if (r.scope) {
    children.push(new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun("Ansvarsområde")] }));
    for (const p of r.scope.split(/\n{2,}/)) children.push(para(p));
  }
  for (const s of r.sections) {
    children.push(
      new Paragraph({ heading: HeadingLevel.HEADING_1, keepNext: true, pageBreakBefore: false, children: [new TextRun(`Kommunmål: ${s.goal}`)] }),
      para(`Nämndåtagande: ${s.commitment}`, { bold: true }),
      para(`Aktiviteter: ${rollupSentence(s.rollup)}. Nyckeltal: ${indicatorSentence(s.rollup)}.`, { italics: true }),
      new Paragraph({ heading: HeadingLevel.HEADING_2, keepNext: true, children: [new TextRun("Aktivitetsmått – vad ska vi göra/hur ligger vi till?")] }),
      s.activities.length ? table(ACTIVITY_HEAD, s.activities, ACTIVITY_WIDTHS) : para("Inga aktiviteter.", { italics: true }),
      new Paragraph({ heading: HeadingLevel.HEADING_2, keepNext: true, children: [new TextRun("Resultatmått – hur väl har vi lyckats?")] }),
      s.indicators.length ? table(r.indicatorHead, s.indicators, INDICATOR_WIDTHS) : para("Inga nyckeltal.", { italics: true }),
      ...s.footnotes.map((f) => para(f, { size: 16 })),
      new Paragraph({ heading: HeadingLevel.HEADING_2, keepNext: true, children: [new TextRun("Sammanfattande kommentar till utfall")] }),
      ...(s.summary ? s.summary.split(/\n{2,}/).map((p) => para(p)) : [para("Ingen kommentar.", { italics: true })]),
    );
  }
  const footer = new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [
          new TextRun({ text: `${r.municipality} · ${r.title} ${r.subtitle} · Sida `, size: 16 }),
          new TextRun({ children: [PageNumber.CURRENT], size: 16 }),
          new TextRun({ text: " av ", size: 16 }),
          new TextRun({ children: [PageNumber.TOTAL_PAGES], size: 16 }),
        ],
      }),
    ],
  });
  const doc = new Document({
    title: `${r.title} ${r.subtitle}`,
    subject: r.municipality,
    creator: "Uppdragskollen",
    styles: { default: { document: { run: { language: { value: "sv-SE" }, font: "Calibri", size: 20 } } } },
    sections: [
      {
        properties: { page: { size: { width: A4.width, height: A4.height }, margin: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN } } },
        footers: { default: footer },
        children,
      },
    ],
  });
  return Packer.toBuffer(doc);
}
