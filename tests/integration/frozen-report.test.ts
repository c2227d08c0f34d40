// Fastställda reports: archived exactly as frozen (data and PDF), refused twice,
// unchangeable in the database, readable by everyone in the municipality and by
// no one outside it; two of them compared; the default bodies a setting.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHash } from "node:crypto";
import { openTestDatabase, scopedFor } from "../support/db";
import { buildWorld, type World } from "../support/world";
import type { Database } from "@/server/db/connect";
import { createBody, createMeeting, createParagraph, createUppdrag, day } from "@/server/seed/factories";
import { changeStatus } from "@/server/uppdrag/change-status";
import { ForbiddenError, NotFoundError } from "@/server/permissions";
import { buildReport } from "@/server/report/build-report";
import { AlreadyFrozenError, compareFrozenReports, freezeReport, getFrozenReport, getFrozenReportPdf, listFrozenReports } from "@/server/report/frozen";
import { setReportBodies } from "@/server/report/report-bodies";
import { reportToPlain } from "@/server/report/json";
import type { Report } from "@/lib/report/point-in-time";

let db: Database;
let w: World;
let other: World;
let postponed: string;
let fresh: string;

// A stand-in printer: these tests are about archiving; tests/integration/report.test.ts
// and the end-to-end test print real PDFs through Chromium.
const printed: Report[] = [];
const renderPdf = async (r: Report) => {
  printed.push(r);
  return Buffer.from(`%PDF-1.7 test ${r.municipality.slug} ${r.asOf.toISOString()} ${r.summary.open}`);
};
const JUNE = { asOf: day("2026-06-30") };
const DECEMBER = { asOf: day("2026-12-31") };

beforeAll(async () => {
  db = await openTestDatabase();
  w = await buildWorld(db.prisma, "Fastställkommun");
  other = await buildWorld(db.prisma, "Annan kommun");
  const m = w.municipality.id;
  const add = async (number: number, title: string, decidedOn: string, history: Parameters<typeof createUppdrag>[2]["history"]) => {
    const meeting = await createMeeting(db.prisma, m, { bodyId: w.ks.id, date: decidedOn });
    const p = await createParagraph(db.prisma, m, meeting, { number, dnr: `KS 2026/${number}`, title, decision: `KS ger KLK i uppdrag: ${title}.` });
    return (await createUppdrag(db.prisma, m, { paragraph: p, decidedOn, title, text: title, unitIds: [w.unitA.id], history })).id;
  };
  postponed = await add(201, "Utreda ny förskola i Norra", "2026-02-09", [
    { status: "IN_PROGRESS", at: "2026-02-10", plannedCompletion: "2026-09-30" },
    { status: "IN_PROGRESS", at: new Date("2026-08-15T10:00:00Z"), plannedCompletion: "2027-06-30" },
  ]);
  fresh = await add(202, "Ta fram en plan för laddstolpar", "2026-09-14", [{ status: "NOT_STARTED", at: "2026-09-14" }]);
});
afterAll(async () => {
  await db.close();
});

const ids = (rows: { uppdragId: string }[]) => rows.map((r) => r.uppdragId);

