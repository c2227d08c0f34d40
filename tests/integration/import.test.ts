// Importing the secretaries' own lists: mapping, validation, matching rows
// already imported (no twins), the confirm step, permissions and the
// municipality boundary; the export read back by the import.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import ExcelJS from "exceljs";
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { openTestDatabase, scopedFor } from "../support/db";
import { buildWorld, type World } from "../support/world";
import type { Database } from "@/server/db/connect";
import { createUnit } from "@/server/seed/factories";
import { readTable, FileRefused, MAX_IMPORT_BYTES } from "@/server/import/read-file";
import { buildPlan, sha256, type ImportPlan } from "@/server/import/plan";
import { applyImport, StalePlanError } from "@/server/import/apply";
import { exportRows, rowsToCsv, rowsToXlsx } from "@/server/import/export";
import { suggestMapping, type Mapping } from "@/lib/import/columns";
import { ForbiddenError, type Actor } from "@/server/permissions";
import { request, sameOriginHeaders } from "../support/next-mocks";
import { POST as importRoute } from "@/app/import/fil/route";
import { MESSAGES } from "@/server/entry/answer";

// POST /import/fil is called as the browser calls it, through the entry layer's gate.
vi.mock("@/server/auth/actor", async () => (await import("../support/next-mocks")).actorModule);
vi.mock("@/server/db", async () => (await import("../support/next-mocks")).dbModule);
vi.mock("next/cache", async () => (await import("../support/next-mocks")).cacheModule);
vi.mock("next/headers", async () => (await import("../support/next-mocks")).headersModule);

let db: Database;
let a: World;
let b: World;
const NOW = new Date(Date.UTC(2024, 10, 20, 9));

beforeAll(async () => {
  db = await openTestDatabase();
  a = await buildWorld(db.prisma, "Importkommun A");
  b = await buildWorld(db.prisma, "Importkommun B");
  await createUnit(db.prisma, a.municipality.id, { name: "Kultur- och fritidsförvaltningen", kind: "FORVALTNING" });
});
afterAll(async () => db?.close());

const HEADER = "Beslutsdatum;Organ/Nämnd;§;Dnr;Uppdrag/Ärende;Ansvarig;Status;Kommentar;Planerat klart";
const LIST = [
  HEADER,
  /* 2 */ "2024-03-11;KS;41;KS 2024/101;Se över lokalerna;Kommunledningskontoret;Pågår;Inventering pågår;2024-12-31",
  /* 3 */ "2024-04-15;Kommunstyrelsen;55;KS 2024/200;Utreda behovet av nya förskolor;Kultur- och fritidsförvaltningen;Ej påbörjad;;",
  /* 4 */ "2024-13-01;KS;56;KS 2024/201;Ett datum som inte finns;Kommunledningskontoret;Pågår;;",
  /* 5 */ "2024-04-15;Miljönämnden;57;;Ett okänt organ;;;;",
  /* 6 */ "2024-04-15;KS;58;KS 2024/202;Försenat utan orsak;Kommunledningskontoret;Försenad;;",
  /* 7 */ "2024-03-25;KF;12;KS 2024/7;Ta fram en vägplan;Tekniska förvaltningen;Verkställd;Vägplanen antagen;",
  /* 8 */ "2024-03-11;KS;41;KS 2024/999;Fel Dnr på en befintlig paragraf;;;;",
  /* 9 */ "2024-04-15;KS;55;KS 2024/200;Utreda behovet av nya förskolor;;;;",
  /* 10 */ "2024-04-15;KS;59;KS 2024/203;Enheten saknas;Okända kontoret;;;",
].join("\r\n");

const cp1252 = (text: string) => Uint8Array.from(Buffer.from(text, "latin1"));

async function plan(actor: Actor, bytes: Uint8Array, name = "lista.csv", mapping?: Mapping): Promise<ImportPlan & { mapping: Mapping }> {
  const table = await readTable(name, bytes);
  const m = mapping ?? suggestMapping(table.headers);
  const p = await buildPlan(scopedFor(db.prisma, actor), actor, table, m, sha256(bytes), NOW);
  return { ...p, mapping: m };
}

async function apply(actor: Actor, bytes: Uint8Array, token: string, mapping: Mapping, name = "lista.csv") {
  return applyImport(scopedFor(db.prisma, actor), actor, { name, hash: sha256(bytes), table: await readTable(name, bytes) }, mapping, token, NOW);
}

