// npm run screenshots -- [BASE_URL] — signs in as demo users and saves PNGs of the
// main pages at iPad landscape (1024x768) and portrait (768x1024) to .data/screenshots.
import { chromium } from "@playwright/test";
import { existsSync, mkdirSync } from "node:fs";

const base = process.argv[2] ?? "http://localhost:3000";
const out = ".data/screenshots";
mkdirSync(out, { recursive: true });
const browser = await chromium.launch({
  executablePath: existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined,
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
});
for (const [name, viewport] of [["landscape", { width: 1024, height: 768 }], ["portrait", { width: 768, height: 1024 }]] as const) {
  const page = await browser.newPage({ viewport });
  await page.goto(`${base}/logga-in`);
  await page.screenshot({ path: `${out}/sign-in-${name}.png`, fullPage: true });
  await page.getByRole("button", { name: /Logga in som sekreterare/ }).first().click();
  await page.waitForURL("**/uppdrag");
  await page.screenshot({ path: `${out}/list-${name}.png`, fullPage: false });
  await page.getByRole("link", { name: /Utreda kontinuerligt|Utreda|Ta fram|Införa/ }).first().click();
  await page.waitForURL("**/uppdrag/*");
  await page.screenshot({ path: `${out}/detail-${name}.png`, fullPage: true });
  await page.goto(`${base}/statusrunda`);
  await page.screenshot({ path: `${out}/status-round-${name}.png`, fullPage: false });
  await page.goto(`${base}/import`);
  await page.screenshot({ path: `${out}/import-${name}.png`, fullPage: true });
  // A small list with one row of each kind: new, already there, invalid.
  const csv = [
    "Beslutsdatum;Organ/Nämnd;§;Dnr;Uppdrag/Ärende;Ansvarig;Status;Kommentar;Planerat klart",
    "2020-04-20;KS;54;;Utreda kontinuerligt uppdaterade ärendebalanslistor för förtroendevalda;Kommunledningskontoret;Verkställd;;",
    "2025-10-06;KS;88;KS 2025/88;Ta fram en plan för laddplatser;Kommunledningskontoret;Pågår;Inventering;2026-06-30",
    "2025-10-06;KS;89;KS 2025/89;Försenat utan orsak;Kommunledningskontoret;Försenad;;",
  ].join("\r\n");
  await page.getByLabel("Excel- eller CSV-fil").setInputFiles({ name: "lista.csv", mimeType: "text/csv", buffer: Buffer.from(csv, "latin1") });
  await page.getByRole("button", { name: "Läs in och förhandsgranska" }).click();
  await page.getByRole("heading", { name: "3. Förhandsgranska och bekräfta" }).waitFor();
  await page.screenshot({ path: `${out}/import-preview-${name}.png`, fullPage: true });
  await page.close();
}
await browser.close();
console.log(`Skärmbilder sparade i ${out}`);
