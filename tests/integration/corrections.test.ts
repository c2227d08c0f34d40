// Correcting saved records (issue #16): a meeting, a paragraph and an uppdrag
// are corrected with a reason, one Correction row per changed field and an audit
// event, in one transaction; a stale version, a missing reason, another body or
// municipality is refused and changes nothing; the database refuses to change a
// correction; a fastställd report stays exactly as it was frozen.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase, scopedFor } from "../support/db";
import { buildWorld, type World } from "../support/world";
import type { Database } from "@/server/db/connect";
import { createBody, createMeeting, createParagraph, createUppdrag, day } from "@/server/seed/factories";
import { ForbiddenError, NotFoundError, type Actor } from "@/server/permissions";
import { RefusedError, StaleRecordError } from "@/server/errors";
import { correctMeeting, markJusterat } from "@/server/meetings/correct-meeting";
import { correctParagraph } from "@/server/meetings/correct-paragraph";
import { addMissedUppdrag, correctUppdrag } from "@/server/uppdrag/correct-uppdrag";
import { changeStatus } from "@/server/uppdrag/change-status";
import { listCorrections } from "@/server/corrections";
import { freezeReport } from "@/server/report/frozen";
import { getUppdrag } from "@/server/uppdrag/get-uppdrag";
import { addMissedUppdragSchema, correctMeetingSchema, correctParagraphSchema, correctUppdragSchema, markJusteratSchema } from "@/lib/validation/correction";

let db: Database;
let w: World;
let other: World;
beforeAll(async () => {
  db = await openTestDatabase();
  w = await buildWorld(db.prisma, "Rättelseby");
  other = await buildWorld(db.prisma, "Grannkommun");
}, 60_000);
afterAll(async () => db?.close());

const as = (a: Actor) => scopedFor(db.prisma, a);
let n = 0;
/** A KS meeting not yet justerat, with one paragraph and one uppdrag of unit A. */
async function fresh(date = `20${10 + ++n}-04-0${1 + (n % 8)}`) {
  const meeting = await createMeeting(db.prisma, w.municipality.id, { bodyId: w.ks.id, date, place: "KS-salen", approved: false });
  const paragraph = await createParagraph(db.prisma, w.municipality.id, meeting, { number: 100 + n, dnr: "KS 2024/12", title: "Skolskjuts", decision: "KS ger KLK i uppdrag att utreda skolskjutsen." });
  const uppdrag = await createUppdrag(db.prisma, w.municipality.id, { paragraph, decidedOn: date, title: "Utred skolskjutsen", text: "Utred skolskjutsen.", unitIds: [w.unitA.id] });
  return { meeting, paragraph, uppdrag };
}

const paragraphInput = (id: string, over: Record<string, string> = {}) =>
  correctParagraphSchema.parse({ paragraphId: id, expectedVersion: "1", number: "201", dnr: "KS 2024/00744", title: "Skolskjuts i hela kommunen", decision: "KS ger KLK i uppdrag att utreda skolskjutsen.", basis: "", sentTo: "KLK", reason: "Tolkningen läste fel Dnr.", ...over });

