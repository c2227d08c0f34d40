// The secretaries' own lists: import (preview, invalid rows, confirm, no twins),
// export read back, the status round's reporting meeting, and a later decision.
import ExcelJS from "exceljs";
import { readFile } from "node:fs/promises";
import { test, expect, slugOf, as, contextAs, expectNoAxeViolations, openUppdrag } from "./fixtures";

const STAMP = Date.now().toString(36);
const TITLE = `Utreda cykelparkering vid stationen ${STAMP}`;
const LATER_TITLE = `Upphävande av uppdraget om cykelparkering ${STAMP}`;
const HEADERS = ["Beslutsdatum", "Organ/Nämnd", "§", "Dnr", "Uppdrag/Ärende", "Ansvarig", "Status", "Kommentar", "Planerat klart"];

async function xlsx(rows: (string | number | Date)[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Uppdrag");
  ws.addRow(HEADERS);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const LIST: (string | number | Date)[][] = [
  [new Date(Date.UTC(2026, 9, 12)), "KS", 901, "KS 2026/901", TITLE, "Kommunledningskontoret", "Pågår", "Förstudie pågår", new Date(Date.UTC(2027, 2, 31))],
  ["2026-10-12", "KS", 902, "KS 2026/902", `Försenat uppdrag utan orsak ${STAMP}`, "Kommunledningskontoret", "Försenad", "", ""],
  ["2026-11-09", "KS", 950, "KS 2026/901", LATER_TITLE, "Kommunledningskontoret", "Ej påbörjad", "", ""],
  ["2026-10-14", "BUN", 77, "BUN 2026/77", `Ett uppdrag från en annan nämnd ${STAMP}`, "", "Pågår", "", ""],
];

test.describe("as secretary", () => {
  test.describe.configure({ mode: "serial" });
  test.use({ signedInAs: as("exempelstad", "sekreterare") });

  test("an xlsx import shows its invalid rows, imports nothing until confirmed, then the records are found", async ({ page }) => {
    await page.goto("/uppdrag");
    await page.getByRole("navigation", { name: "Huvudmeny" }).getByRole("link", { name: "Import" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Importera uppdrag" })).toBeVisible();
    await expectNoAxeViolations(page);

    // A file that cannot be read: the message, and focus back on the file field it describes.
    await page.getByLabel("Excel- eller CSV-fil").setInputFiles({ name: "tom.csv", mimeType: "text/csv", buffer: Buffer.from("Titel;Beslutsdatum\n") });
    await page.getByRole("button", { name: "Läs in och förhandsgranska" }).click();
    await expect(page.locator("#import-fel")).toHaveText("Filen har bara en rubrikrad och inga uppdrag.");
    await expect(page.getByLabel("Excel- eller CSV-fil")).toBeFocused();
    // A text that is no table (minutes uploaded here by mistake) says what it is and where it belongs.
    await page.getByLabel("Excel- eller CSV-fil").setInputFiles({ name: "protokoll.txt", mimeType: "text/plain", buffer: Buffer.from("Kommunstyrelsen\nProtokoll 2026-03-02\n§ 21 Trygghetsvandringar\n") });
    await page.getByRole("button", { name: "Läs in och förhandsgranska" }).click();
    await expect(page.locator("#import-fel")).toContainText("Första raden har bara en kolumn, så filen kan inte läsas som en uppdragslista");
    await expect(page.locator("#import-fel")).toContainText("Ett protokoll registreras under Sammanträden.");

    await page.getByLabel("Excel- eller CSV-fil").setInputFiles({ name: "uppdragslista.xlsx", mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", buffer: await xlsx(LIST) });
    await page.getByRole("button", { name: "Läs in och förhandsgranska" }).click();
    await expect(page.getByRole("heading", { name: "3. Förhandsgranska och bekräfta" })).toBeFocused();
    // The suggested mapping from the Swedish headers.
    await expect(page.getByLabel("Beslutsdatum (krävs)")).toHaveValue("0");
    await expect(page.getByLabel("Planerat klart")).toHaveValue("8");
    const errors = page.getByRole("table", { name: "Rader med fel" });
    await expect(errors.getByRole("row")).toHaveCount(3);
    await expect(errors.getByRole("row", { name: /^3 Kommentar Kommentar krävs när status är Försenad/ })).toBeVisible();
    await expect(errors.getByRole("row", { name: /^5 Organ\/Nämnd Du är inte sekreterare åt Barn- och utbildningsnämnden/ })).toBeVisible();
    await expect(page.getByRole("table", { name: "Rader som kan importeras" }).getByRole("row")).toHaveCount(3);
    await expectNoAxeViolations(page);

    // Nothing is imported before the confirm.
    const list = await page.context().newPage();
    await list.goto(`/uppdrag?q=${encodeURIComponent(STAMP)}&showClosed=1`);
    await expect(list.getByRole("heading", { name: "Inga uppdrag matchar filtret." })).toBeVisible();

    await page.getByRole("button", { name: "Importera 2 nya uppdrag" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Importen är klar" })).toContainText("2 nya uppdrag, 0 nya statusar, 0 fanns redan, 2 rader med fel importerades inte");

    await list.reload();
    await expect(list.getByRole("heading", { name: "2 uppdrag" })).toBeVisible();
    await expect(list.getByRole("link", { name: TITLE })).toBeVisible();
    await expect(list.locator("table tbody tr", { hasText: TITLE })).toContainText("KS § 901");
    await expect(list.locator("table tbody tr", { hasText: TITLE })).toContainText("Pågår");
    await list.close();
  });

  test("importing the same list again creates no twins; a changed status becomes a new history row", async ({ page }) => {
    await page.goto("/import");
    const changed = LIST.map((r, i) => (i === 0 ? [...r.slice(0, 6), "Verkställd", "Klar enligt plan", r[8]] : r));
    await page.getByLabel("Excel- eller CSV-fil").setInputFiles({ name: "uppdragslista.xlsx", mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", buffer: await xlsx(changed) });
    await page.getByRole("button", { name: "Läs in och förhandsgranska" }).click();
    const rows = page.getByRole("table", { name: "Rader som kan importeras" });
    await expect(rows.getByRole("row", { name: new RegExp(`^2 .*${TITLE}.*Finns redan; ny status: Verkställd \\(nu Pågår\\)`) })).toBeVisible();
    await expect(rows.getByRole("row", { name: new RegExp(`^4 .*${LATER_TITLE}.*Finns redan$`) })).toBeVisible();
    // A refused confirm (here the server's answer is replaced once): the message takes the focus, nothing is written.
    await page.route("**/import/fil", (route) => route.fulfill({ json: { ok: false, message: "Filen har ändrats sedan förhandsgranskningen. Läs in den igen." } }), { times: 1 });
    await page.getByRole("button", { name: "Importera 1 statusändring" }).click();
    await expect(page.locator("#import-fel")).toBeFocused();
    await expect(page.locator("#import-fel")).toHaveText("Filen har ändrats sedan förhandsgranskningen. Läs in den igen.");
    await page.getByRole("button", { name: "Importera 1 statusändring" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Importen är klar" })).toContainText("0 nya uppdrag, 1 ny status, 1 fanns redan");

    await page.goto(`/uppdrag?q=${encodeURIComponent(STAMP)}&showClosed=1`);
    await expect(page.getByRole("heading", { name: "2 uppdrag" })).toBeVisible();
    await openUppdrag(page, page.getByRole("link", { name: TITLE }));
    const history = page.getByRole("region", { name: "Historik" }).getByRole("listitem");
    await expect(history).toHaveCount(3);
    await expect(history.first()).toContainText("Klar enligt plan");
    await expect(history.first()).toContainText("Sara Sekreterare");
  });

  test("the list exports as xlsx and CSV in the same columns, with the filter", async ({ page }) => {
    await page.goto(`/uppdrag?q=${encodeURIComponent(STAMP)}&showClosed=1`);
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Excel (.xlsx)" }).click()]);
    expect(download.suggestedFilename()).toMatch(new RegExp(`^uppdrag-${slugOf("exempelstad")}-\\d{4}-\\d{2}-\\d{2}\\.xlsx$`));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await readFile((await download.path())!)).buffer as ArrayBuffer);
    const ws = wb.worksheets[0];
    expect(ws.getRow(1).values).toEqual([undefined, ...HEADERS.slice(0, 6), "Ansvarig person", ...HEADERS.slice(6), "Klart senast"]);
    expect(ws.actualRowCount).toBe(3);
    const titles = [2, 3].map((n) => String(ws.getRow(n).getCell(5).value));
    expect(titles.sort()).toEqual([LATER_TITLE, TITLE].sort());

    const csvHref = await page.getByRole("link", { name: "CSV för Excel" }).getAttribute("href");
    const res = await page.request.get(csvHref!);
    expect(res.headers()["content-type"]).toContain("text/csv");
    const body = await res.body();
    expect([...body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = body.toString("utf-8").slice(1).trim().split("\r\n");
    expect(lines[0]).toBe("Beslutsdatum;Organ/Nämnd;§;Dnr;Uppdrag/Ärende;Ansvarig;Ansvarig person;Status;Kommentar;Planerat klart;Klart senast");
    expect(lines).toHaveLength(3);
    expect(lines.find((l) => l.includes(TITLE))).toBe(`2026-10-12;Kommunstyrelsen;901;KS 2026/901;${TITLE};Kommunledningskontoret;;Verkställd;Klar enligt plan;2027-03-31;`);
  });

  test("a later decision is linked with the status that follows, and appears in the chain", async ({ page }) => {
    // § 950 (imported above) is the later decision for the § 901 uppdrag.
    await page.goto(`/uppdrag?q=${encodeURIComponent(STAMP)}&showClosed=1`);
    await openUppdrag(page, page.getByRole("link", { name: TITLE }));
    const region = page.getByRole("region", { name: "Koppla ett senare beslut" });
    await expect(region).toBeVisible();
    await expectNoAxeViolations(page);
    const option = region.getByLabel("Senare beslut (organ, sammanträde och §)").locator("option", { hasText: `KS 2026-11-09 § 950 ${LATER_TITLE}` });
    await region.getByLabel("Senare beslut (organ, sammanträde och §)").selectOption(await option.getAttribute("value"));
    await region.getByLabel("Beslutet innebar").selectOption({ label: "Upphävt / genomförs ej" });
    await expect(region.getByLabel("Status efter beslutet")).toHaveValue("NOT_CARRIED_OUT");
    await region.getByRole("button", { name: "Koppla beslutet" }).click();
    await expect(region.getByRole("status")).toHaveText("Det senare beslutet är kopplat och statusen sparad.");
    const chain = page.getByRole("region", { name: "Senare beslut i ärendet" });
    await expect(chain).toContainText(`Upphävt / genomförs ej: KS 2026-11-09 § 950, Dnr KS 2026/901`);
    await expect(page.locator("h1 + div")).toContainText("Genomförs ej");
    const latest = page.getByRole("region", { name: "Historik" }).getByRole("listitem").first();
    await expect(latest).toContainText("Upphävt / genomförs ej genom KS 2026-11-09 § 950.");
    await expect(latest).toContainText("Rapporterat vid KS 9 november 2026");

    // The same link again is refused next to the field.
    await region.getByLabel("Senare beslut (organ, sammanträde och §)").selectOption(await option.getAttribute("value"));
    await region.getByLabel("Beslutet innebar").selectOption({ label: "Upphävt / genomförs ej" });
    await region.getByRole("button", { name: "Koppla beslutet" }).click();
    await expect(region.getByText(/Uppdraget är redan kopplat till KS 2026-11-09 § 950/)).toBeVisible();
  });

  test("the status round records the reporting meeting, with the keyboard alone", async ({ page }) => {
    await page.goto("/statusrunda");
    const meeting = page.getByLabel("Sammanträde som statusarna rapporteras till");
    await meeting.focus();
    await page.keyboard.press("ArrowDown"); // the newest meeting
    const chosen = (await meeting.locator("option:checked").innerText()).trim();
    const [, shortName, iso] = /^(\S+) (\d{4}-\d{2}-\d{2})/.exec(chosen)!;
    await page.keyboard.press("Tab");
    await expect(page.getByRole("button", { name: "Välj sammanträde" })).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/sammantrade=/);
    await expect(page.getByText(/Statusar som du sparar nu rapporteras till/)).toBeVisible();
    await expectNoAxeViolations(page);

    const row = page.locator("main ol > li").first();
    const title = (await row.getByRole("link").first().innerText()).trim();
    await row.getByLabel(`Kommentar för ${title}`).focus();
    await page.keyboard.type(`Rapporterat på sammanträdet ${STAMP}`);
    await page.keyboard.press("Enter");
    await expect(row.getByRole("status")).toHaveText("Statusen är sparad.");

    await openUppdrag(page, row.getByRole("link").first());
    const latest = page.getByRole("region", { name: "Historik" }).getByRole("listitem").first();
    await expect(latest).toContainText(`Rapporterat på sammanträdet ${STAMP}`);
    const long = new Intl.DateTimeFormat("sv-SE", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" }).format(new Date(`${iso}T00:00:00Z`));
    await expect(latest).toContainText(`Rapporterat vid ${shortName} ${long}`);
  });
});

test.describe("other roles", () => {
  test("a handläggare has no import page and no export link", async ({ browser }) => {
    const ctx = await contextAs(browser, "exempelstad", "handlaggare");
    const page = await ctx.newPage();
    await page.goto("/import");
    await expect(page.getByText("Import av uppdragslistor görs av sekreterare och administratörer.")).toBeVisible();
    await expect(page.getByLabel("Excel- eller CSV-fil")).toHaveCount(0);
    await page.goto("/uppdrag");
    await expect(page.getByRole("link", { name: "Excel (.xlsx)" })).toHaveCount(0);
    expect((await page.request.get("/uppdrag/fil?format=csv")).status()).toBe(403);
    const res = await page.request.post("/import/fil", {
      headers: { origin: new URL(page.url()).origin },
      multipart: { step: "granska", file: { name: "a.csv", mimeType: "text/csv", buffer: Buffer.from("a;b\n1;2") } },
    });
    expect(res.status()).toBe(403);
    await ctx.close();
  });

  test("an upload from another site is refused", async ({ browser }) => {
    const ctx = await contextAs(browser, "exempelstad", "administrator");
    const res = await ctx.request.post("/import/fil", {
      headers: { Origin: "https://annan.example" },
      multipart: { step: "granska", file: { name: "a.csv", mimeType: "text/csv", buffer: Buffer.from("a;b\n1;2") } },
    });
    expect(res.status()).toBe(403);
    expect((await res.json()).message).toMatch(/^Begäran kom inte från Uppdragskollen/);
    await ctx.close();
  });
});
