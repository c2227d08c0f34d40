// Administration by a municipality's administrator: a body, a unit and a person
// (invite, role, Mitt konto, deactivate → their open session ends, anonymise),
// and settings that take effect (logo, diarium pattern). Runs in Vimmerby so
// the other specs' Exempelstad stays as seeded; settings are put back after.
import { readFileSync } from "node:fs";
import { test, expect, as, contextAs, expectNoAxeViolations, expectNoHorizontalScroll, openUppdrag } from "./fixtures";
import type { Page } from "@playwright/test";

test.use({ signedInAs: as("vimmerby", "administrator") });

const TABLETS = [
  { width: 1024, height: 768 },
  { width: 768, height: 1024 },
];

/** axe, no sideways scrolling and a screenshot at both tablet sizes. */
async function checkPage(page: Page, name: string) {
  for (const size of TABLETS) {
    await page.setViewportSize(size);
    await expectNoAxeViolations(page);
    await expectNoHorizontalScroll(page);
    await page.screenshot({ path: `test-results/screenshots/admin-${name}-${size.width}x${size.height}.png`, fullPage: true });
  }
  await page.setViewportSize(TABLETS[0]);
}

/** The success message of one form (a page may hold several). */
const status = (page: Page, text: string) => page.getByRole("status").filter({ hasText: text });

test("an administrator creates and renames a body and seats a member in it", async ({ page }, testInfo) => {
  // A retry runs against the same database, where the first try's body may exist.
  const short = testInfo.retry ? `KFN${testInfo.retry}` : "KFN";
  await page.goto("/admin");
  await expect(page.getByRole("heading", { level: 1, name: "Administration" })).toBeVisible();
  await checkPage(page, "overview");
  await page.getByRole("link", { name: "Organ", exact: true }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: "Organ" })).toBeVisible();

  // A duplicate short name is refused next to its field, and nothing is created.
  await page.getByLabel("Namn", { exact: true }).fill("Dubblett");
  await page.getByLabel("Förkortning").fill("KS");
  await page.getByLabel("Förkortning").press("Enter");
  await expect(page.getByText("Det finns redan ett organ med den förkortningen.")).toBeVisible();
  await expect(page.getByLabel("Förkortning")).toBeFocused();

  await page.getByLabel("Namn", { exact: true }).fill("Kultur- och fritidsnämnden");
  await page.getByLabel("Förkortning").fill(short);
  await page.getByLabel("Typ").selectOption("NAMND");
  await page.getByRole("button", { name: "Skapa organ" }).click();
  await expect(status(page, "Organet Kultur- och fritidsnämnden är skapat.")).toBeVisible();
  await checkPage(page, "bodies");

  await page.getByRole("link", { name: `Kultur- och fritidsnämnden (${short})` }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Kultur- och fritidsnämnden (${short})` })).toBeVisible();
  await page.getByLabel("Namn", { exact: true }).fill("Kultur- och fritidsnämnden i Vimmerby");
  await page.getByRole("button", { name: "Spara organet" }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Kultur- och fritidsnämnden i Vimmerby (${short})` })).toBeVisible();

  const person = page.getByLabel("Person", { exact: true });
  const ledamot = (await person.locator("option").allTextContents()).find((t) => t.includes("(Ledamot)"))!;
  await person.selectOption({ label: ledamot });
  await page.getByLabel("Som").selectOption("MEMBER");
  await page.getByRole("button", { name: "Lägg till" }).click();
  await expect(status(page, "Ledamoten är tillagd.")).toBeVisible();
  const members = page.locator("section", { has: page.getByRole("heading", { name: "Ledamöter och ersättare" }) });
  await expect(members.getByRole("button", { name: `Ta bort ${ledamot.replace(" (Ledamot)", "")}` })).toBeVisible();
  await checkPage(page, "body");
});

