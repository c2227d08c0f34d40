// Reminders (issue #17): Exempelstad's administrator, in demo mode, sends the
// week's reminders now; the app's local SMTP server receives them and the
// outbox page shows the secretary's digest, whose links open the uppdrag. A
// second send the same week sends nothing again. A member follows an uppdrag,
// and chooses what they get under Mitt konto. Axe at 0 on every new page.
import { test, expect, slugOf, expectNoAxeViolations, as, openUppdrag } from "./fixtures";

test.describe("the administrator's outbox", () => {
  test.use({ signedInAs: as("exempelstad", "administrator") });

  test("sends the reminders now and reads the secretary's digest from the local SMTP server", async ({ page }) => {
    await page.goto("/admin/utkorg");
    await expect(page.getByRole("heading", { level: 1, name: "Utkorg (demo)" })).toBeVisible();
    // (The server's hourly tick may have sent the week's digests already: then this send finds them claimed.)
    await expectNoAxeViolations(page);

    await page.getByRole("button", { name: "Skicka påminnelser nu" }).click();
    await expect(page.getByText(/^\d+ sammanställningar? skickad/)).toBeVisible();
    await page.reload();
    const mail = page.getByRole("article").filter({ hasText: `Till sekreterare@${slugOf("exempelstad")}.example` });
    await expect(mail.getByRole("heading", { level: 3, name: /^Påminnelser från Uppdragskollen, vecka \d+: \d+ saker att se över$/ })).toBeVisible();
    await expect(mail).toContainText("Hej Sara Sekreterare!");
    await expect(mail).toContainText("Datumet har passerat utan ny status");
    await expectNoAxeViolations(page);

    // Every item links to its page.
    const text = (await mail.locator("pre").textContent()) ?? "";
    const link = /https?:\/\/\S+\/uppdrag\/[0-9a-f-]{36}/.exec(text)?.[0];
    expect(link).toBeTruthy();
    await page.goto(new URL(link!).pathname);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();

    // The same week again: each digest was sent once.
    await page.goto("/admin/utkorg");
    const count = await page.getByRole("article").count();
    await page.getByRole("button", { name: "Skicka påminnelser nu" }).click();
    await expect(page.getByText("0 sammanställningar skickade.")).toBeVisible();
    await page.reload();
    await expect(page.getByRole("article")).toHaveCount(count);
  });
});

test.describe("a member", () => {
  test.use({ signedInAs: as("exempelstad", "ledamot") });

  test("follows an uppdrag and chooses what they get", async ({ page }) => {
    await page.goto("/uppdrag");
    await openUppdrag(page, page.getByRole("link", { name: "Utreda behovet av nya förskolor i Norrby" }));
    await expect(page.getByRole("heading", { level: 2, name: "Följ uppdraget" })).toBeVisible();
    await page.getByRole("button", { name: "Följ", exact: true }).click();
    await expect(page.getByText("Du följer uppdraget. Ändringar kommer i din veckosammanställning.")).toBeVisible();
    await expect(page.getByRole("button", { name: "Sluta följa" })).toBeVisible();
    await expectNoAxeViolations(page);

    await page.goto("/konto");
    const form = page.getByRole("region", { name: "Påminnelser" });
    const silent = form.getByRole("checkbox", { name: "Uppdrag utan ny status på länge (tyst försening)" });
    await expect(silent).toBeChecked();
    await silent.uncheck();
    await form.getByRole("button", { name: "Spara val av påminnelser" }).click();
    await expect(page.getByText("Dina val av påminnelser är sparade.")).toBeVisible();
    await page.reload();
    await expect(page.getByRole("checkbox", { name: "Uppdrag utan ny status på länge (tyst försening)" })).not.toBeChecked();
    await expectNoAxeViolations(page);
  });
});
