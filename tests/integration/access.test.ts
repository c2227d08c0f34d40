// Authorization and the municipality boundary, at the level every page,
// server action and route handler goes through (the domain functions).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase, scopedFor } from "../support/db";
import { buildWorld, type World } from "../support/world";
import type { Database } from "@/server/db/connect";
import { listUppdrag, listBodies } from "@/server/uppdrag/list-uppdrag";
import { getUppdrag } from "@/server/uppdrag/get-uppdrag";
import { changeStatus } from "@/server/uppdrag/change-status";
import { scopedClient } from "@/server/db/scoped";
import { ForbiddenError, NotFoundError } from "@/server/permissions";
import { createUnit } from "@/server/seed/factories";

let db: Database;
let a: World;
let b: World;
beforeAll(async () => {
  db = await openTestDatabase();
  a = await buildWorld(db.prisma, "Kommun A");
  b = await buildWorld(db.prisma, "Kommun B");
});
afterAll(async () => db?.close());

const change = (w: World, id: string, version = 1) => ({
  uppdragId: id, expectedVersion: version, status: "IN_PROGRESS" as const, comment: "test", plannedCompletion: null, reportedAtMeetingId: null,
});

describe("no cross-municipality read or write", () => {
  it("lists only the own municipality's uppdrag and bodies", async () => {
    const list = await listUppdrag(scopedFor(db.prisma, a.actors.LEDAMOT), a.actors.LEDAMOT, { showClosed: true });
    const ids = list.rows.map((r) => r.id).sort();
    expect(ids).toEqual([a.ksUppdrag.id, a.kfUppdrag.id].sort());
    const bodies = await listBodies(scopedFor(db.prisma, a.actors.LEDAMOT), a.actors.LEDAMOT);
    expect(bodies.map((x) => x.id).sort()).toEqual([a.ks.id, a.kf.id].sort());
  });

  it("a forged filter for another municipality's body finds nothing", async () => {
    const list = await listUppdrag(scopedFor(db.prisma, a.actors.ADMINISTRATOR), a.actors.ADMINISTRATOR, { body: b.ks.id, showClosed: true });
    expect(list.total).toBe(0);
  });

  it("cannot open another municipality's uppdrag", async () => {
    expect(await getUppdrag(scopedFor(db.prisma, a.actors.ADMINISTRATOR), a.actors.ADMINISTRATOR, b.ksUppdrag.id)).toBeNull();
    expect(await getUppdrag(scopedFor(db.prisma, b.actors.LEDAMOT), b.actors.LEDAMOT, b.ksUppdrag.id)).not.toBeNull();
  });

  it("cannot change another municipality's uppdrag, even as administrator", async () => {
    await expect(changeStatus(scopedFor(db.prisma, a.actors.ADMINISTRATOR), a.actors.ADMINISTRATOR, change(b, b.ksUppdrag.id))).rejects.toBeInstanceOf(NotFoundError);
    const u = await db.prisma.uppdrag.findUniqueOrThrow({ where: { id: b.ksUppdrag.id }, select: { status: true, version: true } });
    expect(u).toEqual({ status: "NOT_STARTED", version: 1 });
  });

  it("cannot report at another municipality's meeting", async () => {
    await expect(
      changeStatus(scopedFor(db.prisma, a.actors.ADMINISTRATOR), a.actors.ADMINISTRATOR, { ...change(a, a.kfUppdrag.id), reportedAtMeetingId: b.meeting.id }),
    ).rejects.toBeInstanceOf(NotFoundError);
  });

  it("the scoped client confines raw model writes too", async () => {
    const scoped = scopedClient(db.prisma, a.municipality.id);
    const r = await scoped.unit.updateMany({ where: { id: b.unitA.id }, data: { name: "Kapad" } });
    expect(r.count).toBe(0);
    const created = await scoped.unit.create({ data: { name: `Ny enhet ${Date.now()}`, kind: "ENHET", municipalityId: b.municipality.id } });
    expect(created.municipalityId).toBe(a.municipality.id);
    expect(await scoped.uppdrag.findUnique({ where: { id: b.ksUppdrag.id } })).toBeNull();
  });
});

describe("roles", () => {
  it("a ledamot cannot perform any write", async () => {
    for (const id of [a.ksUppdrag.id, a.kfUppdrag.id]) {
      await expect(changeStatus(scopedFor(db.prisma, a.actors.LEDAMOT), a.actors.LEDAMOT, change(a, id))).rejects.toBeInstanceOf(ForbiddenError);
    }
    const detail = await getUppdrag(scopedFor(db.prisma, a.actors.LEDAMOT), a.actors.LEDAMOT, a.ksUppdrag.id);
    expect(detail?.canChangeStatus).toBe(false);
    expect(await db.prisma.statusEntry.count({ where: { authorId: a.actors.LEDAMOT.userId } })).toBe(0);
  });

  it("a secretary changes the status of the bodies they serve only", async () => {
    await expect(changeStatus(scopedFor(db.prisma, a.actors.SEKRETERARE), a.actors.SEKRETERARE, change(a, a.kfUppdrag.id))).rejects.toBeInstanceOf(ForbiddenError);
    await expect(changeStatus(scopedFor(db.prisma, a.actors.SEKRETERARE), a.actors.SEKRETERARE, change(a, a.ksUppdrag.id))).resolves.toMatchObject({ version: 2 });
  });

  it("a handläggare changes the status of their own unit's uppdrag only", async () => {
    // ksUppdrag belongs to unitA (theirs), kfUppdrag to unitB.
    await expect(changeStatus(scopedFor(db.prisma, a.actors.HANDLAGGARE), a.actors.HANDLAGGARE, change(a, a.kfUppdrag.id))).rejects.toBeInstanceOf(ForbiddenError);
    await expect(changeStatus(scopedFor(db.prisma, a.actors.HANDLAGGARE), a.actors.HANDLAGGARE, change(a, a.ksUppdrag.id, 2))).resolves.toMatchObject({ version: 3 });
    const detail = await getUppdrag(scopedFor(db.prisma, a.actors.HANDLAGGARE), a.actors.HANDLAGGARE, a.kfUppdrag.id);
    expect(detail?.canChangeStatus).toBe(false);
  });

  it("an administrator changes any uppdrag of the municipality", async () => {
    await expect(changeStatus(scopedFor(db.prisma, a.actors.ADMINISTRATOR), a.actors.ADMINISTRATOR, change(a, a.kfUppdrag.id))).resolves.toMatchObject({ version: 2 });
    await createUnit(db.prisma, a.municipality.id, { name: `Enhet ${Date.now()}`, kind: "ENHET" });
  });
});
