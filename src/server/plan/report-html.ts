// The follow-up report as one self-contained HTML document for A4 portrait:
// the print view and the source of the PDF. System fonts, nothing fetched.
import { formatDate } from "@/lib/dates";
import { ACTIVITY_HEAD, indicatorSentence, rollupSentence, type PlanReport } from "./report";

const esc = (s: string | number | null | undefined) =>
  String(s ?? "").replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
const paras = (text: string) =>
  text
    .split(/\n{2,}/)
    .map((p) => `<p>${esc(p).replace(/\n/g, "<br>")}</p>`)
    .join("");

const CSS = `
@page { size: A4 portrait; margin: 18mm 15mm 18mm 15mm; }
* { box-sizing: border-box; }
body { font-family: "Segoe UI", system-ui, -apple-system, "Helvetica Neue", Arial, sans-serif; color: #0f172a; font-size: 9.5pt; line-height: 1.4; margin: 0; }
.screen-only { background: #eef4fb; border-bottom: 1px solid #d6e4f5; padding: 12px 16px; font-size: 11pt; }
.screen-only a { font: inherit; min-height: 44px; padding: 0 16px; margin: 0 8px 4px 0; border-radius: 6px; border: 1px solid #1f4e8c; background: #fff; color: #1f4e8c; display: inline-flex; align-items: center; text-decoration: none; }
.screen-only a.primary { background: #1f4e8c; color: #fff; }
main { padding: 0 2mm; }
h1 { font-size: 18pt; margin: 0 0 2mm; color: #0f2a4d; }
h2 { font-size: 12pt; margin: 0 0 2mm; color: #0f2a4d; break-after: avoid; }
h3 { font-size: 10pt; margin: 4mm 0 1.5mm; break-after: avoid; }
.lead { font-size: 12pt; margin: 0 0 4mm; }
.meta { color: #334155; margin: 0 0 1mm; }
section.goal { margin-top: 8mm; padding-top: 4mm; border-top: 0.6mm solid #0f2a4d; }
.commitment { font-weight: 600; margin: 0 0 2mm; }
.rollup { color: #334155; margin: 0 0 2mm; }
table { width: 100%; border-collapse: collapse; margin-bottom: 1mm; table-layout: fixed; }
th, td { overflow-wrap: break-word; font-size: 9pt; }
thead { display: table-header-group; }
tr { break-inside: avoid; }
th, td { text-align: left; vertical-align: top; padding: 1.4mm 1.6mm; border: 0.25mm solid #94a3b8; }
th { background: #e2e8f0; font-weight: 600; }
.fn { font-size: 8.5pt; color: #334155; margin: 0 0 1mm; }
.summary p { margin: 0 0 2mm; }
.sr-only { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
.empty { font-style: italic; color: #334155; }
@media screen { main { max-width: 210mm; margin: 0 auto; padding: 16px; } }
@media print { .screen-only { display: none; } }
`;

/** Column widths on A4 portrait: the activity table has five columns, the indicator table four. */
const WIDTHS: Record<number, number[]> = { 5: [27, 14, 11, 20, 28], 4: [44, 20, 18, 18] };

function table(head: readonly string[], rows: string[][], caption: string): string {
  const cols = WIDTHS[head.length]?.map((w) => `<col style="width:${w}%">`).join("") ?? "";
  return `<table><caption class="sr-only">${esc(caption)}</caption><colgroup>${cols}</colgroup><thead><tr>${head
    .map((h) => `<th scope="col">${esc(h)}</th>`)
    .join("")}</tr></thead><tbody>${rows.map((r) => `<tr>${r.map((c, i) => (i === 0 ? `<th scope="row" style="font-weight:normal;background:none">${esc(c)}</th>` : `<td>${esc(c)}</td>`)).join("")}</tr>`).join("")}</tbody></table>`;
}

/** The report as HTML. `links` adds a toolbar (downloads, back) that never prints. */
export function renderPlanReportHtml(r: PlanReport, links?: { label: string; href: string; primary?: boolean }[]): string {
  const toolbar = links
    ? `<nav class="screen-only" aria-label="Utskrift och nedladdning"><p style="margin:0 0 8px">Skriv ut med webbläsarens utskrift (Ctrl+P), eller ladda ned rapporten:</p>${links
        .map((l) => `<a href="${esc(l.href)}"${l.primary ? ' class="primary"' : ""}>${esc(l.label)}</a>`)
        .join("")}</nav>`
    : "";
  const sections = r.sections
    .map(
      (s, n) => `<section class="goal" aria-labelledby="g${n}">
<h2 id="g${n}">Kommunmål: ${esc(s.goal)}</h2>
<p class="commitment">Nämndåtagande: ${esc(s.commitment)}</p>
<p class="rollup">Aktiviteter: ${esc(rollupSentence(s.rollup))}. Nyckeltal: ${esc(indicatorSentence(s.rollup))}.</p>
<h3>Aktivitetsmått – vad ska vi göra/hur ligger vi till?</h3>
${s.activities.length ? table(ACTIVITY_HEAD, s.activities, `Aktiviteter för ${s.commitment}`) : `<p class="empty">Inga aktiviteter.</p>`}
<h3>Resultatmått – hur väl har vi lyckats?</h3>
${s.indicators.length ? table(r.indicatorHead, s.indicators, `Nyckeltal för ${s.commitment}`) : `<p class="empty">Inga nyckeltal.</p>`}
${s.footnotes.map((f) => `<p class="fn">${esc(f)}</p>`).join("")}
<h3>Sammanfattande kommentar till utfall</h3>
<div class="summary">${s.summary ? paras(s.summary) : `<p class="empty">Ingen kommentar.</p>`}</div>
</section>`,
    )
    .join("\n");
  return `<!doctype html>
<html lang="sv"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(`${r.title} – ${r.subtitle}`)}</title><style>${CSS}</style></head>
<body>${toolbar}<main>
<p class="meta">${esc(r.municipality)} · ${esc(r.body)}</p>
<h1>${esc(r.title)}</h1>
<p class="lead">${esc(r.subtitle)}</p>
<p class="meta">Aktiviteter: ${esc(rollupSentence(r.rollup))}. Nyckeltal: ${esc(indicatorSentence(r.rollup))}.</p>
<p class="meta">${esc(r.closedNote)} Framtagen ${esc(formatDate(r.generatedAt))} ur Uppdragskollen.</p>
${r.scope ? `<h2 style="margin-top:6mm">Ansvarsområde</h2>${paras(r.scope)}` : ""}
${sections}
</main></body></html>`;
}
