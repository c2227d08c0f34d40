import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase, scopedFor } from "../support/db";
import { buildWorld, type World } from "../support/world";
import type { Database } from "@/server/db/connect";
import { createMeeting, createParagraph } from "@/server/seed/factories";
import { changeStatus, ConflictError } from "@/server/uppdrag/change-status";

let db: Database;
let w: World;
beforeAll(async () => {
  db = await openTestDatabase();
  w = await buildWorld(db.prisma);
});
afterAll(async () => db?.close());

const uuid = () => crypto.randomUUID();

describe("paragraph numbers", () => {
  it("are unique per body and year", async () => {
    const m = w.municipality.id;
    const later = await createMeeting(db.prisma, m, { bodyId: w.ks.id, date: "2024-09-02" });
    await expect(createParagraph(db.prisma, m, later, { number: 41, title: "Dubblett", decision: "–" })).rejects.toThrow();
    // Same number: fine in another year, and in another body.
    const nextYear = await createMeeting(db.prisma, m, { bodyId: w.ks.id, date: "2025-01-20" });
    await expect(createParagraph(db.prisma, m, nextYear, { number: 41, title: "Nytt år", decision: "–" })).resolves.toBeTruthy();
    await expect(createParagraph(db.prisma, m, w.kfMeeting, { number: 41, title: "Annat organ", decision: "–" })).resolves.toBeTruthy();
  });
});

