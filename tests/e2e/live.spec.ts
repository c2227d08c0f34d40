// What one person saves appears on everyone's open pages, and the last list stays readable offline.
import { test, expect, contextAs, openUppdrag } from "./fixtures";

test("a status saved by a secretary appears in a member's open list within 2 seconds, without a reload", async ({ browser }) => {
  const sec = await contextAs(browser, "exempelstad", "sekreterare");
  const secPage = await sec.newPage();
  await secPage.goto("/uppdrag?status=NOT_STARTED");
  // The secretary serves KF and KS.
  await openUppdrag(secPage, secPage.locator("table tbody tr", { hasText: /\b(KS|KF) §/ }).first().locator("a"));
  const title = (await secPage.getByRole("heading", { level: 1 }).innerText()).trim();

  const member = await contextAs(browser, "exempelstad", "ledamot");
  const page = await member.newPage();
  await page.goto(`/uppdrag?q=${encodeURIComponent(title)}`);
  const row = page.locator("table tbody tr", { hasText: title }).first();
  await expect(row).toContainText("Ej påbörjad");
  await expect(page.getByText(/Uppdateras direkt/)).toBeVisible();
  let reloaded = false;
  page.on("load", () => (reloaded = true));

  const form = secPage.getByRole("region", { name: "Rapportera status" });
  await form.getByLabel("Ny status").selectOption({ label: "Pågår" });
  await form.getByLabel("Kommentar").fill("Arbetet har startat");
  const saved = Date.now();
  await form.getByRole("button", { name: "Spara status" }).click();
  await expect(form.getByRole("status")).toHaveText("Statusen är sparad.");

  await expect(row).toContainText("Pågår", { timeout: 2_000 });
  await expect(row).toContainText("Arbetet har startat");
  console.log(`live update reached the member's list ${Date.now() - saved} ms after the click`);
  expect(reloaded, "the page was not reloaded").toBe(false);
  await sec.close();
  await member.close();
});

test("the last loaded list stays readable offline, with the time it shows", async ({ browser }) => {
  const ctx = await contextAs(browser, "exempelstad", "ledamot");
  const page = await ctx.newPage();
  await page.goto("/uppdrag");
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.reload(); // now under the service worker's control: this copy is kept
  await expect(page.getByText(/Uppdateras direkt|Hämtad kl/)).toBeVisible();
  const firstTitle = await page.locator("table tbody tr a").first().innerText();

  await ctx.setOffline(true);
  await page.reload();
  await expect(page.getByText(/Du är offline\. Listan visas som den såg ut kl\. \d{2}:\d{2}\./)).toBeVisible();
  await expect(page.locator("table tbody tr a").first()).toHaveText(firstTitle);
  await ctx.setOffline(false);
  await ctx.close();
});

test("installable: the manifest names the app in Swedish with icons", async ({ request }) => {
  const res = await request.get("/manifest.webmanifest");
  expect(res.ok()).toBe(true);
  const m = await res.json();
  expect(m).toMatchObject({ name: "Uppdragskollen", lang: "sv", display: "standalone", start_url: "/uppdrag" });
  for (const icon of m.icons as { src: string }[]) expect((await request.get(icon.src)).ok()).toBe(true);
});
