// The report's PDF as printed: tagged, Swedish, A4 landscape, a footer with the
// report date and "Sida x av y" on every page, the table header repeated on every
// page, no heading left alone at the foot of a page and no row cut in two. And
// the shared Chromium: reused warm, closed when idle, started again when needed.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildReportSections, type HistoryEntry, type Report, type ReportBody, type ReportInputUppdrag } from "@/lib/report/point-in-time";
import { bodyHeading, CLOSED_SECTION_TITLE } from "@/lib/report/labels";
import { closePdfBrowser, pdfBrowserRunning, reportToPdf, warmPdfBrowser } from "@/server/report/pdf";

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
const BODIES: ReportBody[] = [
  { id: "b-kf", shortName: "KF", name: "Kommunfullmäktige", kind: "FULLMAKTIGE" },
  { id: "b-ks", shortName: "KS", name: "Kommunstyrelsen", kind: "STYRELSE" },
  { id: "b-bn", shortName: "BN", name: "Bygg- och miljönämnden", kind: "NAMND" },
  { id: "b-kn", shortName: "KN", name: "Kultur- och fritidsnämnden", kind: "NAMND" },
  { id: "b-on", shortName: "ON", name: "Omsorgsnämnden", kind: "NAMND" },
  { id: "b-sn", shortName: "SN", name: "Socialnämnden", kind: "NAMND" },
];
// Groups of every size, so headings and group ends fall at many places on the pages.
const OPEN_ROWS = [37, 1, 14, 0, 23, 9];
const UNITS = ["Kommunledningskontoret", "Samhällsbyggnadsförvaltningen", "Barn- och utbildningsförvaltningen, Kultur- och fritidsförvaltningen"];

/** A report as of 31 December 2026 with the open rows above and 11 closed since 30 June. */
function syntheticReport(): Report {
  const uppdrag: ReportInputUppdrag[] = [];
  let n = 0;
  const add = (body: ReportBody, history: HistoryEntry[]) => {
    n++;
    uppdrag.push({
      id: `u-${String(n).padStart(4, "0")}`,
      decidedOn: day(`2025-${String((n % 12) + 1).padStart(2, "0")}-15`),
      // Long enough to wrap in its column: a row cut at a page break would split it.
      title: `Uppdrag ${n} att utreda förutsättningarna för en samlad plan för kommunens lokaler och verksamheter`,
      unitNames: UNITS[n % UNITS.length],
      paragraph: { number: n, dnr: `${body.shortName} 2025/${n}` },
      bodyId: body.id,
      // Every fourth with a "Klart senast" that had passed by the report date: marked late.
      deadline: n % 4 ? null : day("2026-09-30"),
      history,
    });
  };
  BODIES.forEach((body, i) => {
    for (let k = 0; k < OPEN_ROWS[i]; k++)
      add(body, [{ status: k % 3 ? "IN_PROGRESS" : "DELAYED", at: day("2026-03-01"), comment: k % 2 ? "Utredningen pågår enligt plan och redovisas till nämnden under våren." : null, plannedCompletion: day("2027-06-30") }]);
  });
  for (let k = 0; k < 11; k++) add(BODIES[k % 2], [{ status: "COMPLETED", at: day("2026-10-01"), comment: "Återrapporterat.", plannedCompletion: null }]);
  const sections = buildReportSections({ bodies: BODIES, uppdrag, asOf: day("2026-12-31"), previous: day("2026-06-30") });
  return { municipality: { name: "Provkommun", slug: "provkommun" }, asOf: day("2026-12-31"), previous: day("2026-06-30"), generatedAt: new Date("2026-12-31T09:00:00Z"), ...sections };
}

const dir = mkdtempSync(path.join(os.tmpdir(), "report-pdf-"));
const report = syntheticReport();
let file: string;
let pages: number;
const pageText = (p: number, mode: "-layout" | "-raw") => execFileSync("pdftotext", [mode, "-f", String(p), "-l", String(p), file, "-"], { encoding: "utf8" });
const lines = (text: string) => text.split("\n").map((l) => l.trim()).filter(Boolean);
const HEADINGS = [...BODIES.map(bodyHeading), CLOSED_SECTION_TITLE];

beforeAll(async () => {
  process.env.PDF_BROWSER_IDLE_MS = "300";
  file = path.join(dir, "r.pdf");
  writeFileSync(file, await reportToPdf(report));
  pages = Number(/Pages:\s+(\d+)/.exec(execFileSync("pdfinfo", [file], { encoding: "utf8" }))![1]);
}, 120_000);
afterAll(async () => {
  await closePdfBrowser();
  delete process.env.PDF_BROWSER_IDLE_MS;
});

