// The demo plan (seed 003, Mjölby) reproduces the document's tables: sample
// rows copied from "Uppföljning av verksamhetsplan 2016 per 160430" (columns
// tab-separated as in the document) are found in the follow-up report.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/server/db/connect";
import { loadDemoData } from "@/server/seed/demo";
import { startSession, actorForSession } from "@/server/auth/sessions";
import { getPlanTree, listPlans } from "@/server/plan/get-plan";
import { planReport, type PlanReport } from "@/server/plan/report";
import { renderPlanReportHtml } from "@/server/plan/report-html";
import { renderPlanReportDocx } from "@/server/plan/report-docx";
import type { Actor } from "@/server/permissions";
import { openTestPglite, scopedFor } from "../support/db";

let db: Database;
let member: Actor;
let report: PlanReport;
beforeAll(async () => {
  db = await openTestPglite();
  await loadDemoData(db.prisma);
  const user = await db.prisma.user.findUniqueOrThrow({ where: { email: "ledamot@mjolby.example" }, select: { id: true, memberships: { select: { municipalityId: true } } } });
  const s = await startSession(db.prisma, user.id, user.memberships[0].municipalityId);
  member = (await actorForSession(db.prisma, s.id))!;
  const [plan] = await listPlans(scopedFor(db.prisma, member), member);
  const april = (await getPlanTree(scopedFor(db.prisma, member), member, plan.id))!.occasions.find((o) => o.name === "per 30 april")!;
  report = planReport((await getPlanTree(scopedFor(db.prisma, member), member, plan.id, april.id))!);
});
afterAll(async () => db?.close());

/** Compares cells the way a reader would: case, "*" footnote marks, dash forms, spacing and ". " joins aside. */
const norm = (s: string) =>
  s
    .replace(/\*/g, "")
    .replace(/[–-]/g, "-")
    .replace(/\.(\s|$)/g, "$1")
    .replace(/\s+/g, " ")
    .trim()
    .toLowerCase();
const row = (line: string) => line.split("\t").map(norm);

const ACTIVITY_ROWS = [
  "Utveckla och implementera en exploateringsmodell\tGenomförs 2016\tPågår\tAlla förvaltningar\tKLK. Antagen av KS. Pågående arbete att informera alla förvaltningar",
  "Utveckla tankesmedjan till ett näringslivsråd\tGenomförs 2016\tklart\tFöretag och företagsföreningar\tTillväxtkontoret",
  "Avsiktsförklaring samt underlag för Delegationen för ungdomar till arbete.\tGenomförs 2016\tPågår\tArbetsförmedlingen, Försörjningsstöd\tAME. Startade 150901.",
  "Styrdokument för krisledningsnämnden\tGenomförs 2016\tKlart\tDeltagare i krisledningsnämnden\tKLK",
  "Medborgardialogprojekt\tGenomförs 2016\tPågår\tByggnadskontoret\tKLK 2-årsuppdrag, förslag på riktlinjer framtaget samt projekt \"var vill du bo?\"",
  "Genomförande av medarbetarenkät\tGenomförs 2016\tPåbörjat\t-\tUpphandling klar",
  "Ta fram förslag på inköpsorganisation och systemstöd\tGenomförs 2016\tEj inlett\t-\tEkonomiavd, IT-avd Påbörjas hösten 2016",
  "Översyn av sturdokument\tGenomförs\tPågår\tAlla\tKLK",
];
const INDICATOR_ROWS = [
  "Förändring av invånarantal\t26 602\t26 900\t26 611",
  "Rekommendation medborgarundersökningen\t66\t*68\tInga nya data",
  "Antal nyproducerade bostäder (tomter bostadsrätter/hyresrätter)\t-\t40\tInga nya data",
  "Antal såld verksamhetsmark under året\t1,4 ha\t2,5 ha\t0",
  "Resultatmål - personer ut i egenförsörjning (arbete och studier)\t14,5%\t18,5%\t36%",
  "Upplevelse av trygghet och säkerhet utomhus kvällar och nätter\tMedelnivå med likvärdiga kommuner*\tBättre än likvärdiga kommuner\tInga nya data",
  "Budget i balans KSF\t+7,2 mkr\t+0\t",
  "Andel interna dokument till KS i\t0\t100%\t90%",
];

describe("the follow-up report of the demo plan reproduces seed 003", () => {
  it("has the document's nine goals with their commitments, in order", () => {
    expect(report.title).toBe("Uppföljning av verksamhetsplan 2016 – kommunstyrelsens förvaltning");
    expect(report.subtitle).toBe("per 30 april (30 april 2016)");
    expect(report.sections).toHaveLength(9);
    expect(report.sections[0].goal).toBe("Mjölby kommun ska erbjuda attraktiva boendemiljöer och stimulera till ökad inflyttning");
    expect(report.sections[8].commitment).toBe("Kommunstyrelsen ska utveckla sin styrande och samordnande funktion.");
    expect(report.sections.map((s) => s.activities.length)).toEqual([5, 3, 4, 7, 5, 5, 4, 9, 15]);
    expect(report.sections.map((s) => s.indicators.length)).toEqual([3, 2, 4, 4, 1, 5, 2, 4, 5]);
  });

  it("has the document's activity rows", () => {
    const all = report.sections.flatMap((s) => s.activities.map((r) => r.map(norm)));
    for (const line of ACTIVITY_ROWS) expect(all).toContainEqual(row(line));
  });

  it("has the document's indicator rows and footnotes", () => {
    const all = report.sections.flatMap((s) => s.indicators.map((r) => r.map(norm)));
    for (const line of INDICATOR_ROWS) expect(all).toContainEqual(row(line));
    expect(report.sections[0].footnotes).toEqual(["*Nästa mätning genomförs år 2017"]);
    expect(report.sections[4].footnotes).toEqual(["*Resultat i dec 2015. Ny mätning 2017"]);
  });

  it("has the summary comments", () => {
    expect(report.sections[4].summary).toContain("Det finns numera en krishandbok för krisledningsnämnden.");
    expect(report.sections[8].summary?.split("\n\n").at(-1)).toBe("Effektiviseringsuppdraget är fortfarande på planeringsstadiet.");
    expect(report.sections.every((s) => s.summary)).toBe(true);
  });

  it("rolls the plan up: 4 klart, 45 pågår (2 påbörjat), 8 ej inlett", () => {
    expect(report.rollup.activities).toEqual({ done: 4, ongoing: 45, notStarted: 8, dropped: 0, unreported: 0, total: 57 });
    expect(report.rollup.indicators.noNewData).toBe(16);
    expect(report.rollup.indicators.unreported).toBe(2);
  });

  it("renders as A4 HTML with real tables, and as a Word document", async () => {
    const html = renderPlanReportHtml(report);
    expect(html).toContain('<html lang="sv">');
    expect(html).toContain("size: A4 portrait");
    expect(html.match(/<table>/g)).toHaveLength(18);
    expect(html).toContain("Kommunmål: Invånarna ska känna sig alltmer trygga och säkra");
    const docx = await renderPlanReportDocx(report);
    expect(docx.subarray(0, 2).toString()).toBe("PK");
    expect(docx.length).toBeGreaterThan(10_000);
  });
});
