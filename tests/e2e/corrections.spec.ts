// Correcting saved records (issue #16), as Alingsås's secretary does it in the
// browser: register a meeting by hand, mark its protocol justerat, correct a
// paragraph's Dnr and title (a missing reason is refused with a link to the
// field), add an uppdrag the registration missed, correct that uppdrag's
// deadline, and read the corrections on both pages. axe on every state.
// Signs in through the sign-in page itself and registers its own meeting (a
// random date and §), so it depends on no other spec's data or order.
import type { Locator, Page } from "@playwright/test";
import { test, expect, demoEmail, expectNoAxeViolations, expectNoHorizontalScroll } from "./fixtures";

/** A tablet in landscape (the default viewport) and in portrait: the open forms fit without sideways scrolling. */
async function fitsTablet(page: Page) {
  await expectNoHorizontalScroll(page);
  await page.setViewportSize({ width: 768, height: 1024 });
  await expectNoHorizontalScroll(page);
  await page.setViewportSize({ width: 1024, height: 768 });
}

async function signIn(page: Page, role: "sekreterare" | "ledamot") {
  await page.context().clearCookies();
  await page.goto("/logga-in");
  // This test file's own copy of Alingsås (tests/e2e/fixtures.ts).
  await page.getByLabel("E-post").fill(demoEmail("alingsas", role));
  await page.getByLabel("Lösenord").fill("demo-losenord");
  await page.getByRole("button", { name: "Logga in", exact: true }).click();
  await page.waitForURL(/\/uppdrag/);
}

/**
 * Opens the disclosure whose summary reads `summary`; returned by its place on
 * the page, which stays put while its summary changes ("Markera som justerat"
 * becomes "Rätta justeringen" once saved).
 */
async function open(page: Page, summary: string | RegExp): Promise<Locator> {
  const summaries = (await page.locator("details > summary").allInnerTexts()).map((t) => t.replace(/^▶\s*/, ""));
  const i = summaries.findIndex((t) => (typeof summary === "string" ? t.startsWith(summary) : summary.test(t)));
  expect(i, `a disclosure "${summary}"`).toBeGreaterThanOrEqual(0);
  const details = page.locator("details").nth(i);
  await details.locator("summary").click();
  await expect(details).toHaveAttribute("open", "");
  return details;
}

