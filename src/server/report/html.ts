// The report as one self-contained HTML document for A4: the print view in the
// browser and the source of the PDF (pdf.ts). System fonts, no external files.
import type { Report, ReportRow, ClosedRow } from "@/lib/report/point-in-time";
import { COLUMN, REPORT_TITLE, CLOSED_SECTION_TITLE, SUMMARY_TITLE, asOfPhrase, bodyHeading, paragraphLabel, scopeSentence } from "@/lib/report/labels";
import { OPEN_STATUSES, STATUS_LABEL, CLOSED_STATUSES } from "@/lib/status";
import { formatDate, formatIsoDate } from "@/lib/dates";

const esc = (s: string | number | null | undefined) =>
  String(s ?? "").replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

const CSS = `
@page { size: A4 landscape; margin: 16mm 12mm 18mm 12mm; }
* { box-sizing: border-box; }
body { font-family: "Segoe UI", system-ui, -apple-system, "Helvetica Neue", Arial, sans-serif; color: #0f172a; font-size: 9.5pt; line-height: 1.35; margin: 0; }
.screen-only { background: #eef4fb; border-bottom: 1px solid #d6e4f5; padding: 12px 16px; font-size: 11pt; }
.screen-only button, .screen-only a { font: inherit; min-height: 44px; padding: 0 16px; margin-right: 8px; border-radius: 6px; border: 1px solid #1f4e8c; background: #1f4e8c; color: #fff; cursor: pointer; display: inline-flex; align-items: center; text-decoration: none; }
.screen-only a { background: #fff; color: #1f4e8c; }
main { padding: 0 4mm; }
.cover { break-after: page; padding-top: 30mm; }
.cover h1 { font-size: 24pt; margin: 0 0 4mm; color: #0f2a4d; }
.cover .municipality { font-size: 14pt; margin: 0 0 12mm; }
.cover .scope { max-width: 160mm; }
h2 { font-size: 13pt; margin: 0 0 3mm; color: #0f2a4d; break-after: avoid; }
section.body { margin-bottom: 8mm; }
section.body + section.body { break-before: auto; }
table { width: 100%; border-collapse: collapse; }
thead { display: table-header-group; }
tr { break-inside: avoid; }
th, td { text-align: left; vertical-align: top; padding: 1.6mm 1.8mm; border-bottom: 0.3mm solid #cbd5e1; }
th { background: #e2e8f0; font-weight: 600; }
td.nowrap, th.nowrap { white-space: nowrap; }
.summary td, .summary th { font-size: 10pt; }
.summary { width: auto; min-width: 120mm; margin-top: 6mm; }
.num { text-align: right; font-variant-numeric: tabular-nums; }
.empty { font-style: italic; }
@media screen { main { max-width: 297mm; margin: 0 auto; padding: 16px; } .cover { padding-top: 16px; border-bottom: 2px solid #cbd5e1; margin-bottom: 24px; } }
@media print { .screen-only { display: none; } }
`;

function summaryTable(r: Report): string {
  const statuses = OPEN_STATUSES;
  const head = `<tr><th scope="col">${esc(COLUMN.body)}</th>${statuses.map((s) => `<th scope="col" class="num">${esc(STATUS_LABEL[s])}</th>`).join("")}<th scope="col" class="num">Totalt</th></tr>`;
  const rows = r.summary.byBody
    .map((b) => `<tr><th scope="row">${esc(bodyHeading(b.body))}</th>${statuses.map((s) => `<td class="num">${b.byStatus[s]}</td>`).join("")}<td class="num">${b.open}</td></tr>`)
    .join("");
  const total = `<tr><th scope="row">Totalt</th>${statuses.map((s) => `<td class="num">${r.summary.byStatus[s]}</td>`).join("")}<td class="num">${r.summary.open}</td></tr>`;
  return `<table class="summary"><caption style="text-align:left;font-weight:600;margin-bottom:2mm">${esc(SUMMARY_TITLE)}: ej verkställda uppdrag per organ och status</caption><thead>${head}</thead><tbody>${rows}${total}</tbody></table>
  <p>${esc(`Verkställda eller avslutade sedan ${formatDate(r.previous)}: ${r.summary.closedSince}`)}${CLOSED_STATUSES.map((s) => ` (${esc(STATUS_LABEL[s].toLowerCase())}: ${r.summary.closedSinceByStatus[s]})`).join("")}.</p>`;
}

