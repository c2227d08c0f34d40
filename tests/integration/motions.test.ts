// Motioner och medborgarförslag (issue #17): registering, remiss and beredning
// with the version checked, KF's answer at a KF paragraph, uppdrag from a bifallen
// motion, the append-only history, other municipalities refused, and the list of
// obesvarade motioner as of a date in its formats, fastställd and compared.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import ExcelJS from "exceljs";
import { openTestDatabase, scopedFor } from "../support/db";
import { buildWorld, type World } from "../support/world";
import type { Database } from "@/server/db/connect";
import { createMeeting, createMotion, createParagraph, day } from "@/server/seed/factories";
import { ForbiddenError, NotFoundError, type Actor } from "@/server/permissions";
import { RefusedError, StaleRecordError } from "@/server/errors";
import { registerMotion } from "@/server/motions/register";
import { answerMotion, changeMotionState } from "@/server/motions/change-state";
import { createUppdragFromMotion, linkUppdragToMotion } from "@/server/motions/uppdrag";
import { getMotion, listMotions } from "@/server/motions/read";
import { buildMotionReportFor } from "@/server/report/motions/build";
import { motionReportToPlain, plainToMotionReport } from "@/server/report/motions/json";
import { motionReportToXlsx } from "@/server/report/motions/xlsx";
import { renderMotionReportDocx } from "@/server/report/motions/docx";
import { renderMotionReportHtml } from "@/server/report/motions/html";
import { compareFrozenMotionReports, freezeMotionReport, getFrozenMotionReport, listFrozenMotionReports } from "@/server/report/motions/frozen";
import { AlreadyFrozenError, getFrozenReportPdf, listFrozenReports } from "@/server/report/frozen";
import { answerMotionSchema, changeMotionStateSchema, motionUppdragSchema, registerMotionSchema } from "@/lib/validation/motion";

let db: Database;
let w: World;
let other: World;
/** Kommunfullmäktige's secretary (the world's own secretary serves KS only). */
let kfSecretary: Actor;
beforeAll(async () => {
  db = await openTestDatabase();
  w = await buildWorld(db.prisma, "Motionsby");
  other = await buildWorld(db.prisma, "Grannkommun");
  kfSecretary = { ...w.actors.SEKRETERARE, secretaryOf: [w.kf.id] };
}, 60_000);
afterAll(async () => db?.close());

const as = (a: Actor) => scopedFor(db.prisma, a);
const NOW = new Date("2026-12-06T12:00:00Z");
/** A change saved after the registration (events of one motion are ordered by when they were saved). */
const LATER = new Date("2026-12-06T12:05:00Z");
const register = (over: Record<string, string> = {}) =>
  registerMotion(
    as(kfSecretary),
    kfSecretary,
    registerMotionSchema.parse({ kind: "MOTION", title: "Motion om cykelbanor", proposers: "Anna Ek (S)\nBo Lind (M)", raisedOn: "2024-03-25", raisedAtNumber: "12", dnr: "KS 2024/90", ...over }),
    NOW,
  );
const version = async (id: string) => (await db.prisma.motion.findUniqueOrThrow({ where: { id }, select: { version: true } })).version;

