// The June/December report: the page, the print view, and the files.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { test, expect, slugOf, as, contextAs, expectNoAxeViolations } from "./fixtures";

test.describe("as administrator", () => {
  test.use({ signedInAs: as("exempelstad", "administrator") });

  test("the report page and its print view are accessible and in Swedish", async ({ page }) => {
    await page.goto("/uppdrag");
    await page.getByRole("navigation", { name: "Huvudmeny" }).getByRole("link", { name: "Redovisning" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Redovisning av ej verkställda beslut" })).toBeVisible();
    const produce = page.getByRole("region", { name: "Ta fram redovisningen" });
    await expect(produce.getByLabel("Kommunfullmäktige (KF)")).toBeChecked();
    await expect(produce.getByLabel("Kommunstyrelsen (KS)")).toBeChecked();
    await expectNoAxeViolations(page);
    await produce.getByLabel("Redovisning per").fill("2026-12-31");
    // Every body unticked: stopped with a message, not silently the default bodies.
    const ticked = produce.locator("input[name=body]:checked");
    const tickedIds = await ticked.evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));
    for (const id of tickedIds) await produce.locator(`input[name=body][value="${id}"]`).uncheck();
    await produce.getByRole("button", { name: "Visa utskriftsvy" }).click();
    await expect(produce.getByRole("alert")).toHaveText("Välj minst ett organ som ska redovisas.");
    await expect(page).toHaveURL(/\/rapporter$/);
    await expect(produce.locator("input[name=body]").first()).toBeFocused();
    await expectNoAxeViolations(page);
    for (const id of tickedIds) await produce.locator(`input[name=body][value="${id}"]`).check();
    await produce.getByRole("button", { name: "Visa utskriftsvy" }).click();
    await expect(page).toHaveURL(/\/rapporter\/utskrift\?asOf=2026-12-31/);
    await expect(page.locator("html")).toHaveAttribute("lang", "sv");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Redovisning av ej verkställda beslut");
    await expect(page.getByText("per 31 december 2026")).toBeVisible();
    await expect(page.getByRole("heading", { level: 2, name: "Kommunfullmäktige (KF)" })).toBeVisible();
    await expectNoAxeViolations(page);
    // The print button works under the Content Security Policy (no inline handlers).
    await page.evaluate(() => {
      (window as unknown as { printed: number }).printed = 0;
      window.print = () => void ((window as unknown as { printed: number }).printed += 1);
    });
    await page.getByRole("button", { name: "Skriv ut" }).click();
    expect(await page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);
  });

  test("the PDF is tagged A4 with page numbers, and renders to pages", async ({ page }) => {
    await page.goto("/rapporter");
    const produce = page.getByRole("region", { name: "Ta fram redovisningen" });
    await produce.getByLabel("Redovisning per").fill("2026-12-31");
    const [download] = await Promise.all([page.waitForEvent("download"), produce.getByRole("button", { name: "Ladda ned PDF" }).click()]);
    expect(download.suggestedFilename()).toBe(`ej-verkstallda-beslut-${slugOf("exempelstad")}-2026-12-31.pdf`);
    const dir = mkdtempSync(path.join(os.tmpdir(), "report-"));
    const file = path.join(dir, "r.pdf");
    await download.saveAs(file);
    const info = execFileSync("pdfinfo", [file], { encoding: "utf8" });
    expect(info).toMatch(/Tagged:\s+yes/);
    // A4 landscape from the HTML's @page (297 x 210 mm, in whole CSS pixels: 841.92 x 594.96 pt).
    expect(info).toMatch(/Page size:\s+84[12]\.\d+ x 59[45]\.\d+ pts \(A4\)/);
    const pages = Number(/Pages:\s+(\d+)/.exec(info)![1]);
    expect(pages).toBeGreaterThanOrEqual(2);
    const text = execFileSync("pdftotext", ["-layout", file, "-"], { encoding: "utf8" });
    expect(text).toContain("Redovisning av ej verkställda beslut");
    expect(text).toContain(`Sida 1 av ${pages}`);
    expect(text).toContain("Kommunstyrelsen (KS)");
    execFileSync("pdftoppm", ["-png", "-r", "40", file, path.join(dir, "p")]);
    expect(readdirSync(dir).filter((f) => f.endsWith(".png"))).toHaveLength(pages);
  });

  test("the report has Klart senast with the late marker, and one made before its date says the figures are as of now", async ({ page }) => {
    // The page: the next report date has not ended yet (it never has: it is today or later).
    await page.goto("/rapporter");
    await expect(page.getByText(/^Redovisningsdagen \d{1,2} [a-z]+ \d{4} är inte slut än\. En redovisning som tas fram eller fastställs nu visar läget nu/)).toBeVisible();
    await expect(page.getByLabel("Redovisning per")).toHaveAccessibleDescription(/är inte slut än/);

    // A report date that has passed: the state at its end, no warning; "Klart senast" beside "Planerat klart", late ones marked.
    await page.goto("/rapporter/utskrift?asOf=2026-06-30");
    await expect(page.getByRole("note")).toHaveCount(0);
    await expect(page.getByText(/som inte var verkställda vid dagens slut den 30 juni 2026/)).toBeVisible();
    const ks = page.getByRole("region", { name: "Kommunstyrelsen (KS)" });
    await expect(ks.getByRole("columnheader", { name: "Klart senast" })).toBeVisible();
    await expect(ks.getByRole("columnheader", { name: "Planerat klart" })).toBeVisible();
    await expect(ks.getByText("Försenad mot datum").first()).toBeVisible();
    await expect(page.getByText(/^\d+ av de \d+ ej verkställda uppdragen är försenade mot datum/)).toBeVisible();
    await expectNoAxeViolations(page);

    // A report date still to come: warned on the first page, the figures as of now.
    await page.goto("/rapporter/utskrift?asOf=2099-12-31");
    await expect(page.getByRole("note")).toContainText("Observera: redovisningen är framtagen");
    await expect(page.getByRole("note")).toContainText("innan redovisningsdagen den 31 december 2099 är slut");
    await expect(page.getByText(/som inte var verkställda när redovisningen togs fram/)).toBeVisible();
    await expectNoAxeViolations(page);
    const json = await (await page.request.get("/rapporter/fil?format=json&asOf=2026-06-30")).json();
    const rows = json.open.flatMap((g: { rows: unknown[] }) => g.rows) as { deadline: string | null; late: boolean }[];
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => "deadline" in r && typeof r.late === "boolean")).toBe(true);
    expect(rows.some((r) => r.late)).toBe(true);
    expect(typeof json.summary.late).toBe("number");
  });

  test("Word and Excel downloads", async ({ page }) => {
    await page.goto("/rapporter");
    for (const [label, ext] of [["Ladda ned Word", "docx"], ["Ladda ned Excel", "xlsx"]] as const) {
      const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: label }).click()]);
      expect(download.suggestedFilename()).toMatch(new RegExp(`^ej-verkstallda-beslut-${slugOf("exempelstad")}-\\d{4}-\\d{2}-\\d{2}\\.${ext}$`));
    }
  });
});