describe("correcting a paragraph", () => {
  it("writes one correction row per changed field, the audit event, and rebuilds the uppdrag's search text", async () => {
    const { paragraph, uppdrag } = await fresh();
    const r = await correctParagraph(as(w.actors.SEKRETERARE), w.actors.SEKRETERARE, paragraphInput(paragraph.id));
    expect(r.version).toBe(2);
    const p = await db.prisma.paragraph.findUniqueOrThrow({ where: { id: paragraph.id } });
    expect(p).toMatchObject({ number: 201, dnr: "KS 2024/00744", dnrKey: "ks202400744", title: "Skolskjuts i hela kommunen", sentTo: ["KLK"], version: 2 });
    const rows = await listCorrections(as(w.actors.LEDAMOT), [{ entity: "Paragraph", entityId: paragraph.id }]);
    expect(rows.map((c) => [c.field, c.before, c.after]).sort()).toEqual([
      ["dnr", "KS 2024/12", "KS 2024/00744"],
      ["number", String(paragraph.number), "201"],
      ["sentTo", null, "KLK"],
      ["title", "Skolskjuts", "Skolskjuts i hela kommunen"],
    ].sort());
    expect(new Set(rows.map((c) => c.batchId)).size).toBe(1);
    expect(rows.every((c) => c.reason === "Tolkningen läste fel Dnr." && c.authorName === w.actors.SEKRETERARE.name)).toBe(true);
    const audit = await db.prisma.auditEvent.findFirstOrThrow({ where: { entityId: paragraph.id, action: "paragraph.correct" } });
    expect(audit.actorId).toBe(w.actors.SEKRETERARE.userId);
    expect(audit.after).toMatchObject({ dnr: "KS 2024/00744", reason: "Tolkningen läste fel Dnr." });
    expect((await db.prisma.uppdrag.findUniqueOrThrow({ where: { id: uppdrag.id } })).searchDocument).toContain("KS 2024/00744");
  });

  it("corrects the beslutsunderlag, one document a line", async () => {
    const { paragraph } = await fresh();
    await correctParagraph(as(w.actors.SEKRETERARE), w.actors.SEKRETERARE, paragraphInput(paragraph.id, { number: String(700 + n), basis: "KLK:s skrivelse 2024-03-01\n Remissvar från TF " }));
    expect((await db.prisma.paragraph.findUniqueOrThrow({ where: { id: paragraph.id } })).basis).toEqual(["KLK:s skrivelse 2024-03-01", "Remissvar från TF"]);
    const rows = await listCorrections(as(w.actors.LEDAMOT), [{ entity: "Paragraph", entityId: paragraph.id }]);
    expect(rows.find((c) => c.field === "basis")?.after).toBe("KLK:s skrivelse 2024-03-01\nRemissvar från TF");
  });

  it("refuses a stale version with what the other person changed, and changes nothing", async () => {
    const { paragraph } = await fresh();
    await correctParagraph(as(w.actors.ADMINISTRATOR), w.actors.ADMINISTRATOR, paragraphInput(paragraph.id, { title: "Första rättelsen", number: String(300 + n) }));
    const before = await db.prisma.paragraph.findUniqueOrThrow({ where: { id: paragraph.id } });
    const countBefore = await db.prisma.correction.count({ where: { entityId: paragraph.id } });
    const err = await correctParagraph(as(w.actors.SEKRETERARE), w.actors.SEKRETERARE, paragraphInput(paragraph.id, { title: "Andra rättelsen", number: String(400 + n) })).catch((e) => e);
    expect(err).toBeInstanceOf(StaleRecordError);
    expect(err.change).toContain(w.actors.ADMINISTRATOR.name);
    expect(err.change).toContain("Första rättelsen");
    expect(await db.prisma.paragraph.findUniqueOrThrow({ where: { id: paragraph.id } })).toEqual(before);
    expect(await db.prisma.correction.count({ where: { entityId: paragraph.id } })).toBe(countBefore);
  });

  it("requires a reason, refuses a number taken in the year, and refuses a correction that changes nothing", async () => {
    const { paragraph } = await fresh();
    const noReason = correctParagraphSchema.safeParse({ paragraphId: paragraph.id, expectedVersion: "1", number: "1", dnr: "", title: "T", decision: "B", sentTo: "", reason: "  " });
    expect(noReason.success).toBe(false);
    expect(noReason.error?.issues.map((i) => i.path.join("."))).toContain("reason");
    const p = await db.prisma.paragraph.findUniqueOrThrow({ where: { id: paragraph.id } });
    const same = paragraphInput(paragraph.id, { number: String(p.number), dnr: p.dnr!, title: p.title, decision: p.decision, sentTo: "" });
    await expect(correctParagraph(as(w.actors.SEKRETERARE), w.actors.SEKRETERARE, same)).rejects.toBeInstanceOf(RefusedError);
    // § 41 of 2024 is w.p1's; move this paragraph's meeting year aside: a fresh one in 2024 is needed.
    const m2024 = await createMeeting(db.prisma, w.municipality.id, { bodyId: w.ks.id, date: "2024-09-02", approved: false });
    const p2024 = await createParagraph(db.prisma, w.municipality.id, m2024, { number: 77, title: "Något", decision: "Beslut." });
    const taken = await correctParagraph(as(w.actors.SEKRETERARE), w.actors.SEKRETERARE, paragraphInput(p2024.id, { number: "41" })).catch((e) => e);
    expect(taken).toBeInstanceOf(RefusedError);
    expect(taken.field).toBe("number");
    expect(await db.prisma.correction.count({ where: { entityId: { in: [paragraph.id, p2024.id] } } })).toBe(0);
  });

  it("is refused to a member, a handläggare, a secretary of another body and another municipality", async () => {
    const { paragraph } = await fresh();
    for (const role of ["LEDAMOT", "HANDLAGGARE"] as const) await expect(correctParagraph(as(w.actors[role]), w.actors[role], paragraphInput(paragraph.id))).rejects.toBeInstanceOf(ForbiddenError);
    const kfSecretary: Actor = { ...w.actors.SEKRETERARE, secretaryOf: [w.kf.id] };
    await expect(correctParagraph(as(kfSecretary), kfSecretary, paragraphInput(paragraph.id))).rejects.toBeInstanceOf(ForbiddenError);
    await expect(correctParagraph(as(other.actors.ADMINISTRATOR), other.actors.ADMINISTRATOR, paragraphInput(paragraph.id))).rejects.toBeInstanceOf(NotFoundError);
    expect(await db.prisma.correction.count({ where: { entityId: paragraph.id } })).toBe(0);
  });
});

