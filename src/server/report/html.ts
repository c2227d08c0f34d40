// The report as one self-contained HTML document for A4: the print view in the
// browser and the source of the PDF (pdf.ts). System fonts, no external files.
import type { Report, ReportRow, ClosedRow } from "@/lib/report/point-in-time";
import {
  COLUMN,
  LATE_MARKER,
  REPORT_TITLE,
  CLOSED_SECTION_TITLE,
  SUMMARY_TITLE,
  asOfPhrase,
  bodyHeading,
  carriesDeadlines,
  paragraphLabel,
  scopeSentence,
  closedSinceSentence,
  lateSentence,
  madeBeforeAsOfWarning,
} from "@/lib/report/labels";
import { OPEN_STATUSES, STATUS_LABEL } from "@/lib/status";
import { formatDate, formatDateTime, formatIsoDate } from "@/lib/dates";
import { isMadeBeforeAsOf } from "@/lib/report/report-dates";

const esc = (s: string | number | null | undefined) =>
  String(s ?? "").replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

// Speed matters here: Chromium's tagged PDF costs time for every element of the
// structure tree (docs/decisions/006-report-pdf-speed.md), and each table cell is
// two of them (TD, and a NonStruct around each run of text in it). So a row has
// five cells, not nine: related facts share a cell on lines of their own, and a
// cell is one run of text, its line breaks "\n" under `white-space: pre-line`
// (a <br>, <strong> or <span> would split it into more elements). What is
// emphasised (the status, "Försenad mot datum") is the cell's first line, styled
// with ::first-line. No cell is empty (Chromium leaves an empty cell out of the
// tree). The tables have a fixed layout from their <colgroup> (no measuring of
// every cell's content; on the screen, where the width varies, the browser sizes
// the columns itself), and the fonts are metric-compatible system fonts (Arial,
// or Liberation Sans on the server), narrower than the fallback DejaVu Sans, so
// more rows fit on a page.
const CSS = `
@page { size: A4 landscape; margin: 14mm 12mm 16mm 12mm; }
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { font-family: "Segoe UI", Arial, "Liberation Sans", Helvetica, sans-serif; color: #0f172a; font-size: 9pt; line-height: 1.3; margin: 0; }
.screen-only { background: #eef4fb; border-bottom: 1px solid #d6e4f5; padding: 12px 16px; font-size: 11pt; }
.screen-only button, .screen-only a { font: inherit; min-height: 44px; padding: 0 16px; margin-right: 8px; border-radius: 6px; border: 1px solid #1f4e8c; background: #1f4e8c; color: #fff; cursor: pointer; display: inline-flex; align-items: center; text-decoration: none; }
.screen-only a { background: #fff; color: #1f4e8c; }
.cover { break-after: page; padding-top: 10mm; }
.cover h1 { font-size: 24pt; margin: 0 0 4mm; color: #0f2a4d; }
.cover .municipality { font-size: 14pt; margin: 0 0 6mm; }
.cover .as-of { font-size: 13pt; margin: 0 0 6mm; }
.cover .scope { max-width: 170mm; font-size: 10pt; }
.cover .made { color: #334155; }
h2 { font-size: 12pt; margin: 5mm 0 2mm; color: #0f2a4d; break-after: avoid; }
table { width: 100%; border-collapse: collapse; }
thead { display: table-header-group; }
tr { break-inside: avoid; }
th, td { text-align: left; vertical-align: top; padding: 0.9mm 1.4mm; border-bottom: 0.25mm solid #cbd5e1; }
th { background: #e2e8f0; font-weight: 600; font-size: 8.5pt; }
.summary { width: auto; table-layout: auto; margin-top: 6mm; }
.summary td, .summary th { font-size: 10pt; padding: 1.4mm 2.4mm; }
.summary caption { text-align: left; font-weight: 600; margin-bottom: 2mm; }
.num { text-align: right; font-variant-numeric: tabular-nums; }
.empty { font-style: italic; }
.rows td { white-space: pre-line; }
.rows td.status::first-line { font-weight: 600; }
.rows td.late::first-line { font-weight: 700; color: #991b1b; }
.warning { max-width: 200mm; border: 0.5mm solid #b45309; background: #fffbeb; padding: 2mm 3mm; font-size: 10pt; font-weight: 600; }
@media screen { main { max-width: 297mm; margin: 0 auto; padding: 16px; } .cover { padding-top: 16px; border-bottom: 2px solid #cbd5e1; margin-bottom: 24px; } }
@media screen {
  col { width: auto !important; }
  .rows td:first-child, .rows td:last-child { white-space: pre; }
}
@media screen and (max-width: 800px) { main { padding: 12px 8px; } .rows th, .rows td { font-size: 8pt; padding: 1mm; } }
@media print { .screen-only { display: none; } table { table-layout: fixed; } th, td { overflow-wrap: break-word; } .summary { table-layout: auto; } }
`;

