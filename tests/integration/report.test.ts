// The June/December report of ej verkställda beslut: point-in-time state from
// the database, who may make it, and the Word, Excel and JSON files read back.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inflateRawSync } from "node:zlib";
import ExcelJS from "exceljs";
import { openTestDatabase, scopedFor } from "../support/db";
import { buildWorld, type World } from "../support/world";
import type { Database } from "@/server/db/connect";
import { createBody, createMeeting, createParagraph, createUppdrag, day, type HistoryStep } from "@/server/seed/factories";
import { changeStatus } from "@/server/uppdrag/change-status";
import { ForbiddenError, NotFoundError } from "@/server/permissions";
import { buildReport } from "@/server/report/build-report";
import { reportToXlsx } from "@/server/report/xlsx";
import { renderReportDocx } from "@/server/report/docx";
import { reportToJson, type PlainReport } from "@/server/report/json";
import { endOfSwedishDay } from "@/lib/report/report-dates";
import { isClosed } from "@/lib/status";
import type { Report } from "@/lib/report/point-in-time";
import type { UppdragStatus } from "@/generated/prisma/enums";

const ASOF = day("2026-12-31");
const JUNE = day("2026-06-30");

let db: Database;
let w: World;
let other: World;
let ksau: { id: string };
const ids: Record<string, string> = {};

/** Adds an uppdrag with its own paragraph to a world. */
async function add(
  world: World,
  key: string,
  o: { body: { id: string }; decidedOn: string; title: string; history: HistoryStep[]; dnr?: string; units?: string[]; deadline?: string },
) {
  const m = world.municipality.id;
  const meeting = await createMeeting(db.prisma, m, { bodyId: o.body.id, date: o.decidedOn });
  const number = Object.keys(ids).length + 100;
  const p = await createParagraph(db.prisma, m, meeting, { number, dnr: o.dnr ?? `KS 2026/${number}`, title: o.title, decision: `Beslut: ${o.title}.` });
  ids[key] = (await createUppdrag(db.prisma, m, { paragraph: p, decidedOn: o.decidedOn, title: o.title, text: o.title, unitIds: o.units ?? [world.unitA.id], history: o.history, deadline: o.deadline })).id;
}

