// Registering a meeting: paste seed 001, review, confirm; keyboard-only entry;
// errors next to the fields; wrong uploads refused; a ledamot kept out.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { Page } from "@playwright/test";
import { test, expect, as, expectNoAxeViolations } from "./fixtures";

const SEEDS = path.resolve(import.meta.dirname, "../fixtures/seeds");
const SEED_001 = readFileSync(path.join(SEEDS, readdirSync(SEEDS).find((f) => f.startsWith("001_"))!), "utf8");

const SEED_PARAGRAPHS = [
  ["14", "2020/000003 004", "Val av protokolljusterare"],
  ["15", "2020/000008 101", "Fastställande av dagordning"],
  ["34", "2020/000053 000", "Uppföljning av uppdrag från KS och dess utskott"],
  ["35", "2020/000018 101", "Inbjudningar"],
] as const;

/** The server action's id and body, seen when the secretary saves: replayed as a ledamot below. */
let savedAction: { id: string; body: string } | null = null;

async function pasteSeed001(page: Page) {
  await page.goto("/moten/registrera");
  await page.getByLabel("Klistra in protokollets text").fill(SEED_001);
  await page.getByRole("button", { name: "Föreslå från texten" }).click();
  await expect(page.getByRole("heading", { name: "Sammanträdet" })).toBeFocused();
}