const row = (p: ImportPlan, line: number) => p.rows.find((r) => r.line === line)!;
const messages = (p: ImportPlan, line: number) => row(p, line).errors.map((e) => `${e.column}: ${e.message}`).join(" | ");

describe("the preview", () => {
  it("maps the columns, and shows every invalid row with its row number, column and a Swedish message", async () => {
    const p = await plan(a.actors.SEKRETERARE, cp1252(LIST));
    expect(p.missing).toEqual([]);
    expect(row(p, 2).action).toBe("status");
    expect(row(p, 2).uppdragId).toBe(a.ksUppdrag.id);
    expect(row(p, 3).action).toBe("create");
    expect(messages(p, 4)).toBe("Beslutsdatum: ”2024-13-01” är inget datum. Skriv datumet som ÅÅÅÅ-MM-DD.");
    expect(messages(p, 5)).toMatch(/^Organ\/Nämnd: Organet ”Miljönämnden” finns inte/);
    expect(messages(p, 6)).toBe("Kommentar: Kommentar krävs när status är Försenad: skriv varför.");
    expect(messages(p, 7)).toBe("Organ/Nämnd: Du är inte sekreterare åt Kommunfullmäktige (KF) och kan inte importera organets uppdrag.");
    expect(messages(p, 8)).toBe("Dnr: § 41 i KS 2024 finns redan med Dnr KS 2024/101, inte KS 2024/999.");
    expect(messages(p, 9)).toBe("Uppdrag/Ärende: Samma uppdrag som på rad 3.");
    expect(messages(p, 10)).toBe("Ansvarig: Enheten ”Okända kontoret” finns inte i kommunens organisation.");
    expect(p.counts).toEqual({ create: 1, status: 1, existing: 0, invalid: 7 });
  });

  it("an administrator may import every body's rows", async () => {
    const p = await plan(a.actors.ADMINISTRATOR, cp1252(LIST));
    expect(row(p, 7).action).toBe("status");
    expect(row(p, 7).uppdragId).toBe(a.kfUppdrag.id);
  });

  it("says which required column has none, and checks no rows until it has", async () => {
    const bytes = cp1252(LIST);
    const auto = await plan(a.actors.SEKRETERARE, bytes);
    const { body: _body, ...withoutBody } = auto.mapping;
    const p = await plan(a.actors.SEKRETERARE, bytes, "lista.csv", withoutBody);
    expect(p.missing).toEqual(["body"]);
    expect(p.rows).toEqual([]);
  });

  it("uses the mapping the secretary chose over the suggestion", async () => {
    const text = ["Datum;Organ;Nr;Text;Läge", "2024-04-15;KS;60;Ett uppdrag med egna rubriker;pågår"].join("\n");
    const bytes = new TextEncoder().encode(text);
    const p = await plan(a.actors.SEKRETERARE, bytes, "egen.csv", { decidedOn: 0, body: 1, paragraph: 2, title: 3, status: 4 });
    expect(p.rows[0]).toMatchObject({ action: "create", paragraph: 60, title: "Ett uppdrag med egna rubriker", status: "IN_PROGRESS" });
  });

  it("refuses files that are too big, empty, or not a list", async () => {
    await expect(readTable("lista.csv", new Uint8Array(MAX_IMPORT_BYTES + 1).fill(65))).rejects.toThrow(/för stor/);
    await expect(readTable("lista.csv", new Uint8Array())).rejects.toThrow(FileRefused);
    await expect(readTable("lista.xlsx", new TextEncoder().encode("inte en zip"))).rejects.toThrow(/ingen Excel-arbetsbok/);
    await expect(readTable("lista.xls", Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 1, 2]))).rejects.toThrow(/\.xls/);
    await expect(readTable("bild.png", Uint8Array.from([0x89, 0x50, 0x4e, 0x47]))).rejects.toThrow(/Välj en Excel-fil/);
    await expect(readTable("lista.csv", new TextEncoder().encode(HEADER))).rejects.toThrow(/bara en rubrikrad/);
    // Minutes or any other text: one column is no list, whatever the file is called.
    const minutes = readFileSync(path.resolve(import.meta.dirname, "../fixtures/seeds", readdirSync(path.resolve(import.meta.dirname, "../fixtures/seeds")).find((f) => f.startsWith("001_"))!));
    await expect(readTable("protokoll.txt", minutes)).rejects.toThrow(/Första raden har bara en kolumn, så filen kan inte läsas som en uppdragslista/);
    await expect(readTable("lista.csv", new TextEncoder().encode("Uppdrag\nEtt\nTvå\n"))).rejects.toThrow(/Första raden har bara en kolumn/);
  });
});

