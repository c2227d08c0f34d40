import type { ScopedClient, ScopedTx } from "@/server/db/scoped";
import { NotFoundError, requirePermission, type Actor } from "@/server/permissions";
import { recordAudit } from "@/server/audit";
import { publish } from "@/server/live";
import type { ChangeStatusInput } from "@/lib/validation/uppdrag";
import { standingComment } from "@/lib/status";
import type { UppdragStatus } from "@/generated/prisma/enums";

/** Someone else saved the uppdrag after the form was loaded. */
export class ConflictError extends Error {
  constructor(
    public readonly current: {
      version: number;
      status: UppdragStatus;
      comment: string | null;
      authorName: string | null;
      at: Date | null;
    },
  ) {
    super("conflict: the uppdrag was changed by someone else");
    this.name = "ConflictError";
  }
}

/**
 * Appends a status entry and updates the uppdrag's current status in one
 * transaction, with its audit event. Refuses when the uppdrag changed since
 * `expectedVersion` was read (nothing is overwritten).
 */
export async function changeStatus(db: ScopedClient, actor: Actor, input: ChangeStatusInput, now = new Date()) {
  const result = await db.$transaction((tx) => changeStatusIn(tx, actor, input, now));
  // After the commit: open pages of the municipality refresh themselves.
  publish(actor.municipalityId, { type: "uppdrag-changed", uppdragId: result.uppdragId, at: now.toISOString() });
  return result;
}

/**
 * The same inside a transaction the caller holds (a later decision, an import):
 * the caller publishes the live event after its commit.
 */
export async function changeStatusIn(
  tx: ScopedTx,
  actor: Actor,
  input: ChangeStatusInput,
  now = new Date(),
  audit: { action?: string; extra?: Record<string, unknown> } = {},
) {
  const u = await tx.uppdrag.findFirst({
    where: { id: input.uppdragId },
    select: {
      id: true,
      bodyId: true,
      version: true,
      status: true,
      statusComment: true,
      plannedCompletion: true,
      searchDocument: true,
      units: { select: { unitId: true } },
    },
  });
  if (!u) throw new NotFoundError("uppdrag");
  requirePermission(actor, "uppdrag:change-status", {
    municipalityId: actor.municipalityId,
    bodyId: u.bodyId,
    unitIds: u.units.map((x) => x.unitId),
  });
  if (input.reportedAtMeetingId) {
    const meeting = await tx.meeting.findFirst({ where: { id: input.reportedAtMeetingId }, select: { id: true } });
    if (!meeting) throw new NotFoundError("meeting");
  }

  const entry = await tx.statusEntry.create({
    data: {
      municipalityId: actor.municipalityId,
      uppdragId: u.id,
      status: input.status,
      comment: input.comment,
      plannedCompletion: input.plannedCompletion,
      reportedAtMeetingId: input.reportedAtMeetingId,
      authorId: actor.userId,
      at: now,
    },
    select: { id: true },
  });
  const updated = await tx.uppdrag.updateMany({
    where: { id: u.id, version: input.expectedVersion },
    data: {
      status: input.status,
      statusComment: standingComment(input, { status: u.status, comment: u.statusComment }),
      plannedCompletion: input.plannedCompletion,
      statusChangedAt: now,
      searchDocument: input.comment ? `${u.searchDocument}\n${input.comment}` : undefined,
      version: { increment: 1 },
    },
  });
  if (updated.count === 0) {
    const latest = await tx.statusEntry.findFirst({
      where: { uppdragId: u.id, NOT: { id: entry.id } },
      orderBy: [{ at: "desc" }, { id: "desc" }],
      select: { comment: true, at: true, author: { select: { name: true } } },
    });
    throw new ConflictError({
      version: u.version,
      status: u.status,
      comment: latest?.comment ?? null,
      authorName: latest?.author?.name ?? null,
      at: latest?.at ?? null,
    });
  }
  await recordAudit(tx, {
    municipalityId: actor.municipalityId,
    actorId: actor.userId,
    action: audit.action ?? "uppdrag.status.change",
    entity: "Uppdrag",
    entityId: u.id,
    before: { status: u.status, plannedCompletion: u.plannedCompletion, version: u.version },
    after: {
      status: input.status,
      comment: input.comment,
      plannedCompletion: input.plannedCompletion,
      reportedAtMeetingId: input.reportedAtMeetingId,
      version: u.version + 1,
      statusEntryId: entry.id,
      ...audit.extra,
    },
  });
  return { uppdragId: u.id, version: u.version + 1, statusEntryId: entry.id };
}