test.describe("as Mjölby's secretary (no minutes registered yet)", () => {
  test.use({ signedInAs: as("mjolby", "sekreterare") });

  test("pastes seed 001, reviews §§ 14, 15, 34, 35, adds an uppdrag, confirms and finds the records", async ({ page }) => {
    await page.goto("/uppdrag");
    await page.getByRole("navigation", { name: "Huvudmeny" }).getByRole("link", { name: "Sammanträden" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Sammanträden" })).toBeVisible();
    await expectNoAxeViolations(page);
    await pasteSeed001(page);

    await expect(page.getByLabel("Organ")).toHaveValue(/[0-9a-f-]{36}/);
    await expect(page.getByLabel("Organ").locator("option:checked")).toHaveText("Kommunstyrelsens arbetsutskott (KSAU)");
    await expect(page.getByLabel("Datum", { exact: true })).toHaveValue("2020-02-25");
    await expect(page.getByLabel("Plats")).toHaveValue("Tunasalen");
    await expect(page.getByLabel(/^Början/)).toHaveValue("13:00");
    for (const [i, [number, dnr, title]] of SEED_PARAGRAPHS.entries()) {
      await expect(page.locator(`#f-paragraphs-${i}-number`)).toHaveValue(number);
      await expect(page.getByLabel(`Dnr för § ${number}`)).toHaveValue(dnr);
      await expect(page.getByLabel(`Rubrik för § ${number}`)).toHaveValue(title);
    }
    await expect(page.getByLabel("Beslutet skickas till i § 34")).toHaveValue(/^Kommunstyrelseförvaltningens avdelningar\nUtskottssekreterare/);
    await expectNoAxeViolations(page);

    // § 34's decision approves a routine; the secretary records the uppdrag to introduce it, from the keyboard.
    await page.getByLabel("Beslut i § 34").focus();
    await page.keyboard.press("Alt+U");
    await expect(page.getByLabel("Uppdragets rubrik för uppdrag 1 i § 34")).toBeFocused();
    await page.keyboard.type("Införa rutinen för uppföljning av uppdrag");
    await page.getByLabel("Ansvarig enhet för uppdrag 1 i § 34").selectOption({ label: "Kommunledningskontoret" });
    await page.getByLabel("Klart senast för uppdrag 1 i § 34").fill("2021-03-31");

    await page.getByRole("button", { name: "Spara 4 paragrafer" }).click();
    await page.waitForURL(/\/moten\/[0-9a-f-]{36}\?sparat=1$/);
    await expect(page.locator("main").getByRole("status")).toHaveText("Registreringen är sparad.");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Kommunstyrelsens arbetsutskott 25 februari 2020");
    for (const [number, dnr, title] of SEED_PARAGRAPHS) {
      const p = page.getByRole("article", { name: `§ ${number} ${title}` });
      await expect(p).toContainText(`Dnr ${dnr}`);
    }
    await expectNoAxeViolations(page);

    await page.getByRole("link", { name: "Införa rutinen för uppföljning av uppdrag" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Införa rutinen för uppföljning av uppdrag");
    await page.goto("/uppdrag?q=rutinen");
    await expect(page.getByRole("link", { name: "Införa rutinen för uppföljning av uppdrag" })).toBeVisible();

    // Pasting the same minutes again: everything is already registered, nothing is saved twice.
    await pasteSeed001(page);
    await expect(page.getByText("Alla paragrafer i protokollet är redan registrerade för KSAU 2020. De hoppas över.")).toBeVisible();
    await page.getByRole("button", { name: "Spara 0 paragrafer" }).click();
    await expect(page.locator("main").getByRole("alert")).toHaveText("Alla paragrafer är redan registrerade. Det finns inget nytt att spara.");
  });

  test("uploads the minutes as a text file, and is refused a Word 97 file and an image", async ({ page }) => {
    await page.goto("/moten/registrera");
    const upload = page.getByLabel("Eller ladda upp protokollet");
    await upload.setInputFiles({ name: "protokoll.doc", mimeType: "application/msword", buffer: Buffer.from("gammalt format") });
    await page.getByRole("button", { name: "Föreslå från filen" }).click();
    await expect(upload).toHaveAttribute("aria-invalid", "true");
    await expect(page.locator("#protocol-file-error")).toHaveText(/^Filtypen kan inte läsas\. Ladda upp protokollet som \.txt, \.docx \(Word\) eller \.pdf/);
    await expectNoAxeViolations(page);

    // The server refuses it too, whatever the browser lets through.
    const form = { file: { name: "skanning.png", mimeType: "image/png", buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47]) } };
    const refused = await page.request.post("/moten/registrera/tolka", { multipart: form, headers: { origin: new URL(page.url()).origin } });
    expect(refused.status()).toBe(415);
    expect((await refused.json()).message).toBe("Filtypen .png kan inte läsas. Ladda upp protokollet som .txt, .docx (Word) eller .pdf, eller klistra in texten.");

    await upload.setInputFiles({ name: "protokoll.txt", mimeType: "text/plain", buffer: Buffer.from(SEED_001, "utf8") });
    await page.getByRole("button", { name: "Föreslå från filen" }).click();
    await expect(page.getByRole("heading", { name: "Sammanträdet" })).toBeFocused();
    // Registered by the test above: offered as already registered.
    await expect(page.getByRole("listitem", { name: "§ 35, redan registrerad" })).toContainText("§ 35 Inbjudningar");
  });
});

test.describe("as Vimmerby's secretary (seed 001 is registered already)", () => {
  test.use({ signedInAs: as("vimmerby", "sekreterare") });

  test("pasting seed 001 shows §§ 14, 15, 34, 35 as already registered and links to them", async ({ page }) => {
    await pasteSeed001(page);
    await expect(page.getByText("Alla paragrafer i protokollet är redan registrerade för KSAU 2020. De hoppas över.")).toBeVisible();
    for (const [number, dnr, title] of SEED_PARAGRAPHS) {
      const row = page.getByRole("listitem", { name: `§ ${number}, redan registrerad` });
      await expect(row).toContainText(`§ ${number} ${title}`);
      await expect(row).toContainText(`Dnr ${dnr}`);
      await expect(row).toContainText("Redan registrerad (KSAU 25 februari 2020). Hoppas över.");
    }
    await expectNoAxeViolations(page);
    await page.getByRole("link", { name: "Öppna sammanträdet med § 34" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Kommunstyrelsens arbetsutskott 25 februari 2020");
    await expect(page.getByRole("link", { name: "Införa rutinen för uppföljning av uppdrag i KS och dess utskott" })).toBeVisible();
  });

  test("registers a small meeting with the keyboard alone", async ({ page }) => {
    await page.goto("/moten/registrera");
    await page.getByLabel("Organ").focus();
    await page.keyboard.press("ArrowDown"); // Kommunstyrelsen (KS), the first of the secretary's bodies
    await page.keyboard.press("Tab");
    await expect(page.getByLabel("Datum", { exact: true })).toBeFocused();
    await page.keyboard.type("20260302"); // as fast as it is typed, without dashes
    await page.keyboard.press("Tab");
    await page.keyboard.type("Stadshuset, Vimmerby");
    await page.keyboard.press("Enter"); // moves on, does not save
    await expect(page.getByLabel(/^Början/)).toBeFocused();
    await page.keyboard.type("13.00");
    await page.keyboard.press("Tab");
    await page.keyboard.press("Tab");
    await expect(page.locator("#f-paragraphs-0-number")).toBeFocused();
    await page.keyboard.type("21");
    await page.keyboard.press("Tab");
    await page.keyboard.type("KS 2026/45");
    await page.keyboard.press("Tab");
    await page.keyboard.type("Trygghetsvandringar i centrum");
    await page.keyboard.press("Tab");
    await page.keyboard.type("Kommunstyrelsen ger samhällsbyggnadsavdelningen i uppdrag att genomföra trygghetsvandringar.");
    await page.keyboard.press("Tab");
    await page.keyboard.type("Samhällsbyggnadsavdelningen");
    await page.keyboard.press("Alt+U");
    await expect(page.getByLabel("Uppdragets rubrik för uppdrag 1 i § 21")).toBeFocused();
    await page.keyboard.type("Genomföra trygghetsvandringar i centrum");
    await page.keyboard.press("Tab");
    await page.keyboard.press("Tab");
    await expect(page.getByLabel("Ansvarig enhet för uppdrag 1 i § 21")).toBeFocused();
    // Arrow down to the unit (other specs may add units to Vimmerby, so count its place first).
    const unitSelect = page.getByLabel("Ansvarig enhet för uppdrag 1 i § 21");
    const options = await unitSelect.locator("option").allTextContents();
    const from = options.indexOf((await unitSelect.locator("option:checked").textContent()) ?? "");
    for (let k = from; k < options.indexOf("Samhällsbyggnadsavdelningen"); k++) await page.keyboard.press("ArrowDown");
    await expect(page.getByLabel("Ansvarig enhet för uppdrag 1 i § 21").locator("option:checked")).toHaveText("Samhällsbyggnadsavdelningen");
    await page.keyboard.press("Enter"); // moves on from a list as from a field
    await expect(page.getByLabel("Ansvarig person för uppdrag 1 i § 21")).toBeFocused();
    await page.keyboard.type("Anna Andersson");
    await page.keyboard.press("Tab");
    await expect(page.getByLabel("Klart senast för uppdrag 1 i § 21")).toBeFocused();
    await page.keyboard.type("2026-10-30");
    await page.keyboard.press("Alt+P");
    await expect(page.locator("#f-paragraphs-1-number")).toBeFocused();
    await expect(page.locator("#f-paragraphs-1-number")).toHaveValue("22"); // the next number, proposed
    await page.keyboard.press("Tab");
    await page.keyboard.press("Tab");
    await page.keyboard.type("Anmälningsärenden");
    await page.keyboard.press("Tab");
    await page.keyboard.type("Anmälningarna läggs till handlingarna.");
    page.on("request", (r) => {
      const id = r.headers()["next-action"];
      if (id && r.method() === "POST") savedAction = { id, body: r.postData() ?? "" };
    });
    await page.keyboard.press("Control+Enter");

    await page.waitForURL(/\/moten\/[0-9a-f-]{36}\?sparat=1$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Kommunstyrelsen 2 mars 2026");
    const p21 = page.getByRole("article", { name: "§ 21 Trygghetsvandringar i centrum" });
    await expect(p21).toContainText("Dnr KS 2026/45");
    await expect(p21).toContainText("Beslutet skickas till: Samhällsbyggnadsavdelningen");
    await expect(p21.getByRole("link", { name: "Genomföra trygghetsvandringar i centrum" })).toBeVisible();
    await expect(p21).toContainText("Samhällsbyggnadsavdelningen · klart senast 30 oktober 2026");
    await expect(page.getByRole("article", { name: "§ 22 Anmälningsärenden" })).toBeVisible();
  });

  test("shows each error next to its field and saves nothing", async ({ page }) => {
    await page.goto("/moten/registrera");
    await page.getByRole("button", { name: "Spara 1 paragraf" }).click();
    await expect(page.locator("main").getByRole("alert")).toHaveText("Rätta uppgifterna som är markerade. Ingenting är sparat.");
    const body = page.getByLabel("Organ");
    await expect(body).toBeFocused();
    await expect(body).toHaveAttribute("aria-invalid", "true");
    await expect(body).toHaveAccessibleDescription("Välj organ.");
    await expect(page.getByLabel("Datum", { exact: true })).toHaveAccessibleDescription("Fyll i sammanträdets datum.");
    await expect(page.locator("#f-paragraphs-0-number")).toHaveAccessibleDescription("Fyll i paragrafens nummer.");
    await expectNoAxeViolations(page);

    // § 14 of KSAU 2020 exists: the server says so next to the number.
    await body.selectOption({ label: "Kommunstyrelsens arbetsutskott (KSAU)" });
    await page.getByLabel("Datum", { exact: true }).fill("2020-03-10");
    await page.locator("#f-paragraphs-0-number").fill("14");
    await page.getByLabel("Rubrik för § 14").fill("Val av justerare");
    await page.getByLabel("Beslut i § 14").fill("Arbetsutskottet väljer Helen Nilsson (S) att justera protokollet.");
    await page.getByRole("button", { name: "Spara 1 paragraf" }).click();
    await expect(page.locator("main").getByRole("alert")).toHaveText("§ 14 är redan registrerad för KSAU 2020. Ändra numret eller ta bort paragrafen. Ingenting är sparat.");
    await expect(page.locator("#f-paragraphs-0-number")).toBeFocused();
    await expect(page.locator("#f-paragraphs-0-number")).toHaveAccessibleDescription("§ 14 är redan registrerad för KSAU 2020 (sammanträdet 25 februari 2020).");
    await page.goto("/moten");
    await expect(page.getByRole("link", { name: /10 mars 2020/ })).toHaveCount(0);
  });
});

test.describe("unsaved work (Vimmerby's secretary)", () => {
  test.use({ signedInAs: as("vimmerby", "sekreterare") });

  test("asks before a link or a new proposal throws away what the secretary has entered", async ({ page }) => {
    const asked: string[] = [];
    let answer = false;
    page.on("dialog", async (d) => {
      asked.push(d.message());
      await (answer ? d.accept() : d.dismiss());
    });
    const menuLink = page.getByRole("navigation", { name: "Huvudmeny" }).getByRole("link", { name: "Uppdrag" });

    // Nothing entered yet: the link just leaves.
    await page.goto("/moten/registrera");
    await menuLink.click();
    await page.waitForURL(/\/uppdrag$/);
    expect(asked).toEqual([]);

    await page.goto("/moten/registrera");
    await page.getByLabel("Plats").fill("Stadshuset");
    await menuLink.click();
    expect(asked).toEqual(["Du har uppgifter som inte är sparade. Vill du lämna sidan ändå?"]);
    await expect(page).toHaveURL(/\/moten\/registrera$/);
    await expect(page.getByLabel("Plats")).toHaveValue("Stadshuset");
    // Signing out asks before the session ends, and "no" keeps both.
    await page.getByRole("button", { name: "Logga ut" }).click();
    expect(asked).toHaveLength(2);
    await expect(page).toHaveURL(/\/moten\/registrera$/);
    await expect(page.getByLabel("Plats")).toHaveValue("Stadshuset");

    // A proposal from the minutes would replace the entry: asked first, and "no" keeps it.
    await page.getByLabel("Klistra in protokollets text").fill(SEED_001);
    await page.getByRole("button", { name: "Föreslå från texten" }).click();
    expect(asked.at(-1)).toBe("Förslaget från protokollet ersätter det du har fyllt i under Sammanträdet. Vill du fortsätta?");
    expect(asked).toHaveLength(3);
    await expect(page.getByLabel("Plats")).toHaveValue("Stadshuset");
    answer = true;
    await page.getByRole("button", { name: "Föreslå från texten" }).click();
    await expect(page.getByLabel("Plats")).toHaveValue("Tunasalen");
    expect(asked).toHaveLength(4);

    // The proposal as it came is nothing of the secretary's own to lose.
    await menuLink.click();
    await page.waitForURL(/\/uppdrag$/);
    expect(asked).toHaveLength(4);
  });
});

test.describe("as a ledamot", () => {
  test.use({ signedInAs: as("vimmerby", "ledamot") });

  test("cannot open the register page, propose from a protocol, nor call the save action", async ({ page }) => {
    await page.goto("/uppdrag");
    await expect(page.getByRole("navigation", { name: "Huvudmeny" }).getByRole("link", { name: "Sammanträden" })).toHaveCount(0);
    const res = await page.goto("/moten/registrera");
    expect(res?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "Sidan finns inte" })).toBeVisible();

    // Sent as the page would (this site's Origin): refused for the missing permission, not for the origin.
    const origin = new URL(page.url()).origin;
    const propose = await page.request.post("/moten/registrera/tolka", { multipart: { text: SEED_001 }, headers: { origin } });
    expect(propose.status()).toBe(403);

    // The very request the secretary's save sent, sent with the ledamot's session.
    expect(savedAction, "the keyboard registration above shows the action's id").not.toBeNull();
    const replay = await page.request.post("/moten/registrera", {
      headers: { "next-action": savedAction!.id, accept: "text/x-component", "content-type": "text/plain;charset=UTF-8", origin },
      data: savedAction!.body,
    });
    const answer = await replay.text();
    expect(answer).toContain("Du har inte behörighet att göra den ändringen.");
    expect(answer).not.toContain("meetingId");
  });
});
