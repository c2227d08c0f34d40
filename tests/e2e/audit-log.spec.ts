// The administrators' audit log: a refused request shows up, filters live in the
// URL, the CSV export holds the same rows, and no one else can read it.
import { readFileSync } from "node:fs";
import { test, expect, slugOf, as, contextAs, expectNoAxeViolations } from "./fixtures";

test("a refused request is logged, filtered and exported as CSV", async ({ browser }) => {
  const member = await contextAs(browser, "exempelstad", "ledamot");
  expect((await member.request.get("/rapporter/fil?format=json")).status()).toBe(403);
  // The log itself is refused to a member, and that is logged too.
  const memberPage = await member.newPage();
  await memberPage.goto("/admin/logg");
  await expect(memberPage.getByText("Loggen kan bara läsas av administratörer.")).toBeVisible();
  expect((await member.request.get("/admin/logg/csv")).status()).toBe(403);
  await member.close();

  const admin = await contextAs(browser, "exempelstad", "administrator");
  const page = await admin.newPage();
  await page.goto("/uppdrag");
  await page.getByRole("navigation", { name: "Huvudmeny" }).getByRole("link", { name: "Logg" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Logg" })).toBeVisible();
  await page.getByLabel("Händelse").selectOption({ label: "Nekad åtkomst" });
  await page.getByRole("button", { name: "Visa" }).click();
  await expect(page).toHaveURL(/action=access\.refused/);
  const rows = page.getByRole("table", { name: /Loggen/ }).getByRole("row");
  await expect(rows.filter({ hasText: "GET /rapporter/fil" }).first()).toContainText("Nekad åtkomst");
  await expect(rows.filter({ hasText: "GET /rapporter/fil" }).first()).toContainText("Skäl: saknar behörighet");
  await expect(rows.filter({ hasText: "page /admin/logg" }).first()).toBeVisible();
  await expectNoAxeViolations(page);

  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Ladda ned CSV" }).click()]);
  expect(download.suggestedFilename()).toMatch(new RegExp(`^logg-${slugOf("exempelstad")}-\\d{4}-\\d{2}-\\d{2}\\.csv$`));
  const csv = readFileSync((await download.path())!, "utf8");
  expect(csv.startsWith("\uFEFF\"Tid\";\"Person\"")).toBe(true);
  const lines = csv.trim().split("\r\n");
  expect(lines.length).toBeGreaterThanOrEqual(4);
  expect(lines.slice(1).every((l) => l.includes('"access.refused"'))).toBe(true);

  await page.getByLabel("Från och med").fill("2026-02-01");
  await page.getByLabel("Till och med").fill("2026-01-01");
  await page.getByRole("button", { name: "Visa" }).click();
  await expect(page.getByText("Från-datumet måste ligga före till-datumet.")).toBeVisible();
  // Nothing is listed under a filter with an error (the whole log would look like its result).
  await expect(page.getByRole("heading", { level: 2, name: "Rätta filtret ovan för att se händelserna." })).toBeVisible();
  await expect(rows).toHaveCount(1); // the header row only
  await admin.close();
});

test.describe("as administrator", () => {
  test.use({ signedInAs: as("exempelstad", "administrator") });

  /** How many "Uppdragslistan exporterad" events the log holds. */
  async function exportEvents(page: import("@playwright/test").Page) {
    await page.goto("/admin/logg?action=uppdrag.export");
    const heading = await page.getByRole("heading", { level: 2, name: /händelser/ }).innerText();
    return Number(/^([\d\s\u00a0]+) händelser/.exec(heading)![1].replace(/\D/g, ""));
  }

  test("an export is logged once when downloaded, never when only prefetched (opening /import writes nothing)", async ({ page }) => {
    const before = await exportEvents(page);
    // The import page links to the export: opening it (and letting the router prefetch what is in view) exports nothing.
    await page.goto("/import");
    await expect(page.getByRole("link", { name: "Hämta alla uppdrag som Excel-fil i samma kolumner" })).toBeVisible();
    await page.waitForLoadState("networkidle");
    await page.goto("/uppdrag");
    await page.waitForLoadState("networkidle");
    expect(await exportEvents(page)).toBe(before);
    // A prefetch sent straight to the route gets nothing and is not logged either.
    const prefetches: Record<string, string>[] = [{ "next-router-prefetch": "1", rsc: "1" }, { "sec-purpose": "prefetch" }, { purpose: "prefetch" }];
    for (const headers of prefetches) {
      const res = await page.request.get("/uppdrag/fil?format=csv", { headers });
      expect(res.status()).toBe(204);
    }
    expect(await exportEvents(page)).toBe(before);
    // A real download is logged once.
    const res = await page.request.get("/uppdrag/fil?format=csv");
    expect(res.status()).toBe(200);
    expect(await exportEvents(page)).toBe(before + 1);
    // And it reads in Swedish: no "list", no raw ids.
    const row = page.getByRole("table", { name: /Loggen/ }).getByRole("row").nth(1);
    await expect(row).toContainText("Uppdragslistan exporterad");
    await expect(row).toContainText("Hela listan (med filtret nedan)");
    await expect(row).not.toContainText(/\blist\b/);
    await expect(row.getByRole("link", { name: "Uppdrag" })).toHaveAttribute("href", "/uppdrag");
  });

  test("the log and the administration's tabs are easy to tap (44 px), and the log shows no raw ids", async ({ page }) => {
    await page.goto("/admin/logg");
    const table = page.getByRole("table", { name: /Loggen/ });
    const links = table.getByRole("link");
    const n = Math.min(await links.count(), 10);
    expect(n).toBeGreaterThan(0);
    for (let i = 0; i < n; i++) expect((await links.nth(i).boundingBox())!.height, `link ${i} in the log`).toBeGreaterThanOrEqual(44);
    const postColumn = await table.locator("tbody td:nth-child(4)").allInnerTexts();
    for (const text of postColumn) expect(text).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i);

    // A date field's calendar button, reached by Tab after the day, month and year: the field shows the focus ring.
    const to = page.getByLabel("Till och med");
    await to.focus();
    for (let i = 0; i < 3; i++) await page.keyboard.press("Tab");
    await expect(to).toBeFocused(); // the button is inside the field
    expect(await to.evaluate((el) => el.matches(":focus-within") && !el.matches(":focus"))).toBe(true);
    expect(await to.evaluate((el) => `${getComputedStyle(el).outlineStyle} ${getComputedStyle(el).outlineWidth}`)).toBe("solid 3px");

    await page.goto("/admin");
    const tabs = page.getByRole("navigation", { name: "Administration" }).getByRole("link");
    // The five sections, and the demo's outbox (the e2e server runs in demo mode).
    await expect(tabs).toHaveText(["Översikt", "Organ", "Enheter", "Användare", "Inställningar", "Utkorg (demo)"]);
    for (const tab of await tabs.all()) expect((await tab.boundingBox())!.height, `tab ${await tab.innerText()}`).toBeGreaterThanOrEqual(44);
  });
});
