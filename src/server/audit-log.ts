// Reading the audit log (administrators): filter by person, record, event and
// date, newest first, a page at a time or all of it as CSV.
import type { Prisma } from "@/generated/prisma/client";
import type { ScopedClient } from "@/server/db/scoped";
import { requirePermission, type Actor } from "@/server/permissions";
import { endOfSwedishDay, startOfSwedishDay } from "@/lib/report/report-dates";
import { AUDIT_ENTITY_LABEL, type AuditFilter } from "@/lib/validation/audit";

export const AUDIT_PAGE_SIZE = 50;
/** The most rows one CSV export holds; narrow the filter for more. */
export const AUDIT_EXPORT_MAX = 100_000;

const select = {
  id: true,
  at: true,
  action: true,
  entity: true,
  entityId: true,
  before: true,
  after: true,
  actor: { select: { id: true, name: true, email: true } },
} satisfies Prisma.AuditEventSelect;
export type AuditRow = Prisma.AuditEventGetPayload<{ select: typeof select }>;

/** The record kinds a typed name means: the code itself, or every kind whose Swedish name it is ("Inloggning" → Session). */
function entityCodesFor(typed: string): string[] {
  const t = typed.trim().toLocaleLowerCase("sv");
  return [typed.trim(), ...Object.entries(AUDIT_ENTITY_LABEL).filter(([, label]) => label.toLocaleLowerCase("sv") === t).map(([code]) => code)];
}

function where(f: AuditFilter): Prisma.AuditEventWhereInput {
  return {
    ...(f.person ? { actorId: f.person } : {}),
    ...(f.action ? { action: f.action } : {}),
    ...(f.record ? { OR: [{ entityId: f.record }, { entity: { in: entityCodesFor(f.record), mode: "insensitive" } }] } : {}),
    ...(f.from || f.to ? { at: { ...(f.from ? { gte: startOfSwedishDay(f.from) } : {}), ...(f.to ? { lt: endOfSwedishDay(f.to) } : {}) } } : {}),
  };
}

export async function listAuditEvents(db: ScopedClient, actor: Actor, f: AuditFilter): Promise<{ rows: AuditRow[]; total: number }> {
  requirePermission(actor, "audit:read", { municipalityId: actor.municipalityId });
  const [rows, total] = await Promise.all([
    db.auditEvent.findMany({ where: where(f), select, orderBy: [{ at: "desc" }, { id: "desc" }], skip: (f.page - 1) * AUDIT_PAGE_SIZE, take: AUDIT_PAGE_SIZE }),
    db.auditEvent.count({ where: where(f) }),
  ]);
  return { rows, total };
}

export async function exportAuditEvents(db: ScopedClient, actor: Actor, f: AuditFilter): Promise<AuditRow[]> {
  requirePermission(actor, "audit:read", { municipalityId: actor.municipalityId });
  return db.auditEvent.findMany({ where: where(f), select, orderBy: [{ at: "desc" }, { id: "desc" }], take: AUDIT_EXPORT_MAX });
}

/** The people who appear in the municipality's log, for the person filter. */
export async function auditPeople(db: ScopedClient, actor: Actor): Promise<{ id: string; name: string }[]> {
  requirePermission(actor, "audit:read", { municipalityId: actor.municipalityId });
  const members = await db.membership.findMany({ select: { user: { select: { id: true, name: true } } } });
  return members.map((m) => m.user).sort((a, b) => a.name.localeCompare(b.name, "sv"));
}