describe("registering", () => {
  it("writes the motion, its first history event and the audit event; the KF § it was väckt at is linked", async () => {
    const { id } = await register();
    const m = await getMotion(as(w.actors.LEDAMOT), w.actors.LEDAMOT, id, NOW);
    expect(m).toMatchObject({ kind: "MOTION", state: "VACKT", dnr: "KS 2024/90", proposersText: "Anna Ek (S), Bo Lind (M)", version: 1 });
    expect(m.raisedAtParagraph?.id).toBe(w.p2.id);
    expect(m.events.map((e) => e.state)).toEqual(["VACKT"]);
    expect(m.clock?.overAYear).toBe(true);
    expect(m.clockText).toBe("Över ett år (986 dagar)");
    const audit = await db.prisma.auditEvent.findFirstOrThrow({ where: { entity: "Motion", entityId: id } });
    expect(audit).toMatchObject({ action: "motion.register", actorId: kfSecretary.userId, municipalityId: w.municipality.id });
  });

  it("keeps no name of a medborgarförslag anonymised on request, not even in the audit log", async () => {
    const { id } = await register({ kind: "MEDBORGARFORSLAG", title: "Bänkar i parken", proposers: "Hemlig Person", anonymised: "1" });
    const row = await db.prisma.motion.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ anonymised: true, proposers: [] });
    const audit = await db.prisma.auditEvent.findFirstOrThrow({ where: { entityId: id } });
    expect(JSON.stringify(audit.after)).not.toContain("Hemlig");
    expect((await getMotion(as(w.actors.LEDAMOT), w.actors.LEDAMOT, id)).proposersText).toBe("Anonymiserad på begäran");
    expect(registerMotionSchema.safeParse({ kind: "MOTION", title: "X", proposers: "", anonymised: "1", raisedOn: "2026-01-01" }).success).toBe(false);
  });

  it("is for kommunfullmäktige's secretaries and administrators only", async () => {
    const input = registerMotionSchema.parse({ kind: "MOTION", title: "Nej", proposers: "A (S)", raisedOn: "2026-01-01" });
    for (const a of [w.actors.SEKRETERARE, w.actors.LEDAMOT, w.actors.HANDLAGGARE]) await expect(registerMotion(as(a), a, input)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(registerMotion(as(w.actors.ADMINISTRATOR), w.actors.ADMINISTRATOR, input)).resolves.toHaveProperty("id");
  });
});

describe("remiss, beredning and KF's answer", () => {
  it("changes the state with the version checked: a stale form is refused and nothing is saved", async () => {
    const { id } = await register();
    const input = (v: number) =>
      changeMotionStateSchema.parse({ motionId: id, expectedVersion: String(v), state: "REMITTERAD", on: "2024-04-08", preparingBodyId: w.ks.id, preparationNote: "Remitterad till KS." });
    await changeMotionState(as(kfSecretary), kfSecretary, input(1), LATER);
    expect(await version(id)).toBe(2);
    const err = await changeMotionState(as(kfSecretary), kfSecretary, input(1), LATER).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StaleRecordError);
    expect((err as StaleRecordError).change).toMatch(/Remitterad/);
    const m = await db.prisma.motion.findUniqueOrThrow({ where: { id }, select: { version: true, state: true, preparingBodyId: true, _count: { select: { events: true } } } });
    expect(m).toEqual({ version: 2, state: "REMITTERAD", preparingBodyId: w.ks.id, _count: { events: 2 } });
    expect(await db.prisma.auditEvent.count({ where: { entityId: id, action: "motion.state" } })).toBe(1);
  });

  it("links KF's answer to its paragraph; a KS paragraph is refused; a decided motion is not changed again", async () => {
    const { id } = await register();
    const answer = (paragraphId: string, v = 1) => answerMotionSchema.parse({ motionId: id, expectedVersion: String(v), decision: "DELVIS_BIFALLEN", paragraphId });
    const wrong = await answerMotion(as(kfSecretary), kfSecretary, answer(w.p1.id)).catch((e: unknown) => e);
    expect(wrong).toBeInstanceOf(RefusedError);
    expect((wrong as RefusedError).field).toBe("paragraphId");
    await answerMotion(as(kfSecretary), kfSecretary, answer(w.p2.id), LATER);
    const m = await getMotion(as(w.actors.LEDAMOT), w.actors.LEDAMOT, id, NOW);
    expect(m).toMatchObject({ state: "BESVARAD", outcome: "DELVIS_BIFALLEN", answeredOn: day("2024-03-25"), clock: null });
    expect(m.answeredAtParagraph?.id).toBe(w.p2.id);
    expect(m.events[0]).toMatchObject({ state: "BESVARAD", outcome: "DELVIS_BIFALLEN", paragraph: { number: 12 } });
    await expect(answerMotion(as(kfSecretary), kfSecretary, answer(w.p2.id, 2))).rejects.toBeInstanceOf(RefusedError);
  });

  it("keeps the history append-only in the database", async () => {
    const { id } = await register();
    await expect(db.prisma.motionEvent.updateMany({ where: { motionId: id }, data: { comment: "ändrad" } })).rejects.toThrow();
    await expect(db.prisma.motionEvent.deleteMany({ where: { motionId: id } })).rejects.toThrow();
  });
});