describe("correcting a meeting and marking justering", () => {
  it("carries a corrected date to the paragraphs' year and the uppdrag's decision date", async () => {
    const { meeting, paragraph, uppdrag } = await fresh("2031-05-05");
    const input = correctMeetingSchema.parse({ meetingId: meeting.id, expectedVersion: "1", bodyId: w.ks.id, date: "2032-05-06", place: "Stora salen", startTime: "9.00", endTime: "", reason: "Fel år i protokollet." });
    await correctMeeting(as(w.actors.SEKRETERARE), w.actors.SEKRETERARE, input);
    expect(await db.prisma.meeting.findUniqueOrThrow({ where: { id: meeting.id } })).toMatchObject({ date: day("2032-05-06"), place: "Stora salen", startTime: "09:00", version: 2 });
    expect((await db.prisma.paragraph.findUniqueOrThrow({ where: { id: paragraph.id } })).year).toBe(2032);
    expect((await db.prisma.uppdrag.findUniqueOrThrow({ where: { id: uppdrag.id } })).decidedOn).toEqual(day("2032-05-06"));
    const rows = await listCorrections(as(w.actors.LEDAMOT), [{ entity: "Meeting", entityId: meeting.id }]);
    expect(rows.map((c) => c.field).sort()).toEqual(["date", "place", "startTime"]);
  });

  it("moves a meeting to another body only for one who may correct both", async () => {
    const nämnd = await createBody(db.prisma, w.municipality.id, { name: "Barn- och utbildningsnämnden", shortName: `BUN${++n}`, kind: "NAMND" });
    const { meeting } = await fresh();
    const input = correctMeetingSchema.parse({ meetingId: meeting.id, expectedVersion: "1", bodyId: nämnd.id, date: "2033-01-01", place: "", startTime: "", endTime: "", reason: "Fel organ." });
    await expect(correctMeeting(as(w.actors.SEKRETERARE), w.actors.SEKRETERARE, input)).rejects.toBeInstanceOf(ForbiddenError);
    await correctMeeting(as(w.actors.ADMINISTRATOR), w.actors.ADMINISTRATOR, input);
    const u = await db.prisma.uppdrag.findFirstOrThrow({ where: { paragraph: { meetingId: meeting.id } } });
    expect(u.bodyId).toBe(nämnd.id);
  });

  it("marks the protocol justerat with the day and who justerade it; correcting it later needs a reason", async () => {
    const { meeting, uppdrag } = await fresh("2025-11-03");
    const sek = w.actors.SEKRETERARE;
    await expect(markJusterat(as(sek), sek, markJusteratSchema.parse({ meetingId: meeting.id, expectedVersion: "1", approvedOn: "2025-11-01", approvedBy: "Anna Ek" }))).rejects.toBeInstanceOf(RefusedError);
    await markJusterat(as(sek), sek, markJusteratSchema.parse({ meetingId: meeting.id, expectedVersion: "1", approvedOn: "2025-11-10", approvedBy: "Anna Ek, Bo Lind" }));
    expect(await db.prisma.meeting.findUniqueOrThrow({ where: { id: meeting.id } })).toMatchObject({ protocolState: "APPROVED", approvedOn: day("2025-11-10"), approvedBy: "Anna Ek, Bo Lind", approvedById: sek.userId, version: 2 });
    const again = markJusteratSchema.parse({ meetingId: meeting.id, expectedVersion: "2", approvedOn: "2025-11-11", approvedBy: "Anna Ek, Bo Lind" });
    expect((await markJusterat(as(sek), sek, again).catch((e) => e)).field).toBe("reason");
    await markJusterat(as(sek), sek, { ...again, reason: "Fel justeringsdag." });
    // The uppdrag page shows the meeting's corrections too.
    const shown = await listCorrections(as(w.actors.LEDAMOT), [{ entity: "Uppdrag", entityId: uppdrag.id }, { entity: "Meeting", entityId: meeting.id }]);
    expect(shown.map((c) => [c.field, c.after, c.reason])).toEqual([
      ["approvedOn", "2025-11-11", "Fel justeringsdag."],
      ["approvedOn", "2025-11-10", "Protokollet är justerat."],
      ["approvedBy", "Anna Ek, Bo Lind", "Protokollet är justerat."],
    ]);
    expect(await db.prisma.auditEvent.count({ where: { entityId: meeting.id, action: "meeting.justera" } })).toBe(2);
  });
});

