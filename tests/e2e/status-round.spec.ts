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
    await expect(row).toContainText("Försenad");
    await expect(row).toContainText("Underlag från Trafikverket dröjer");
    // Row by row: focus moves on to the next row, and the save is announced.
    const second = rows.nth(1);
    const secondTitle = (await second.getByRole("link").first().innerText()).trim();
    await expect(second.getByLabel(`Ny status för ${secondTitle}`)).toBeFocused();
    await expect(page.locator("#announcer")).toHaveText(`Statusen är sparad. ${title}.`);

    // A row that is carried out leaves the round; focus goes to the row after it.
    const third = rows.nth(2);
    const thirdTitle = (await third.getByRole("link").first().innerText()).trim();
    const before = await rows.count();
    await second.getByLabel(`Ny status för ${secondTitle}`).selectOption("COMPLETED");
    await second.getByLabel(`Kommentar för ${secondTitle}`).fill("Återrapporterat till KS");
    await page.keyboard.press("Enter");
    await expect(rows).toHaveCount(before - 1);
    await expect(page.getByLabel(`Ny status för ${thirdTitle}`)).toBeFocused();
    await expect(page.locator("#announcer")).toHaveText(new RegExp(`^Statusen är sparad\\. ${secondTitle.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`));
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