describe("uppdrag from a bifallen motion", () => {
  it("creates an ordinary uppdrag at the answering KF paragraph, linked back to the motion", async () => {
    const { id } = await register();
    await answerMotion(as(kfSecretary), kfSecretary, answerMotionSchema.parse({ motionId: id, expectedVersion: "1", decision: "BIFALLEN", paragraphId: w.p2.id }), LATER);
    const r = await createUppdragFromMotion(
      as(kfSecretary),
      kfSecretary,
      motionUppdragSchema.parse({ motionId: id, title: "Bygg cykelbanor", text: "", unitId: w.unitB.id, responsiblePerson: "", deadline: "2025-06-30" }),
      NOW,
    );
    const u = await db.prisma.uppdrag.findUniqueOrThrow({ where: { id: r.uppdragId }, select: { motionId: true, paragraphId: true, bodyId: true, status: true, decidedOn: true, unitNames: true } });
    expect(u).toEqual({ motionId: id, paragraphId: w.p2.id, bodyId: w.kf.id, status: "NOT_STARTED", decidedOn: day("2024-03-25"), unitNames: "Tekniska förvaltningen" });
    expect(await db.prisma.auditEvent.count({ where: { entityId: r.uppdragId, action: "motion.uppdrag.create" } })).toBe(1);
    // The KF uppdrag of the world's paragraph can be linked too; the motion shows both with their status.
    await linkUppdragToMotion(as(kfSecretary), kfSecretary, { motionId: id, uppdragId: w.kfUppdrag.id });
    const m = await getMotion(as(w.actors.LEDAMOT), w.actors.LEDAMOT, id);
    expect(m.uppdrag.map((x) => [x.title, x.status]).sort()).toEqual([["Bygg cykelbanor", "NOT_STARTED"], ["Ta fram en vägplan", "NOT_STARTED"]]);
    await expect(linkUppdragToMotion(as(kfSecretary), kfSecretary, { motionId: id, uppdragId: w.kfUppdrag.id })).rejects.toBeInstanceOf(RefusedError);
  });

  it("refuses uppdrag from a motion that was not bifallen", async () => {
    const { id } = await register();
    await answerMotion(as(kfSecretary), kfSecretary, answerMotionSchema.parse({ motionId: id, expectedVersion: "1", decision: "AVSLAGEN", paragraphId: w.p2.id }));
    await expect(
      createUppdragFromMotion(as(kfSecretary), kfSecretary, motionUppdragSchema.parse({ motionId: id, title: "Nej", text: "", unitId: w.unitA.id, responsiblePerson: "", deadline: "" })),
    ).rejects.toBeInstanceOf(RefusedError);
  });
});

