// Administration of bodies (organ) and of who sits in or serves them
// (BodyAssignment). Administrator only; every write audited in its transaction;
// a rename from a stale form is refused (Body.version).
import type { BodyKind, BodyRole } from "@/generated/prisma/enums";
import type { ScopedClient, ScopedTx } from "@/server/db/scoped";
import { NotFoundError, requirePermission, type Actor } from "@/server/permissions";
import { recordAudit } from "@/server/audit";
import { RefusedError, StaleRecordError } from "@/server/errors";
import { wouldMakeCycle } from "./tree";

export interface BodyInput {
  name: string;
  shortName: string;
  kind: BodyKind;
  parentId?: string;
}

const guard = (actor: Actor) => requirePermission(actor, "admin:manage", { municipalityId: actor.municipalityId });

async function checkBody(tx: ScopedTx, input: BodyInput, selfId?: string) {
  const bodies = await tx.body.findMany({ select: { id: true, shortName: true, parentId: true } });
  if (bodies.some((b) => b.id !== selfId && b.shortName.toLowerCase() === input.shortName.toLowerCase()))
    throw new RefusedError("Det finns redan ett organ med den förkortningen.", "shortName");
  if (input.parentId) {
    if (!bodies.some((b) => b.id === input.parentId)) throw new RefusedError("Välj ett organ i listan.", "parentId");
    if (selfId && wouldMakeCycle(bodies, selfId, input.parentId)) throw new RefusedError("Ett organ kan inte ligga under sig självt eller under ett av sina egna underorgan.", "parentId");
  }
}

export async function createBody(db: ScopedClient, actor: Actor, input: BodyInput): Promise<{ id: string }> {
  guard(actor);
  return db.$transaction(async (tx) => {
    await checkBody(tx, input);
    const body = await tx.body.create({
      data: { municipalityId: actor.municipalityId, name: input.name, shortName: input.shortName, kind: input.kind, parentId: input.parentId ?? null },
      select: { id: true },
    });
    await recordAudit(tx, { municipalityId: actor.municipalityId, actorId: actor.userId, action: "body.create", entity: "Body", entityId: body.id, after: input });
    return body;
  });
}

export async function updateBody(db: ScopedClient, actor: Actor, input: BodyInput & { id: string; expectedVersion: number }): Promise<void> {
  guard(actor);
  await db.$transaction(async (tx) => {
    const before = await tx.body.findFirst({ where: { id: input.id }, select: { name: true, shortName: true, kind: true, parentId: true, version: true } });
    if (!before) throw new NotFoundError("organ");
    if (before.version !== input.expectedVersion) throw new StaleRecordError("organet");
    await checkBody(tx, input, input.id);
    const data = { name: input.name, shortName: input.shortName, kind: input.kind, parentId: input.parentId ?? null };
    const r = await tx.body.updateMany({ where: { id: input.id, version: input.expectedVersion }, data: { ...data, version: { increment: 1 } } });
    if (r.count !== 1) throw new StaleRecordError("organet");
    const old = { name: before.name, shortName: before.shortName, kind: before.kind, parentId: before.parentId };
    await recordAudit(tx, { municipalityId: actor.municipalityId, actorId: actor.userId, action: "body.update", entity: "Body", entityId: input.id, before: old, after: data });
  });
}

/** Adds a person of the municipality to a body as member (ledamot/ersättare) or secretary. */
export async function addBodyAssignment(db: ScopedClient, actor: Actor, input: { bodyId: string; userId: string; role: BodyRole }): Promise<void> {
  guard(actor);
  await db.$transaction(async (tx) => {
    const body = await tx.body.findFirst({ where: { id: input.bodyId }, select: { id: true } });
    if (!body) throw new NotFoundError("organ");
    const membership = await tx.membership.findFirst({ where: { userId: input.userId }, select: { id: true, role: true, user: { select: { active: true } } } });
    if (!membership) throw new RefusedError("Välj en person i listan.", "userId");
    if (!membership.user.active) throw new RefusedError("Personen är inaktiverad.", "userId");
    if (input.role === "SECRETARY" && membership.role !== "SEKRETERARE")
      throw new RefusedError("Bara den som har rollen sekreterare kan vara sekreterare åt ett organ. Ändra personens roll först.", "userId");
    const exists = await tx.bodyAssignment.findUnique({ where: { membershipId_bodyId_role: { membershipId: membership.id, bodyId: body.id, role: input.role } } });
    if (exists) throw new RefusedError(input.role === "SECRETARY" ? "Personen är redan sekreterare åt organet." : "Personen är redan ledamot i organet.", "userId");
    await tx.bodyAssignment.create({ data: { membershipId: membership.id, bodyId: body.id, role: input.role } });
    await recordAudit(tx, { municipalityId: actor.municipalityId, actorId: actor.userId, action: "body.assignment.add", entity: "Body", entityId: body.id, after: { userId: input.userId, role: input.role } });
  });
}

export async function removeBodyAssignment(db: ScopedClient, actor: Actor, input: { bodyId: string; userId: string; role: BodyRole }): Promise<void> {
  guard(actor);
  await db.$transaction(async (tx) => {
    const membership = await tx.membership.findFirst({ where: { userId: input.userId }, select: { id: true } });
    const body = await tx.body.findFirst({ where: { id: input.bodyId }, select: { id: true } });
    if (!membership || !body) throw new NotFoundError("uppdrag i organ");
    const r = await tx.bodyAssignment.deleteMany({ where: { membershipId: membership.id, bodyId: body.id, role: input.role } });
    if (r.count === 0) throw new NotFoundError("uppdrag i organ");
    await recordAudit(tx, { municipalityId: actor.municipalityId, actorId: actor.userId, action: "body.assignment.remove", entity: "Body", entityId: body.id, before: { userId: input.userId, role: input.role } });
  });
}