const input = (id: string, version: number, over: Record<string, unknown> = {}) =>
  correctUppdragSchema.parse({ uppdragId: id, expectedVersion: String(version), title: "Utred skolskjutsen i hela kommunen", text: "Utred skolskjutsen.", unitIds: [w.unitA.id, w.unitB.id], responsiblePerson: "", deadline: "2026-03-31", reason: "Tolkningen missade datumet.", ...over });

describe("correcting an uppdrag", () => {

  it("changes title, units and deadline with one correction row per field; the history lists them", async () => {
    const { uppdrag } = await fresh();
    await correctUppdrag(as(w.actors.SEKRETERARE), w.actors.SEKRETERARE, input(uppdrag.id, 1));
    const u = await getUppdrag(as(w.actors.LEDAMOT), w.actors.LEDAMOT, uppdrag.id);
    expect(u).toMatchObject({ title: "Utred skolskjutsen i hela kommunen", deadline: day("2026-03-31"), version: 2 });
    expect(u!.units.map((x) => x.unit.name).sort()).toEqual(["Kommunledningskontoret", "Tekniska förvaltningen"]);
    const rows = await listCorrections(as(w.actors.LEDAMOT), [{ entity: "Uppdrag", entityId: uppdrag.id }]);
    expect(rows.map((c) => [c.field, c.before, c.after]).sort()).toEqual([
      ["deadline", null, "2026-03-31"],
      ["title", "Utred skolskjutsen", "Utred skolskjutsen i hela kommunen"],
      ["units", "Kommunledningskontoret", "Kommunledningskontoret, Tekniska förvaltningen"],
    ]);
    expect(await db.prisma.auditEvent.count({ where: { entityId: uppdrag.id, action: "uppdrag.correct" } })).toBe(1);
  });

  it("shares the version with status changes: a correction after someone's status change is refused with that change", async () => {
    const { uppdrag } = await fresh();
    await changeStatus(as(w.actors.HANDLAGGARE), w.actors.HANDLAGGARE, { uppdragId: uppdrag.id, expectedVersion: 1, status: "IN_PROGRESS", comment: "Vi har börjat.", plannedCompletion: null, reportedAtMeetingId: null });
    const err = await correctUppdrag(as(w.actors.SEKRETERARE), w.actors.SEKRETERARE, input(uppdrag.id, 1)).catch((e) => e);
    expect(err).toBeInstanceOf(StaleRecordError);
    expect(err.change).toMatch(/ändrade status till ”Pågår”.*Vi har börjat/);
    expect((await db.prisma.uppdrag.findUniqueOrThrow({ where: { id: uppdrag.id } })).title).toBe("Utred skolskjutsen");
    expect(await db.prisma.correction.count({ where: { entityId: uppdrag.id } })).toBe(0);
  });

  it("is refused to a handläggare of the responsible unit and to another municipality", async () => {
    const { uppdrag } = await fresh();
    await expect(correctUppdrag(as(w.actors.HANDLAGGARE), w.actors.HANDLAGGARE, input(uppdrag.id, 1))).rejects.toBeInstanceOf(ForbiddenError);
    await expect(correctUppdrag(as(other.actors.ADMINISTRATOR), other.actors.ADMINISTRATOR, input(uppdrag.id, 1))).rejects.toBeInstanceOf(NotFoundError);
    // Another municipality's unit is not found either.
    await expect(correctUppdrag(as(w.actors.ADMINISTRATOR), w.actors.ADMINISTRATOR, input(uppdrag.id, 1, { unitIds: [other.unitA.id] }))).rejects.toBeInstanceOf(NotFoundError);
  });

  it("adds a missed uppdrag to a saved paragraph, listed among the paragraph's corrections", async () => {
    const { paragraph, meeting } = await fresh();
    const r = await addMissedUppdrag(
      as(w.actors.SEKRETERARE),
      w.actors.SEKRETERARE,
      addMissedUppdragSchema.parse({ paragraphId: paragraph.id, title: "Redovisa kostnaderna", text: "", unitId: w.unitB.id, responsiblePerson: "", deadline: "2026-06-30", reason: "Tolkningen missade uppdraget." }),
    );
    const u = await db.prisma.uppdrag.findUniqueOrThrow({ where: { id: r.uppdragId }, include: { history: true } });
    expect(u).toMatchObject({ paragraphId: paragraph.id, decidedOn: meeting.date, title: "Redovisa kostnaderna", unitNames: "Tekniska förvaltningen", status: "NOT_STARTED" });
    expect(u.history).toHaveLength(1);
    const rows = await listCorrections(as(w.actors.LEDAMOT), [{ entity: "Paragraph", entityId: paragraph.id }]);
    expect(rows.map((c) => [c.field, c.after, c.reason])).toEqual([["uppdrag", "Redovisa kostnaderna", "Tolkningen missade uppdraget."]]);
    await expect(addMissedUppdrag(as(w.actors.HANDLAGGARE), w.actors.HANDLAGGARE, { ...addMissedUppdragSchema.parse({ paragraphId: paragraph.id, title: "X", text: "", unitId: w.unitA.id, responsiblePerson: "", deadline: "", reason: "x" }) })).rejects.toBeInstanceOf(ForbiddenError);
  });
});