function summaryTable(r: Report): string {
  const statuses = OPEN_STATUSES;
  const head = `<tr><th scope="col">${esc(COLUMN.body)}</th>${statuses.map((s) => `<th scope="col" class="num">${esc(STATUS_LABEL[s])}</th>`).join("")}<th scope="col" class="num">Totalt</th></tr>`;
  const rows = r.summary.byBody
    .map((b) => `<tr><th scope="row">${esc(bodyHeading(b.body))}</th>${statuses.map((s) => `<td class="num">${b.byStatus[s]}</td>`).join("")}<td class="num">${b.open}</td></tr>`)
    .join("");
  const total = `<tr><th scope="row">Totalt</th>${statuses.map((s) => `<td class="num">${r.summary.byStatus[s]}</td>`).join("")}<td class="num">${r.summary.open}</td></tr>`;
  const late = lateSentence(r.summary);
  return `<table class="summary"><caption>${esc(SUMMARY_TITLE)}: ej verkställda uppdrag per organ och status</caption><thead>${head}</thead><tbody>${rows}${total}</tbody></table>
  <p>${late ? `${esc(late)} ` : ""}${esc(closedSinceSentence(r.previous, r.summary))}</p>`;
}

/** The print's own column headings, for the cells that hold several of COLUMN's facts. */
const HEADING = {
  decision: "Beslut",
  statusAndComment: `${COLUMN.status} och kommentar`,
  deadlineAndPlanned: `${COLUMN.deadline} och planerat klart`,
  plannedAndClosed: `${COLUMN.plannedCompletion} och avslutat`,
} as const;

/** The columns and their share of the line. */
const OPEN_COLUMNS: [label: string, percent: number][] = [
  [HEADING.decision, 12.5],
  [COLUMN.title, 27],
  [COLUMN.units, 19],
  [HEADING.statusAndComment, 25.5],
  [HEADING.deadlineAndPlanned, 16],
];
/** A report fastställd before it carried "Klart senast": its planned completion alone. */
const OPEN_COLUMNS_WITHOUT_DEADLINE: [label: string, percent: number][] = [
  [HEADING.decision, 12.5],
  [COLUMN.title, 29],
  [COLUMN.units, 20],
  [HEADING.statusAndComment, 27.5],
  [COLUMN.plannedCompletion, 11],
];
/** The closed since the previous report, of every body in one table: the body's short name before the decision. */
const CLOSED_COLUMNS: [label: string, percent: number][] = [
  [HEADING.decision, 14],
  [COLUMN.title, 26.5],
  [COLUMN.units, 18.5],
  [HEADING.statusAndComment, 25],
  [HEADING.plannedAndClosed, 16],
];

const tableHead = (columns: [string, number][]) =>
  `<colgroup>${columns.map(([, w]) => `<col style="width:${w}%">`).join("")}</colgroup>` +
  `<thead><tr>${columns.map(([label]) => `<th scope="col">${esc(label)}</th>`).join("")}</tr></thead>`;
const OPEN_HEAD = tableHead(OPEN_COLUMNS);
const OPEN_HEAD_WITHOUT_DEADLINE = tableHead(OPEN_COLUMNS_WITHOUT_DEADLINE);
const CLOSED_HEAD = tableHead(CLOSED_COLUMNS);

const isoOrDash = (d: Date | null | undefined) => (d ? formatIsoDate(d) : "–");

/** "2026-03-16 § 34" and "Dnr KS 2026/118" on the next line; in the closed table with the body first ("KS 2026-03-16 § 34"). */
const decisionCell = (row: ReportRow, body?: string) =>
  `<td>${body ? `${esc(body)} ` : ""}${esc(formatIsoDate(row.decidedOn))} ${esc(paragraphLabel(row.paragraphNumber))}\n${esc(COLUMN.dnr)} ${esc(row.dnr ?? "–")}</td>`;
/** The status on the first line (bold), the comment under it. */
const statusCell = (row: ReportRow) => `<td class="status">${esc(row.statusLabel)}${row.comment ? `\n${esc(row.comment)}` : ""}</td>`;
/** "Försenad mot datum" first (red, the list's words) when late, then "Klart senast …" and "Planerat klart …". */
const datesCell = (row: ReportRow) =>
  `<td${row.late ? ' class="late"' : ""}>${row.late ? `${esc(LATE_MARKER)}\n` : ""}${esc(COLUMN.deadline)} ${isoOrDash(row.deadline)}\n${esc(COLUMN.plannedCompletion)} ${isoOrDash(row.plannedCompletion)}</td>`;
const titleAndUnits = (row: ReportRow) => `<td>${esc(row.title)}</td><td>${esc(row.units || "–")}</td>`;

const openRow = (row: ReportRow, withDeadline: boolean) =>
  `<tr>${decisionCell(row)}${titleAndUnits(row)}${statusCell(row)}${withDeadline ? datesCell(row) : `<td>${isoOrDash(row.plannedCompletion)}</td>`}</tr>`;
