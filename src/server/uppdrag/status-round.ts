import type { Prisma } from "@/generated/prisma/client";
import type { ScopedClient } from "@/server/db/scoped";
import { ForbiddenError, canWriteAnything, type Actor } from "@/server/permissions";
import { OPEN_STATUSES } from "@/lib/status";

/** How many rows one status round shows; a secretary narrows by body beyond that. */
export const STATUS_ROUND_LIMIT = 200;

/**
 * The open uppdrag the actor may report status for, in one table: all of them
 * for an administrator, the bodies a secretary serves, a handläggare's unit.
 */
export async function listStatusRound(db: ScopedClient, actor: Actor) {
  if (!canWriteAnything(actor)) throw new ForbiddenError("uppdrag:change-status");
  const where: Prisma.UppdragWhereInput = { status: { in: [...OPEN_STATUSES] } };
  if (actor.role === "SEKRETERARE") where.bodyId = { in: actor.secretaryOf };
  if (actor.role === "HANDLAGGARE") where.units = { some: { unitId: actor.unitId ?? "00000000-0000-0000-0000-000000000000" } };
  const [rows, total] = await Promise.all([
    db.uppdrag.findMany({
      where,
      select: {
        id: true,
        title: true,
        status: true,
        version: true,
        decidedOn: true,
        deadline: true,
        plannedCompletion: true,
        statusComment: true,
        unitNames: true,
        body: { select: { shortName: true } },
        paragraph: { select: { number: true } },
      },
      orderBy: [{ body: { shortName: "asc" } }, { decidedOn: "asc" }, { id: "asc" }],
      take: STATUS_ROUND_LIMIT,
    }),
    db.uppdrag.count({ where }),
  ]);
  return { rows, total };
}

/** More meetings than any body holds in decades; a guard, not a window. */
export const REPORTING_MEETINGS_LIMIT = 5000;

/**
 * Meetings a status round can be reported to: every meeting of the bodies the
 * actor reports for (a secretary's own bodies; every body for others), past and
 * planned, newest first. (`_now` is kept for callers that pass a moment: there is
 * no window of days any more, a late report to an old meeting is allowed.)
 */
export async function listReportingMeetings(db: ScopedClient, actor: Actor, _now = new Date()) {
  if (!canWriteAnything(actor)) throw new ForbiddenError("uppdrag:change-status");
  const where: Prisma.MeetingWhereInput = {};
  if (actor.role === "SEKRETERARE") where.bodyId = { in: actor.secretaryOf };
  return db.meeting.findMany({
    where,
    select: { id: true, date: true, body: { select: { shortName: true, name: true } } },
    orderBy: [{ date: "desc" }, { body: { shortName: "asc" } }, { id: "asc" }],
    take: REPORTING_MEETINGS_LIMIT,
  });
}