describe("status history", () => {
  it("cannot be updated, deleted or truncated", async () => {
    const entry = await db.prisma.statusEntry.findFirstOrThrow({ where: { uppdragId: w.ksUppdrag.id } });
    await expect(db.prisma.statusEntry.update({ where: { id: entry.id }, data: { comment: "ändrad" } })).rejects.toThrow(/append-only/);
    await expect(db.prisma.statusEntry.delete({ where: { id: entry.id } })).rejects.toThrow(/append-only/);
    await expect(db.prisma.$executeRawUnsafe(`TRUNCATE "StatusEntry" CASCADE`)).rejects.toThrow(/append-only/);
    const still = await db.prisma.statusEntry.findUniqueOrThrow({ where: { id: entry.id } });
    expect(still.comment).toBe(entry.comment);
  });

  it("audit events cannot be changed either", async () => {
    await changeStatus(scopedFor(db.prisma, w.actors.ADMINISTRATOR), w.actors.ADMINISTRATOR, {
      uppdragId: w.kfUppdrag.id, expectedVersion: 1, status: "IN_PROGRESS", comment: "Start", plannedCompletion: null, reportedAtMeetingId: null,
    });
    const audit = await db.prisma.auditEvent.findFirstOrThrow({ where: { entityId: w.kfUppdrag.id } });
    expect(audit).toMatchObject({ action: "uppdrag.status.change", actorId: w.actors.ADMINISTRATOR.userId });
    expect(audit.before).toMatchObject({ status: "NOT_STARTED", version: 1 });
    expect(audit.after).toMatchObject({ status: "IN_PROGRESS", comment: "Start", version: 2 });
    await expect(db.prisma.auditEvent.update({ where: { id: audit.id }, data: { action: "x" } })).rejects.toThrow(/append-only/);
    await expect(db.prisma.auditEvent.deleteMany({ where: { id: audit.id } })).rejects.toThrow(/append-only/);
  });

  it("the current status always equals the latest history entry", async () => {
    const steps = [
      { status: "IN_PROGRESS", comment: null },
      { status: "DELAYED", comment: "Vakanser" },
      { status: "ON_HOLD", comment: "Senarelagt av KS" },
      { status: "IN_PROGRESS", comment: null },
      { status: "COMPLETED", comment: "Återrapporterat" },
    ] as const;
    let version = 1;
    for (const [i, s] of steps.entries()) {
      const r = await changeStatus(scopedFor(db.prisma, w.actors.SEKRETERARE), w.actors.SEKRETERARE, {
        uppdragId: w.ksUppdrag.id, expectedVersion: version, status: s.status, comment: s.comment, plannedCompletion: null, reportedAtMeetingId: null,
      }, new Date(Date.UTC(2024, 4, 1 + i)));
      version = r.version;
      const u = await db.prisma.uppdrag.findUniqueOrThrow({ where: { id: w.ksUppdrag.id }, select: { status: true, version: true } });
      const latest = await db.prisma.statusEntry.findFirstOrThrow({ where: { uppdragId: w.ksUppdrag.id }, orderBy: [{ at: "desc" }, { id: "desc" }] });
      expect(u.status).toBe(latest.status);
      expect(u.version).toBe(version);
    }
    const history = await db.prisma.statusEntry.count({ where: { uppdragId: w.ksUppdrag.id } });
    expect(history).toBe(steps.length + 1);
  });

  it("a new date alone keeps the reason that stands; a new status without a comment does not", async () => {
    const id = w.ksUppdrag.id;
    const save = async (status: "DELAYED" | "IN_PROGRESS", comment: string | null, planned: string) => {
      const { version } = await db.prisma.uppdrag.findUniqueOrThrow({ where: { id }, select: { version: true } });
      await changeStatus(scopedFor(db.prisma, w.actors.SEKRETERARE), w.actors.SEKRETERARE, {
        uppdragId: id, expectedVersion: version, status, comment, plannedCompletion: new Date(`${planned}T00:00:00Z`), reportedAtMeetingId: null,
      });
      return db.prisma.uppdrag.findUniqueOrThrow({ where: { id }, select: { statusComment: true } });
    };
    await save("IN_PROGRESS", "Dialog med förvaltningarna pågår", "2027-03-01");
    expect((await save("IN_PROGRESS", null, "2027-06-01")).statusComment).toBe("Dialog med förvaltningarna pågår");
    // The history keeps the entry as written: no comment.
    const latest = await db.prisma.statusEntry.findFirstOrThrow({ where: { uppdragId: id }, orderBy: [{ at: "desc" }, { id: "desc" }] });
    expect(latest.comment).toBeNull();
    expect((await save("DELAYED", "Vakanser", "2027-09-01")).statusComment).toBe("Vakanser");
    expect((await save("IN_PROGRESS", null, "2027-09-01")).statusComment).toBeNull();
  });

  it("the database refuses a current status that disagrees with the history", async () => {
    await expect(db.prisma.uppdrag.update({ where: { id: w.ksUppdrag.id }, data: { status: "NOT_STARTED" } })).rejects.toThrow(/latest StatusEntry/);
  });

  it("a second save from a stale form is refused and overwrites nothing", async () => {
    const u = await db.prisma.uppdrag.findUniqueOrThrow({ where: { id: w.kfUppdrag.id }, select: { version: true } });
    const input = { uppdragId: w.kfUppdrag.id, expectedVersion: u.version, plannedCompletion: null, reportedAtMeetingId: null };
    await changeStatus(scopedFor(db.prisma, w.actors.ADMINISTRATOR), w.actors.ADMINISTRATOR, { ...input, status: "DELAYED", comment: "Först sparad" });
    const before = await db.prisma.statusEntry.count({ where: { uppdragId: w.kfUppdrag.id } });
    const err = await changeStatus(scopedFor(db.prisma, w.actors.ADMINISTRATOR), w.actors.ADMINISTRATOR, { ...input, status: "COMPLETED", comment: "Sparad sist" }).catch((e) => e);
    expect(err).toBeInstanceOf(ConflictError);
    expect((err as ConflictError).current).toMatchObject({ status: "DELAYED", comment: "Först sparad", authorName: w.actors.ADMINISTRATOR.name });
    expect(await db.prisma.statusEntry.count({ where: { uppdragId: w.kfUppdrag.id } })).toBe(before);
    const now = await db.prisma.uppdrag.findUniqueOrThrow({ where: { id: w.kfUppdrag.id }, select: { status: true } });
    expect(now.status).toBe("DELAYED");
  });

  it("two saves at the same moment: exactly one wins", async () => {
    const u = await db.prisma.uppdrag.findUniqueOrThrow({ where: { id: w.kfUppdrag.id }, select: { version: true } });
    const input = { uppdragId: w.kfUppdrag.id, expectedVersion: u.version, plannedCompletion: null, reportedAtMeetingId: null, comment: "samtidigt" };
    const results = await Promise.allSettled([
      changeStatus(scopedFor(db.prisma, w.actors.ADMINISTRATOR), w.actors.ADMINISTRATOR, { ...input, status: "IN_PROGRESS" }),
      changeStatus(scopedFor(db.prisma, w.actors.ADMINISTRATOR), w.actors.ADMINISTRATOR, { ...input, status: "ON_HOLD" }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const rejected = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(rejected.reason).toBeInstanceOf(ConflictError);
  });

  it("unknown ids are refused cleanly", async () => {
    await expect(
      changeStatus(scopedFor(db.prisma, w.actors.ADMINISTRATOR), w.actors.ADMINISTRATOR, {
        uppdragId: uuid(), expectedVersion: 1, status: "IN_PROGRESS", comment: null, plannedCompletion: null, reportedAtMeetingId: null,
      }),
    ).rejects.toThrow(/not found/);
  });
});