const closedRow = (row: ClosedRow) =>
  `<tr>${decisionCell(row, row.body.shortName || row.body.name)}${titleAndUnits(row)}${statusCell(row)}` +
  `<td>${esc(COLUMN.plannedCompletion)} ${isoOrDash(row.plannedCompletion)}\n${esc(COLUMN.closedAt)} ${esc(formatIsoDate(row.closedOn))}</td></tr>`;

const openTable = (rows: ReportRow[], withDeadline: boolean) =>
  `<table class="rows">${withDeadline ? OPEN_HEAD : OPEN_HEAD_WITHOUT_DEADLINE}<tbody>${rows.map((r) => openRow(r, withDeadline)).join("")}</tbody></table>`;
const closedTable = (rows: ClosedRow[]) => `<table class="rows closed">${CLOSED_HEAD}<tbody>${rows.map(closedRow).join("")}</tbody></table>`;

/** On every page of a report made before its date is over: as of when the figures are. */
const aheadNote = (r: Report) => (isMadeBeforeAsOf(r.asOf, r.generatedAt) ? ` · läget ${formatDateTime(r.generatedAt)}, före redovisningsdagen` : "");

/** A CSS string: quotes, backslashes, line breaks and "<" (so no text can end the <style>) escaped. */
const cssString = (s: string) => `"${s.replace(/[\\"<\n\r]/g, (c) => `\\${c.charCodeAt(0).toString(16)} `)}"`;

/**
 * The footer of every printed page, in the page's bottom margin: who and which
 * report (with its date) on the left, "Sida 3 av 12" on the right. CSS margin
 * boxes, so the PDF and the print view from the browser (Chrome, Edge) carry the same.
 */
function pageFooter(r: Report): string {
  const box = "font-family: Arial, \"Liberation Sans\", Helvetica, sans-serif; font-size: 8pt; color: #334155; vertical-align: top; padding-top: 4mm;";
  return (
    `@page { @bottom-left { content: ${cssString(`${r.municipality.name} · ${REPORT_TITLE} ${asOfPhrase(r.asOf)}${aheadNote(r)}`)}; ${box} } ` +
    `@bottom-right { content: "Sida " counter(page) " av " counter(pages); ${box} } }`
  );
}

/**
 * The report as HTML. `screen` adds a toolbar (print, downloads) that never prints;
 * its print button is wired by a script carrying the request's CSP nonce (inline
 * event handlers are refused by the Content Security Policy).
 */
export function renderReportHtml(r: Report, screen?: { downloads: { label: string; href: string }[]; nonce: string | null }): string {
  const title = `${REPORT_TITLE} ${asOfPhrase(r.asOf)} – ${r.municipality.name}`;
  const withDeadline = carriesDeadlines(r);
  const warning = madeBeforeAsOfWarning(r.asOf, r.generatedAt);
  const groups = r.open
    .map(
      (g) => `<section class="body" aria-labelledby="b-${esc(g.body.id)}"><h2 id="b-${esc(g.body.id)}">${esc(bodyHeading(g.body))}</h2>${
        g.rows.length ? openTable(g.rows, withDeadline) : `<p class="empty">Inga ej verkställda uppdrag.</p>`
      }</section>`,
    )
    .join("");
  const closed = `<section class="body" aria-labelledby="closed"><h2 id="closed">${esc(CLOSED_SECTION_TITLE)}</h2>${
    r.closedSince.length
      ? closedTable(r.closedSince)
      : `<p class="empty">Inga uppdrag har avslutats sedan ${esc(formatDate(r.previous))}.</p>`
  }</section>`;
  const toolbar = screen
    ? `<div class="screen-only" role="navigation" aria-label="Utskrift och nedladdning"><button type="button" id="print">Skriv ut</button>${screen.downloads
        .map((d) => `<a href="${esc(d.href)}">${esc(d.label)}</a>`)
        .join("")}</div><script nonce="${esc(screen.nonce ?? "")}">document.getElementById("print").addEventListener("click", () => window.print());</script>`
    : "";
  return `<!doctype html>
<html lang="sv"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)}</title><style>${CSS}${pageFooter(r)}</style></head>
<body>${toolbar}<main>
<section class="cover" aria-labelledby="title">
<p class="municipality">${esc(r.municipality.name)}</p>
<h1 id="title">${esc(REPORT_TITLE)}</h1>
<p class="as-of">${esc(asOfPhrase(r.asOf))}</p>
${warning ? `<p class="warning" role="note">${esc(warning)}</p>` : ""}
<p class="scope">${esc(scopeSentence(r.asOf, r.previous, r.generatedAt))}</p>
${summaryTable(r)}
<p class="made">Framtagen ${esc(formatDate(r.generatedAt))} ur Uppdragskollen.</p>
</section>
${groups}${closed}
</main></body></html>`;
}
