import { test, expect, expectNoAxeViolations, expectNoHorizontalScroll, as, openUppdrag, watchBrowserErrors } from "./fixtures";

test.describe("the uppdrag list and page", () => {
  test.use({ signedInAs: as("exempelstad", "ledamot") });

  for (const viewport of [{ width: 1024, height: 768 }, { width: 768, height: 1024 }]) {
    test(`list and uppdrag page at ${viewport.width}x${viewport.height}: readable, accessible, no sideways scrolling`, async ({ page }) => {
      await page.setViewportSize(viewport);
      await page.goto("/uppdrag");
      await expect(page.getByRole("heading", { level: 1, name: "Uppdrag" })).toBeVisible();
      await expect(page.getByText(/\d+ uppdrag/).first()).toBeVisible();
      await expectNoHorizontalScroll(page);
      await expectNoAxeViolations(page);
      // Touch targets: the links to each uppdrag in the visible layout are at least 44 px high or in a 44 px row.
      const filterButton = page.getByRole("button", { name: "Visa" });
      expect((await filterButton.boundingBox())!.height).toBeGreaterThanOrEqual(44);

      await page.goto("/uppdrag?status=COMPLETED&q=ärendebalans");
      const link = page.getByRole("link", { name: "Utreda kontinuerligt uppdaterade ärendebalanslistor för förtroendevalda" }).locator("visible=true");
      await openUppdrag(page, link);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("Utreda kontinuerligt uppdaterade ärendebalanslistor för förtroendevalda");
      await expectNoHorizontalScroll(page);
      await expectNoAxeViolations(page);
    });
  }

  test("keyboard: after a move in the app focus is on the new content, and the menu and title say where the reader is", async ({ page }) => {
    await page.goto("/uppdrag");
    const menu = page.getByRole("navigation", { name: "Huvudmeny" });
    await expect(menu.getByRole("link", { name: "Uppdrag" })).toHaveAttribute("aria-current", "page");
    // The next page by keyboard: focus lands on the result count, not back at the top of the page.
    await page.getByRole("link", { name: /Nästa/ }).focus();
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/page=2/);
    await expect(page.getByRole("heading", { level: 2, name: /uppdrag, sida 2 av/ })).toBeFocused();
    await expect(page).toHaveTitle("Uppdrag, sida 2 – Uppdragskollen");
    // Past the overview and filters in one step.
    await page.getByRole("link", { name: "Hoppa till listan" }).focus();
    await page.keyboard.press("Enter");
    await expect(page.getByRole("heading", { level: 2, name: /uppdrag, sida 2 av/ })).toBeFocused();
    await page.keyboard.press("Tab");
    await expect(page.locator(":focus")).toHaveAttribute("href", /sort=|\/uppdrag\/|format=/);
    // Opening an uppdrag: focus on its heading, and the tab's title names it.
    const first = page.locator("main table a[href^='/uppdrag/']").locator("visible=true").first();
    const title = (await first.innerText()).trim();
    await first.focus();
    await Promise.all([page.waitForURL(/\/uppdrag\/[0-9a-f-]{36}$/), page.keyboard.press("Enter")]);
    await expect(page.getByRole("heading", { level: 1 })).toBeFocused();
    await expect(page).toHaveTitle(new RegExp(`^${title.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")} \\([A-ZÅÄÖ]+ § \\d+\\) – Uppdragskollen$`));
    await expect(menu.getByRole("link", { name: "Uppdrag" })).toHaveAttribute("aria-current", "page");
  });

  test("the uppdrag page shows the decision, the later decisions and the history", async ({ page }) => {
    await page.goto("/uppdrag?status=COMPLETED&q=ärendebalans");
    await openUppdrag(page, page.getByRole("link", { name: /ärendebalanslistor/ }).locator("visible=true"));
    const decision = page.getByRole("region", { name: "Beslutet" });
    await expect(decision).toContainText("Kommunstyrelsen (KS)");
    await expect(decision).toContainText("20 april 2020");
    await expect(decision).toContainText("§ 54");
    await expect(decision).toContainText("uppdra åt kommunledningskontoret att utreda");
    const later = page.getByRole("region", { name: "Senare beslut i ärendet" });
    await expect(later).toContainText("Återrapporterat: KS 2021-01-25 § 8");
    const history = page.getByRole("region", { name: "Historik" });
    await expect(history.getByRole("listitem")).toHaveCount(4);
    // Where in the handling: completed, after being reported back.
    const steps = page.getByRole("navigation", { name: "Var i hanteringen uppdraget är" });
    await expect(steps.locator("[aria-current=step]")).toContainText("Verkställd");
    await expect(steps).toContainText("Återrapporterat: klart");
    // The municipality's diarium pattern links the Dnr... § 54 has none, so no link.
    await expect(page.getByRole("link", { name: /Öppna i diariet/ })).toHaveCount(0);
    await expect(history).toContainText("Inköp av licenser och utbildning");
    // A ledamot reads only.
    await expect(page.getByRole("region", { name: "Rapportera status" })).toHaveCount(0);
  });

  test("filters live in the URL and the count follows them", async ({ page }) => {
    await page.goto("/uppdrag");
    await page.getByText("Fler filter och sortering").click();
    await page.getByLabel("Försenad", { exact: true }).check();
    await page.getByRole("button", { name: "Visa" }).click();
    // Only what was chosen: the empty fields stay out of an address meant to be shared.
    await expect(page).toHaveURL(/\/uppdrag\?status=DELAYED$/);
    const rows = page.locator("table tbody tr");
    const n = await rows.count();
    expect(n).toBeGreaterThan(0);
    for (let i = 0; i < n; i++) await expect(rows.nth(i)).toContainText("Försenad");
    await page.goBack();
    await expect(page).toHaveURL(/\/uppdrag$/);
    // The form shows the filter of the list below it, not the boxes ticked before leaving.
    await expect(page.getByLabel("Försenad", { exact: true })).not.toBeChecked();
  });

  test("a Dnr finds its uppdrag whatever the separators", async ({ page }) => {
    await page.goto("/uppdrag?showClosed=1");
    const firstDnr = (await page.locator("table tbody tr [data-field=dnr]").first().innerText()).trim();
    await page.goto(`/uppdrag?showClosed=1&q=${encodeURIComponent(firstDnr.replace("/", "-").toLowerCase())}`);
    await expect(page.locator("table tbody tr").first()).toContainText(firstDnr);
  });
});