const HEAD = [COLUMN.decidedOn, COLUMN.paragraph, COLUMN.dnr, COLUMN.title, COLUMN.units, COLUMN.status, COLUMN.comment, COLUMN.plannedCompletion];

function rowCells(row: ReportRow): string {
  return [
    `<td class="nowrap">${esc(formatIsoDate(row.decidedOn))}</td>`,
    `<td class="nowrap">${esc(paragraphLabel(row.paragraphNumber))}</td>`,
    `<td class="nowrap">${esc(row.dnr ?? "–")}</td>`,
    `<td>${esc(row.title)}</td>`,
    `<td>${esc(row.units || "–")}</td>`,
    `<td class="nowrap">${esc(row.statusLabel)}</td>`,
    `<td>${esc(row.comment ?? "")}</td>`,
    `<td class="nowrap">${esc(row.plannedCompletion ? formatIsoDate(row.plannedCompletion) : "–")}</td>`,
  ].join("");
}

function table(rows: ReportRow[], extra?: { head: string; cell: (r: ClosedRow) => string }): string {
  const head = `<tr>${HEAD.map((h) => `<th scope="col">${esc(h)}</th>`).join("")}${extra ? `<th scope="col">${esc(extra.head)}</th>` : ""}</tr>`;
  const body = rows.map((r) => `<tr>${rowCells(r)}${extra ? extra.cell(r as ClosedRow) : ""}</tr>`).join("");
  return `<table><thead>${head}</thead><tbody>${body}</tbody></table>`;
}

/** The report as HTML. `screen` adds a toolbar (print, downloads) that never prints. */
export function renderReportHtml(r: Report, screen?: { downloads: { label: string; href: string }[] }): string {
  const title = `${REPORT_TITLE} ${asOfPhrase(r.asOf)} – ${r.municipality.name}`;
  const groups = r.open
    .map(
      (g) => `<section class="body" aria-labelledby="b-${esc(g.body.id)}"><h2 id="b-${esc(g.body.id)}">${esc(bodyHeading(g.body))}</h2>${
        g.rows.length ? table(g.rows) : `<p class="empty">Inga ej verkställda uppdrag.</p>`
      }</section>`,
    )
    .join("");
  const closed = `<section class="body" aria-labelledby="closed"><h2 id="closed">${esc(CLOSED_SECTION_TITLE)}</h2>${
    r.closedSince.length
      ? table(r.closedSince, { head: COLUMN.closedAt, cell: (c) => `<td class="nowrap">${esc(formatIsoDate(c.closedOn))}</td>` })
      : `<p class="empty">Inga uppdrag har avslutats sedan ${esc(formatDate(r.previous))}.</p>`
  }</section>`;
  const toolbar = screen
    ? `<div class="screen-only" role="navigation" aria-label="Utskrift och nedladdning"><button type="button" onclick="window.print()">Skriv ut</button>${screen.downloads
        .map((d) => `<a href="${esc(d.href)}">${esc(d.label)}</a>`)
        .join("")}</div>`
    : "";
  return `<!doctype html>
<html lang="sv"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)}</title><style>${CSS}</style></head>
<body>${toolbar}<main>
<section class="cover" aria-labelledby="title">
<p class="municipality">${esc(r.municipality.name)}</p>
<h1 id="title">${esc(REPORT_TITLE)}</h1>
<p style="font-size:13pt;margin:0 0 6mm">${esc(asOfPhrase(r.asOf))}</p>
<p class="scope">${esc(scopeSentence(r.asOf, r.previous))}</p>
${summaryTable(r)}
<p style="color:#334155">Framtagen ${esc(formatDate(r.generatedAt))} ur Uppdragskollen.</p>
</section>
${groups}${closed}
</main></body></html>`;
}