describe("confirming", () => {
  it("writes nothing before the confirm, then only the valid rows, each audited; a re-import makes no twins", async () => {
    const bytes = cp1252(LIST);
    const count = () => db.prisma.uppdrag.count({ where: { municipalityId: a.municipality.id } });
    const before = await count();
    const p = await plan(a.actors.SEKRETERARE, bytes);
    expect(await count()).toBe(before);

    const result = await apply(a.actors.SEKRETERARE, bytes, p.token, p.mapping);
    expect(result).toMatchObject({ created: 1, statusChanged: 1, existing: 0, invalid: 7, meetingsCreated: 1, paragraphsCreated: 1 });
    expect(await count()).toBe(before + 1);

    const created = await db.prisma.uppdrag.findFirstOrThrow({
      where: { municipalityId: a.municipality.id, title: "Utreda behovet av nya förskolor" },
      include: { paragraph: { include: { meeting: true } }, units: { include: { unit: true } }, history: true },
    });
    expect(created.paragraph).toMatchObject({ number: 55, year: 2024, dnr: "KS 2024/200", dnrKey: "ks2024200" });
    expect(created.paragraph.meeting.date.toISOString().slice(0, 10)).toBe("2024-04-15");
    expect(created.units.map((u) => u.unit.name)).toEqual(["Kultur- och fritidsförvaltningen"]);
    expect(created.status).toBe("NOT_STARTED");
    expect(created.history).toHaveLength(1);

    const changed = await db.prisma.uppdrag.findUniqueOrThrow({ where: { id: a.ksUppdrag.id }, include: { history: { orderBy: { at: "desc" } } } });
    expect(changed).toMatchObject({ status: "IN_PROGRESS", statusComment: "Inventering pågår", version: 2 });
    expect(changed.history[0]).toMatchObject({ status: "IN_PROGRESS", authorId: a.actors.SEKRETERARE.userId });

    const audits = await db.prisma.auditEvent.findMany({ where: { municipalityId: a.municipality.id, at: { gte: NOW } }, select: { action: true } });
    expect(audits.map((x) => x.action).sort()).toEqual(["import.run", "meeting.create", "paragraph.create", "uppdrag.create", "uppdrag.status.import"]);

    // The same file again: everything valid is already there; nothing to write.
    const again = await plan(a.actors.SEKRETERARE, bytes);
    expect(row(again, 2).action).toBe("existing");
    expect(row(again, 3).action).toBe("existing");
    expect(again.counts).toMatchObject({ create: 0, status: 0, existing: 2 });
    const second = await apply(a.actors.SEKRETERARE, bytes, again.token, again.mapping);
    expect(second).toMatchObject({ created: 0, statusChanged: 0, existing: 2 });
    expect(await count()).toBe(before + 1);
    expect(await db.prisma.statusEntry.count({ where: { uppdragId: a.ksUppdrag.id } })).toBe(2);
  });

  it("refuses a confirm when the records changed after the preview, and writes nothing", async () => {
    const text = [HEADER, "2024-05-20;KS;70;KS 2024/300;Ett uppdrag som hinner ändras;;Pågår;Igång;"].join("\n");
    const bytes = new TextEncoder().encode(text);
    const p = await plan(a.actors.SEKRETERARE, bytes);
    expect(p.counts.create).toBe(1);
    // Someone imports the same row in between.
    const other = await plan(a.actors.ADMINISTRATOR, bytes);
    await apply(a.actors.ADMINISTRATOR, bytes, other.token, other.mapping);
    const before = await db.prisma.uppdrag.count({ where: { municipalityId: a.municipality.id } });
    await expect(apply(a.actors.SEKRETERARE, bytes, p.token, p.mapping)).rejects.toBeInstanceOf(StalePlanError);
    await expect(apply(a.actors.SEKRETERARE, bytes, "0".repeat(64), p.mapping)).rejects.toBeInstanceOf(StalePlanError);
    expect(await db.prisma.uppdrag.count({ where: { municipalityId: a.municipality.id } })).toBe(before);
  });

  it("matches by body, year and § within the municipality only", async () => {
    const bytes = cp1252(LIST);
    const bBefore = await db.prisma.uppdrag.count({ where: { municipalityId: b.municipality.id } });
    const p = await plan(b.actors.SEKRETERARE, bytes);
    // Municipality B has its own KS § 41; A's records are never matched, A's unit is unknown in B.
    expect(row(p, 2).uppdragId).toBe(b.ksUppdrag.id);
    expect(messages(p, 3)).toContain("Enheten ”Kultur- och fritidsförvaltningen” finns inte");
    // Row 9 (the same uppdrag without a unit) is no twin of an invalid row: it is B's only new one.
    expect(p.rows.filter((r) => r.action === "create").map((r) => r.line)).toEqual([9]);
    await apply(b.actors.SEKRETERARE, bytes, p.token, p.mapping);
    expect(await db.prisma.uppdrag.count({ where: { municipalityId: b.municipality.id } })).toBe(bBefore + 1);
    const aKs = await db.prisma.uppdrag.findUniqueOrThrow({ where: { id: a.ksUppdrag.id }, select: { version: true } });
    expect(aKs.version).toBe(2); // unchanged by B's import
  });

  it("a handläggare or ledamot imports nothing", async () => {
    for (const role of ["HANDLAGGARE", "LEDAMOT"] as const) {
      const bytes = new TextEncoder().encode([HEADER, "2024-05-21;KS;71;;Ett försök;;;;"].join("\n"));
      const p = await plan(a.actors[role], bytes);
      expect(row(p, 2).action).toBe("invalid");
      expect(p.counts.create).toBe(0);
    }
  });
});