beforeAll(async () => {
  db = await openTestDatabase();
  w = await buildWorld(db.prisma, "Rapportkommun");
  other = await buildWorld(db.prisma, "Annan rapportkommun");
  const m = w.municipality.id;
  ksau = await createBody(db.prisma, m, { name: "Kommunstyrelsens arbetsutskott", shortName: "KSAU", kind: "UTSKOTT", parentId: w.ks.id });

  await add(w, "delayedThenDone", {
    body: w.ks,
    decidedOn: "2026-02-09",
    title: "Utreda gång- och cykelväg till Norrskolan",
    dnr: "KS 2026/0042",
    units: [w.unitA.id, w.unitB.id],
    deadline: "2026-10-31",
    history: [
      { status: "NOT_STARTED", at: "2026-02-09" },
      { status: "DELAYED", at: new Date("2026-11-20T10:00:00Z"), comment: "Väntar på Trafikverkets yttrande", plannedCompletion: "2027-03-31" },
      { status: "COMPLETED", at: new Date("2027-01-12T09:00:00Z"), comment: "Återrapporterat till KS" },
    ],
  });
  await add(w, "closedInPeriod", {
    body: w.kf,
    decidedOn: "2025-06-16",
    title: "Revidera arvodesreglementet",
    history: [
      { status: "IN_PROGRESS", at: "2025-06-16" },
      { status: "COMPLETED", at: new Date("2026-09-01T08:00:00Z"), comment: "Antaget av KF" },
    ],
  });
  await add(w, "closedBefore", {
    body: w.ks,
    decidedOn: "2025-02-10",
    title: "Införa digitala möteshandlingar",
    history: [
      { status: "NOT_STARTED", at: "2025-02-10" },
      { status: "COMPLETED", at: new Date("2026-03-01T08:00:00Z") },
    ],
  });
  await add(w, "droppedOnTheDay", {
    body: w.kf,
    decidedOn: "2024-11-27",
    title: "Bygga ett nytt badhus",
    history: [
      { status: "ON_HOLD", at: "2024-11-27", comment: "Senarelagt till 2026" },
      { status: "NOT_CARRIED_OUT", at: new Date("2026-12-31T19:00:00Z"), comment: "KF beslutade att badhuset inte byggs" },
    ],
  });
  await add(w, "decidedLater", { body: w.ks, decidedOn: "2027-01-18", title: "Ta fram en lokalförsörjningsplan", history: [{ status: "NOT_STARTED", at: "2027-01-18" }] });
  await add(w, "committee", { body: ksau, decidedOn: "2026-04-07", title: "Se över delegationsordningen", history: [{ status: "IN_PROGRESS", at: "2026-04-07" }] });
  // The same kind of record in another municipality: never in this one's report.
  await add(other, "otherMunicipality", { body: other.ks, decidedOn: "2026-02-09", title: "Annan kommuns uppdrag", history: [{ status: "DELAYED", at: "2026-02-09", comment: "x" }] });

  // Through the app's own status change, at the edge of the report date in Swedish time:
  // 23:30 on 31 December counts; 00:05 on 1 January does not.
  await changeStatus(
    scopedFor(db.prisma, w.actors.ADMINISTRATOR),
    w.actors.ADMINISTRATOR,
    { uppdragId: w.ksUppdrag.id, expectedVersion: 1, status: "IN_PROGRESS", comment: "Lokalinventering pågår", plannedCompletion: day("2027-05-31"), reportedAtMeetingId: null },
    new Date("2026-12-31T22:30:00Z"),
  );
  await changeStatus(
    scopedFor(db.prisma, w.actors.ADMINISTRATOR),
    w.actors.ADMINISTRATOR,
    { uppdragId: w.kfUppdrag.id, expectedVersion: 1, status: "DELAYED", comment: "Konsulten har sagt upp avtalet", plannedCompletion: null, reportedAtMeetingId: null },
    new Date("2026-12-31T23:05:00Z"),
  );
});
afterAll(async () => db?.close());

const GENERATED_AT = new Date("2027-01-20T10:15:00Z");
const report = (asOf = ASOF, bodyIds?: string[], actor = w.actors.ADMINISTRATOR) => buildReport(scopedFor(db.prisma, actor), actor, { asOf, bodyIds }, GENERATED_AT);
const openIds = (r: Report) => r.open.flatMap((g) => g.rows.map((x) => x.uppdragId));

/** Each uppdrag's last status entry before the end of the day, straight from SQL. */
async function stateFromDatabase(asOf: Date, bodyIds: string[]) {
  const rows = await db.prisma.$queryRaw<{ id: string; status: UppdragStatus; comment: string | null; plannedCompletion: Date | null }[]>`
    SELECT DISTINCT ON (u.id) u.id, e.status::text AS status, e.comment, e."plannedCompletion"
    FROM "Uppdrag" u JOIN "StatusEntry" e ON e."uppdragId" = u.id
    WHERE u."municipalityId" = ${w.municipality.id}::uuid AND e."municipalityId" = ${w.municipality.id}::uuid
      AND u."bodyId" = ANY(${bodyIds}::uuid[]) AND u."decidedOn" <= ${asOf}::date AND e.at < ${endOfSwedishDay(asOf)}
    ORDER BY u.id, e.at DESC, e.id DESC`;
  return new Map(rows.map((r) => [r.id, r]));
}

