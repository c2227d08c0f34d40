// The audit log as administrators read it: filters, paging, scope, and refusals logged.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase, scopedFor } from "../support/db";
import { buildWorld, type World } from "../support/world";
import type { Database } from "@/server/db/connect";
import { changeStatus } from "@/server/uppdrag/change-status";
import { ForbiddenError } from "@/server/permissions";
import { recordRefusal } from "@/server/audit";
import { auditPeople, exportAuditEvents, listAuditEvents } from "@/server/audit-log";
import { auditFilterSchema } from "@/lib/validation/audit";

let db: Database;
let w: World;
let other: World;
const filter = (f: Record<string, string> = {}) => auditFilterSchema.parse(f);

beforeAll(async () => {
  db = await openTestDatabase();
  w = await buildWorld(db.prisma, "Loggkommun");
  other = await buildWorld(db.prisma, "Annan loggkommun");
  await changeStatus(scopedFor(db.prisma, w.actors.SEKRETERARE), w.actors.SEKRETERARE, { uppdragId: w.ksUppdrag.id, expectedVersion: 1, status: "IN_PROGRESS", comment: "Igång", plannedCompletion: null, reportedAtMeetingId: null });
  await changeStatus(scopedFor(db.prisma, w.actors.ADMINISTRATOR), w.actors.ADMINISTRATOR, { uppdragId: w.kfUppdrag.id, expectedVersion: 1, status: "DELAYED", comment: "Väntar", plannedCompletion: null, reportedAtMeetingId: null });
  await changeStatus(scopedFor(db.prisma, other.actors.ADMINISTRATOR), other.actors.ADMINISTRATOR, { uppdragId: other.kfUppdrag.id, expectedVersion: 1, status: "DELAYED", comment: "Annan", plannedCompletion: null, reportedAtMeetingId: null });
  await recordRefusal(db.prisma, w.actors.LEDAMOT, { reason: "forbidden", permission: "report:produce", where: "GET /rapporter/fil" });
});
afterAll(async () => db?.close());

describe("the audit log", () => {
  it("is read by administrators only", async () => {
    for (const role of ["LEDAMOT", "HANDLAGGARE", "SEKRETERARE"] as const) {
      await expect(listAuditEvents(scopedFor(db.prisma, w.actors[role]), w.actors[role], filter())).rejects.toBeInstanceOf(ForbiddenError);
      await expect(exportAuditEvents(scopedFor(db.prisma, w.actors[role]), w.actors[role], filter())).rejects.toBeInstanceOf(ForbiddenError);
    }
  });

  it("shows only its own municipality, newest first", async () => {
    const { rows, total } = await listAuditEvents(scopedFor(db.prisma, w.actors.ADMINISTRATOR), w.actors.ADMINISTRATOR, filter());
    expect(total).toBe(3);
    expect(rows.map((r) => r.action)).toEqual(["access.refused", "uppdrag.status.change", "uppdrag.status.change"]);
    expect(rows.every((r) => r.entityId !== other.kfUppdrag.id)).toBe(true);
  });

  it("filters by person, event, record and date", async () => {
    const admin = w.actors.ADMINISTRATOR;
    const bySecretary = await listAuditEvents(scopedFor(db.prisma, admin), admin, filter({ person: w.actors.SEKRETERARE.userId }));
    expect(bySecretary.rows.map((r) => r.entityId)).toEqual([w.ksUppdrag.id]);
    const refused = await listAuditEvents(scopedFor(db.prisma, admin), admin, filter({ action: "access.refused" }));
    expect(refused.rows[0].actor?.id).toBe(w.actors.LEDAMOT.userId);
    expect(refused.rows[0].after).toEqual({ reason: "forbidden", permission: "report:produce" });
    const byRecord = await listAuditEvents(scopedFor(db.prisma, admin), admin, filter({ record: w.kfUppdrag.id }));
    expect(byRecord.total).toBe(1);
    const byType = await listAuditEvents(scopedFor(db.prisma, admin), admin, filter({ record: "uppdrag" }));
    expect(byType.total).toBe(2);
    // The kind of record by the Swedish name the log shows, in any case.
    const byCode = await listAuditEvents(scopedFor(db.prisma, admin), admin, filter({ record: "Request" }));
    expect(byCode.total).toBeGreaterThan(0);
    expect((await listAuditEvents(scopedFor(db.prisma, admin), admin, filter({ record: "begäran" }))).total).toBe(byCode.total);
    const longAgo = await listAuditEvents(scopedFor(db.prisma, admin), admin, filter({ from: "2020-01-01", to: "2020-12-31" }));
    expect(longAgo.total).toBe(0);
    const today = new Date().toLocaleDateString("sv-SE", { timeZone: "Europe/Stockholm" });
    expect((await listAuditEvents(scopedFor(db.prisma, admin), admin, filter({ from: today, to: today }))).total).toBe(3);
  });

  it("refuses a bad filter with Swedish messages", () => {
    const r = auditFilterSchema.safeParse({ from: "2026-13-01", to: "x", person: "inte-ett-id", page: "-1" });
    expect(r.success).toBe(false);
    expect(r.error!.issues.map((i) => i.message)).toEqual(expect.arrayContaining(["Ange datumet som ÅÅÅÅ-MM-DD.", "Okänd person.", "Ogiltig sida."]));
    expect(auditFilterSchema.safeParse({ from: "2026-02-01", to: "2026-01-01" }).error?.issues[0].message).toBe("Från-datumet måste ligga före till-datumet.");
  });

  it("lists the municipality's people for the filter", async () => {
    const people = await auditPeople(scopedFor(db.prisma, w.actors.ADMINISTRATOR), w.actors.ADMINISTRATOR);
    expect(people).toHaveLength(4);
  });
});
