// The secretaries' status round: one table, row by row, keyboard only.
import { test, expect, as, expectNoAxeViolations } from "./fixtures";

test.describe("as secretary", () => {
  test.use({ signedInAs: as("exempelstad", "sekreterare") });

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
  test.use({ signedInAs: as("exempelstad", "handlaggare") });
  test("sees only the uppdrag of their own unit", async ({ page }) => {
    await page.goto("/statusrunda");
    const units = await page.locator("main ol > li > div:first-child > span").allInnerTexts();
    expect(units.length).toBeGreaterThan(0);
    for (const u of units) expect(u).toContain("Kommunledningskontoret");
  });
});

test.describe("as ledamot", () => {
  test.use({ signedInAs: as("exempelstad", "ledamot") });
  test("a member has no status round", async ({ page }) => {
    await page.goto("/statusrunda");
    await expect(page.getByText("Statusrundan görs av sekreterare, handläggare och administratörer.")).toBeVisible();
    await expect(page.getByRole("button", { name: /Spara status/ })).toHaveCount(0);
  });
});

test.describe("the meeting a status round reports to", () => {
  test.use({ signedInAs: as("exempelstad", "sekreterare") });

  test("any meeting of the secretary's bodies, newest first by year, found by typing; the titles are easy to tap", async ({ page }) => {
    await page.goto("/statusrunda");
    const select = page.getByLabel("Sammanträde som statusarna rapporteras till");
    const years = await select.locator("optgroup").evaluateAll((groups) => groups.map((g) => (g as HTMLOptGroupElement).label));
    expect(years.length).toBeGreaterThan(1);
    expect(years).toEqual([...years].sort().reverse());
    // Meetings older than a year are there too: KS 20 April 2020 (§ 54 of the demo data).
    const options = await select.locator("option").allInnerTexts();
    expect(options).toContain("KS 2020-04-20 (Kommunstyrelsen)");
    const dates = options.slice(1).map((o) => /\d{4}-\d{2}-\d{2}/.exec(o)![0]);
    expect(dates).toEqual([...dates].sort().reverse());
    await expect(page.getByText(/^\d+ sammanträden, det senaste först\.$/)).toBeVisible();

    // Narrowed by typing, then chosen with the keyboard.
    await page.getByLabel("Sök sammanträde").fill("ks 2020-04");
    await expect(page.getByText(/^1 av \d+ sammanträden matchar ”ks 2020-04”\.$/)).toBeVisible();
    await expect(select.locator("option")).toHaveCount(2); // "Inget sammanträde" and the match
    await select.focus();
    await select.selectOption({ label: "KS 2020-04-20 (Kommunstyrelsen)" });
    await page.getByRole("button", { name: "Välj sammanträde" }).click();
    await expect(page.getByRole("status").filter({ hasText: "rapporteras till Kommunstyrelsen 2020-04-20" })).toBeVisible();
    await expect(select).toHaveValue(/[0-9a-f-]{36}/);
    await expectNoAxeViolations(page);

    const title = page.locator("main ol > li").first().getByRole("link").first();
    expect((await title.boundingBox())!.height).toBeGreaterThanOrEqual(44);
  });
});
