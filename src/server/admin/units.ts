// Administration of units (förvaltning, kontor, avdelning, enhet) as a tree:
// create, rename, move under another parent. Administrator only; audited;
// a stale form is refused (Unit.version).
import type { UnitKind } from "@/generated/prisma/enums";
import type { ScopedClient, ScopedTx } from "@/server/db/scoped";
import { NotFoundError, requirePermission, type Actor } from "@/server/permissions";
import { recordAudit } from "@/server/audit";
import { RefusedError, StaleRecordError } from "@/server/errors";
import { wouldMakeCycle } from "./tree";
import { unitColumns } from "@/server/seed/factories";

export interface UnitInput {
  name: string;
  shortName?: string;
  kind: UnitKind;
  parentId?: string;
}

const guard = (actor: Actor) => requirePermission(actor, "admin:manage", { municipalityId: actor.municipalityId });

async function checkUnit(tx: ScopedTx, input: UnitInput, selfId?: string) {
  const units = await tx.unit.findMany({ select: { id: true, name: true, parentId: true } });
  if (units.some((u) => u.id !== selfId && u.name.toLowerCase() === input.name.toLowerCase()))
    throw new RefusedError("Det finns redan en enhet med det namnet.", "name");
  if (input.parentId) {
    if (!units.some((u) => u.id === input.parentId)) throw new RefusedError("Välj en överordnad enhet i listan.", "parentId");
    if (selfId && wouldMakeCycle(units, selfId, input.parentId))
      throw new RefusedError("En enhet kan inte flyttas till sig själv eller till en av sina egna underenheter.", "parentId");
  }
}

const dataOf = (input: UnitInput) => ({ name: input.name, shortName: input.shortName ?? null, kind: input.kind, parentId: input.parentId ?? null });

export async function createUnit(db: ScopedClient, actor: Actor, input: UnitInput): Promise<{ id: string }> {
  guard(actor);
  return db.$transaction(async (tx) => {
    await checkUnit(tx, input);
    const unit = await tx.unit.create({ data: { municipalityId: actor.municipalityId, ...dataOf(input) }, select: { id: true } });
    await recordAudit(tx, { municipalityId: actor.municipalityId, actorId: actor.userId, action: "unit.create", entity: "Unit", entityId: unit.id, after: dataOf(input) });
    return unit;
  });
}

/** Renames and/or moves a unit. The uppdrag it is responsible for show the new name in lists at once. */
export async function updateUnit(db: ScopedClient, actor: Actor, input: UnitInput & { id: string; expectedVersion: number }): Promise<void> {
  guard(actor);
  await db.$transaction(async (tx) => {
    const before = await tx.unit.findFirst({ where: { id: input.id }, select: { name: true, shortName: true, kind: true, parentId: true, version: true } });
    if (!before) throw new NotFoundError("enhet");
    if (before.version !== input.expectedVersion) throw new StaleRecordError("enheten");
    await checkUnit(tx, input, input.id);
    const r = await tx.unit.updateMany({ where: { id: input.id, version: input.expectedVersion }, data: { ...dataOf(input), version: { increment: 1 } } });
    if (r.count !== 1) throw new StaleRecordError("enheten");
    if (before.name !== input.name) {
      // Uppdrag.unitNames is the lists' copy of the responsible units' names.
      const affected = await tx.uppdrag.findMany({ where: { units: { some: { unitId: input.id } } }, select: { id: true, units: { select: { unit: { select: { name: true } } } } } });
      for (const u of affected) await tx.uppdrag.update({ where: { id: u.id }, data: unitColumns(u.units.map((x) => x.unit.name)) });
    }
    const action = before.parentId !== (input.parentId ?? null) ? "unit.move" : "unit.update";
    await recordAudit(tx, {
      municipalityId: actor.municipalityId,
      actorId: actor.userId,
      action,
      entity: "Unit",
      entityId: input.id,
      before: { name: before.name, shortName: before.shortName, kind: before.kind, parentId: before.parentId },
      after: dataOf(input),
    });
  });
}