describe("freezing a report", () => {
  let juneId: string;

  it("archives the data and the PDF with an audit event", async () => {
    const admin = w.actors.ADMINISTRATOR;
    ({ id: juneId } = await freezeReport(scopedFor(db.prisma, admin), admin, { ...JUNE, bodyIds: [w.kf.id, w.ks.id], note: "Anmäld till KF 2026-09-21 § 80" }, { renderPdf }));
    const frozen = await getFrozenReport(scopedFor(db.prisma, w.actors.LEDAMOT), w.actors.LEDAMOT, juneId);
    expect(frozen.bodyNames).toBe("KF, KS");
    expect(frozen.note).toBe("Anmäld till KF 2026-09-21 § 80");
    expect(frozen.frozenBy?.name).toBe(admin.name);
    expect(ids(frozen.report.open.flatMap((g) => g.rows))).toContain(postponed);
    expect(ids(frozen.report.open.flatMap((g) => g.rows))).not.toContain(fresh);
    const { pdf } = await getFrozenReportPdf(scopedFor(db.prisma, w.actors.LEDAMOT), w.actors.LEDAMOT, juneId);
    expect(pdf.toString()).toBe(`%PDF-1.7 test ${w.municipality.slug} ${JUNE.asOf.toISOString()} ${frozen.openCount}`);
    expect(frozen.pdfSha256).toBe(createHash("sha256").update(pdf).digest("hex"));
    const audit = await db.prisma.auditEvent.findFirst({ where: { entityId: juneId, action: "report.freeze" } });
    expect(audit?.actorId).toBe(admin.userId);
  });

  it("does not change when the uppdrag change afterwards", async () => {
    const before = await getFrozenReport(scopedFor(db.prisma, w.actors.LEDAMOT), w.actors.LEDAMOT, juneId);
    const u = await db.prisma.uppdrag.findUniqueOrThrow({ where: { id: postponed }, select: { version: true } });
    await changeStatus(scopedFor(db.prisma, w.actors.ADMINISTRATOR), w.actors.ADMINISTRATOR, { uppdragId: postponed, expectedVersion: u.version, status: "COMPLETED", comment: "Klart", plannedCompletion: null, reportedAtMeetingId: null });
    // A report of a later date no longer has it open; the frozen one stays exactly as it was.
    const live = await buildReport(scopedFor(db.prisma, w.actors.ADMINISTRATOR), w.actors.ADMINISTRATOR, { asOf: day("2030-06-30"), bodyIds: [w.kf.id, w.ks.id] });
    expect(ids(live.open.flatMap((g) => g.rows))).not.toContain(postponed);
    const after = await getFrozenReport(scopedFor(db.prisma, w.actors.LEDAMOT), w.actors.LEDAMOT, juneId);
    expect(reportToPlain(after.report)).toEqual(reportToPlain(before.report));
  });

  it("is refused a second time for the same date and bodies", async () => {
    await expect(freezeReport(scopedFor(db.prisma, w.actors.ADMINISTRATOR), w.actors.ADMINISTRATOR, { ...JUNE, bodyIds: [w.ks.id, w.kf.id] }, { renderPdf })).rejects.toBeInstanceOf(AlreadyFrozenError);
  });

  it("cannot be changed or deleted in the database itself", async () => {
    await expect(db.prisma.frozenReport.update({ where: { id: juneId }, data: { openCount: 0 } })).rejects.toThrow(/append-only/);
    await expect(db.prisma.frozenReport.delete({ where: { id: juneId } })).rejects.toThrow(/append-only/);
    await expect(db.prisma.$executeRawUnsafe(`TRUNCATE "FrozenReport"`)).rejects.toThrow(/append-only/);
  });

  it("lets a secretary freeze their own bodies only, and no one else freeze at all", async () => {
    const secretary = w.actors.SEKRETERARE; // serves KS
    await expect(freezeReport(scopedFor(db.prisma, secretary), secretary, { ...JUNE, bodyIds: [w.kf.id] }, { renderPdf })).rejects.toBeInstanceOf(ForbiddenError);
    for (const role of ["LEDAMOT", "HANDLAGGARE"] as const)
      await expect(freezeReport(scopedFor(db.prisma, w.actors[role]), w.actors[role], { ...JUNE, bodyIds: [w.ks.id] }, { renderPdf })).rejects.toBeInstanceOf(ForbiddenError);
    const { id } = await freezeReport(scopedFor(db.prisma, secretary), secretary, { ...JUNE, bodyIds: [w.ks.id] }, { renderPdf });
    expect((await getFrozenReport(scopedFor(db.prisma, w.actors.HANDLAGGARE), w.actors.HANDLAGGARE, id)).bodyNames).toBe("KS");
  });

  it("is invisible to another municipality, whose bodies cannot be frozen from here", async () => {
    const list = await listFrozenReports(scopedFor(db.prisma, other.actors.ADMINISTRATOR), other.actors.ADMINISTRATOR);
    expect(list).toEqual([]);
    await expect(getFrozenReport(scopedFor(db.prisma, other.actors.ADMINISTRATOR), other.actors.ADMINISTRATOR, juneId)).rejects.toBeInstanceOf(NotFoundError);
    await expect(getFrozenReportPdf(scopedFor(db.prisma, other.actors.LEDAMOT), other.actors.LEDAMOT, juneId)).rejects.toBeInstanceOf(NotFoundError);
    await expect(freezeReport(scopedFor(db.prisma, other.actors.ADMINISTRATOR), other.actors.ADMINISTRATOR, { ...JUNE, bodyIds: [w.ks.id] }, { renderPdf })).rejects.toBeInstanceOf(NotFoundError);
  });

  it("compares two frozen reports: new, closed, still open and postponed again", async () => {
    // December, frozen after the postponed uppdrag was completed above.
    const { id: decemberId } = await freezeReport(scopedFor(db.prisma, w.actors.ADMINISTRATOR), w.actors.ADMINISTRATOR, { ...DECEMBER, bodyIds: [w.kf.id, w.ks.id] }, { renderPdf, now: new Date("2027-01-05T09:00:00Z") });
    const juneId2 = (await listFrozenReports(scopedFor(db.prisma, w.actors.LEDAMOT), w.actors.LEDAMOT)).find((r) => r.bodyNames === "KF, KS" && r.asOf.getTime() === JUNE.asOf.getTime())!.id;
    const { earlier, later, comparison } = await compareFrozenReports(scopedFor(db.prisma, w.actors.LEDAMOT), w.actors.LEDAMOT, decemberId, juneId2);
    expect(earlier.id).toBe(juneId2);
    expect(later.id).toBe(decemberId);
    expect(ids(comparison.added)).toContain(fresh);
    expect(comparison.closed.map((c) => c.earlier.uppdragId)).toContain(postponed);
    expect(comparison.closed.find((c) => c.earlier.uppdragId === postponed)?.closed?.status).toBe("COMPLETED");
    // The world's own two uppdrag (2024) were open in June and still are.
    expect(ids(comparison.stillOpen.map((s) => s.later))).toEqual(expect.arrayContaining([w.ksUppdrag.id, w.kfUppdrag.id]));
  });

  it("lists the municipality's frozen reports newest first", async () => {
    const list = await listFrozenReports(scopedFor(db.prisma, w.actors.LEDAMOT), w.actors.LEDAMOT);
    expect(list.map((r) => r.asOf.toISOString().slice(0, 10))).toEqual(["2026-12-31", "2026-06-30", "2026-06-30"]);
  });
});

