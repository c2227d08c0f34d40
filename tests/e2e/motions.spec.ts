// Motioner och medborgarförslag (issue #17): kommunfullmäktige's secretary in
// Alingsås registers a motion (a missing title refused with a link to the field),
// sees the one-year clock, registers KF's bifall at its paragraph, creates the
// uppdrag it gives, and downloads the list of obesvarade motioner as a tagged PDF;
// a member reads the list and the waiting-over-a-year filter without the forms.
// axe at 0 on every page.
import { execFileSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { test, expect, as, contextAs, slugOf, expectNoAxeViolations } from "./fixtures";

const MUNICIPALITY = "alingsas";

test.describe("as kommunfullmäktige's secretary", () => {
  test.use({ signedInAs: as(MUNICIPALITY, "sekreterare") });

  test("registers a motion, sees its clock, answers it bifallen at a KF § and creates its uppdrag", async ({ page }) => {
    await page.goto("/uppdrag");
    await page.getByRole("navigation", { name: "Huvudmeny" }).getByRole("link", { name: "Motioner" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Motioner och medborgarförslag" })).toBeVisible();
    // The demo's motions: the oldest first, with the clock.
    await expect(page.getByRole("link", { name: "Inför medborgarbudget" })).toBeVisible();
    await expect(page.getByRole("row", { name: /Inför medborgarbudget/ })).toContainText(/Över ett år \(\d+ dagar\)/);
    await expectNoAxeViolations(page);

    await page.getByRole("link", { name: "Registrera motion eller medborgarförslag" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Registrera motion eller medborgarförslag" })).toBeVisible();
    await page.getByLabel("Slag", { exact: true }).selectOption("MOTION");
    await page.getByLabel("Förslagsställare", { exact: true }).fill("Ida Grön (MP)");
    await page.getByLabel("Väckt i kommunfullmäktige den", { exact: true }).fill("2026-03-25");
    await page.getByLabel("KF §", { exact: true }).fill("40");
    await page.getByLabel("Dnr", { exact: true }).fill("2026.099 KS");
    await page.getByLabel("Bereds av", { exact: true }).selectOption({ label: "Kommunstyrelsen (KS)" });
    await page.getByRole("button", { name: "Registrera" }).click();
    // No title: refused, the summary links to the field.
    // The form's own alert (Next's route announcer is an alert too).
    await expect(page.getByRole("alert").filter({ hasText: "Rätta uppgifterna som är markerade." })).toBeVisible();
    const summaryLink = page.getByRole("link", { name: "Rubrik: Fyll i rubriken." });
    await expect(summaryLink).toBeVisible();
    await expectNoAxeViolations(page);
    await summaryLink.click();
    await expect(page.getByLabel("Rubrik", { exact: true })).toBeFocused();
    await page.getByLabel("Rubrik", { exact: true }).fill("Gröna skolgårdar");
    await page.getByRole("button", { name: "Registrera" }).click();

    await expect(page).toHaveURL(/\/motioner\/[0-9a-f-]{36}$/);
    await expect(page.getByRole("heading", { level: 1, name: "Gröna skolgårdar" })).toBeVisible();
    const facts = page.getByRole("region", { name: "Uppgifter" });
    await expect(facts).toContainText("Ida Grön (MP)");
    await expect(facts).toContainText("Väckt");
    await expect(facts).toContainText(/\d+ dagar kvar/);
    await expect(facts).toContainText("Fullmäktige bör besluta senast 25 mars 2027.");
    await expectNoAxeViolations(page);

    await page.getByText("Registrera kommunfullmäktiges beslut").click();
    const answer = page.locator("form").filter({ has: page.getByRole("button", { name: "Spara beslutet" }) });
    await answer.getByLabel("Beslut", { exact: true }).selectOption("BIFALLEN");
    await answer.getByLabel("Kommunfullmäktiges paragraf").selectOption({ label: "KF 2026-11-23 § 151 – Svar på motion om gröna skolgårdar" });
    await expectNoAxeViolations(page);
    await answer.getByRole("button", { name: "Spara beslutet" }).click();
    const decision = page.getByRole("region", { name: "Kommunfullmäktiges beslut" });
    await expect(decision).toContainText("Bifallen");
    await expect(decision.getByRole("link", { name: "KF 23 november 2026 § 151" })).toBeVisible();
    await expect(facts).toContainText("Besvarad – bifallen");
    await expect(facts).toContainText(/Besvarad efter \d+ dagar/);

    const uppdrag = page.getByRole("region", { name: "Uppdrag", exact: true });
    await uppdrag.getByText("Skapa uppdrag ur beslutet").click();
    await uppdrag.getByLabel("Uppdragets rubrik").fill("Ta fram en plan för gröna skolgårdar");
    await uppdrag.getByLabel("Ansvarig enhet").selectOption({ label: "Kommunledningskontoret" });
    await uppdrag.getByLabel("Klart senast").fill("2027-06-30");
    await expectNoAxeViolations(page);
    await uppdrag.getByRole("button", { name: "Skapa uppdraget" }).click();
    await expect(uppdrag.getByRole("status")).toHaveText("Uppdraget är skapat och kopplat till motionen.");
    const link = uppdrag.getByRole("link", { name: "Ta fram en plan för gröna skolgårdar" });
    await expect(link).toBeVisible();
    await expect(uppdrag).toContainText("Ej påbörjad");
    await expect(uppdrag).toContainText("Klart senast 2027-06-30");
    await expectNoAxeViolations(page);
    await link.click();
    await expect(page.getByRole("heading", { level: 1, name: "Ta fram en plan för gröna skolgårdar" })).toBeVisible();
  });

  test("the list of obesvarade motioner downloads as a tagged PDF, and its print view is accessible", async ({ page }) => {
    await page.goto("/motioner");
    await page.getByRole("link", { name: "Redovisning till fullmäktige" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Obesvarade motioner och medborgarförslag" })).toBeVisible();
    await expectNoAxeViolations(page);
    const produce = page.getByRole("region", { name: "Ta fram redovisningen" });
    await produce.getByLabel("Redovisning per").fill("2026-12-31");
    const [download] = await Promise.all([page.waitForEvent("download"), produce.getByRole("button", { name: "Ladda ned PDF" }).click()]);
    expect(download.suggestedFilename()).toBe(`obesvarade-motioner-${slugOf(MUNICIPALITY)}-2026-12-31.pdf`);
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), "motions-")), "m.pdf");
    await download.saveAs(file);
    const info = execFileSync("pdfinfo", [file], { encoding: "utf8" });
    expect(info).toMatch(/Tagged:\s+yes/);
    expect(info).toMatch(/Page size:\s+84[12]\.\d+ x 59[45]\.\d+ pts \(A4\)/);
    const text = execFileSync("pdftotext", ["-layout", file, "-"], { encoding: "utf8" });
    expect(text).toContain("Inför medborgarbudget");
    // The clock wraps in its column: "Över ett år" over "(925 dagar)".
    expect(text).toContain("Över ett år");
    expect(text).toMatch(/\(\d+ dagar\)/);
    expect(text).toContain("Vad som har kommit fram vid");

    await produce.getByRole("button", { name: "Visa utskriftsvy" }).click();
    await expect(page).toHaveURL(/\/motioner\/rapport\/utskrift\?asOf=2026-12-31/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Obesvarade motioner och medborgarförslag");
    await expect(page.getByRole("heading", { level: 2, name: "Motioner (2)" })).toBeVisible();
    await expectNoAxeViolations(page);
  });
});

test("a member reads the list and its filters, without the forms", async ({ browser }) => {
  const context = await contextAs(browser, MUNICIPALITY, "ledamot");
  const page = await context.newPage();
  await page.goto("/motioner");
  await expect(page.getByRole("heading", { level: 1, name: "Motioner och medborgarförslag" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Registrera motion eller medborgarförslag" })).toHaveCount(0);
  await expect(page.getByRole("row", { name: /Belysning på gång- och cykelvägen vid Mjörn/ })).toContainText("Anonymiserad på begäran");
  await expectNoAxeViolations(page);
  await page.getByLabel("Bara de som väntat över ett år").check();
  await page.getByRole("button", { name: "Visa" }).click();
  await expect(page).toHaveURL(/overAr=1/);
  await expect(page.getByRole("link", { name: "Inför medborgarbudget" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Hundrastgård i Nolhaga" })).toHaveCount(0);
  await expect(page.getByRole("status")).toContainText("2 träffar");
  await expectNoAxeViolations(page);
  await page.getByRole("link", { name: "Inför medborgarbudget" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Inför medborgarbudget" })).toBeVisible();
  await expect(page.getByText("Registrera kommunfullmäktiges beslut")).toHaveCount(0);
  await expect(page.getByRole("region", { name: "Kommunfullmäktiges beslut" })).toContainText("budget 2028");
  await expectNoAxeViolations(page);
  await context.close();
});
