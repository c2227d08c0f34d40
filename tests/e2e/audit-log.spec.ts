// The administrators' audit log: a refused request shows up, filters live in the
// URL, the CSV export holds the same rows, and no one else can read it.
import { readFileSync } from "node:fs";
import { test, expect, stateFile, expectNoAxeViolations } from "./fixtures";

test("a refused request is logged, filtered and exported as CSV", async ({ browser }) => {
  const member = await browser.newContext({ storageState: stateFile("exempelstad", "ledamot") });
  expect((await member.request.get("/rapporter/fil?format=json")).status()).toBe(403);
  // The log itself is refused to a member, and that is logged too.
  const memberPage = await member.newPage();
  await memberPage.goto("/admin/logg");
  await expect(memberPage.getByText("Loggen kan bara läsas av administratörer.")).toBeVisible();
  expect((await member.request.get("/admin/logg/csv")).status()).toBe(403);
  await member.close();

  const admin = await browser.newContext({ storageState: stateFile("exempelstad", "administrator") });
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
  expect(download.suggestedFilename()).toMatch(/^logg-exempelstad-\d{4}-\d{2}-\d{2}\.csv$/);
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
