import { test, expect, expectNoAxeViolations, expectNoHorizontalScroll, as, ROLES, demoEmail, DEMO_PASSWORD } from "./fixtures";

const ROLE_LABELS = { ledamot: "Ledamot", sekreterare: "Sekreterare", handlaggare: "Handläggare", administrator: "Administratör" };

test.describe("sign-in", () => {
  test("the sign-in page is Swedish, accessible and lists the demo users", async ({ page }) => {
    await page.goto("/logga-in");
    await expect(page.locator("html")).toHaveAttribute("lang", "sv");
    await expect(page.getByRole("heading", { name: "Demokonton" })).toBeVisible();
    await expect(page.getByRole("button", { name: /Logga in som administratör/ }).first()).toBeVisible();
    await expectNoAxeViolations(page);
    await page.setViewportSize({ width: 768, height: 1024 });
    await expectNoHorizontalScroll(page);
  });

  test("pages carry a nonce-based CSP and the security headers, and run without CSP violations", async ({ page }) => {
    const violations: string[] = [];
    page.on("console", (m) => {
      if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
    });
    const res = await page.goto("/logga-in");
    const h = res!.headers();
    expect(h["content-security-policy"]).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
    expect(h["content-security-policy"]).toContain("frame-ancestors 'none'");
    expect(h["x-frame-options"]).toBe("DENY");
    expect(h["referrer-policy"]).toBe("same-origin");
    expect(h["x-powered-by"]).toBeUndefined();
    const second = (await page.request.get("/logga-in")).headers()["content-security-policy"];
    expect(second).not.toBe(h["content-security-policy"]);
    // Hydrated: the client-side form validation answers without a server round trip.
    await page.getByRole("button", { name: "Logga in", exact: true }).click();
    await expect(page.getByText("Ange din e-postadress.")).toBeVisible();
    expect(violations).toEqual([]);
  });

  test("a wrong password gets a Swedish message and no session", async ({ page }) => {
    await page.goto("/logga-in");
    await page.getByLabel("E-post").fill(demoEmail("exempelstad", "ledamot"));
    await page.getByLabel("Lösenord").fill("fel-lösenord");
    await page.getByRole("button", { name: "Logga in", exact: true }).click();
    await expect(page.getByRole("alert").filter({ hasText: "Fel e-postadress eller lösenord" })).toBeVisible();
    await page.goto("/uppdrag");
    await expect(page).toHaveURL(/\/logga-in/);
  });

  test("repeated wrong passwords lock the address for a while, even with the right password", async ({ page }) => {
    // An account no other test signs in with: it stays locked for the rest of the run.
    const email = demoEmail("alingsas", "handlaggare");
    await page.goto("/logga-in");
    const attempt = async (password: string) => {
      await page.getByLabel("E-post").fill(email);
      await page.getByLabel("Lösenord").fill(password);
      await page.getByRole("button", { name: "Logga in", exact: true }).click();
    };
    for (let i = 0; i < 5; i++) {
      await attempt(`fel-lösenord-${i}`);
      await expect(page.getByRole("alert").filter({ hasText: "Fel e-postadress eller lösenord" })).toBeVisible();
      await expect(page.getByRole("button", { name: "Logga in", exact: true })).toBeEnabled();
    }
    await attempt(DEMO_PASSWORD);
    await expect(page.getByRole("alert").filter({ hasText: /För många misslyckade inloggningar\..*försök igen om \d+ sekunder/ })).toBeVisible();
    await page.goto("/uppdrag");
    await expect(page).toHaveURL(/\/logga-in/);
  });

  test("empty fields are named in Swedish next to the field", async ({ page }) => {
    await page.goto("/logga-in");
    await page.getByRole("button", { name: "Logga in", exact: true }).click();
    await expect(page.getByText("Ange din e-postadress.")).toBeVisible();
    await expect(page.getByText("Ange ditt lösenord.")).toBeVisible();
  });

  test("a signed-out visitor is sent to sign-in, and back after it", async ({ page }) => {
    await page.goto("/uppdrag?status=DELAYED");
    await expect(page).toHaveURL(/\/logga-in\?callbackUrl=/);
    await page.getByRole("button", { name: /Logga in som ledamot/ }).first().click();
    await page.waitForURL("**/uppdrag");
  });

  test("a hostile callbackUrl never sends the browser to another origin after sign-in", async ({ browser, baseURL }) => {
    test.setTimeout(7 * 30_000); // seven sign-ins
    const origin = new URL(baseURL!).origin;
    // Query strings as an attacker writes them: %5C is a backslash, %09 a tab.
    for (const hostile of ["%2F%5Cevil.example", "/%5Cevil.example", "/%09/evil.example", "//evil.example", "https://evil.example/", "/..//evil.example", "%5C%5Cevil.example"]) {
      const ctx = await browser.newContext();
      const page = await ctx.newPage();
      const left: string[] = [];
      await page.route((url) => url.hostname.endsWith("evil.example"), (route) => {
        left.push(route.request().url());
        return route.abort();
      });
      await page.goto(`/logga-in?callbackUrl=${hostile}`);
      await page.getByRole("button", { name: /Logga in som ledamot/ }).first().click();
      // Wait until the sign-in has answered and the browser has left the sign-in page (for wherever it was sent).
      await page.waitForURL((url) => url.pathname !== "/logga-in", { waitUntil: "commit", timeout: 30_000 }).catch(() => {});
      expect(new URL(page.url()).origin, `callbackUrl=${hostile}`).toBe(origin);
      expect(new URL(page.url()).pathname, `callbackUrl=${hostile}`).toBe("/uppdrag");
      expect(left, `callbackUrl=${hostile}`).toEqual([]);
      await ctx.close();
    }
  });

  for (const role of ROLES) {
    test.describe(`as ${role}`, () => {
      test.use({ signedInAs: as("exempelstad", role) });
      test(`lands on the list with the role shown`, async ({ page }) => {
        await page.goto("/");
        await expect(page).toHaveURL(/\/uppdrag$/);
        const header = page.getByRole("banner");
        await expect(header).toContainText(ROLE_LABELS[role]);
        await expect(header).toContainText("Exempelstads kommun");
      });
    });
  }

  test("signing out ends the session on the server, so the old cookie no longer works", async ({ browser }) => {
    const ctx = await browser.newContext();
    const page = await ctx.newPage();
    await page.goto("/logga-in");
    await page.getByLabel("E-post").fill(demoEmail("exempelstad", "sekreterare"));
    await page.getByLabel("Lösenord").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Logga in", exact: true }).click();
    await page.waitForURL("**/uppdrag");
    const cookies = await ctx.cookies();
    await page.getByRole("button", { name: "Logga ut" }).click();
    await page.waitForURL("**/logga-in");
    // Replay the cookie from before sign-out: the server-side session is revoked.
    const replay = await browser.newContext();
    await replay.addCookies(cookies);
    const r = await replay.request.get("/api/uppdrag");
    expect(r.status()).toBe(401);
    await replay.close();
    await ctx.close();
  });
});