test.describe("as ledamot", () => {
  test.use({ signedInAs: as("exempelstad", "ledamot") });
  test("a member cannot produce the report", async ({ page }) => {
    await page.goto("/uppdrag");
    // Members read the fastställda reports there, but produce nothing.
    await page.getByRole("navigation", { name: "Huvudmeny" }).getByRole("link", { name: "Redovisning" }).click();
    await expect(page.getByText(/tas fram och fastställs av administratörer och av sekreterare/)).toBeVisible();
    await expect(page.getByRole("button", { name: "Visa utskriftsvy" })).toHaveCount(0);
    await expect(page.getByRole("button", { name: "Fastställ redovisningen" })).toHaveCount(0);
    expect((await page.request.get("/rapporter/fil?format=json")).status()).toBe(403);
    expect((await page.request.get("/rapporter/utskrift")).status()).toBe(403);
  });
});

test("the report of another municipality's bodies is refused", async ({ browser }) => {
  const ctx = await contextAs(browser, "vimmerby", "administrator");
  const other = await contextAs(browser, "exempelstad", "administrator");
  const html = await (await other.request.get("/rapporter")).text();
  const bodyId = /name="body" value="([0-9a-f-]{36})"/.exec(html)![1];
  const res = await ctx.request.get(`/rapporter/fil?format=json&body=${bodyId}`);
  expect([403, 404]).toContain(res.status());
  await ctx.close();
  await other.close();
});
