// The motion report as one self-contained HTML document for A4 landscape: the
// print view and the source of the tagged PDF (printed by the shared Chromium,
// src/server/report/pdf.ts htmlToPdf). Same look as the report of ej verkställda beslut.
import { formatDate, formatIsoDate } from "@/lib/dates";
import { MOTION_REPORT_TITLE, MOTION_OUTCOME_LABEL } from "@/lib/motions/labels";
import { MOTION_COLUMN as C, type DecidedMotionRow, type MotionReport, type MotionReportRow } from "@/lib/motions/report";
import { asOfPhrase, madeBeforeAsOfWarning } from "@/lib/report/labels";
import { swedishCalendarDate } from "@/lib/report/report-dates";
import { aheadNote, esc, printDocument, type ScreenToolbar } from "../print-document";


const CSS = `
.cover p { max-width: 190mm; font-size: 10pt; }
.over { display: block; font-weight: 700; color: #991b1b; }
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

export function renderMotionReportHtml(r: MotionReport, screen?: ScreenToolbar): string {
  const title = `${MOTION_REPORT_TITLE} ${asOfPhrase(r.asOf)} – ${r.municipality.name}`;
  const warning = madeBeforeAsOfWarning(r.asOf, r.generatedAt);
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
  return printDocument({
    title,
    css: CSS,
    footerLeft: `${r.municipality.name} · ${MOTION_REPORT_TITLE} ${asOfPhrase(r.asOf)}${aheadNote(r.asOf, r.generatedAt)}`,
    screen,
    cover: `<p class="municipality">${esc(r.municipality.name)}</p>
<h1 id="title">${esc(MOTION_REPORT_TITLE)}</h1>
<p class="as-of">${esc(asOfPhrase(r.asOf))}</p>
${warning ? `<p class="warning" role="note">${esc(warning)}</p>` : ""}
<p>${esc(motionScopeSentence(r))}</p>
${summary}
<p>${esc(motionSummarySentence(r))}</p>
<p>Framtagen ${esc(formatDate(swedishCalendarDate(r.generatedAt)))} ur Uppdragskollen.</p>`,
    body: `${groups}${decided}`,
  });
}