test.describe("overview and sorting", () => {
  test.use({ signedInAs: as("exempelstad", "ledamot") });

  test("each part of the overview filters the list", async ({ page }) => {
    await page.goto("/uppdrag");
    const overview = page.getByRole("region", { name: "Översikt" });
    await overview.getByRole("link", { name: /försenade mot datum/ }).click();
    await expect(page).toHaveURL(/overdue=1/);
    await expect(page.locator("table tbody tr").first()).toContainText("Försenad mot datum");

    await page.goto("/uppdrag");
    const ks = overview.getByRole("link", { name: /^Kommunstyrelsen: \d+ pågående/ });
    const label = (await ks.textContent())!;
    const count = /Kommunstyrelsen: ([\d\s\u00a0]+) pågående/.exec(label)![1].trim();
    await ks.click();
    await expect(page).toHaveURL(/body=/);
    await expect(page.getByRole("heading", { level: 2, name: new RegExp(`^${count} uppdrag`) })).toBeVisible(); // same grouping on both
  });

  test("the breakdown per status and body is open in landscape and one tap away in portrait (one copy in the page)", async ({ page }) => {
    const overview = page.getByRole("region", { name: "Översikt" });
    const chip = overview.getByRole("link", { name: /^Försenad \d/ });
    const summary = overview.getByText("Fördelning per status och organ");
    await page.goto("/uppdrag");
    await expect(chip).toBeVisible();
    await expect(overview.getByRole("link", { name: /^Kommunstyrelsen: \d+ pågående/ })).toBeVisible();
    await expect(summary).toBeHidden();
    expect(await page.locator("main details:has(.ov-chip)").count(), "the breakdown is in the page once").toBe(1);

    await page.setViewportSize({ width: 768, height: 1024 });
    await expect(summary).toBeVisible();
    await expect(chip).toHaveCount(0); // closed: out of the accessibility tree, not only out of sight
    await summary.click();
    await expect(chip).toBeVisible();
    await expectNoAxeViolations(page);
    await chip.click();
    await expect(page).toHaveURL(/status=DELAYED/);
  });

  test("column headers sort, and say how", async ({ page }) => {
    await page.goto("/uppdrag?showClosed=1");
    await page.getByRole("columnheader", { name: /Uppdrag/ }).getByRole("link").click();
    await expect(page).toHaveURL(/sort=titel&dir=asc/);
    await expect(page.getByRole("columnheader", { name: /Uppdrag/ })).toHaveAttribute("aria-sort", "ascending");
    const titles = await page.locator("table tbody tr td:nth-child(2) a").allInnerTexts();
    expect(titles).toEqual([...titles].sort((a, b) => a.localeCompare(b, "sv")));
  });

  test("a diarium link opens the Dnr in the municipality's diarium", async ({ page }) => {
    await page.goto("/uppdrag");
    await openUppdrag(page, page.locator("table tbody tr a").first());
    const link = page.getByRole("link", { name: /Öppna i diariet/ });
    await expect(link).toHaveAttribute("href", /^https:\/\/diarium\.exempelstad\.example\/arende\?dnr=/);
  });
});

