// The open public view (/offentlig/SLUG, docs/decisions/007-public-view.md):
// a signed-out visitor reads Exempelstad's list on a tablet in both
// orientations, searches and opens an uppdrag (axe, no sideways scrolling,
// no official's name, cacheable answers without cookies); the open data files;
// Vimmerby, whose view is off, and an unknown municipality answer the same 404
// until Vimmerby's administrator turns the view on; a hidden uppdrag is gone.
import { test, expect, contextAs, slugOf, expectNoAxeViolations, expectNoHorizontalScroll } from "./fixtures";
import type { Page } from "@playwright/test";

const TABLETS = [
  { width: 1024, height: 768 },
  { width: 768, height: 1024 },
];
const SHOTS = "test-results/screenshots";

async function checkPage(page: Page, name: string, size: { width: number; height: number }) {
  await expectNoAxeViolations(page);
  await expectNoHorizontalScroll(page);
  await page.screenshot({ path: `${SHOTS}/public-${name}-${size.width}x${size.height}.png`, fullPage: true });
}

for (const size of TABLETS) {
  test(`a signed-out visitor reads, searches and opens an uppdrag at ${size.width}x${size.height}`, async ({ page }) => {
    await page.setViewportSize(size);
    const slug = slugOf("exempelstad");
    const res = await page.goto(`/offentlig/${slug}`);
    expect(res?.status()).toBe(200);
    expect(res?.headers()["cache-control"]).toBe("public, max-age=60, stale-while-revalidate=300");
    expect(res?.headers()["set-cookie"]).toBeUndefined();
    await expect(page.getByRole("heading", { level: 1, name: "Politiska uppdrag i Exempelstads kommun" })).toBeVisible();
    // No app navigation, no sign-in state.
    await expect(page.getByRole("button", { name: /Logga ut/ })).toHaveCount(0);
    await expect(page.getByRole("link", { name: "Mitt konto" })).toHaveCount(0);
    await checkPage(page, "list", size);

    await page.getByRole("searchbox", { name: "Sök" }).fill("ärendebalanslistor");
    await page.getByRole("button", { name: "Visa" }).click();
    await page.waitForURL(/\?q=/);
    await expect(page.getByRole("heading", { level: 2, name: /^\d+ uppdrag$/ })).toBeVisible();
    const link = page.getByRole("link", { name: "Utreda kontinuerligt uppdaterade ärendebalanslistor för förtroendevalda" });
    await expect(link).toBeVisible();
    await checkPage(page, "search", size);

    await Promise.all([page.waitForURL(new RegExp(`/offentlig/${slug}/uppdrag/[0-9a-f-]{36}$`)), link.click()]);
    await expect(page.getByRole("heading", { level: 1, name: "Utreda kontinuerligt uppdaterade ärendebalanslistor för förtroendevalda" })).toBeVisible();
    await expect(page.getByRole("heading", { name: "Historik" })).toBeVisible();
    await expect(page.getByText("Kommunledningskontoret").first()).toBeVisible();
    // Exempelstad shows comments but not the names of officials.
    await expect(page.locator("body")).not.toContainText("Samuel Larsson");
    await expect(page.getByText("Ansvarig person")).toHaveCount(0);
    await checkPage(page, "uppdrag", size);

    await page.getByRole("link", { name: /Alla uppdrag i Exempelstads kommun/ }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Politiska uppdrag i Exempelstads kommun" })).toBeVisible();
  });
}

test("the open data is served as JSON and CSV at stable addresses, cacheable, with an ETag", async ({ request }) => {
  const slug = slugOf("exempelstad");
  const json = await request.get(`/offentlig/${slug}/data/uppdrag.json`);
  expect(json.status()).toBe(200);
  expect(json.headers()["cache-control"]).toBe("public, max-age=60, stale-while-revalidate=300");
  const etag = json.headers()["etag"];
  expect(etag).toBeTruthy();
  const doc = (await json.json()) as { count: number; data: { name: string; reference: string | null; status: string; responsiblePerson: string | null; web: string }[] };
  expect(doc.count).toBeGreaterThan(60);
  expect(doc.data.every((d) => d.responsiblePerson === null)).toBe(true);
  expect(doc.data[0].web).toContain(`/offentlig/${slug}/uppdrag/`);
  expect((await request.get(`/offentlig/${slug}/data/uppdrag.json`, { headers: { "If-None-Match": etag } })).status()).toBe(304);
  const csv = await request.get(`/offentlig/${slug}/data/uppdrag.csv`);
  expect(csv.headers()["content-type"]).toBe("text/csv; charset=utf-8");
  const bytes = await csv.body();
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  expect(bytes.toString("utf8")).toContain("id;web;name;text;reference;");
});

test("a municipality whose view is off answers like one that does not exist, until its administrator turns it on", async ({ page: first, browser }) => {
  let page = first;
  const slug = slugOf("vimmerby");
  const off = await page.goto(`/offentlig/${slug}`);
  expect(off?.status()).toBe(404);
  const offText = await page.locator("main").innerText();
  expect(offText).toContain("Sidan finns inte");
  await expectNoAxeViolations(page);
  const unknown = await page.goto(`/offentlig/finns-inte-${Date.now()}`);
  expect(unknown?.status()).toBe(404);
  expect(await page.locator("main").innerText()).toBe(offText);
  expect((await page.request.get(`/offentlig/${slug}/data/uppdrag.json`)).status()).toBe(404);

  const admin = await contextAs(browser, "vimmerby", "administrator");
  try {
    const a = await admin.newPage();
    await a.goto("/admin/installningar");
    await a.getByLabel("Öppen redovisning", { exact: true }).selectOption("on");
    await a.getByRole("button", { name: "Spara den öppna redovisningen" }).click();
    await expect(a.getByRole("status").filter({ hasText: "Den öppna vyn är på" })).toBeVisible();
    await expectNoAxeViolations(a);

    // Signed out, the view is there now (in a new browser: the 404 may be kept a minute, as the pages are).
    const visitor = await browser.newContext();
    page = await visitor.newPage();
    const on = await page.goto(`/offentlig/${slug}`);
    expect(on?.status()).toBe(200);
    await expect(page.getByRole("heading", { level: 1, name: /Politiska uppdrag i Vimmerby/ })).toBeVisible();
    const first = page.locator("a.ul-title").first();
    const title = (await first.innerText()).trim();
    const href = (await first.getAttribute("href"))!;
    const id = href.split("/").pop()!;

    // The administrator keeps that uppdrag out; it is gone from the view and its page is not found.
    await a.goto(`/uppdrag/${id}`);
    await a.getByRole("button", { name: "Dölj i den öppna redovisningen" }).click();
    await expect(a.getByRole("status").filter({ hasText: "Uppdraget är dolt" })).toBeVisible();
    await visitor.close();
    const later = await browser.newContext();
    page = await later.newPage();
    expect((await page.goto(href))?.status()).toBe(404);
    await page.goto(`/offentlig/${slug}`);
    await expect(page.getByRole("heading", { level: 1, name: /Politiska uppdrag i Vimmerby/ })).toBeVisible();
    await expect(page.getByRole("link", { name: title, exact: true })).toHaveCount(0);
    await later.close();
  } finally {
    await admin.close();
  }
});
