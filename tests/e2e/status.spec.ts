import { test, expect, as, contextAs, expectNoAxeViolations, openUppdrag } from "./fixtures";

test.describe("reporting status", () => {
  test.use({ signedInAs: as("exempelstad", "sekreterare") });

  test("a secretary records a delay with its reason; the history keeps it", async ({ page }) => {
    await page.goto("/uppdrag?status=IN_PROGRESS");
    await openUppdrag(page, page.locator("table tbody tr", { hasText: /\b(KS|KF) §/ }).first().locator("a"));
    const form = page.getByRole("region", { name: "Rapportera status" });
    await expect(form).toBeVisible();
    await expectNoAxeViolations(page);
    const before = await page.getByRole("region", { name: "Historik" }).getByRole("listitem").count();

    await form.getByLabel("Ny status").selectOption({ label: "Försenad" });
    await form.getByRole("button", { name: "Spara status" }).click();
    await expect(form.getByRole("alert")).toContainText("Rätta uppgifterna");
    await expect(form.getByText(/Skriv en kommentar/)).toBeVisible();
    await expect(form.getByLabel("Ny status"), "the secretary's choice is kept").toHaveValue("DELAYED");
    await expect(page.getByRole("region", { name: "Historik" }).getByRole("listitem")).toHaveCount(before);

    const reason = `Avvaktar Trafikverkets underlag ${Date.now()}`;
    await form.getByLabel("Kommentar").fill(reason);
    // Typed, not saved: a link away asks first, and "no" keeps the text.
    const asked: string[] = [];
    page.on("dialog", (d) => {
      asked.push(d.message());
      void d.dismiss();
    });
    await page.getByRole("navigation", { name: "Huvudmeny" }).getByRole("link", { name: "Uppdrag" }).click();
    expect(asked).toEqual(["Du har uppgifter som inte är sparade. Vill du lämna sidan ändå?"]);
    await expect(form.getByLabel("Kommentar")).toHaveValue(reason);
    await form.getByRole("button", { name: "Spara status" }).click();
    await expect(form.getByRole("status")).toHaveText("Statusen är sparad.");
    const history = page.getByRole("region", { name: "Historik" });
    await expect(history.getByRole("listitem")).toHaveCount(before + 1);
    await expect(history.getByRole("listitem").first()).toContainText(reason);
    await expect(history.getByRole("listitem").first()).toContainText("Sara Sekreterare");
    await expect(page.locator("h1 + div")).toContainText("Försenad");
    // Saved: nothing to lose, so the link just leaves.
    await page.getByRole("navigation", { name: "Huvudmeny" }).getByRole("link", { name: "Uppdrag" }).click();
    await page.waitForURL(/\/uppdrag$/);
    expect(asked).toHaveLength(1);
  });

  test("a stale form is refused with the other person's change shown", async ({ page, browser }) => {
    await page.goto("/uppdrag?status=IN_PROGRESS");
    await openUppdrag(page, page.locator("table tbody tr", { hasText: /\b(KS|KF) §/ }).nth(1).locator("a"));
    const url = page.url();
    // Someone else saves first, in another session.
    const other = await contextAs(browser, "exempelstad", "administrator");
    const otherPage = await other.newPage();
    await otherPage.goto(url);
    const otherForm = otherPage.getByRole("region", { name: "Rapportera status" });
    await otherForm.getByLabel("Ny status").selectOption({ label: "Vilande (senarelagd)" });
    await otherForm.getByLabel("Kommentar").fill("Senarelagt av kommunstyrelsen");
    await otherForm.getByRole("button", { name: "Spara status" }).click();
    await expect(otherForm.getByRole("status")).toHaveText("Statusen är sparad.");
    await other.close();

    const form = page.getByRole("region", { name: "Rapportera status" });
    // The open page learns of the change live, keeps the form as it was, and says so.
    await expect(form.getByText(/Någon annan har just ändrat uppdraget/)).toBeVisible();
    await form.getByLabel("Ny status").selectOption({ label: "Verkställd" });
    await form.getByRole("button", { name: "Spara status" }).click();
    await expect(form.getByRole("alert")).toContainText("Någon annan har ändrat uppdraget");
    await expect(form.getByRole("alert")).toContainText("Vilande (senarelagd)");
    await expect(form.getByRole("alert")).toContainText("Senarelagt av kommunstyrelsen");
    await page.reload();
    await expect(page.locator("h1 + div")).toContainText("Vilande (senarelagd)");
  });
});