test.describe("search", () => {
  test.use({ signedInAs: as("exempelstad", "ledamot") });

  test("'förskola' finds förskolan, förskolor and förskolornas", async ({ page }) => {
    await page.goto("/uppdrag");
    await page.getByLabel("Sök", { exact: true }).fill("förskola");
    await page.getByRole("button", { name: "Visa" }).click();
    await expect(page).toHaveURL(/q=f%C3%B6rskola/);
    const titles = page.locator("table tbody tr td:nth-child(2) a");
    for (const t of ["Utreda behovet av nya förskolor i Norrby", "Ta fram en plan för att förbättra förskolornas utemiljöer", "Se över förskolan Solrosens lokaler och ventilation"]) {
      await expect(titles.filter({ hasText: t })).toHaveCount(1);
    }
    await expectNoAxeViolations(page);
  });

  test("a Dnr typed with or without its spaces finds its uppdrag", async ({ page }) => {
    for (const q of ["BUN 2025/118", "bun2025/118", "BUN2025-118"]) {
      await page.goto(`/uppdrag?q=${encodeURIComponent(q)}`);
      await expect(page.locator("table tbody tr").first()).toContainText("förskolornas utemiljöer");
    }
  });

  test("the back button returns to the previous filter", async ({ page }) => {
    await page.goto("/uppdrag?q=f%C3%B6rskola");
    await page.goto("/uppdrag?q=BUN%202025%2F131");
    await expect(page.locator("table tbody tr")).toHaveCount(1);
    await page.goBack();
    await expect(page).toHaveURL(/q=f%C3%B6rskola/);
    await expect(page.getByLabel("Sök", { exact: true })).toHaveValue("förskola");
  });

  test("'Alla uppdrag' on an uppdrag page leads back to the list as the reader left it", async ({ page }) => {
    await page.goto("/uppdrag?q=f%C3%B6rskola&sort=titel&dir=asc");
    await openUppdrag(page, page.locator("main table a[href^='/uppdrag/']").locator("visible=true").first());
    await page.getByRole("link", { name: "← Alla uppdrag" }).click();
    await expect(page).toHaveURL(/\/uppdrag\?q=f%C3%B6rskola&sort=titel&dir=asc$/);
    await expect(page.getByLabel("Sök", { exact: true })).toHaveValue("förskola");
  });
});

