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
import { formatDate, formatIsoDate } from "@/lib/dates";
import { aheadNote, esc, printDocument, type ScreenToolbar } from "./print-document";


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
.cover .scope { max-width: 170mm; font-size: 10pt; }
.cover .made { color: #334155; }
.rows td { white-space: pre-line; }
.rows td.status::first-line { font-weight: 600; }
.rows td.late::first-line { font-weight: 700; color: #991b1b; }
@media screen { .rows td:first-child, .rows td:last-child { white-space: pre; } }
@media screen and (max-width: 800px) { main { padding: 12px 8px; } .rows th, .rows td { font-size: 8pt; padding: 1mm; } }
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

/**
 * The report as HTML. `screen` adds a toolbar (print, downloads) that never prints;
 * its print button is wired by a script carrying the request's CSP nonce (inline
 * event handlers are refused by the Content Security Policy).
 */
export function renderReportHtml(r: Report, screen?: ScreenToolbar): string {
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
  return printDocument({
    title,
    css: CSS,
    footerLeft: `${r.municipality.name} · ${REPORT_TITLE} ${asOfPhrase(r.asOf)}${aheadNote(r.asOf, r.generatedAt)}`,
    screen,
    cover: `<p class="municipality">${esc(r.municipality.name)}</p>
<h1 id="title">${esc(REPORT_TITLE)}</h1>
<p class="as-of">${esc(asOfPhrase(r.asOf))}</p>
${warning ? `<p class="warning" role="note">${esc(warning)}</p>` : ""}
<p class="scope">${esc(scopeSentence(r.asOf, r.previous, r.generatedAt))}</p>
${summaryTable(r)}
<p class="made">Framtagen ${esc(formatDate(r.generatedAt))} ur Uppdragskollen.</p>`,
    body: `${groups}${closed}`,
  });
}
