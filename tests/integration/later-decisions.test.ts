// Later decisions linked to an uppdrag, and the status round's reporting meeting.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase, scopedFor } from "../support/db";
import { buildWorld, type World } from "../support/world";
import type { Database } from "@/server/db/connect";
import { createMeeting, createParagraph } from "@/server/seed/factories";
import { linkLaterDecision } from "@/server/uppdrag/link-decision";
import { changeStatus, ConflictError } from "@/server/uppdrag/change-status";
import { getUppdrag } from "@/server/uppdrag/get-uppdrag";
import { listReportingMeetings } from "@/server/uppdrag/status-round";
import { RefusedError } from "@/server/errors";
import { ForbiddenError, NotFoundError } from "@/server/permissions";
import { parseIsoDate } from "@/lib/dates";

let db: Database;
let a: World;
let b: World;
let later: { id: string };
let laterMeetingId: string;
let early: { id: string };
let bParagraph: { id: string };

beforeAll(async () => {
  db = await openTestDatabase();
  a = await buildWorld(db.prisma, "Kedjekommun A");
  b = await buildWorld(db.prisma, "Kedjekommun B");
  const m = await createMeeting(db.prisma, a.municipality.id, { bodyId: a.ks.id, date: "2024-09-09" });
  laterMeetingId = m.id;
  later = await createParagraph(db.prisma, a.municipality.id, m, { number: 120, dnr: "KS 2024/101", title: "Senareläggning av översynen", decision: "KS senarelägger uppdraget." });
  const before = await createMeeting(db.prisma, a.municipality.id, { bodyId: a.ks.id, date: "2024-01-15" });
  early = await createParagraph(db.prisma, a.municipality.id, before, { number: 3, title: "Ett tidigare beslut", decision: "–" });
  bParagraph = b.p1;
});
afterAll(async () => db?.close());

const input = (over: Partial<Parameters<typeof linkLaterDecision>[2]> = {}) => ({
  uppdragId: a.ksUppdrag.id,
  expectedVersion: 1,
  paragraphId: later.id,
  kind: "POSTPONED" as const,
  status: "ON_HOLD" as const,
  comment: null,
  note: null,
  plannedCompletion: parseIsoDate("2025-06-30"),
  ...over,
});

describe("linking a later decision", () => {
  it("refuses a paragraph from before the decision, another municipality's paragraph, and a handläggare", async () => {
    await expect(linkLaterDecision(scopedFor(db.prisma, a.actors.SEKRETERARE), a.actors.SEKRETERARE, input({ paragraphId: early.id }))).rejects.toBeInstanceOf(RefusedError);
    await expect(linkLaterDecision(scopedFor(db.prisma, a.actors.SEKRETERARE), a.actors.SEKRETERARE, input({ paragraphId: bParagraph.id }))).rejects.toBeInstanceOf(NotFoundError);
    await expect(linkLaterDecision(scopedFor(db.prisma, a.actors.HANDLAGGARE), a.actors.HANDLAGGARE, input())).rejects.toBeInstanceOf(ForbiddenError);
    await expect(linkLaterDecision(scopedFor(db.prisma, b.actors.ADMINISTRATOR), b.actors.ADMINISTRATOR, input())).rejects.toBeInstanceOf(NotFoundError);
    expect(await db.prisma.uppdragLink.count({ where: { uppdragId: a.ksUppdrag.id } })).toBe(0);
  });

  it("links, records the status that follows at that meeting, audits, and shows it on the uppdrag", async () => {
    const r = await linkLaterDecision(scopedFor(db.prisma, a.actors.SEKRETERARE), a.actors.SEKRETERARE, input());
    expect(r.version).toBe(2);
    const u = await getUppdrag(scopedFor(db.prisma, a.actors.LEDAMOT), a.actors.LEDAMOT, a.ksUppdrag.id);
    expect(u!.status).toBe("ON_HOLD");
    expect(u!.plannedCompletion?.toISOString().slice(0, 10)).toBe("2025-06-30");
    expect(u!.links.map((l) => [l.kind, l.paragraph.number])).toEqual([["POSTPONED", 120]]);
    expect(u!.history[0]).toMatchObject({ status: "ON_HOLD", comment: "Senarelagt genom KS 2024-09-09 § 120." });
    expect(u!.history[0].reportedAtMeeting?.date.toISOString().slice(0, 10)).toBe("2024-09-09");
    const audits = await db.prisma.auditEvent.findMany({ where: { entityId: { in: [a.ksUppdrag.id, r.linkId] } }, select: { action: true } });
    expect(audits.map((x) => x.action).sort()).toEqual(["uppdrag.link.create", "uppdrag.status.change"]);
  });

  it("refuses the same link twice and a stale version, leaving nothing behind", async () => {
    await expect(linkLaterDecision(scopedFor(db.prisma, a.actors.SEKRETERARE), a.actors.SEKRETERARE, input({ expectedVersion: 2 }))).rejects.toThrow(/redan kopplat/);
    await expect(linkLaterDecision(scopedFor(db.prisma, a.actors.ADMINISTRATOR), a.actors.ADMINISTRATOR, input({ kind: "CANCELLED", status: "NOT_CARRIED_OUT", expectedVersion: 1 }))).rejects.toBeInstanceOf(
      ConflictError,
    );
    expect(await db.prisma.uppdragLink.count({ where: { uppdragId: a.ksUppdrag.id } })).toBe(1);
    expect(await db.prisma.statusEntry.count({ where: { uppdragId: a.ksUppdrag.id } })).toBe(2);
  });
});

describe("the status round's reporting meeting", () => {
  it("offers a secretary only the meetings of the bodies they serve", async () => {
    const now = new Date(Date.UTC(2024, 9, 1));
    const forSecretary = await listReportingMeetings(scopedFor(db.prisma, a.actors.SEKRETERARE), a.actors.SEKRETERARE, now);
    expect(forSecretary.length).toBeGreaterThan(0);
    expect(new Set(forSecretary.map((m) => m.body.shortName))).toEqual(new Set(["KS"]));
    const forAdmin = await listReportingMeetings(scopedFor(db.prisma, a.actors.ADMINISTRATOR), a.actors.ADMINISTRATOR, now);
    expect(new Set(forAdmin.map((m) => m.body.shortName))).toEqual(new Set(["KS", "KF"]));
    await expect(listReportingMeetings(scopedFor(db.prisma, a.actors.LEDAMOT), a.actors.LEDAMOT, now)).rejects.toBeInstanceOf(ForbiddenError);
  });

  it("records the meeting with the saved status; another municipality's meeting is refused", async () => {
    await expect(
      changeStatus(scopedFor(db.prisma, a.actors.ADMINISTRATOR), a.actors.ADMINISTRATOR, {
        uppdragId: a.kfUppdrag.id,
        expectedVersion: 1,
        status: "IN_PROGRESS",
        comment: null,
        plannedCompletion: null,
        reportedAtMeetingId: b.kfMeeting.id,
      }),
    ).rejects.toBeInstanceOf(NotFoundError);
    await changeStatus(scopedFor(db.prisma, a.actors.ADMINISTRATOR), a.actors.ADMINISTRATOR, {
      uppdragId: a.kfUppdrag.id,
      expectedVersion: 1,
      status: "IN_PROGRESS",
      comment: null,
      plannedCompletion: null,
      reportedAtMeetingId: laterMeetingId,
    });
    const latest = await db.prisma.statusEntry.findFirstOrThrow({ where: { uppdragId: a.kfUppdrag.id }, orderBy: { at: "desc" } });
    expect(latest.reportedAtMeetingId).toBe(laterMeetingId);
  });
});
