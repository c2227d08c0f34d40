// Which bodies the June/December report covers by default: a municipality setting
// kept on each body (Body.inCouncilReport), changed by the administrator.
import type { ScopedClient } from "@/server/db/scoped";
import { NotFoundError, requirePermission, type Actor } from "@/server/permissions";
import { recordAudit } from "@/server/audit";

export async function setReportBodies(db: ScopedClient, actor: Actor, bodyIds: string[]): Promise<void> {
  requirePermission(actor, "admin:manage", { municipalityId: actor.municipalityId });
  const ids = [...new Set(bodyIds)];
  await db.$transaction(async (tx) => {
    const bodies = await tx.body.findMany({ select: { id: true, shortName: true, inCouncilReport: true } });
    const known = new Set(bodies.map((b) => b.id));
    if (ids.some((id) => !known.has(id))) throw new NotFoundError("body");
    const before = bodies.filter((b) => b.inCouncilReport).map((b) => b.shortName);
    await tx.body.updateMany({ where: { id: { in: ids } }, data: { inCouncilReport: true } });
    await tx.body.updateMany({ where: { id: { notIn: ids } }, data: { inCouncilReport: false } });
    const after = bodies.filter((b) => ids.includes(b.id)).map((b) => b.shortName);
    await recordAudit(tx, {
      municipalityId: actor.municipalityId,
      actorId: actor.userId,
      action: "municipality.report-bodies.set",
      entity: "Municipality",
      entityId: actor.municipalityId,
      before: { bodies: before },
      after: { bodies: after },
    });
  });
}
