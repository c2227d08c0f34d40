// The secretaries' status round: one table, row by row, keyboard only.
import { test, expect, stateFile, expectNoAxeViolations } from "./fixtures";

test.describe("as secretary", () => {
  test.use({ storageState: stateFile("exempelstad", "sekreterare") });

  test("a status is reported with the keyboard alone, and a delay needs its reason", async ({ page }) => {
    await page.goto("/uppdrag");
    await page.getByRole("navigation", { name: "Huvudmeny" }).getByRole("link", { name: "Statusrunda" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Statusrunda" })).toBeVisible();
    await expectNoAxeViolations(page);
    // Only the bodies the secretary serves (KF, KS).
    const rows = page.locator("main ol > li");
    expect(await rows.count()).toBeGreaterThan(0);
    for (const text of await page.locator("main ol > li > div:first-child > span").allInnerTexts()) expect(text).toMatch(/^(KF|KS) §/);

    const row = rows.first();
    const title = (await row.getByRole("link").first().innerText()).trim();
    await row.getByLabel(`Ny status för ${title}`).focus();
    await page.keyboard.press("End"); // the last option in the list…
    await row.getByLabel(`Ny status för ${title}`).selectOption("DELAYED"); // …then the one we mean
    await page.keyboard.press("Tab");
    await expect(row.getByLabel(`Kommentar för ${title}`)).toBeFocused();
    await page.keyboard.press("Enter"); // no reason given
    await expect(row.getByRole("alert")).toContainText("Rätta uppgifterna");
    await expect(row.getByText(/Skriv en kommentar/)).toBeVisible();

    // Focus is put back on the field to correct, not lost to the page.
    await expect(row.getByLabel(`Kommentar för ${title}`)).toBeFocused();
    await page.keyboard.type("Underlag från Trafikverket dröjer");
    await page.keyboard.press("Enter");
    await expect(row.getByRole("status")).toHaveText("Statusen är sparad.");
    await expect(row.getByRole("status")).toBeFocused();
    await expect(row).toContainText("Försenad");
    await expect(row).toContainText("Underlag från Trafikverket dröjer");
  });
});

test.describe("as handläggare", () => {
  test.use({ storageState: stateFile("exempelstad", "handlaggare") });
  test("sees only the uppdrag of their own unit", async ({ page }) => {
    await page.goto("/statusrunda");
    const units = await page.locator("main ol > li > div:first-child > span").allInnerTexts();
    expect(units.length).toBeGreaterThan(0);
    for (const u of units) expect(u).toContain("Kommunledningskontoret");
  });
});

test.describe("as ledamot", () => {
  test.use({ storageState: stateFile("exempelstad", "ledamot") });
  test("a member has no status round", async ({ page }) => {
    await page.goto("/statusrunda");
    await expect(page.getByText("Statusrundan görs av sekreterare, handläggare och administratörer.")).toBeVisible();
    await expect(page.getByRole("button", { name: /Spara status/ })).toHaveCount(0);
  });
});