test("an administrator builds the unit tree: create, move and rename", async ({ page }) => {
  await page.goto("/admin/enheter");
  await page.getByLabel("Namn", { exact: true }).fill("Kultur- och fritidsförvaltningen");
  await page.getByLabel("Typ").selectOption("FORVALTNING");
  await page.getByRole("button", { name: "Skapa enhet" }).click();
  await expect(status(page, "Enheten Kultur- och fritidsförvaltningen är skapad.")).toBeVisible();
  await page.getByLabel("Namn", { exact: true }).fill("Biblioteket");
  await page.getByLabel("Typ").selectOption("ENHET");
  await page.getByRole("button", { name: "Skapa enhet" }).click();
  await expect(status(page, "Enheten Biblioteket är skapad.")).toBeVisible();
  await checkPage(page, "units");

  await page.getByRole("link", { name: "Biblioteket" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Biblioteket" })).toBeVisible();
  await page.getByLabel("Ligger under").selectOption({ label: "Kultur- och fritidsförvaltningen" });
  await page.getByLabel("Namn", { exact: true }).fill("Stadsbiblioteket");
  await page.getByRole("button", { name: "Spara enheten" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Stadsbiblioteket" })).toBeVisible();
  await checkPage(page, "unit");

  // In the tree, the library now sits one step in under its förvaltning.
  await page.goto("/admin/enheter");
  const tree = page.getByRole("list", { name: "Enheternas träd" });
  const parentIndent = await tree.getByRole("listitem").filter({ hasText: "Kultur- och fritidsförvaltningen" }).evaluate((el) => getComputedStyle(el).paddingLeft);
  const childIndent = await tree.getByRole("listitem").filter({ hasText: "Stadsbiblioteket" }).evaluate((el) => getComputedStyle(el).paddingLeft);
  expect(parseFloat(childIndent)).toBeGreaterThan(parseFloat(parentIndent));
});

test("an administrator invites a person, who chooses a password, is refused a common one in Mitt konto, is deactivated mid-session, and is anonymised", async ({ page, browser }) => {
  test.setTimeout(90_000);
  await page.goto("/admin/anvandare");
  await checkPage(page, "users");
  await page.getByLabel("Namn", { exact: true }).fill("Eva Enkel");
  await page.getByLabel("E-post").fill("eva.enkel@vimmerby.example");
  await page.getByLabel("Roll", { exact: true }).selectOption("HANDLAGGARE");
  await page.getByRole("button", { name: "Skapa konto" }).click();
  await expect(page.getByText("Välj den enhet handläggaren arbetar i.")).toBeVisible();
  await expect(page.getByLabel("Enhet", { exact: true })).toBeFocused();
  const unit = (await page.getByLabel("Enhet", { exact: true }).locator("option").allTextContents()).find((t) => t && t !== "Ingen")!;
  await page.getByLabel("Enhet", { exact: true }).selectOption({ label: unit });
  await page.getByRole("button", { name: "Skapa konto" }).click();
  await expect(status(page, "Eva Enkel har fått ett konto.")).toBeVisible();
  const link = (await status(page, "Eva Enkel har fått ett konto.").textContent())!.match(/https?:\/\/\S+\/valj-losenord\/[A-Za-z0-9_-]{43}/)![0];

  // Eva opens the one-time link in her own browser and chooses a password.
  const eva = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const evaPage = await eva.newPage();
  await evaPage.goto(link);
  await expect(evaPage.getByRole("heading", { level: 1, name: "Välj lösenord" })).toBeVisible();
  await expectNoAxeViolations(evaPage);
  await evaPage.getByLabel("Nytt lösenord").fill("Trollsländan-Kalmar-1887");
  await evaPage.getByLabel("Upprepa lösenordet").fill("Trollsländan-Kalmar-1887");
  await evaPage.getByRole("button", { name: "Spara lösenordet" }).click();
  await expect(status(evaPage, "Lösenordet är sparat.")).toBeVisible();
  await evaPage.goto("/logga-in");
  await evaPage.getByLabel("E-post").fill("eva.enkel@vimmerby.example");
  await evaPage.getByLabel("Lösenord").fill("Trollsländan-Kalmar-1887");
  await evaPage.getByRole("button", { name: "Logga in", exact: true }).click();
  await evaPage.waitForURL("**/uppdrag");
  await expect(evaPage.getByText("Eva Enkel")).toBeVisible();

  // Mitt konto: a common password is refused next to the field; a good one is taken.
  await evaPage.getByRole("link", { name: /Mitt konto/ }).click();
  await expect(evaPage.getByRole("heading", { level: 1, name: "Mitt konto" })).toBeVisible();
  await checkPage(evaPage, "account");
  await evaPage.getByLabel("Nuvarande lösenord").fill("Trollsländan-Kalmar-1887");
  await evaPage.getByLabel("Nytt lösenord").fill("password1234");
  await evaPage.getByLabel("Upprepa det nya lösenordet").fill("password1234");
  await evaPage.getByRole("button", { name: "Byt lösenord" }).click();
  await expect(evaPage.getByText(/vanliga och läckta lösenord/)).toBeVisible();
  await expect(evaPage.getByLabel("Nytt lösenord")).toBeFocused();
  await evaPage.getByLabel("Nuvarande lösenord").fill("Trollsländan-Kalmar-1887");
  await evaPage.getByLabel("Nytt lösenord").fill("Granskog-Pilgrim-Lykta-42");
  await evaPage.getByLabel("Upprepa det nya lösenordet").fill("Granskog-Pilgrim-Lykta-42");
  await evaPage.getByRole("button", { name: "Byt lösenord" }).click();
  await expect(status(evaPage, "Ditt lösenord är bytt.")).toBeVisible();

  // The administrator makes her a secretary, then deactivates her account.
  await page.goto("/admin/anvandare");
  await page.getByRole("link", { name: "Eva Enkel" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Eva Enkel" })).toBeVisible();
  await page.getByLabel("Roll", { exact: true }).selectOption("SEKRETERARE");
  await page.getByRole("group", { name: "Sekreterare åt" }).getByRole("checkbox").first().check();
  await page.getByRole("button", { name: "Spara uppgifterna" }).click();
  await expect(status(page, "Uppgifterna är sparade.")).toBeVisible();
  await evaPage.goto("/uppdrag");
  await expect(evaPage.getByRole("link", { name: /Sekreterare · Mitt konto/ })).toBeVisible();
  await checkPage(page, "user");

  await page.getByRole("button", { name: "Inaktivera kontot" }).click();
  await expect(status(page, "Kontot är inaktiverat")).toBeVisible();
  // Her open session ends on its next request.
  await evaPage.goto("/uppdrag");
  await evaPage.waitForURL(/\/logga-in/);
  await expect(evaPage.getByRole("heading", { level: 1, name: "Uppdragskollen" })).toBeVisible();
  await eva.close();

  // Anonymise: asks for confirmation; then the name is gone and history stays.
  await page.getByRole("button", { name: "Anonymisera personen" }).click();
  await expect(page.getByText("Bekräfta att namn och e-postadress ska tas bort.")).toBeVisible();
  await page.getByLabel("Jag förstår att namn och e-postadress tas bort för gott.").check();
  await page.getByRole("button", { name: "Anonymisera personen" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Anonymiserad användare" })).toBeVisible();
  await expect(page.getByText("eva.enkel@vimmerby.example")).toHaveCount(0);
  await page.goto("/admin/anvandare");
  await expect(page.getByText("Eva Enkel")).toHaveCount(0);
});

test("settings take effect: the logo in the header and the diarium link on an uppdrag", async ({ page }) => {
  await page.goto("/admin/installningar");
  await expect(page.getByRole("heading", { level: 1, name: "Inställningar för kommunen" })).toBeVisible();
  await checkPage(page, "settings");

  // A file that is not PNG or SVG is refused next to the field.
  await page.getByLabel("Logotyp (PNG eller SVG)").setInputFiles({ name: "logo.gif", mimeType: "image/gif", buffer: Buffer.from("GIF89a-not-a-logo") });
  await page.getByRole("button", { name: "Ladda upp logotypen" }).click();
  await expect(page.getByText("Logotypen ska vara en PNG- eller SVG-fil.")).toBeVisible();

  const png = readFileSync("public/apple-touch-icon.png");
  await page.getByLabel("Logotyp (PNG eller SVG)").setInputFiles({ name: "vimmerby.png", mimeType: "image/png", buffer: png });
  await page.getByRole("button", { name: "Ladda upp logotypen" }).click();
  await expect(status(page, "Logotypen är sparad")).toBeVisible();
  const logo = page.getByTestId("municipality-logo");
  await expect(logo).toBeVisible();
  const served = await page.request.get((await logo.getAttribute("src"))!);
  expect(served.headers()["content-type"]).toBe("image/png");
  expect(Buffer.from(await served.body()).equals(png)).toBe(true);

  await page.getByLabel("Adress till ärendet i diariet").fill("diarium.vimmerby.example");
  await page.getByRole("button", { name: "Spara inställningarna" }).click();
  await expect(page.getByText("Adressen ska börja med https://")).toBeVisible();
  await page.getByLabel("Adress till ärendet i diariet").fill("https://diarium.vimmerby.example/sok?dnr={dnr}");
  await page.getByRole("button", { name: "Spara inställningarna" }).click();
  await expect(status(page, "Inställningarna är sparade.")).toBeVisible();

  await page.goto("/uppdrag");
  await openUppdrag(page, page.locator("table tbody tr a").first());
  await expect(page.getByRole("link", { name: /Öppna i diariet/ })).toHaveAttribute("href", /^https:\/\/diarium\.vimmerby\.example\/sok\?dnr=/);

  // Put Vimmerby back as seeded.
  await page.goto("/admin/installningar");
  await page.getByLabel("Adress till ärendet i diariet").fill("");
  await page.getByRole("button", { name: "Spara inställningarna" }).click();
  await expect(status(page, "Inställningarna är sparade.")).toBeVisible();
  await page.getByRole("button", { name: "Ta bort logotypen" }).click();
  await expect(page.getByTestId("municipality-logo")).toHaveCount(0);
});

test("a person who is not an administrator is not let in", async ({ browser }) => {
  const ctx = await contextAs(browser, "vimmerby", "ledamot");
  const page = await ctx.newPage();
  await page.goto("/admin/anvandare");
  await expect(page.getByText("Du har inte behörighet att se den här sidan.")).toBeVisible();
  await expect(page.getByRole("link", { name: "Administration" })).toHaveCount(0);
  await ctx.close();
});