describe("the export", () => {
  it("writes the import's columns; read back, every row is found, none doubled (xlsx and CSV)", async () => {
    const { rows, total } = await exportRows(scopedFor(db.prisma, a.actors.SEKRETERARE), a.actors.SEKRETERARE, { showClosed: true }, NOW);
    expect(rows.length).toBe(total);
    expect(total).toBe(await db.prisma.uppdrag.count({ where: { municipalityId: a.municipality.id } }));

    const xlsx = new Uint8Array(await rowsToXlsx(rows, "Uppdrag", NOW));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.buffer as ArrayBuffer);
    expect(wb.worksheets[0].getRow(1).values).toEqual([undefined, "Beslutsdatum", "Organ/Nämnd", "§", "Dnr", "Uppdrag/Ärende", "Ansvarig", "Ansvarig person", "Status", "Kommentar", "Planerat klart", "Klart senast"]);
    const fromXlsx = await plan(a.actors.ADMINISTRATOR, xlsx, "export.xlsx");
    expect(fromXlsx.counts).toEqual({ create: 0, status: 0, existing: total, invalid: 0 });

    const csv = rowsToCsv(rows);
    expect(csv.startsWith("\uFEFFBeslutsdatum;Organ/Nämnd;§;Dnr;")).toBe(true);
    const fromCsv = await plan(a.actors.ADMINISTRATOR, new TextEncoder().encode(csv), "export.csv");
    expect(fromCsv.counts).toEqual({ create: 0, status: 0, existing: total, invalid: 0 });
  });

  it("follows the list's filters and is audited", async () => {
    const { rows } = await exportRows(scopedFor(db.prisma, a.actors.ADMINISTRATOR), a.actors.ADMINISTRATOR, { body: a.kf.id, showClosed: true }, NOW);
    expect(rows.map((r) => r.body)).toEqual(["Kommunfullmäktige"]);
    const audit = await db.prisma.auditEvent.findFirst({ where: { municipalityId: a.municipality.id, action: "uppdrag.export" }, orderBy: { at: "desc" } });
    expect(audit?.after).toMatchObject({ rows: 1 });
  });

  it("is refused to a handläggare and a ledamot", async () => {
    await expect(exportRows(scopedFor(db.prisma, a.actors.LEDAMOT), a.actors.LEDAMOT, {}, NOW)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(exportRows(scopedFor(db.prisma, a.actors.HANDLAGGARE), a.actors.HANDLAGGARE, {}, NOW)).rejects.toBeInstanceOf(ForbiddenError);
  });
});