test("a secretary marks justering, corrects a paragraph, adds a missed uppdrag and corrects its deadline", async ({ page }) => {
  test.setTimeout(90_000);
  const run = Date.now() % 100_000;
  const number = String(100 + (run % 800));
  const month = String(1 + (run % 12)).padStart(2, "0");
  const date = `2024-${month}-10`;
  const title = `Ny gång- och cykelväg ${run}`;
  await signIn(page, "sekreterare");

  // Register a meeting of KS by hand, as parsed from minutes with a wrong Dnr.
  await page.goto("/moten/registrera");
  await page.getByLabel("Organ").selectOption({ label: "Kommunstyrelsen (KS)" });
  await page.getByLabel("Datum", { exact: true }).fill(date);
  await page.locator("#f-paragraphs-0-number").fill(number);
  await page.getByLabel(`Dnr för § ${number}`).fill("KS 2024/0074");
  await page.getByLabel(`Rubrik för § ${number}`).fill("Gång- och cykelväg");
  await page.getByLabel(`Beslut i § ${number}`).fill("Kommunstyrelsen ger samhällsbyggnad i uppdrag att projektera en gång- och cykelväg.");
  await page.getByRole("button", { name: "Spara 1 paragraf" }).click();
  await page.waitForURL(/\/moten\/[0-9a-f-]{36}\?sparat=1$/);
  const meetingUrl = page.url().replace(/\?sparat=1$/, "");
  await expect(page.getByText("Protokollet är inte justerat")).toBeVisible();

  // Mark the protocol justerat.
  const justering = await open(page, "Markera som justerat");
  await justering.getByLabel("Justeringsdatum").fill(`2024-${month}-17`);
  await justering.getByLabel("Justerat av").fill("Agneta Ordförande, Bengt Justerare");
  await expectNoAxeViolations(page);
  await justering.getByRole("button", { name: "Markera som justerat" }).click();
  await expect(justering.getByRole("status")).toHaveText("Protokollet är markerat som justerat.");
  await expect(page.getByText(/Protokollet justerades 17 \w+ 2024 av Agneta Ordförande, Bengt Justerare/)).toBeVisible();

  // Correct the paragraph's Dnr and title: without a reason it is refused, with a link to the reason field.
  const paragraph = await open(page, `Rätta § ${number}`);
  await paragraph.getByLabel("Dnr").fill("KS 2024/00744");
  await paragraph.getByLabel("Rubrik").fill(title);
  await paragraph.getByRole("button", { name: "Spara rättelsen" }).click();
  await expect(paragraph.getByRole("alert")).toHaveText("Rätta uppgifterna som är markerade.");
  const toReason = paragraph.getByRole("link", { name: /Varför rättas det: Fyll i varför det rättas/ });
  await expect(toReason).toBeVisible();
  await expectNoAxeViolations(page);
  await toReason.click();
  await expect(paragraph.getByLabel("Varför rättas det?")).toBeFocused();
  // The fields keep what was typed.
  await expect(paragraph.getByLabel("Dnr")).toHaveValue("KS 2024/00744");
  await page.keyboard.type("Tolkningen läste Dnr och rubrik fel.");
  await paragraph.getByRole("button", { name: "Spara rättelsen" }).click();
  await expect(paragraph.getByRole("status")).toHaveText("Rättelsen av paragrafen är sparad.");
  const article = page.getByRole("article", { name: `§ ${number} ${title}` });
  await expect(article).toContainText("Dnr KS 2024/00744");

  // Add an uppdrag the registration missed.
  const missed = await open(page, "Lägg till ett missat uppdrag");
  await missed.getByLabel("Uppdragets rubrik").fill(`Projektera cykelvägen ${run}`);
  await missed.getByLabel("Ansvarig enhet").selectOption({ label: "Kommunledningskontoret" });
  await missed.getByLabel("Klart senast").fill("2026-06-30");
  await missed.getByLabel("Varför rättas det?").fill("Uppdraget i beslutet fanns inte med.");
  await missed.getByRole("button", { name: "Lägg till uppdraget" }).click();
  await expect(missed.getByRole("status")).toHaveText("Uppdraget är tillagt.");
  const uppdragLink = article.getByRole("link", { name: `Projektera cykelvägen ${run}` });
  await expect(uppdragLink).toBeVisible();

  // The meeting's corrections, with who and why.
  const corrections = page.getByRole("region", { name: "Rättelser och justering" });
  await expect(corrections).toContainText(/Dnr: ändrat från KS 2024\/0074\s*→\s*till KS 2024\/00744/);
  await expect(corrections).toContainText("Varför: Tolkningen läste Dnr och rubrik fel.");
  await expect(corrections).toContainText(`Uppdrag tillagt: ”Projektera cykelvägen ${run}”`);
  await expect(corrections).toContainText("Albin Sekreterare");
  await expectNoAxeViolations(page);
  await fitsTablet(page);

  // Correct the uppdrag's deadline on its own page.
  await Promise.all([page.waitForURL(/\/uppdrag\/[0-9a-f-]{36}$/), uppdragLink.click()]);
  const form = await open(page, "Rätta uppdragets uppgifter");
  await form.getByLabel("Klart senast").fill("2027-03-31");
  await form.getByLabel("Varför rättas det?").fill("Fel datum i protokollet.");
  await expectNoAxeViolations(page);
  await form.getByRole("button", { name: "Spara rättelsen" }).click();
  await expect(form.getByRole("status")).toHaveText("Rättelsen av uppdraget är sparad.");
  // One's own correction is no "someone else's change" to the status form beside it.
  await expect(page.getByText(/Någon annan har just ändrat uppdraget/)).toHaveCount(0);
  const facts = page.getByRole("region", { name: "Uppdraget", exact: true });
  await expect(facts).toContainText("31 mars 2027");
  const uppdragCorrections = page.getByRole("region", { name: "Rättelser", exact: true });
  await expect(uppdragCorrections).toContainText(/Klart senast: ändrat från 30 juni 2026\s*→\s*till 31 mars 2027/);
  await expect(uppdragCorrections).toContainText("Varför: Fel datum i protokollet.");
  // The paragraph's correction shows on the uppdrag page too.
  await expect(uppdragCorrections).toContainText(/Dnr: ändrat från KS 2024\/0074\s*→\s*till KS 2024\/00744/);
  await expect(page.getByRole("region", { name: "Beslutet", exact: true })).toContainText(`§ ${number} ${title}`);
  await expectNoAxeViolations(page);
  await fitsTablet(page);

  // A member reads the corrections but is offered none of the forms.
  await signIn(page, "ledamot");
  await page.goto(meetingUrl);
  await expect(page.getByText(/Protokollet justerades 17/)).toBeVisible();
  await expect(page.getByRole("region", { name: "Rättelser och justering" })).toContainText(/Dnr: ändrat från KS 2024\/0074\s*→\s*till KS 2024\/00744/);
  await expect(page.locator("summary")).toHaveCount(0);
  await expectNoAxeViolations(page);
});
