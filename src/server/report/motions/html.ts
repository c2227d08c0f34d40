// The motion report as one self-contained HTML document for A4 landscape: the
// print view and the source of the tagged PDF (printed by the shared Chromium,
// src/server/report/pdf.ts htmlToPdf). Same look as the report of ej verkställda beslut.
import { formatDate, formatDateTime, formatIsoDate } from "@/lib/dates";
import { MOTION_REPORT_TITLE, MOTION_OUTCOME_LABEL } from "@/lib/motions/labels";
import { MOTION_COLUMN as C, type DecidedMotionRow, type MotionReport, type MotionReportRow } from "@/lib/motions/report";
import { asOfPhrase, madeBeforeAsOfWarning } from "@/lib/report/labels";
import { isMadeBeforeAsOf, swedishCalendarDate } from "@/lib/report/report-dates";

const esc = (s: string | number | null | undefined) =>
  String(s ?? "").replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
const cssString = (s: string) => `"${s.replace(/[\\"<\n\r]/g, (c) => `\\${c.charCodeAt(0).toString(16)} `)}"`;

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
.cover p { max-width: 190mm; font-size: 10pt; }
h2 { font-size: 12pt; margin: 5mm 0 2mm; color: #0f2a4d; break-after: avoid; }
table { width: 100%; border-collapse: collapse; }
thead { display: table-header-group; }
tr { break-inside: avoid; }
th, td { text-align: left; vertical-align: top; padding: 0.9mm 1.4mm; border-bottom: 0.25mm solid #cbd5e1; }
th { background: #e2e8f0; font-weight: 600; font-size: 8.5pt; }
.summary { width: auto; margin-top: 6mm; }
.summary td, .summary th { font-size: 10pt; padding: 1.4mm 2.4mm; }
.summary caption { text-align: left; font-weight: 600; margin-bottom: 2mm; }
.num { text-align: right; font-variant-numeric: tabular-nums; }
.empty { font-style: italic; }
.over { display: block; font-weight: 700; color: #991b1b; }
.warning { max-width: 200mm; border: 0.5mm solid #b45309; background: #fffbeb; padding: 2mm 3mm; font-size: 10pt; font-weight: 600; }
@media screen { main { max-width: 297mm; margin: 0 auto; padding: 16px; } .cover { padding-top: 16px; border-bottom: 2px solid #cbd5e1; margin-bottom: 24px; } col { width: auto !important; } }
@media print { .screen-only { display: none; } table { table-layout: fixed; } th, td { overflow-wrap: break-word; } .summary { table-layout: auto; } }
`;

const OPEN_COLUMNS: [string, number][] = [
  [C.raisedOn, 7.5],
  [C.paragraph, 4.5],
  [C.dnr, 8],
  [C.title, 17],
  [C.proposers, 11.5],
  [C.preparingBody, 12.5],
  [C.state, 8],
  [C.clock, 9],
  [C.preparationNote, 22],
];
const DECIDED_COLUMNS: [string, number][] = [
  [C.kind, 11],
  [C.raisedOn, 7.5],
  [C.dnr, 8],
  [C.title, 20],
  [C.proposers, 13],
  [C.decidedOn, 7.5],
  [C.paragraph, 4.5],
  [C.decision, 10],
  [C.preparationNote, 18.5],
];

const head = (columns: [string, number][]) =>
  `<colgroup>${columns.map(([, w]) => `<col style="width:${w}%">`).join("")}</colgroup><thead><tr>${columns.map(([l]) => `<th scope="col">${esc(l)}</th>`).join("")}</tr></thead>`;
const para = (n: number | null) => (n === null ? "–" : `§ ${n}`);

const openRow = (r: MotionReportRow) =>
  `<tr><td>${esc(formatIsoDate(r.raisedOn))}</td><td>${esc(para(r.raisedAtNumber))}</td><td>${esc(r.dnr ?? "–")}</td><td>${esc(r.title)}</td><td>${esc(r.proposers)}</td>` +
  `<td>${esc(r.preparingBody ?? "–")}${r.handlaggare ? `<br>${esc(r.handlaggare)}` : ""}</td><td>${esc(r.stateLabel)}</td>` +
  `<td>${r.overAYear ? `<strong class="over">${esc(r.clockText)}</strong>` : esc(r.clockText)}</td><td>${esc(r.preparationNote ?? "")}</td></tr>`;
const decisionText = (r: DecidedMotionRow) => (r.outcome ? MOTION_OUTCOME_LABEL[r.outcome] : "Avskriven");
const decidedRow = (r: DecidedMotionRow) =>
  `<tr><td>${esc(r.kind === "MOTION" ? "Motion" : "Medborgarförslag")}</td><td>${esc(formatIsoDate(r.raisedOn))}</td><td>${esc(r.dnr ?? "–")}</td><td>${esc(r.title)}</td><td>${esc(r.proposers)}</td>` +
  `<td>${esc(formatIsoDate(r.decidedOn))}</td><td>${esc(para(r.decisionParagraph))}</td><td>${esc(decisionText(r))}</td><td>${esc(r.preparationNote ?? "")}</td></tr>`;

export const motionScopeSentence = (r: MotionReport) =>
  `Redovisningen tar med varje motion och medborgarförslag som hade väckts i kommunfullmäktige senast ${formatDate(r.asOf)} och som då inte var besvarat eller avskrivet, med läget vid dagens slut, hur länge det har väntat och vad som har kommit fram vid beredningen. ` +
  `Enligt kommunallagen 5 kap. 35 § ska en motion beredas så att fullmäktige kan fatta beslut inom ett år från det att den väcktes; kan den inte det ska detta och vad som har kommit fram vid beredningen anmälas till fullmäktige inom samma tid, och fullmäktige får då avskriva den.`;

export const motionSummarySentence = (r: MotionReport) =>
  `${r.summary.open} obesvarade (${r.summary.byKind.MOTION} motioner, ${r.summary.byKind.MEDBORGARFORSLAG} medborgarförslag), varav ${r.summary.overAYear} har väntat mer än ett år. ` +
  `${r.summary.decidedSince} har besvarats eller avskrivits sedan föregående redovisning ${formatDate(r.previous)}.`;

export function renderMotionReportHtml(r: MotionReport, screen?: { downloads: { label: string; href: string }[]; nonce: string | null }): string {
  const title = `${MOTION_REPORT_TITLE} ${asOfPhrase(r.asOf)} – ${r.municipality.name}`;
  const warning = madeBeforeAsOfWarning(r.asOf, r.generatedAt);
  const ahead = isMadeBeforeAsOf(r.asOf, r.generatedAt) ? ` · läget ${formatDateTime(r.generatedAt)}, före redovisningsdagen` : "";
  const box = 'font-family: Arial, "Liberation Sans", Helvetica, sans-serif; font-size: 8pt; color: #334155; vertical-align: top; padding-top: 4mm;';
  const footer = `@page { @bottom-left { content: ${cssString(`${r.municipality.name} · ${MOTION_REPORT_TITLE} ${asOfPhrase(r.asOf)}${ahead}`)}; ${box} } @bottom-right { content: "Sida " counter(page) " av " counter(pages); ${box} } }`;
  const groups = r.open
    .map(
      (g) =>
        `<section aria-labelledby="g-${g.kind}"><h2 id="g-${g.kind}">${esc(g.label)} (${g.rows.length})</h2>${
          g.rows.length ? `<table>${head(OPEN_COLUMNS)}<tbody>${g.rows.map(openRow).join("")}</tbody></table>` : `<p class="empty">Inga obesvarade ${esc(g.label.toLowerCase())}.</p>`
        }</section>`,
    )
    .join("");
  const decided = `<section aria-labelledby="decided"><h2 id="decided">Besvarade och avskrivna sedan ${esc(formatDate(r.previous))}</h2>${
    r.decidedSince.length ? `<table>${head(DECIDED_COLUMNS)}<tbody>${r.decidedSince.map(decidedRow).join("")}</tbody></table>` : `<p class="empty">Inga har besvarats eller avskrivits sedan ${esc(formatDate(r.previous))}.</p>`
  }</section>`;
  const summary = `<table class="summary"><caption>Sammanfattning</caption><thead><tr><th scope="col">Slag</th><th scope="col" class="num">Obesvarade</th><th scope="col" class="num">Varav över ett år</th></tr></thead><tbody>${r.open
    .map((g) => `<tr><th scope="row">${esc(g.label)}</th><td class="num">${g.rows.length}</td><td class="num">${g.rows.filter((x) => x.overAYear).length}</td></tr>`)
    .join("")}<tr><th scope="row">Totalt</th><td class="num">${r.summary.open}</td><td class="num">${r.summary.overAYear}</td></tr></tbody></table>`;
  const toolbar = screen
    ? `<div class="screen-only" role="navigation" aria-label="Utskrift och nedladdning"><button type="button" id="print">Skriv ut</button>${screen.downloads
        .map((d) => `<a href="${esc(d.href)}">${esc(d.label)}</a>`)
        .join("")}</div><script nonce="${esc(screen.nonce ?? "")}">document.getElementById("print").addEventListener("click", () => window.print());</script>`
    : "";
  return `<!doctype html>
<html lang="sv"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)}</title><style>${CSS}${footer}</style></head>
<body>${toolbar}<main>
<section class="cover" aria-labelledby="title">
<p class="municipality">${esc(r.municipality.name)}</p>
<h1 id="title">${esc(MOTION_REPORT_TITLE)}</h1>
<p class="as-of">${esc(asOfPhrase(r.asOf))}</p>
${warning ? `<p class="warning" role="note">${esc(warning)}</p>` : ""}
<p>${esc(motionScopeSentence(r))}</p>
${summary}
<p>${esc(motionSummarySentence(r))}</p>
<p>Framtagen ${esc(formatDate(swedishCalendarDate(r.generatedAt)))} ur Uppdragskollen.</p>
</section>
${groups}${decided}
</main></body></html>`;
}
