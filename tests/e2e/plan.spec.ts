// The verksamhetsplan (seed 003, Mjölby): members read the tree on a tablet,
// handläggare and secretaries enter a follow-up, the report prints on A4 and
// downloads as PDF and Word, uppdrag are linked, a plan is imported from Excel.
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { test, expect, as, contextAs, expectNoAxeViolations, expectNoHorizontalScroll } from "./fixtures";
import type { Page } from "@playwright/test";

const PLAN = "Verksamhetsplan 2016 – kommunstyrelsens förvaltning";
// Outside test-results (Playwright empties that folder on every run), to be looked at.
const SHOTS = ".data/screenshots/plan";

async function openPlan(page: Page) {
  await page.goto("/uppdrag");
  await page.getByRole("navigation", { name: "Huvudmeny" }).getByRole("link", { name: "Planer" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Verksamhetsplaner" })).toBeVisible();
  await page.getByRole("link", { name: PLAN }).click();
  await expect(page.getByRole("heading", { level: 1, name: PLAN })).toBeVisible();
}

test.describe("as ledamot in Mjölby", () => {
  test.use({ signedInAs: as("mjolby", "ledamot") });

  test("reads the plan as a tree with status at every level, on a tablet both ways", async ({ page }) => {
    mkdirSync(SHOTS, { recursive: true });
    await page.goto("/planer");
    await expectNoAxeViolations(page);
    await openPlan(page);
    // The latest follow-up with values: per 30 april, as in the document.
    await expect(page.getByRole("link", { name: "per 30 april · stängd" })).toHaveAttribute("aria-current", "page");
    const overview = page.getByRole("region", { name: "Uppföljning", exact: true });
    await expect(overview).toContainText("Aktiviteter: 4 klart · 45 pågår · 8 ej inlett");
    await expect(overview).toContainText("16 inga nya data");
    await expect(page.getByRole("heading", { level: 2, name: "Invånarna ska känna sig alltmer trygga och säkra" })).toBeVisible();
    // A member cannot fill in or close anything.
    await expect(page.getByRole("link", { name: /Fyll i uppföljningen/ })).toHaveCount(0);
    await expect(page.getByRole("button", { name: "Stäng uppföljningen" })).toHaveCount(0);
    const goal = page.getByRole("region", { name: "Invånarna ska känna sig alltmer trygga och säkra" });
    await goal.getByText("Aktiviteter och nyckeltal").click();
    await expect(goal.getByText("Styrdokument för krisledningsnämnden")).toBeVisible();
    await expect(goal).toContainText("Klart");
    await expectNoAxeViolations(page);
    for (const [name, viewport] of [["landscape", { width: 1024, height: 768 }], ["portrait", { width: 768, height: 1024 }]] as const) {
      await page.setViewportSize(viewport);
      await expectNoHorizontalScroll(page);
      await page.screenshot({ path: `${SHOTS}/plan-${name}.png`, fullPage: false });
      await goal.scrollIntoViewIfNeeded();
      await page.screenshot({ path: `${SHOTS}/plan-goal-${name}.png`, fullPage: false });
    }
    // The integration strategy serves an activity: the uppdrag is shown in the plan.
    const work = page.getByRole("region", { name: /Utbildningsnivån ska höjas/ });
    await work.getByText("Aktiviteter och nyckeltal").click();
    await expect(work.getByRole("link", { name: "Ta fram en kommunövergripande integrationsstrategi" })).toBeVisible();
  });
});

test.describe("as handläggare in Mjölby (Kommunledningskontoret)", () => {
  test.use({ signedInAs: as("mjolby", "handlaggare") });

  test("enters nuläge for the unit's activities with the keyboard; other units' activities are read-only", async ({ page }) => {
    test.slow(); // many steps, axe runs and a PDF: over 20 s on a loaded 2-core machine
    await openPlan(page);
    await page.getByRole("link", { name: "Fyll i uppföljningen per 31 augusti" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Fyll i uppföljning per 31 augusti" })).toBeVisible();
    await expectNoAxeViolations(page);
    await page.setViewportSize({ width: 768, height: 1024 });
    await expectNoHorizontalScroll(page);
    await page.screenshot({ path: `${SHOTS}/follow-up-portrait.png`, fullPage: false });
    await page.setViewportSize({ width: 1024, height: 768 });

    const first = page.getByRole("region", { name: /Bilden av Mjölby kommun/ });
    // Tillväxtkontoret reports "Boendekampanjer"; KLK cannot.
    await expect(first.getByLabel("Nuläge för Boendekampanjer för bostäder")).toHaveCount(0);
    await expect(first.getByText("(rapporteras av den ansvariga enheten)").first()).toBeVisible();
    const status = first.getByLabel("Nuläge för Utveckla en bostadsförsörjningsplan");
    await status.focus();
    await status.selectOption("COMPLETED");
    await page.keyboard.press("Tab");
    await expect(first.getByLabel("Kommentar för Utveckla en bostadsförsörjningsplan")).toBeFocused();
    await page.keyboard.type("Bostadsförsörjningsprogrammet antogs av KF i juni.");
    await page.keyboard.press("Enter");
    await expect(first.getByRole("status")).toHaveText("Sparat (1 ändring).");
    // The form now holds the saved row (its new version): saving again changes nothing.
    await expect(status).toHaveValue("COMPLETED");
    await first.getByLabel("Kommentar för Utveckla en bostadsförsörjningsplan").press("Enter");
    await expect(first.getByRole("status")).toHaveText("Inga ändringar att spara.");

    // A reason is required for "Genomförs ej", checked before sending.
    const second = first.getByLabel("Nuläge för Utveckla och implementera en exploateringsmodell");
    await second.selectOption("NOT_CARRIED_OUT");
    await first.getByRole("button", { name: /Spara åtagandet/ }).click();
    await expect(first.getByRole("alert")).toContainText("Rätta uppgifterna");
    await expect(first.getByText("Skriv varför aktiviteten har nuläget ”Genomförs ej”.")).toBeVisible();
    await expectNoAxeViolations(page);

    // The earlier follow-up is unchanged.
    await page.goto("/planer");
    await page.getByRole("link", { name: PLAN }).click();
    await page.getByRole("link", { name: "per 31 augusti · öppen" }).click();
    await expect(page.getByRole("region", { name: "Uppföljning", exact: true })).toContainText("1 klart");
    await page.getByRole("link", { name: "per 30 april · stängd" }).click();
    await expect(page.getByRole("region", { name: "Uppföljning", exact: true })).toContainText("4 klart · 45 pågår · 8 ej inlett");
  });
});

test.describe("as sekreterare in Mjölby", () => {
  test.use({ signedInAs: as("mjolby", "sekreterare") });

  test("fills in indicators and the summary, then prints and downloads the report", async ({ page }) => {
    test.slow(); // many steps, axe runs and a PDF: over 20 s on a loaded 2-core machine
    await openPlan(page);
    await page.getByRole("link", { name: "Fyll i uppföljningen per 31 augusti" }).click();
    const safe = page.getByRole("region", { name: /Genom kommunens hantering av risker/ });
    await safe.getByLabel("Nuläge för Styrdokument för krisledningsnämnden").selectOption("COMPLETED");
    await safe.getByLabel("Inga nya data för Upplevelse av trygghet och säkerhet utomhus kvällar och nätter").check();
    await safe.getByLabel("Anteckning för Upplevelse av trygghet och säkerhet utomhus kvällar och nätter").fill("Ny mätning 2017");
    await safe.getByLabel("Sammanfattande kommentar till utfall").fill("Krishandboken är fastställd.");
    await safe.getByLabel("Sammanfattande kommentar till utfall").press("Control+Enter");
    await expect(safe.getByRole("status")).toHaveText("Sparat (3 ändringar).");

    await page.goto("/planer");
    await page.getByRole("link", { name: PLAN }).click();
    await page.getByRole("link", { name: "per 31 augusti · öppen" }).click();
    await page.getByRole("link", { name: "Rapport för utskrift" }).click();
    await expect(page.locator("html")).toHaveAttribute("lang", "sv");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Uppföljning av verksamhetsplan 2016 – kommunstyrelsens förvaltning");
    await expect(page.getByText("per 31 augusti (31 augusti 2016)")).toBeVisible();
    await expect(page.getByRole("heading", { level: 2, name: "Kommunmål: Invånarna ska känna sig alltmer trygga och säkra" })).toBeVisible();
    await expect(page.getByText("Krishandboken är fastställd.")).toBeVisible();
    await expectNoAxeViolations(page);
    await page.emulateMedia({ media: "print" });
    await expect(page.getByRole("navigation", { name: "Utskrift och nedladdning" })).toBeHidden();
    await page.emulateMedia({ media: "screen" });

    const dir = mkdtempSync(path.join(os.tmpdir(), "plan-report-"));
    const [pdf] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Ladda ned PDF" }).click()]);
    expect(pdf.suggestedFilename()).toBe("uppfoljning-ks-2016-per-31-augusti.pdf");
    const file = path.join(dir, "r.pdf");
    await pdf.saveAs(file);
    const info = execFileSync("pdfinfo", [file], { encoding: "utf8" });
    expect(info).toMatch(/Tagged:\s+yes/);
    expect(info).toMatch(/Page size:\s+595\.\d+ x 842\.\d+ pts \(A4\)/);
    const pages = Number(/Pages:\s+(\d+)/.exec(info)![1]);
    const text = execFileSync("pdftotext", ["-layout", file, "-"], { encoding: "utf8" });
    expect(text).toContain("Aktivitetsmått – vad ska vi göra/hur ligger vi till?");
    expect(text).toContain("Krishandboken är fastställd.");
    expect(text).toContain(`Sida 1 av ${pages}`);
    execFileSync("pdftoppm", ["-png", "-r", "50", "-f", "1", "-l", "2", file, path.join(SHOTS, "report-page")]);

    const [docx] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Ladda ned Word" }).click()]);
    expect(docx.suggestedFilename()).toBe("uppfoljning-ks-2016-per-31-augusti.docx");
    const dfile = path.join(dir, "r.docx");
    await docx.saveAs(dfile);
    const xml = execFileSync("unzip", ["-p", dfile, "word/document.xml"], { encoding: "utf8", maxBuffer: 20_000_000 });
    expect(xml).toContain("Kommunmål: Medborgarnas hälsa ska förbättras");
    expect(xml).toContain("Krishandboken är fastställd.");
  });

  test("creates and closes an occasion; a closed occasion cannot be filled in", async ({ page }) => {
    await openPlan(page);
    const form = page.getByRole("region", { name: "Ny uppföljning" });
    await form.getByRole("button", { name: "Skapa uppföljning" }).click();
    await expect(form.getByText(/Skriv ett namn/)).toBeVisible();
    await form.getByLabel("Namn").fill("bokslut");
    await form.getByLabel("Per datum").fill("2016-12-31");
    await form.getByRole("button", { name: "Skapa uppföljning" }).click();
    await expect(form.getByRole("status")).toHaveText("Uppföljningen ”bokslut” är skapad.");
    await page.getByRole("link", { name: "bokslut · öppen" }).click();
    const close = page.getByRole("region", { name: "Stäng uppföljningen bokslut" });
    await close.getByRole("button", { name: "Stäng uppföljningen" }).click();
    await expect(close.getByText("Kryssa i att du vill stänga uppföljningen.")).toBeVisible();
    await close.getByLabel("Jag vill stänga uppföljningen bokslut").check();
    await close.getByRole("button", { name: "Stäng uppföljningen" }).click();
    await expect(page.getByRole("link", { name: "bokslut · stängd" })).toBeVisible();
    await expect(page.getByRole("region", { name: "Uppföljning", exact: true })).toContainText("stängd");
    const url = new URL(page.url());
    await page.goto(`${url.pathname}/uppfoljning${url.search}`);
    await expect(page.getByText(/Uppföljningen bokslut stängdes .* och kan inte ändras\./)).toBeVisible();
  });

  test("links an uppdrag to a commitment and sees it on both sides", async ({ page }) => {
    await page.goto("/uppdrag?showClosed=1");
    await page.getByRole("link", { name: "Ta fram en kommunövergripande integrationsstrategi" }).first().click();
    const section = page.getByRole("region", { name: "Verksamhetsplan", exact: true });
    await expect(section).toContainText("Aktivitet: Ta fram en kommunövergripande integrationsstrategi");
    await section.getByLabel("Koppla till åtagande eller aktivitet").selectOption({ label: "Åtagande: Genom kommunens hantering av risker och hot ska tryggheten förstärkas för människor och miljö." });
    await section.getByRole("button", { name: "Koppla" }).click();
    await expect(section.getByRole("status")).toHaveText("Kopplingen är sparad.");
    await expect(section).toContainText("Nämndåtagande: Genom kommunens hantering av risker och hot");
    await expectNoAxeViolations(page);
    await section.getByRole("link", { name: PLAN }).first().click();
    const goal = page.getByRole("region", { name: "Invånarna ska känna sig alltmer trygga och säkra" });
    await expect(goal.getByRole("link", { name: "Ta fram en kommunövergripande integrationsstrategi" })).toBeVisible();
    await page.goBack();
    await section.getByRole("button", { name: /Ta bort kopplingen till Genom kommunens hantering/ }).click();
    await expect(section).not.toContainText("Nämndåtagande: Genom kommunens hantering av risker och hot");
  });

  test("imports a plan from Excel: row errors first, nothing saved until confirmed", async ({ page }) => {
    test.slow(); // many steps, axe runs and a PDF: over 20 s on a loaded 2-core machine
    const dir = mkdtempSync(path.join(os.tmpdir(), "plan-import-"));
    const build = async (rows: string[][]) => {
      const wb = new ExcelJS.Workbook();
      const a = wb.addWorksheet("Aktiviteter");
      a.addRow(["Kommunmål", "Nämndåtagande", "Aktivitet", "Önskat läge", "Samverkan med", "Ansvarig"]);
      for (const r of rows) a.addRow(r);
      const i = wb.addWorksheet("Nyckeltal");
      i.addRow(["Kommunmål", "Nämndåtagande", "Nyckeltal", "Enhet", "Ingångsvärde", "Ingångsdatum", "Önskat läge"]);
      i.addRow(["Trygg kommun", "Färre olyckor", "Antal olyckor", "st", "12", "2017-01-01", "8"]);
      const f = path.join(dir, `${rows.length}.xlsx`);
      writeFileSync(f, Buffer.from(await wb.xlsx.writeBuffer()));
      return f;
    };
    await page.goto("/planer");
    await page.getByRole("link", { name: "Läs in plan från Excel" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Läs in plan från Excel" })).toBeVisible();
    await expectNoAxeViolations(page);
    await page.getByLabel("Organ").selectOption({ label: "Kommunstyrelsens arbetsutskott (KSAU)" });
    await page.getByLabel("År").fill("2017");
    await page.getByLabel("Planens namn").fill("Verksamhetsplan 2017 – KSAU");
    await page.getByLabel("Excel-fil (.xlsx)").setInputFiles(await build([["Trygg kommun", "", "Utan åtagande", "", "", ""]]));
    await page.getByRole("button", { name: "Förhandsgranska" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "Filen har" })).toContainText("Filen har 1 fel");
    await expect(page.getByRole("region", { name: "Fel i filen" })).toContainText("Nämndåtagande saknas.");
    await expectNoAxeViolations(page);

    await page.getByLabel("Organ").selectOption({ label: "Kommunstyrelsens arbetsutskott (KSAU)" });
    await page.getByLabel("År").fill("2017");
    await page.getByLabel("Planens namn").fill("Verksamhetsplan 2017 – KSAU");
    await page.getByLabel("Excel-fil (.xlsx)").setInputFiles(
      await build([
        ["Trygg kommun", "Färre olyckor", "Översyn av KOMBRÅ", "Genomförs 2017", "Polisen", "KLK"],
        ["Trygg kommun", "Färre olyckor", "Informationskampanj", "Genomförs 2017", "", "KLK"],
      ]),
    );
    await page.getByRole("button", { name: "Förhandsgranska" }).click();
    const preview = page.getByRole("region", { name: "2. Förhandsgranska och spara" });
    await expect(preview).toContainText("1 kommunmål, 1 nämndåtaganden, 2 aktiviteter och 1 nyckeltal.");
    await page.goto("/planer");
    await expect(page.getByRole("link", { name: "Verksamhetsplan 2017 – KSAU" })).toHaveCount(0);
    await page.goBack();
    await page.getByLabel("Organ").selectOption({ label: "Kommunstyrelsens arbetsutskott (KSAU)" });
    await page.getByLabel("År").fill("2017");
    await page.getByLabel("Planens namn").fill("Verksamhetsplan 2017 – KSAU");
    await page.getByLabel("Excel-fil (.xlsx)").setInputFiles(path.join(dir, "2.xlsx"));
    await page.getByRole("button", { name: "Förhandsgranska" }).click();
    await page.getByRole("button", { name: "Spara planen" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Verksamhetsplan 2017 – KSAU" })).toBeVisible();
    await expect(page.getByText("Planen har ingen uppföljning ännu.")).toBeVisible();
  });
});

test.describe("another municipality", () => {
  test.use({ signedInAs: as("exempelstad", "administrator") });
  test("cannot see Mjölby's plan or its report", async ({ page, browser }) => {
    const ctx = await contextAs(browser, "mjolby", "ledamot");
    const mj = await ctx.newPage();
    await mj.goto("/planer");
    const href = await mj.getByRole("link", { name: PLAN }).getAttribute("href");
    await ctx.close();
    await page.goto("/planer");
    await expect(page.getByText("Det finns inga verksamhetsplaner ännu.")).toBeVisible();
    const res = await page.goto(href!);
    expect(res?.status()).toBe(404);
    const report = await page.request.get(`${href}/rapport`);
    expect(report.status()).toBe(404);
    const file = await page.request.get(`${href}/rapport/fil?format=pdf`);
    expect(file.status()).toBe(404);
  });
});
