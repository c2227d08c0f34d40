// Audit events: who did what to which record, when, with before and after.
// Written in the same transaction as the change it describes.
import type { Prisma } from "@/generated/prisma/client";

interface AuditWriter {
  auditEvent: { create(args: { data: Prisma.AuditEventUncheckedCreateInput }): Promise<unknown> };
}
interface AuditBatchWriter {
  auditEvent: { createMany(args: { data: Prisma.AuditEventCreateManyInput[] }): Promise<unknown> };
}

export interface AuditInput {
  municipalityId: string;
  actorId: string | null;
  action: string;
  entity: string;
  entityId: string;
  before?: unknown;
  after?: unknown;
}

const asJson = (v: unknown) => (v === undefined ? undefined : (JSON.parse(JSON.stringify(v)) as Prisma.InputJsonValue));

const row = (e: AuditInput) => ({
  municipalityId: e.municipalityId,
  actorId: e.actorId,
  action: e.action,
  entity: e.entity,
  entityId: e.entityId,
  before: asJson(e.before),
  after: asJson(e.after),
});

export async function recordAudit(db: AuditWriter, e: AuditInput): Promise<void> {
  await db.auditEvent.create({ data: row(e) });
}

/** Many events in one statement (an import), in the same transaction as the changes. */
export async function recordAudits(db: AuditBatchWriter, events: AuditInput[]): Promise<void> {
  for (let i = 0; i < events.length; i += 1000) await db.auditEvent.createMany({ data: events.slice(i, i + 1000).map(row) });
}

/**
 * Logs a refused request (no permission, or a record outside the actor's
 * municipality). Never throws: a failed log line must not turn a refusal into an error.
 */
export async function recordRefusal(
  db: AuditWriter,
  actor: { municipalityId: string; userId: string },
  refusal: { reason: "forbidden" | "not-found" | "foreign-origin"; permission?: string; where: string },
): Promise<void> {
  try {
    await recordAudit(db, {
      municipalityId: actor.municipalityId,
      actorId: actor.userId,
      action: "access.refused",
      entity: "Request",
      entityId: refusal.where.slice(0, 200),
      after: { reason: refusal.reason, permission: refusal.permission ?? null },
    });
  } catch (err) {
    console.error("could not log a refused request", err);
  }
}