describe("the report's content", () => {
  it("reports KF and KS by default, KF first, as the state stood at the end of the report date", async () => {
    const r = await report();
    expect(r.municipality).toEqual({ name: "Rapportkommun", slug: w.municipality.slug });
    expect(r.asOf).toEqual(ASOF);
    expect(r.previous).toEqual(JUNE);
    expect(r.generatedAt).toEqual(GENERATED_AT);
    expect(r.open.map((g) => g.body.shortName)).toEqual(["KF", "KS"]);

    const expected = await stateFromDatabase(ASOF, [w.kf.id, w.ks.id]);
    const expectedOpen = [...expected.values()].filter((e) => !isClosed(e.status));
    expect(new Set(openIds(r))).toEqual(new Set(expectedOpen.map((e) => e.id)));
    for (const row of r.open.flatMap((g) => g.rows)) {
      const e = expected.get(row.uppdragId)!;
      expect({ status: row.status, comment: row.comment, planned: row.plannedCompletion }).toEqual({ status: e.status, comment: e.comment, planned: e.plannedCompletion });
    }
  });

  it("shows a status changed after the report date as it was before the change", async () => {
    const r = await report();
    const row = r.open[1].rows.find((x) => x.uppdragId === ids.delayedThenDone)!;
    expect(row).toMatchObject({
      status: "DELAYED",
      statusLabel: "Försenad",
      comment: "Väntar på Trafikverkets yttrande",
      plannedCompletion: day("2027-03-31"),
      decidedOn: day("2026-02-09"),
      paragraphNumber: expect.any(Number),
      dnr: "KS 2026/0042",
      units: "Kommunledningskontoret, Tekniska förvaltningen",
    });
    // The live status is already "Verkställd".
    expect((await db.prisma.uppdrag.findUniqueOrThrow({ where: { id: ids.delayedThenDone }, select: { status: true } })).status).toBe("COMPLETED");
  });

  it("counts a change at 23:30 on the report date and not one at 00:05 the day after", async () => {
    const r = await report();
    const rows = r.open.flatMap((g) => g.rows);
    expect(rows.find((x) => x.uppdragId === w.ksUppdrag.id)).toMatchObject({ status: "IN_PROGRESS", comment: "Lokalinventering pågår", plannedCompletion: day("2027-05-31") });
    expect(rows.find((x) => x.uppdragId === w.kfUppdrag.id)).toMatchObject({ status: "NOT_STARTED", comment: null });
  });

  it("leaves out uppdrag decided after the report date, closed before the period, of other bodies and of other municipalities", async () => {
    const r = await report();
    const all = [...openIds(r), ...r.closedSince.map((x) => x.uppdragId)];
    for (const key of ["decidedLater", "closedBefore", "committee"]) expect(all).not.toContain(ids[key]);
    expect(all).not.toContain(ids.otherMunicipality);
    expect(all).not.toContain(other.ksUppdrag.id);
  });

  it("lists the uppdrag closed since the previous report date, the report date included", async () => {
    const r = await report();
    expect(r.closedSince.map((x) => [x.uppdragId, x.status, x.closedOn.toISOString().slice(0, 10)])).toEqual([
      [ids.droppedOnTheDay, "NOT_CARRIED_OUT", "2026-12-31"],
      [ids.closedInPeriod, "COMPLETED", "2026-09-01"],
    ]);
    expect(r.closedSince[0].comment).toBe("KF beslutade att badhuset inte byggs");
  });

  it("a previous report date given by hand widens 'closed since'; it must lie before the report date", async () => {
    const r = await buildReport(scopedFor(db.prisma, w.actors.ADMINISTRATOR), w.actors.ADMINISTRATOR, { asOf: ASOF, previous: day("2025-12-31") }, GENERATED_AT);
    expect(r.previous).toEqual(day("2025-12-31"));
    expect(r.closedSince.map((x) => x.uppdragId)).toEqual([ids.droppedOnTheDay, ids.closedInPeriod, ids.closedBefore]);
    await expect(buildReport(scopedFor(db.prisma, w.actors.ADMINISTRATOR), w.actors.ADMINISTRATOR, { asOf: ASOF, previous: ASOF })).rejects.toBeInstanceOf(RangeError);
  });

  it("summarises by status and body", async () => {
    const r = await report();
    expect(r.summary.open).toBe(3);
    expect(r.summary.byStatus).toMatchObject({ NOT_STARTED: 1, IN_PROGRESS: 1, DELAYED: 1, ON_HOLD: 0 });
    expect(r.summary.byBody.map((b) => [b.body.shortName, b.open])).toEqual([
      ["KF", 1],
      ["KS", 2],
    ]);
    expect(r.summary.closedSinceByStatus).toMatchObject({ COMPLETED: 1, NOT_CARRIED_OUT: 1 });
  });

  it("as of 30 June the same records stood differently", async () => {
    const r = await report(JUNE);
    expect(r.previous).toEqual(day("2025-12-31"));
    const rows = r.open.flatMap((g) => g.rows);
    expect(rows.find((x) => x.uppdragId === ids.delayedThenDone)).toMatchObject({ status: "NOT_STARTED", comment: null });
    expect(rows.find((x) => x.uppdragId === ids.closedInPeriod)).toMatchObject({ status: "IN_PROGRESS" });
    expect(rows.find((x) => x.uppdragId === ids.droppedOnTheDay)).toMatchObject({ status: "ON_HOLD", comment: "Senarelagt till 2026" });
    expect(r.closedSince.map((x) => x.uppdragId)).toEqual([ids.closedBefore]);
    const expected = await stateFromDatabase(JUNE, [w.kf.id, w.ks.id]);
    expect(new Set(rows.map((x) => x.uppdragId))).toEqual(new Set([...expected.values()].filter((e) => !isClosed(e.status)).map((e) => e.id)));
  });

  it("reports the bodies asked for, and refuses a body of another municipality", async () => {
    const r = await report(ASOF, [ksau.id]);
    expect(r.open.map((g) => [g.body.shortName, g.rows.map((x) => x.uppdragId)])).toEqual([["KSAU", [ids.committee]]]);
    await expect(report(ASOF, [other.ks.id])).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe("who may make the report", () => {
  it("a secretary reports the bodies they serve, not others", async () => {
    const secretary = w.actors.SEKRETERARE; // serves KS
    const r = await report(ASOF, [w.ks.id], secretary);
    expect(r.open.map((g) => g.body.shortName)).toEqual(["KS"]);
    await expect(report(ASOF, [w.kf.id], secretary)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(report(ASOF, [w.ks.id, ksau.id], secretary)).rejects.toBeInstanceOf(ForbiddenError);
    // The default covers KF too, which they do not serve.
    await expect(report(ASOF, undefined, secretary)).rejects.toBeInstanceOf(ForbiddenError);
  });
  it("a ledamot or handläggare cannot make it at all", async () => {
    await expect(report(ASOF, undefined, w.actors.LEDAMOT)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(report(ASOF, [w.ks.id], w.actors.LEDAMOT)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(report(ASOF, [w.ks.id], w.actors.HANDLAGGARE)).rejects.toBeInstanceOf(ForbiddenError);
  });
  it("an administrator of another municipality cannot report this one's bodies", async () => {
    await expect(report(ASOF, [w.ks.id], other.actors.ADMINISTRATOR)).rejects.toBeInstanceOf(NotFoundError);
  });
});

/** The files of a zip archive (stored or deflated), from its central directory. */
function unzip(buf: Buffer): Map<string, Buffer> {
  let eocd = buf.length - 22;
  while (eocd >= 0 && buf.readUInt32LE(eocd) !== 0x06054b50) eocd--;
  if (eocd < 0) throw new Error("not a zip archive");
  const count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  const files = new Map<string, Buffer>();
  for (let i = 0; i < count; i++) {
    if (buf.readUInt32LE(p) !== 0x02014b50) throw new Error("bad central directory");
    const method = buf.readUInt16LE(p + 10);
    const size = buf.readUInt32LE(p + 20);
    const nameLength = buf.readUInt16LE(p + 28);
    const extraLength = buf.readUInt16LE(p + 30);
    const commentLength = buf.readUInt16LE(p + 32);
    const local = buf.readUInt32LE(p + 42);
    const name = buf.toString("utf8", p + 46, p + 46 + nameLength);
    const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    const data = buf.subarray(start, start + size);
    files.set(name, method === 0 ? Buffer.from(data) : inflateRawSync(data));
    p += 46 + nameLength + extraLength + commentLength;
  }
  return files;
}

describe("the files", () => {
  it("Excel: one row per uppdrag with real dates, header, autofilter and frozen header; closed on a sheet of their own", async () => {
    const r = await report();
    const wb = new ExcelJS.Workbook();
    // exceljs declares its own Buffer type; a Node Buffer is what it reads.
    await wb.xlsx.load((await reportToXlsx(r)) as unknown as ArrayBuffer);
    expect(wb.worksheets.map((s) => s.name)).toEqual(["Ej verkställda", "Avslutade sedan 2026-06-30"]);

    const sheet = wb.worksheets[0];
    expect(sheet.getRow(1).values).toEqual([
      undefined,
      "Organ",
      "Beslutsdatum",
      "§",
      "Dnr",
      "Uppdrag",
      "Ansvarig enhet",
      "Status",
      "Kommentar",
      "Klart senast",
      "Försenad mot datum",
      "Planerat klart",
    ]);
    expect(sheet.rowCount).toBe(1 + r.summary.open);
    expect(sheet.autoFilter).toBeTruthy();
    expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    const rows = Array.from({ length: sheet.rowCount - 1 }, (_, i) => sheet.getRow(i + 2));
    expect(rows.map((x) => x.getCell(1).value)).toEqual(["Kommunfullmäktige", "Kommunstyrelsen", "Kommunstyrelsen"]);
    const delayed = rows.find((x) => x.getCell(5).value === "Utreda gång- och cykelväg till Norrskolan")!;
    expect(delayed.getCell(2).value).toEqual(day("2026-02-09"));
    expect(delayed.getCell(2).numFmt).toBe("yyyy-mm-dd");
    expect(delayed.getCell(4).value).toBe("KS 2026/0042");
    expect(delayed.getCell(6).value).toBe("Kommunledningskontoret, Tekniska förvaltningen");
    expect(delayed.getCell(7).value).toBe("Försenad");
    expect(delayed.getCell(8).value).toBe("Väntar på Trafikverkets yttrande");
    expect(delayed.getCell(9).value).toEqual(day("2026-10-31"));
    expect(delayed.getCell(9).numFmt).toBe("yyyy-mm-dd");
    expect(delayed.getCell(10).value).toBe("Ja");
    expect(delayed.getCell(11).value).toEqual(day("2027-03-31"));
    // Without a deadline or a planned completion that has passed: not late.
    expect(rows.filter((x) => x !== delayed).map((x) => x.getCell(10).value)).toEqual(["", ""]);
    expect(typeof delayed.getCell(3).value).toBe("number");

    const closed = wb.worksheets[1];
    expect(closed.getRow(1).values).toEqual([undefined, "Organ", "Beslutsdatum", "§", "Dnr", "Uppdrag", "Ansvarig enhet", "Status", "Avslutat", "Klart senast", "Kommentar"]);
    expect(closed.rowCount).toBe(3);
    expect(closed.getRow(2).getCell(5).value).toBe("Bygga ett nytt badhus");
    expect(closed.getRow(2).getCell(7).value).toBe("Genomförs ej");
    expect(closed.getRow(2).getCell(8).value).toEqual(day("2026-12-31"));
  });

  it("Word: title, municipality, Swedish date, summary and a table per body; page numbers in the footer; Swedish language", async () => {
    const r = await report();
    const files = unzip(await renderReportDocx(r));
    const document = files.get("word/document.xml")!.toString("utf8");
    const text = document.replace(/<w:tab\/>/g, "\t").replace(/<[^>]+>/g, "");
    for (const expected of [
      "Redovisning av ej verkställda beslut",
      "Rapportkommun",
      "Redovisning per 31 december 2026",
      "Föregående redovisning: 30 juni 2026",
      "Sammanfattning",
      "Totalt ej verkställda",
      "Kommunfullmäktige (KF)",
      "Kommunstyrelsen (KS)",
      "Utreda gång- och cykelväg till Norrskolan",
      "Väntar på Trafikverkets yttrande",
      "2027-03-31",
      "Verkställda och avslutade sedan föregående redovisning (30 juni 2026)",
      "Bygga ett nytt badhus",
      "Revidera arvodesreglementet",
      "2 uppdrag har avslutats sedan föregående redovisning den 30 juni 2026: 1 verkställt och 1 som inte genomförs.",
      "Klart senast",
      "2026-10-31Försenad mot datum",
      "1 av de 3 ej verkställda uppdragen är försenat mot datum",
    ]) {
      expect(text).toContain(expected);
    }
    // Not in the report: decided later, closed before the period, another body's.
    for (const absent of ["Ta fram en lokalförsörjningsplan", "Införa digitala möteshandlingar", "Se över delegationsordningen", "Annan kommuns uppdrag"]) {
      expect(text).not.toContain(absent);
    }
    // Body order: KF's table before KS's.
    expect(text.indexOf("Kommunfullmäktige (KF)")).toBeLessThan(text.indexOf("Kommunstyrelsen (KS)"));
    expect(document).toContain('w:orient="landscape"');
    // Every table's first row is a header row Word repeats on each page, and no row splits across pages.
    const tables = document.split("<w:tbl>").slice(1);
    expect(tables.length).toBe(4); // summary, KF, KS, closed since
    for (const t of tables) expect(t.slice(0, t.indexOf("</w:tr>"))).toContain("<w:tblHeader/>");
    for (const t of tables.slice(1)) expect(t.match(/<w:tr>/g)!.length).toBe(t.match(/<w:cantSplit\/>/g)!.length);

    const footer = [...files.entries()].filter(([name]) => /^word\/footer\d*\.xml$/.test(name)).map(([, b]) => b.toString("utf8")).join("");
    expect(footer).toContain("PAGE");
    expect(footer).toContain("NUMPAGES");
    expect(footer.replace(/<[^>]+>/g, "")).toContain("31 december 2026");
    expect(files.get("word/styles.xml")!.toString("utf8")).toMatch(/<w:lang w:val="sv-SE"/);
    expect(files.get("docProps/core.xml")!.toString("utf8")).toContain("Redovisning av ej verkställda beslut per 31 december 2026");
    // Made after the report date: no warning.
    expect(text).not.toContain("Observera");
  });

  it("Word and PDF/print made before the report date is over: warned on the first page and in the footer, the figures as of then", async () => {
    const early = await buildReport(scopedFor(db.prisma, w.actors.ADMINISTRATOR), w.actors.ADMINISTRATOR, { asOf: ASOF }, new Date("2026-12-06T09:30:00Z"));
    const files = unzip(await renderReportDocx(early));
    const text = files.get("word/document.xml")!.toString("utf8").replace(/<[^>]+>/g, "");
    expect(text).toContain("Observera: redovisningen är framtagen 6 dec. 2026 10:30, innan redovisningsdagen den 31 december 2026 är slut.");
    expect(text).toContain("som inte var verkställda när redovisningen togs fram, 6 dec. 2026 10:30");
    expect(text).not.toContain("vid dagens slut den 31 december 2026, med status");
    const footer = [...files.entries()].filter(([name]) => /^word\/footer\d*\.xml$/.test(name)).map(([, b]) => b.toString("utf8")).join("");
    expect(footer.replace(/<[^>]+>/g, "")).toContain("läget 6 dec. 2026 10:30, före redovisningsdagen");
    // Late as the list sees it that day: the deadline 31 October had passed.
    const row = early.open.flatMap((g) => g.rows).find((x) => x.uppdragId === ids.delayedThenDone)!;
    expect(row).toMatchObject({ deadline: day("2026-10-31"), late: true });
  });

  it("JSON: the rows and the summary with ISO dates", async () => {
    const r = await report();
    const json = JSON.parse(reportToJson(r)) as PlainReport;
    expect(json).toMatchObject({ asOf: "2026-12-31", previous: "2026-06-30", generatedAt: "2027-01-20T10:15:00.000Z", municipality: { name: "Rapportkommun" } });
    expect(json.summary.open).toBe(3);
    const row = json.open[1].rows.find((x) => x.uppdragId === ids.delayedThenDone)!;
    expect(row).toMatchObject({ decidedOn: "2026-02-09", status: "DELAYED", statusLabel: "Försenad", plannedCompletion: "2027-03-31", deadline: "2026-10-31", late: true, body: { shortName: "KS" } });
    expect(json.summary.late).toBe(1);
    expect(json.closedSince.map((x) => x.closedOn)).toEqual(["2026-12-31", "2026-09-01"]);
  });
});