describe("the PDF", () => {
  it("is tagged, in Swedish, A4 landscape, with the report date and the page number on every page", () => {
    const info = execFileSync("pdfinfo", [file], { encoding: "utf8" });
    expect(info).toMatch(/Tagged:\s+yes/);
    expect(info).toMatch(/Page size:\s+84[12]\.\d+ x 59[45]\.\d+ pts \(A4\)/);
    // The catalog is not compressed by Chromium: its language is readable as is.
    expect(readFileSync(file).toString("latin1")).toMatch(/\/Lang \(sv\)/);
    expect(pages).toBeGreaterThanOrEqual(6);
    for (let p = 1; p <= pages; p++) {
      const footer = lines(pageText(p, "-layout")).at(-1)!;
      // Made on the morning of the report date: every page says the figures are as of then.
      expect(footer).toMatch(new RegExp(`^Provkommun · Redovisning av ej verkställda beslut per 31 december 2026 · läget [^,]+, före redovisningsdagen\\s+Sida ${p} av ${pages}$`));
    }
  });

  it("repeats the table header on every page and leaves no heading alone at the foot of a page", () => {
    for (let p = 2; p <= pages; p++) {
      const body = lines(pageText(p, "-layout")).slice(0, -1); // without the footer
      const [first, second] = body;
      // A page starts with a heading followed by the header row (or "none"), or with the header row repeated.
      if (HEADINGS.includes(first)) expect(second).toMatch(/^Beslut\s+Uppdrag\s+Ansvarig enhet\s+Status och kommentar|^Inga /);
      else expect(first, `page ${p}`).toMatch(/^Beslut\s+Uppdrag\s+Ansvarig enhet\s+Status och kommentar/);
      expect(HEADINGS, `page ${p} ends with a heading`).not.toContain(body.at(-1));
    }
  });

  it("has every uppdrag once, each row whole on one page", () => {
    const rows = [...report.open.flatMap((g) => g.rows), ...report.closedSince];
    const texts = Array.from({ length: pages }, (_, i) => pageText(i + 1, "-raw").replace(/\s+/g, " "));
    for (const r of rows) {
      const on = texts.filter((t) => t.includes(r.title));
      expect(on, r.title).toHaveLength(1);
    }
  });
});

describe("the structure tree", () => {
  it("has a TR of five cells for each row, each cell one run of text, none left out", () => {
    // Tagging costs Chromium time per structure element (docs/decisions/006): a row is
    // a TR of five TDs, each holding one NonStruct with the cell's text (pdfinfo joins
    // its lines), 11 elements. An empty cell would be missing from the tree.
    const tree = execFileSync("pdfinfo", ["-struct-text", file], { encoding: "utf8", maxBuffer: 1 << 28, stdio: ["ignore", "pipe", "ignore"] });
    const trs = tree.split(/\n\s*TR\n/).slice(1).filter((tr) => !/^\s+TH\b/m.test(tr)); // not the header rows or the summary's
    const cells = trs.map((tr) => [...tr.matchAll(/^\s+TD:\n(?:\s+\/.*\n)*\s+NonStruct\n\s+"(.*)"$/gm)].map((m) => m[1]));
    const rows = [...report.open.flatMap((g) => g.rows), ...report.closedSince];
    expect(cells).toHaveLength(rows.length);
    for (const [i, tr] of trs.entries()) expect(tr.match(/^\s+TD\b/gm), `row ${i}`).toHaveLength(5);
    for (const c of cells) expect(c).toHaveLength(5);

    // pdfinfo joins a cell's lines without a space (its own lines and those wrapped alike): compared without spaces.
    const bare = (c: string[] | undefined) => c?.map((x) => x.replace(/\s+/g, ""));
    const find = (title: string) => bare(cells.find((c) => c[1].replace(/\s+/g, "") === title.replace(/\s+/g, "")));
    const late = report.open.flatMap((g) => g.rows).find((r) => r.late && r.comment)!;
    expect(find(late.title)).toEqual(
      bare([
        `${late.decidedOn.toISOString().slice(0, 10)} § ${late.paragraphNumber} Dnr ${late.dnr}`,
        late.title,
        late.units,
        `${late.statusLabel} ${late.comment}`,
        "Försenad mot datum Klart senast 2026-09-30 Planerat klart 2027-06-30",
      ]),
    );
    const closed = report.closedSince[0];
    expect(find(closed.title)).toEqual(
      bare([
        `${closed.body.shortName} ${closed.decidedOn.toISOString().slice(0, 10)} § ${closed.paragraphNumber} Dnr ${closed.dnr}`,
        closed.title,
        closed.units,
        `${closed.statusLabel} Återrapporterat.`,
        `Planerat klart – Avslutat ${closed.closedOn.toISOString().slice(0, 10)}`,
      ]),
    );
    // No inline element of its own in any row (each would be one more element).
    expect(tree).not.toMatch(/^\s+(Strong|Em|Span)\b/m);
  });
});

describe("the shared browser", () => {
  it("is reused for PDFs made one after another and side by side, and closes when idle", async () => {
    const [a, b] = await Promise.all([reportToPdf(report), reportToPdf(report)]);
    expect(a.subarray(0, 5).toString()).toBe("%PDF-");
    expect(b.subarray(0, 5).toString()).toBe("%PDF-");
    expect(pdfBrowserRunning()).toBe(true);
    await new Promise((r) => setTimeout(r, 1500));
    expect(pdfBrowserRunning()).toBe(false);
  }, 120_000);

  it("can be started ahead of a PDF, and then closes when idle too", async () => {
    await closePdfBrowser();
    await warmPdfBrowser();
    expect(pdfBrowserRunning()).toBe(true);
    await new Promise((r) => setTimeout(r, 1500));
    expect(pdfBrowserRunning()).toBe(false);
  }, 120_000);

  it("starts again after it was closed", async () => {
    await closePdfBrowser();
    const pdf = await reportToPdf(report);
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    expect(pdfBrowserRunning()).toBe(true);
  }, 120_000);
});
