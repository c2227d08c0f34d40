import type { Prisma, PrismaClient } from "@/generated/prisma/client";
import { scopedClient } from "@/server/db/scoped";
import { requirePermission, type Actor } from "@/server/permissions";
import { OPEN_STATUSES } from "@/lib/status";
import { dnrKey } from "@/lib/dnr";
import type { ListFilters } from "@/lib/validation/uppdrag";

export const PAGE_SIZE = 50;

const listSelect = {
  id: true,
  title: true,
  status: true,
  decidedOn: true,
  deadline: true,
  plannedCompletion: true,
  statusChangedAt: true,
  body: { select: { id: true, shortName: true, name: true } },
  paragraph: { select: { number: true, dnr: true } },
  units: { select: { unit: { select: { id: true, name: true } } } },
} satisfies Prisma.UppdragSelect;

export type UppdragListRow = Prisma.UppdragGetPayload<{ select: typeof listSelect }>;

export function listWhere(filters: ListFilters): Prisma.UppdragWhereInput {
  const where: Prisma.UppdragWhereInput = {};
  if (filters.status?.length) where.status = { in: filters.status };
  else if (!filters.showClosed) where.status = { in: [...OPEN_STATUSES] };
  if (filters.body) where.bodyId = filters.body;
  if (filters.q) {
    const key = dnrKey(filters.q);
    where.OR = [
      { title: { contains: filters.q, mode: "insensitive" } },
      ...(key ? [{ paragraph: { dnrKey: { startsWith: key } } }] : []),
    ];
  }
  return where;
}

/** One page of the municipality's uppdrag, newest decision first. */
export async function listUppdrag(prisma: PrismaClient, actor: Actor, filters: ListFilters) {
  requirePermission(actor, "uppdrag:read");
  const db = scopedClient(prisma, actor.municipalityId);
  const where = listWhere(filters);
  const page = filters.page ?? 1;
  const [rows, total] = await Promise.all([
    db.uppdrag.findMany({
      where,
      select: listSelect,
      orderBy: [{ decidedOn: "desc" }, { paragraph: { number: "desc" } }, { id: "asc" }],
      skip: (page - 1) * PAGE_SIZE,
      take: PAGE_SIZE,
    }),
    db.uppdrag.count({ where }),
  ]);
  return { rows, total, page, pageCount: Math.max(1, Math.ceil(total / PAGE_SIZE)) };
}

/** The bodies of the actor's municipality, for the filter. */
export async function listBodies(prisma: PrismaClient, actor: Actor) {
  requirePermission(actor, "uppdrag:read");
  return scopedClient(prisma, actor.municipalityId).body.findMany({
    select: { id: true, name: true, shortName: true },
    orderBy: { name: "asc" },
  });
}