describe("another municipality", () => {
  it("finds nothing of ours: reading and changing are refused as not found", async () => {
    const { id } = await register();
    const admin = other.actors.ADMINISTRATOR;
    await expect(getMotion(as(admin), admin, id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(changeMotionState(as(admin), admin, changeMotionStateSchema.parse({ motionId: id, expectedVersion: "1", state: "REMITTERAD" }))).rejects.toBeInstanceOf(NotFoundError);
    expect((await listMotions(as(admin), admin)).map((m) => m.id)).not.toContain(id);
    expect(await version(id)).toBe(1);
  });
});

describe("the list of obesvarade motioner och medborgarförslag as of a date", () => {
  let report: World;
  let admin: Actor;
  const ids: Record<string, string> = {};
  beforeAll(async () => {
    report = await buildWorld(db.prisma, "Rapportby");
    admin = report.actors.ADMINISTRATOR;
    const kfNov = await createMeeting(db.prisma, report.municipality.id, { bodyId: report.kf.id, date: "2026-11-23" });
    const kfMay = await createMeeting(db.prisma, report.municipality.id, { bodyId: report.kf.id, date: "2026-05-18" });
    const pNov = await createParagraph(db.prisma, report.municipality.id, kfNov, { number: 150, title: "Svar på motion om bad", decision: "Bifall." });
    const pMay = await createParagraph(db.prisma, report.municipality.id, kfMay, { number: 60, title: "Svar på medborgarförslag om bänkar", decision: "Avslag." });
    const mk = (key: string, o: Parameters<typeof createMotion>[2]) => createMotion(db.prisma, report.municipality.id, o).then((m) => (ids[key] = m.id));
    await mk("old", { title: "Gammal motion", proposers: [{ name: "A", party: "S" }], raisedOn: "2025-03-01", steps: [{ state: "UNDER_BEREDNING", on: "2025-05-01", preparationNote: "Utreds." }] });
    await mk("answeredAfter", {
      title: "Motion om bad",
      proposers: [{ name: "B", party: "M" }],
      raisedOn: "2026-02-01",
      steps: [{ state: "REMITTERAD", on: "2026-02-15", preparationNote: "Remitterad." }],
      answer: { paragraphId: pNov.id, on: "2026-11-23", outcome: "BIFALLEN" },
    });
    await mk("answeredBefore", { kind: "MEDBORGARFORSLAG", title: "Bänkar", proposers: [{ name: "C" }], raisedOn: "2026-01-10", answer: { paragraphId: pMay.id, on: "2026-05-18", outcome: "AVSLAGEN" } });
    await mk("later", { title: "Väckt efter datumet", proposers: [{ name: "D", party: "C" }], raisedOn: "2026-10-01" });
  });

  it("counts a motion answered after the date as obesvarad then, and one answered before as decided since the previous report", async () => {
    const r = await buildMotionReportFor(as(admin), admin, { asOf: day("2026-06-30") }, NOW);
    expect(r.previous).toEqual(day("2025-12-31"));
    const open = r.open.flatMap((g) => g.rows);
    expect(open.map((x) => x.motionId)).toEqual([ids.old, ids.answeredAfter]);
    expect(open[0]).toMatchObject({ overAYear: true, stateLabel: "Under beredning", preparationNote: "Utreds.", clockText: "Över ett år (486 dagar)" });
    expect(open[1]).toMatchObject({ overAYear: false, stateLabel: "Remitterad", daysLeft: 216 });
    expect(r.decidedSince.map((x) => [x.motionId, x.outcome, x.decidedOn])).toEqual([[ids.answeredBefore, "AVSLAGEN", day("2026-05-18")]]);
    expect(r.summary).toEqual({ open: 2, overAYear: 1, byKind: { MOTION: 2, MEDBORGARFORSLAG: 0 }, decidedSince: 1 });
    const december = await buildMotionReportFor(as(admin), admin, { asOf: day("2026-12-31") }, NOW);
    expect(december.open.flatMap((g) => g.rows).map((x) => x.motionId)).toEqual([ids.old, ids.later]);
    expect(december.decidedSince.map((x) => x.motionId)).toEqual([ids.answeredAfter]);
  });

  it("is produced by KF's secretaries and administrators only", async () => {
    await expect(buildMotionReportFor(as(report.actors.SEKRETERARE), report.actors.SEKRETERARE, {})).rejects.toBeInstanceOf(ForbiddenError);
    await expect(buildMotionReportFor(as(report.actors.LEDAMOT), report.actors.LEDAMOT, {})).rejects.toBeInstanceOf(ForbiddenError);
  });

  it("has the JSON, Excel, Word and HTML shapes, and the JSON reads back to the same report", async () => {
    const r = await buildMotionReportFor(as(admin), admin, { asOf: day("2026-06-30") }, NOW);
    const plain = motionReportToPlain(r);
    expect(Object.keys(plain)).toEqual(["report", "municipality", "asOf", "previous", "generatedAt", "summary", "open", "decidedSince"]);
    expect(plain.asOf).toBe("2026-06-30");
    expect(plain.open[0].rows[0]).toMatchObject({ title: "Gammal motion", raisedOn: "2025-03-01", oneYearOn: "2026-03-01", overAYear: true, state: "UNDER_BEREDNING", preparationNote: "Utreds." });
    expect(plainToMotionReport(JSON.parse(JSON.stringify(plain)))).toEqual(r);

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await motionReportToXlsx(r)) as unknown as ArrayBuffer);
    expect(wb.worksheets.map((s) => s.name)).toEqual(["Obesvarade", "Besvarade sedan 2025-12-31"]);
    const sheet = wb.worksheets[0];
    expect((sheet.getRow(1).values as string[]).slice(1)).toEqual([
      "Slag", "Väckt", "KF §", "Dnr", "Rubrik", "Förslagsställare", "Bereds av", "Handläggare", "Läge", "Ett år den", "Dagar kvar", "Över ett år", "Vad som har kommit fram vid beredningen",
    ]);
    expect(sheet.rowCount).toBe(3);
    expect(sheet.getRow(2).getCell(2).value).toEqual(day("2025-03-01"));
    expect(sheet.getRow(2).getCell(12).value).toBe("Ja");

    const docx = await renderMotionReportDocx(r);
    expect(docx.subarray(0, 2).toString()).toBe("PK");
    const html = renderMotionReportHtml(r);
    expect(html).toContain('<html lang="sv">');
    expect(html).toContain("Över ett år (486 dagar)");
    expect(html).toContain("kommunallagen 5 kap. 35 §");
  });

  it("is fastställd once per date with its PDF, kept apart from the report of ej verkställda beslut, and two are compared", async () => {
    const renderPdf = async () => Buffer.from("%PDF-1.7 motioner");
    const june = await freezeMotionReport(as(admin), admin, { asOf: day("2026-06-30"), note: "Anmäld till KF" }, { now: NOW, renderPdf });
    await expect(freezeMotionReport(as(admin), admin, { asOf: day("2026-06-30") }, { now: NOW, renderPdf })).rejects.toBeInstanceOf(AlreadyFrozenError);
    const dec = await freezeMotionReport(as(admin), admin, { asOf: day("2026-12-31") }, { now: NOW, renderPdf });
    expect((await listFrozenMotionReports(as(admin), admin)).map((x) => x.id)).toEqual([dec.id, june.id]);
    expect(await listFrozenReports(as(admin), admin)).toEqual([]);
    expect((await getFrozenReportPdf(as(admin), admin, june.id, "MOTIONER")).pdf.toString()).toBe("%PDF-1.7 motioner");
    await expect(getFrozenReportPdf(as(admin), admin, june.id)).rejects.toBeInstanceOf(NotFoundError);
    // Archived as it was: a later change does not reach it.
    await db.prisma.motion.update({ where: { id: ids.old }, data: { title: "Ändrad rubrik" } });
    const frozen = await getFrozenMotionReport(as(report.actors.LEDAMOT), report.actors.LEDAMOT, june.id);
    expect(frozen.report.open.flatMap((g) => g.rows)[0].title).toBe("Gammal motion");
    expect(await db.prisma.auditEvent.count({ where: { entityId: june.id, action: "report.freeze-motions" } })).toBe(1);

    const { comparison: c } = await compareFrozenMotionReports(as(admin), admin, dec.id, june.id);
    expect(c.earlier.asOf).toEqual(day("2026-06-30"));
    expect(c.added.map((x) => x.motionId)).toEqual([ids.later]);
    expect(c.decided.map((x) => [x.earlier.motionId, x.decided?.outcome])).toEqual([[ids.answeredAfter, "BIFALLEN"]]);
    expect(c.stillOpen.map((x) => x.later.motionId)).toEqual([ids.old]);
    expect(c.newlyOverAYear).toEqual([]);
  });
});