describe("POST /import/fil", () => {
  let c: World;
  beforeAll(async () => {
    c = await buildWorld(db.prisma, "Importkommun C");
    request.db = db;
  });

  const LIST_C = [HEADER, "2024-09-09;KS;941;KS 2024/941;Se över lokalerna;Kommunledningskontoret;Pågår;Inventering pågår;2024-12-31"].join("\r\n");
  async function post(actor: Actor | null, fields: Record<string, string>, file?: File, headers: Headers = sameOriginHeaders()) {
    request.actor = actor;
    const body = new FormData();
    for (const [k, v] of Object.entries(fields)) body.set(k, v);
    if (file) body.set("file", file);
    const res = await importRoute(new Request("http://localhost:3000/import/fil", { method: "POST", body, headers }));
    return { status: res.status, json: (await res.json()) as Record<string, unknown> };
  }
  const csv = (text: string, name = "lista.csv") => new File([text], name, { type: "text/csv" });

  it("previews, then imports what was previewed; a confirm of another preview is stale (409)", async () => {
    const preview = await post(c.actors.SEKRETERARE, { step: "granska" }, csv(LIST_C));
    expect(preview).toMatchObject({ status: 200, json: { ok: true, step: "granska", fileName: "lista.csv", counts: { create: 1, invalid: 0 } } });
    const stale = await post(c.actors.SEKRETERARE, { step: "importera", mapping: JSON.stringify(preview.json.mapping), token: "0".repeat(64) }, csv(LIST_C));
    expect(stale.status).toBe(409);
    expect(stale.json.message).toMatch(/^Något har ändrats sedan förhandsgranskningen/);
    const done = await post(c.actors.SEKRETERARE, { step: "importera", mapping: JSON.stringify(preview.json.mapping), token: String(preview.json.token) }, csv(LIST_C));
    expect(done).toMatchObject({ status: 200, json: { ok: true, step: "importera", result: { created: 1 } } });
    expect(done.json.message).toMatch(/^Importen är klar: 1 nytt uppdrag/);
  });

  it("answers a file it cannot take in Swedish, with the status of today", async () => {
    const empty = await post(c.actors.SEKRETERARE, { step: "granska" }, csv(""));
    expect(empty).toMatchObject({ status: 400, json: { ok: false, fieldErrors: { file: ["Välj en fil att importera."] } } });
    const none = await post(c.actors.SEKRETERARE, { step: "granska", token: "" });
    expect(none).toMatchObject({ status: 400, json: { ok: false, fieldErrors: { file: ["Välj en fil att importera."] } } });
    const xls = await post(c.actors.SEKRETERARE, { step: "granska" }, csv("a;b", "gammal.xls"));
    expect(xls).toMatchObject({ status: 400, json: { ok: false, message: expect.stringMatching(/gamla Excel-formatet/) } });
    const unconfirmed = await post(c.actors.SEKRETERARE, { step: "importera" }, csv(LIST_C));
    expect(unconfirmed).toMatchObject({ status: 400, json: { ok: false, message: "Förhandsgranska filen innan du importerar." } });
    const big = await post(c.actors.SEKRETERARE, { step: "granska" }, csv("x".repeat(MAX_IMPORT_BYTES + 1)));
    expect(big).toMatchObject({ status: 413, json: { ok: false, message: "Filen är för stor. Största tillåtna storlek är 5 MB." } });
    const declared = sameOriginHeaders();
    declared.set("content-length", String(MAX_IMPORT_BYTES + 65 * 1024));
    expect((await post(c.actors.SEKRETERARE, { step: "granska" }, csv(LIST_C), declared)).status).toBe(413);
  });

  it("is refused from another site, signed out and to a ledamot", async () => {
    const foreign = new Headers({ host: "localhost:3000", origin: "https://annan.example", "sec-fetch-site": "cross-site" });
    expect(await post(c.actors.ADMINISTRATOR, { step: "granska" }, csv(LIST_C), foreign)).toMatchObject({ status: 403, json: { ok: false, message: MESSAGES.foreignOrigin } });
    expect(await post(null, { step: "granska" }, csv(LIST_C))).toMatchObject({ status: 401, json: { ok: false, message: MESSAGES.signedOut } });
    expect(await post(c.actors.LEDAMOT, { step: "granska" }, csv(LIST_C))).toMatchObject({ status: 403, json: { ok: false, message: MESSAGES.forbidden } });
  });
});