describe("history is kept", () => {
  it("the database refuses to change or delete a correction", async () => {
    const { paragraph } = await fresh();
    await correctParagraph(as(w.actors.SEKRETERARE), w.actors.SEKRETERARE, paragraphInput(paragraph.id, { number: String(500 + n) }));
    const row = await db.prisma.correction.findFirstOrThrow({ where: { entityId: paragraph.id } });
    await expect(db.prisma.correction.update({ where: { id: row.id }, data: { reason: "Annat" } })).rejects.toThrow(/append-only/);
    await expect(db.prisma.correction.delete({ where: { id: row.id } })).rejects.toThrow(/append-only/);
  });

  it("a fastställd report stays byte-identical after the records in it are corrected", async () => {
    const { paragraph, uppdrag, meeting } = await fresh("2026-02-02");
    const renderPdf = async () => Buffer.from("%PDF-1.7 corrections");
    const admin = w.actors.ADMINISTRATOR;
    const { id } = await freezeReport(as(admin), admin, { asOf: day("2026-06-30"), bodyIds: [w.ks.id] }, { renderPdf });
    const frozenBefore = await db.prisma.frozenReport.findUniqueOrThrow({ where: { id } });
    expect(JSON.stringify(frozenBefore.data)).toContain("Utred skolskjutsen");
    await correctParagraph(as(admin), admin, paragraphInput(paragraph.id, { number: String(600 + n), dnr: "KS 2026/99" }));
    await correctUppdrag(as(admin), admin, input(uppdrag.id, 1, { title: "Helt ny rubrik" }));
    await correctMeeting(as(admin), admin, correctMeetingSchema.parse({ meetingId: meeting.id, expectedVersion: "1", bodyId: w.ks.id, date: "2026-02-03", place: "", startTime: "", endTime: "", reason: "Fel dag." }));
    const frozenAfter = await db.prisma.frozenReport.findUniqueOrThrow({ where: { id } });
    expect(JSON.stringify(frozenAfter.data)).toBe(JSON.stringify(frozenBefore.data));
    expect(Buffer.from(frozenAfter.pdf).equals(Buffer.from(frozenBefore.pdf))).toBe(true);
    expect(frozenAfter.pdfSha256).toBe(frozenBefore.pdfSha256);
    expect(JSON.stringify(frozenAfter.data)).not.toContain("Helt ny rubrik");
  });
});
