// Single sign-on through a real OpenID Connect provider on localhost
// (tests/support/oidc-provider.ts, started by playwright.config.ts): its own
// login and consent pages, the authorization code flow with PKCE, state and
// nonce, and the role mapped from the groups claim.
import { test, expect, expectNoAxeViolations } from "./fixtures";
import type { Page } from "@playwright/test";

test.use({ storageState: { cookies: [], origins: [] } });

/** Nothing leaves this machine: the provider's page asks for a web font. */
async function localOnly(page: Page) {
  await page.route(/^https?:\/\/(?!localhost[:/]|127\.0\.0\.1[:/]|\[::1\][:/])/, (route) => route.abort());
}

async function signInAtProvider(page: Page, login: string) {
  await page.goto("/logga-in");
  const button = page.getByRole("button", { name: "Logga in med Exempelstads konto" });
  await expect(button).toBeVisible();
  await button.click();
  // The provider's own login page, then its consent page.
  await page.waitForURL(/localhost:\d+\/interaction\//);
  await page.locator("input[name=login]").fill(login);
  await page.locator("input[name=password]").fill("vilket-som-helst");
  await page.getByRole("button", { name: "Sign-in" }).click();
  await page.getByRole("button", { name: "Continue" }).click();
}

test("a person whose group maps to a role signs in with SSO and lands with that role, in our server-side session", async ({ page }) => {
  await localOnly(page);
  await page.goto("/logga-in");
  await expectNoAxeViolations(page);
  await signInAtProvider(page, "sso.sekreterare");
  await page.waitForURL("**/uppdrag");
  await expect(page.getByRole("heading", { level: 1, name: "Uppdrag" })).toBeVisible();
  await expect(page.getByRole("link", { name: /Sara Singel/ })).toContainText("Sekreterare");

  // The cookie carries our session: "Logga ut från alla enheter" ends it.
  await page.goto("/konto");
  await expect(page.getByText("Du loggar in med kommunens inloggning")).toBeVisible();
  await page.getByRole("button", { name: "Logga ut från alla enheter" }).click();
  await page.waitForURL(/\/logga-in\?utloggad=alla/);
  await expect(page.getByText("Du är utloggad från alla enheter.")).toBeVisible();
  await page.goto("/uppdrag");
  await page.waitForURL(/\/logga-in/);

  // Signing in again (the provider remembers her: no login page this time)
  // finds the same person by issuer and subject.
  await page.getByRole("button", { name: "Logga in med Exempelstads konto" }).click();
  await page.waitForURL("**/uppdrag");
  await expect(page.getByRole("link", { name: /Sara Singel/ })).toBeVisible();
});

test("an unknown person without a mapped group is refused with a Swedish message", async ({ page }) => {
  await localOnly(page);
  await signInAtProvider(page, "okand.person");
  await page.waitForURL(/\/logga-in\?fel=sso-unknown/);
  await expect(page.getByRole("alert").filter({ hasText: "Du har inget konto i Uppdragskollen" })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.goto("/uppdrag");
  await page.waitForURL(/\/logga-in/);
});
