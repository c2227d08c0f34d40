// Two-factor sign-in in Chromium: a person sets up an authenticator app under
// Mitt konto (the code computed from the key shown as text, as an app would),
// gets the recovery codes once, signs out, and signs in with the password and
// then a code. Each step passes axe. The e2e server runs with
// REQUIRE_ADMIN_TOTP=false, so a fresh person is invited for this test.
import { TOTP, Secret } from "otpauth";
import { test, expect, expectNoAxeViolations, as } from "./fixtures";

test.use({ signedInAs: as("exempelstad", "administrator") });

/** What the phone shows `offsetSteps` time steps from now for the key on the page. */
const codeFor = (secret: string, offsetSteps = 0) =>
  new TOTP({ algorithm: "SHA1", digits: 6, period: 30, secret: Secret.fromBase32(secret.replace(/\s/g, "")) }).generate({ timestamp: Date.now() + offsetSteps * 30_000 });

test("a person turns on two-factor sign-in, signs out, and signs in with the password and a code", async ({ page, browser }) => {
  test.setTimeout(90_000);
  const email = `tvasteg.${Date.now()}@exempelstad.example`;
  const password = "Fjällräven-Tornfalk-Vintergata-47";

  // An administrator invites the person with a starting password.
  await page.goto("/admin/anvandare");
  await page.getByLabel("Namn", { exact: true }).fill("Tove Tvåsteg");
  await page.getByLabel("E-post").fill(email);
  await page.getByLabel("Startlösenord (frivilligt)").fill(password);
  await page.getByRole("button", { name: "Skapa konto" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Tove Tvåsteg har fått ett konto" })).toBeVisible();

  // Tove signs in with the password alone (no TOTP yet) and opens Mitt konto.
  const tove = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const p = await tove.newPage();
  const signIn = async () => {
    await p.goto("/logga-in");
    await p.getByLabel("E-post").fill(email);
    await p.getByLabel("Lösenord").fill(password);
    await p.getByRole("button", { name: "Logga in", exact: true }).click();
  };
  await signIn();
  await p.waitForURL("**/uppdrag");
  await p.goto("/konto");
  await expect(p.getByRole("heading", { level: 2, name: "Tvåstegsverifiering" })).toBeVisible();
  await expect(p.getByRole("img", { name: /QR-kod/ })).toBeVisible();
  await expectNoAxeViolations(p);

  // The key as text (for manual entry and screen readers) is what the app would be given.
  const secret = (await p.getByTestId("totp-secret").textContent())!.trim();
  expect(secret).toMatch(/^[A-Z2-7]{4}( [A-Z2-7]{1,4})+$/);
  await p.getByLabel("Skriv koden som appen visar").fill("000000" === codeFor(secret) ? "111111" : "000000");
  await p.getByRole("button", { name: "Slå på tvåstegsverifiering" }).click();
  await expect(p.getByRole("alert").filter({ hasText: "Koden stämmer inte" })).toBeVisible();
  await expect(p.getByLabel("Skriv koden som appen visar")).toBeFocused();
  await p.getByLabel("Skriv koden som appen visar").fill(codeFor(secret));
  await p.getByRole("button", { name: "Slå på tvåstegsverifiering" }).click();
  await expect(p.getByRole("heading", { name: "Dina reservkoder" })).toBeVisible();
  const codes = await p.getByTestId("recovery-codes").locator("li").allTextContents();
  expect(codes).toHaveLength(10);
  for (const c of codes) expect(c).toMatch(/^[a-z2-9]{5}-[a-z2-9]{5}$/);
  await expectNoAxeViolations(p);
  // Shown once: on the next visit Mitt konto says it is on, and no codes.
  await p.goto("/konto");
  await expect(p.getByText(/Tvåstegsverifiering är på sedan/)).toBeVisible();
  await expect(p.getByText("10 oanvända reservkoder")).toBeVisible();
  await expect(p.getByTestId("recovery-codes")).toHaveCount(0);

  // Sign out, and in again: the password leads to the second step, which grants nothing until the code is right.
  await p.getByRole("button", { name: "Logga ut", exact: true }).click();
  await p.waitForURL(/\/logga-in/);
  await signIn();
  await expect(p.getByRole("heading", { level: 1, name: "Tvåstegsverifiering" })).toBeVisible();
  await expect(p).toHaveURL(/\/logga-in/);
  await expectNoAxeViolations(p);
  await p.goto("/uppdrag");
  await expect(p.getByRole("heading", { level: 1, name: "Tvåstegsverifiering" }), "a pending session sees no page").toBeVisible();
  await p.getByLabel("Kod från appen").fill("12");
  await p.getByRole("button", { name: "Logga in", exact: true }).click();
  await expect(p.getByText(/sexsiffriga koden från appen/).first()).toBeVisible();
  // The code of the next time step: the one used to set up the app is never accepted again.
  await p.getByLabel("Kod från appen").fill(codeFor(secret, 1));
  await p.getByRole("button", { name: "Logga in", exact: true }).click();
  await p.waitForURL("**/uppdrag");
  await expect(p.getByRole("heading", { level: 1, name: "Uppdrag" })).toBeVisible();
  await tove.close();

  // The administrator sees it, and can reset it for Tove (audited).
  await page.goto("/admin/anvandare");
  await page.getByRole("link", { name: "Tove Tvåsteg" }).click();
  await expect(page.getByText(/På sedan/)).toBeVisible();
  await page.getByLabel("Jag har kontrollerat att det är personen själv som ber om det.").check();
  await page.getByRole("button", { name: "Återställ tvåstegsverifiering" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Tvåstegsverifieringen är avstängd" })).toBeVisible();
  await expect(page.getByText("Personen har inte tvåstegsverifiering på.")).toBeVisible();
  await expectNoAxeViolations(page);
});
