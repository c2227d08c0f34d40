// Fastställa the report: the administrator freezes it, everyone reads it later
// exactly as sent (the PDF byte for byte), and two reports are compared.
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Page } from "@playwright/test";
import { test, expect, slugOf, as, contextAs, expectNoAxeViolations } from "./fixtures";

test.describe.configure({ mode: "serial" });

async function freeze(page: Page, asOf: string, note: string) {
  await page.goto("/rapporter");
  const form = page.locator("form").filter({ has: page.getByRole("button", { name: "Fastställ redovisningen" }) });
  // The date is chosen once, in the form the report is previewed with; the freeze form says what it will freeze.
  await page.locator("#report-choice").getByLabel("Redovisning per").fill(asOf);
  await expect(form.locator("#freeze-choice")).toContainText(`Redovisning per ${new Intl.DateTimeFormat("sv-SE", { dateStyle: "long", timeZone: "UTC" }).format(new Date(`${asOf}T00:00:00Z`))}`);
  await form.getByLabel("Anteckning (valfri)").fill(note);
  await form.getByLabel(/Jag förstår att en fastställd redovisning/).check();
  await Promise.all([page.waitForURL(/\/rapporter\/arkiv\/[0-9a-f-]{36}$/, { timeout: 30_000 }), form.getByRole("button", { name: "Fastställ redovisningen" }).click()]);
}

async function download(page: Page, name: string | RegExp) {
  const [d] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name }).click()]);
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), "frozen-")), d.suggestedFilename());
  await d.saveAs(file);
  return file;
}

test.describe("as administrator", () => {
  test.use({ signedInAs: as("exempelstad", "administrator") });

  test("freezing needs a confirmation, then archives the report and its tagged PDF", async ({ page }) => {
    await page.goto("/rapporter");
    const form = page.locator("form").filter({ has: page.getByRole("button", { name: "Fastställ redovisningen" }) });
    await page.locator("#report-choice").getByLabel("Redovisning per").fill("2026-06-30");
    await form.getByRole("button", { name: "Fastställ redovisningen" }).click();
    await expect(form.getByText("Bekräfta att redovisningen ska fastställas. Den kan inte ändras efteråt.")).toBeVisible();
    // Focus is on what to correct, not lost to the page.
    await expect(form.locator("input[name=confirm]")).toBeFocused();
    // With no body chosen above, the freeze form's error leads to the choice that needs correcting.
    const choice = page.locator("#report-choice");
    const boxes = choice.getByRole("checkbox");
    for (const box of await boxes.all()) await box.uncheck();
    await expect(form.locator("#freeze-choice")).toContainText("(inga organ valda)");
    await form.getByLabel(/Jag förstår att en fastställd redovisning/).check();
    await form.getByRole("button", { name: "Fastställ redovisningen" }).click();
    await form.getByRole("link", { name: "Välj minst ett organ." }).click();
    await expect(page.locator("#report-bodies")).toBeFocused();
    await page.reload(); // the default choice again
    await expect(page.getByText("Ingen redovisning har fastställts ännu.")).toBeVisible();

    await freeze(page, "2026-06-30", "Anmäld till KF 2026-09-21");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Redovisning av ej verkställda beslut per 30 juni 2026");
    await expect(page.getByText(/^Fastställd \d+ .* av .*Den ändras inte när uppdragen ändras\.$/)).toBeVisible();
    await expect(page.getByText("Anmäld till KF 2026-09-21")).toBeVisible();
    await expectNoAxeViolations(page);

    const file = await download(page, "Ladda ned PDF som fastställd");
    expect(path.basename(file)).toBe(`ej-verkstallda-beslut-${slugOf("exempelstad")}-2026-06-30-faststalld.pdf`);
    const info = execFileSync("pdfinfo", [file], { encoding: "utf8" });
    expect(info).toMatch(/Tagged:\s+yes/);
    await expect(page.getByText(createHash("sha256").update(readFileSync(file)).digest("hex"))).toBeVisible();
    expect(execFileSync("pdftotext", [file, "-"], { encoding: "utf8" })).toContain("per 30 juni 2026");
  });

  test("the same report cannot be frozen twice; a later one is compared with it", async ({ page }) => {
    await page.goto("/rapporter");
    const form = page.locator("form").filter({ has: page.getByRole("button", { name: "Fastställ redovisningen" }) });
    await page.locator("#report-choice").getByLabel("Redovisning per").fill("2026-06-30");
    await form.getByLabel(/Jag förstår att en fastställd redovisning/).check();
    await form.getByRole("button", { name: "Fastställ redovisningen" }).click();
    await expect(form.getByRole("alert")).toContainText("är redan fastställd");

    await freeze(page, "2026-12-31", "Anmäld till KF 2026-12-14");
    await page.getByRole("link", { name: "← Redovisningar" }).click();
    await expect(page.getByRole("table", { name: /Fastställda redovisningar/ }).getByRole("row")).toHaveCount(3);
    await page.getByRole("button", { name: "Jämför" }).click();
    await expect(page).toHaveURL(/\/rapporter\/jamfor\?a=.*&b=/);
    await expect(page.getByRole("heading", { level: 1, name: "Jämför redovisningar" })).toBeVisible();
    for (const h of [/^Nya sedan förra redovisningen/, /^Avslutade sedan förra redovisningen/, /^Senarelagda igen/, /^Fortfarande ej verkställda/])
      await expect(page.getByRole("heading", { level: 2, name: h })).toBeVisible();
    await expectNoAxeViolations(page);
  });
});

test.describe("as ledamot", () => {
  test.use({ signedInAs: as("exempelstad", "ledamot") });

  test("a member reads the frozen report exactly as sent, but cannot freeze", async ({ page }) => {
    await page.goto("/rapporter");
    await expect(page.getByRole("button", { name: "Fastställ redovisningen" })).toHaveCount(0);
    await expectNoAxeViolations(page);
    await page.getByRole("link", { name: "30 juni 2026" }).click();
    // The checksum recorded when it was frozen matches the file a member gets.
    const file = await download(page, "Ladda ned PDF som fastställd");
    await expect(page.getByText(createHash("sha256").update(readFileSync(file)).digest("hex"))).toBeVisible();
    await page.getByRole("link", { name: "Visa utskriftsvy" }).click();
    await expect(page.getByText("per 30 juni 2026")).toBeVisible();
    await expectNoAxeViolations(page);
  });
});

test("another municipality's frozen report is not found", async ({ browser }) => {
  const own = await contextAs(browser, "exempelstad", "ledamot");
  const html = await (await own.request.get("/rapporter")).text();
  const id = /\/rapporter\/arkiv\/([0-9a-f-]{36})/.exec(html)![1];
  const stranger = await contextAs(browser, "vimmerby", "administrator");
  for (const url of [`/rapporter/arkiv/${id}/fil?format=pdf`, `/rapporter/arkiv/${id}/fil?format=json`, `/rapporter/arkiv/${id}/utskrift`])
    expect((await stranger.request.get(url)).status()).toBe(404);
  expect((await stranger.request.get(`/rapporter/arkiv/${id}`)).status()).toBe(404);
  await own.close();
  await stranger.close();
});
