// Nothing lost: many people saving the same uppdrag at once.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase, scopedFor } from "../support/db";
import { buildWorld, type World } from "../support/world";
import type { Database } from "@/server/db/connect";
import { changeStatus, ConflictError } from "@/server/uppdrag/change-status";

let db: Database;
let w: World;
beforeAll(async () => {
  db = await openTestDatabase();
  w = await buildWorld(db.prisma, "Samtidighetskommun");
});
afterAll(async () => db?.close());

describe("50 parallel saves of the same uppdrag", () => {
  it("give exactly 1 success and 49 conflicts, and the history holds exactly one new row", async () => {
    const id = w.ksUppdrag.id;
    const before = await db.prisma.statusEntry.count({ where: { uppdragId: id } });
    const auditsBefore = await db.prisma.auditEvent.count({ where: { entityId: id } });
    const results = await Promise.allSettled(
      Array.from({ length: 50 }, (_, i) =>
        changeStatus(scopedFor(db.prisma, w.actors.ADMINISTRATOR), w.actors.ADMINISTRATOR, {
          uppdragId: id,
          expectedVersion: 1,
          status: i % 2 ? "DELAYED" : "IN_PROGRESS",
          comment: `Sparning nummer ${i}`,
          plannedCompletion: null,
          reportedAtMeetingId: null,
        }),
      ),
    );
    const ok = results.filter((r) => r.status === "fulfilled");
    const conflicts = results.filter((r) => r.status === "rejected" && r.reason instanceof ConflictError);
    const otherErrors = results.flatMap((r) => (r.status === "rejected" && !(r.reason instanceof ConflictError) ? [String(r.reason)] : []));
    expect(otherErrors, "saves that failed for another reason than a conflict").toEqual([]);
    expect(ok).toHaveLength(1);
    expect(conflicts).toHaveLength(49);
    expect(await db.prisma.statusEntry.count({ where: { uppdragId: id } })).toBe(before + 1);
    expect(await db.prisma.auditEvent.count({ where: { entityId: id } })).toBe(auditsBefore + 1);
    const u = await db.prisma.uppdrag.findUniqueOrThrow({ where: { id }, select: { version: true, status: true, statusComment: true } });
    const latest = await db.prisma.statusEntry.findFirstOrThrow({ where: { uppdragId: id }, orderBy: [{ at: "desc" }, { id: "desc" }] });
    expect(u.version).toBe(2);
    expect(u.status).toBe(latest.status);
    expect(u.statusComment).toBe(latest.comment);
  });
});
