// The frame shared by the printed reports (the KF report of ej verkställda
// beslut, html.ts, and the motion report, motions/html.ts): one self-contained
// HTML document for A4 landscape, system fonts and no external files, a cover,
// a footer on every page ("Sida 3 av 12") and, in the browser's print view, a
// toolbar that never prints. Chromium prints it to the tagged PDF (pdf.ts).
import { formatDateTime } from "@/lib/dates";
import { isMadeBeforeAsOf } from "@/lib/report/report-dates";

export const esc = (s: string | number | null | undefined) =>
  String(s ?? "").replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

/** A CSS string: quotes, backslashes, line breaks and "<" (so no text can end the <style>) escaped. */
export const cssString = (s: string) => `"${s.replace(/[\\"<\n\r]/g, (c) => `\\${c.charCodeAt(0).toString(16)} `)}"`;

/** The look both reports share; each adds its own rules (`css` of printDocument). */
export const PRINT_CSS = `
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
.warning { max-width: 200mm; border: 0.5mm solid #b45309; background: #fffbeb; padding: 2mm 3mm; font-size: 10pt; font-weight: 600; }
@media screen { main { max-width: 297mm; margin: 0 auto; padding: 16px; } .cover { padding-top: 16px; border-bottom: 2px solid #cbd5e1; margin-bottom: 24px; } col { width: auto !important; } }
@media print { .screen-only { display: none; } table { table-layout: fixed; } th, td { overflow-wrap: break-word; } .summary { table-layout: auto; } }
`;

/** On every page of a report made before its date is over: as of when the figures are. */
export const aheadNote = (asOf: Date, generatedAt: Date) =>
  isMadeBeforeAsOf(asOf, generatedAt) ? ` · läget ${formatDateTime(generatedAt)}, före redovisningsdagen` : "";

/** The print view's toolbar: a print button and the downloads. */
export interface ScreenToolbar {
  downloads: { label: string; href: string }[];
  /** The request's CSP nonce: inline event handlers are refused by the Content Security Policy, so a script wires the button. */
  nonce: string | null;
}

/**
 * The whole document. `footerLeft` is printed at the bottom left of every page
 * (who and which report), "Sida N av M" at the bottom right: CSS margin boxes,
 * so the PDF and the print view from the browser (Chrome, Edge) carry the same.
 * `cover` is the cover page's content (with an h1 id="title"), `body` the rest.
 */
export function printDocument(p: { title: string; css: string; footerLeft: string; screen?: ScreenToolbar; cover: string; body: string }): string {
  const box = 'font-family: Arial, "Liberation Sans", Helvetica, sans-serif; font-size: 8pt; color: #334155; vertical-align: top; padding-top: 4mm;';
  const footer =
    `@page { @bottom-left { content: ${cssString(p.footerLeft)}; ${box} } ` + `@bottom-right { content: "Sida " counter(page) " av " counter(pages); ${box} } }`;
  const toolbar = p.screen
    ? `<div class="screen-only" role="navigation" aria-label="Utskrift och nedladdning"><button type="button" id="print">Skriv ut</button>${p.screen.downloads
        .map((d) => `<a href="${esc(d.href)}">${esc(d.label)}</a>`)
        .join("")}</div><script nonce="${esc(p.screen.nonce ?? "")}">document.getElementById("print").addEventListener("click", () => window.print());</script>`
    : "";
  return `<!doctype html>
<html lang="sv"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(p.title)}</title><style>${PRINT_CSS}${p.css}${footer}</style></head>
<body>${toolbar}<main>
<section class="cover" aria-labelledby="title">
${p.cover}
</section>
${p.body}
</main></body></html>`;
}