describe("the bodies the report covers by default", () => {
  it("are KF and KS until the administrator chooses others", async () => {
    const world = await buildWorld(db.prisma, "Standardkommun");
    const byDefault = await buildReport(scopedFor(db.prisma, world.actors.ADMINISTRATOR), world.actors.ADMINISTRATOR, { asOf: day("2026-06-30") });
    expect(byDefault.open.map((g) => g.body.shortName).sort()).toEqual(["KF", "KS"]);

    const bun = await createBody(db.prisma, world.municipality.id, { name: "Barn- och utbildningsnämnden", shortName: "BUN", kind: "NAMND" });
    await expect(setReportBodies(scopedFor(db.prisma, world.actors.SEKRETERARE), world.actors.SEKRETERARE, [bun.id])).rejects.toBeInstanceOf(ForbiddenError);
    await expect(setReportBodies(scopedFor(db.prisma, world.actors.ADMINISTRATOR), world.actors.ADMINISTRATOR, [other.ks.id])).rejects.toBeInstanceOf(NotFoundError);
    await setReportBodies(scopedFor(db.prisma, world.actors.ADMINISTRATOR), world.actors.ADMINISTRATOR, [world.kf.id, bun.id]);
    const changed = await buildReport(scopedFor(db.prisma, world.actors.ADMINISTRATOR), world.actors.ADMINISTRATOR, { asOf: day("2026-06-30") });
    expect(changed.open.map((g) => g.body.shortName).sort()).toEqual(["BUN", "KF"]);
    const audit = await db.prisma.auditEvent.findFirst({ where: { municipalityId: world.municipality.id, action: "municipality.report-bodies.set" } });
    expect(audit?.after).toEqual({ bodies: expect.arrayContaining(["KF", "BUN"]) });
  });
});