test.describe("online by default, offline only when offline", () => {
  test.use({ signedInAs: as("exempelstad", "ledamot") });

  test("the list and an uppdrag page hydrate without a React error or a console error, and the server's HTML says online", async ({ page }) => {
    // The explicit check (every test's page checks the same at its end, see fixtures.ts).
    const browser = watchBrowserErrors(page);
    for (const path of ["/uppdrag", "/uppdrag?status=COMPLETED&q=ärendebalans"]) {
      const html = await (await page.request.get(path)).text();
      expect(html, `the server's HTML of ${path}`).not.toContain("Du är offline");
      expect(html).toMatch(/Hämtad kl\. \d{2}:\d{2}\./);
    }
    await page.goto("/uppdrag");
    await expect(page.getByRole("status").filter({ hasText: /Uppdateras direkt när något ändras/ })).toBeVisible();
    await openUppdrag(page, page.locator("main table a[href^='/uppdrag/']").locator("visible=true").first());
    await expect(page.getByRole("status").filter({ hasText: /Uppdateras direkt när något ändras/ })).toBeVisible();
    await page.reload();
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expect(page.getByRole("status").filter({ hasText: /Uppdateras direkt|Hämtad kl\./ })).toBeVisible();
    browser.expectNoBrowserErrors();
  });

  test("a history entry with only a date shows the date, not an invented time", async ({ page }) => {
    await page.goto("/uppdrag?status=COMPLETED&q=ärendebalans");
    await openUppdrag(page, page.getByRole("link", { name: /ärendebalanslistor/ }).locator("visible=true"));
    const times = page.getByRole("region", { name: "Historik" }).locator("time");
    await expect(times).toHaveCount(4);
    // The demo's history of KS 2020 § 54 was taken from documents: dates only.
    for (const text of await times.allInnerTexts()) expect(text).toMatch(/^\d{1,2} [a-zåäö]+ \d{4}$/);
    await expect(times.first()).toHaveAttribute("datetime", /^\d{4}-\d{2}-\d{2}$/);
  });

  test("on a portrait iPad the summary stays compact: the list starts on the first screen", async ({ page }) => {
    await page.setViewportSize({ width: 768, height: 1024 });
    await page.goto("/uppdrag");
    const heading = page.getByRole("heading", { level: 2, name: /\d+ uppdrag/ });
    const box = (await heading.boundingBox())!;
    expect(box.y + box.height, "the result count is on the first screen").toBeLessThan(1024);
    const firstRow = page.locator("main table tbody tr").first();
    expect((await firstRow.boundingBox())!.y, "the first uppdrag starts on the first screen").toBeLessThan(1024 - 60);
    await expectNoAxeViolations(page);
  });
});

test.describe("offline", () => {
  test.use({ signedInAs: as("exempelstad", "ledamot"), failOnBrowserErrors: false });

  test("the list says it is offline when the browser goes offline, and live again when back", async ({ page, context }) => {
    const browser = watchBrowserErrors(page);
    await page.goto("/uppdrag");
    await expect(page.getByRole("status").filter({ hasText: /Uppdateras direkt/ })).toBeVisible();
    await expect(page.getByText("Du är offline")).toHaveCount(0);
    browser.expectNoBrowserErrors(); // offline, the browser logs the failed reconnections (net::ERR_INTERNET_DISCONNECTED): meant
    await context.setOffline(true);
    await expect(page.getByText(/Du är offline\. Listan visas som den såg ut kl\. \d{2}:\d{2}\./)).toBeVisible();
    await context.setOffline(false);
    await expect(page.getByText("Du är offline")).toHaveCount(0);
    await expect(page.getByRole("status").filter({ hasText: /Uppdateras direkt|Återansluter/ })).toBeVisible();
  });
});
