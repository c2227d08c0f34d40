import type { UppdragStatus } from "@/generated/prisma/enums";
import type { ScopedClient } from "@/server/db/scoped";
import { requirePermission, type Actor } from "@/server/permissions";
import { OPEN_STATUSES, STATUSES } from "@/lib/status";
import { cachedForMunicipality } from "./municipality-cache";

export interface Overview {
  byStatus: Record<UppdragStatus, number>;
  open: number;
  overdue: number;
  /** Median age in days of the open uppdrag, since the decision. */
  medianOpenAgeDays: number | null;
  /** Open uppdrag per body and status, largest body first. */
  byBody: { bodyId: string; shortName: string; name: string; total: number; byStatus: Partial<Record<UppdragStatus, number>> }[];
}

/** The numbers above the list, cached per municipality and day until the next change. */
export async function getOverview(db: ScopedClient, actor: Actor, today = new Date()): Promise<Overview> {
  requirePermission(actor, "uppdrag:read");
  return cachedForMunicipality(actor.municipalityId, `overview:${today.toISOString().slice(0, 10)}`, () => loadOverview(db, actor, today));
}

/** Four small queries, all within the municipality. */
export async function loadOverview(db: ScopedClient, actor: Actor, today: Date): Promise<Overview> {
  const day = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate()));
  const open = { status: { in: [...OPEN_STATUSES] } };
  const [statusGroups, overdue, bodyGroups, bodies, median] = await Promise.all([
    db.uppdrag.groupBy({ by: ["status"], _count: { _all: true } }),
    db.uppdrag.count({ where: { AND: [open, { OR: [{ deadline: { lt: day } }, { deadline: null, plannedCompletion: { lt: day } }] }] } }),
    db.uppdrag.groupBy({ by: ["bodyId", "status"], where: open, _count: { _all: true } }),
    db.body.findMany({ select: { id: true, shortName: true, name: true } }),
    db.$queryRaw<{ days: number | null }[]>`
      SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY (${day}::date - "decidedOn")) AS days
      FROM "Uppdrag" WHERE "municipalityId" = ${actor.municipalityId}::uuid
      AND status IN ('NOT_STARTED', 'IN_PROGRESS', 'DELAYED', 'ON_HOLD')`,
  ]);
  const byStatus = Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<UppdragStatus, number>;
  for (const g of statusGroups) byStatus[g.status] = g._count._all;
  const bodyById = new Map(bodies.map((b) => [b.id, b]));
  const perBody = new Map<string, Overview["byBody"][number]>();
  for (const g of bodyGroups) {
    const b = bodyById.get(g.bodyId);
    if (!b) continue;
    const row = perBody.get(b.id) ?? { bodyId: b.id, shortName: b.shortName, name: b.name, total: 0, byStatus: {} };
    row.byStatus[g.status] = g._count._all;
    row.total += g._count._all;
    perBody.set(b.id, row);
  }
  return {
    byStatus,
    open: OPEN_STATUSES.reduce((n, s) => n + byStatus[s], 0),
    overdue,
    medianOpenAgeDays: median[0]?.days == null ? null : Math.round(Number(median[0].days)),
    byBody: [...perBody.values()].sort((a, b) => b.total - a.total),
  };
}
