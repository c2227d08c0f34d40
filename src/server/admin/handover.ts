// Handover (issue #17): a person who leaves may be the named responsible person
// of open uppdrag or the handläggare of open motions. Deactivating them asks who
// takes these over and moves them in the same transaction as the deactivation,
// each move audited (ids only, never names: the audit log is append-only). The
// administration also lists open uppdrag whose named person has left.
//
// Uppdrag.responsiblePerson is free text (a name as the protocol writes it), not
// a link to a user: "the person's uppdrag" are the open ones whose responsible
// person is the user's name, compared without case and extra spaces within the
// municipality. Motions link their handläggare as a user (Motion.handlaggareId).
import type { ScopedClient, ScopedTx } from "@/server/db/scoped";
import { NotFoundError, requirePermission, type Actor } from "@/server/permissions";
import { recordAudit } from "@/server/audit";
import { RefusedError } from "@/server/errors";
import { CLOSED_STATUSES } from "@/lib/status";
import { setActiveInTransaction } from "./users";

type Db = ScopedClient | ScopedTx;
const OPEN_MOTION = ["VACKT", "REMITTERAD", "UNDER_BEREDNING"] as const;
const normalName = (s: string) => s.trim().replace(/\s+/g, " ").toLocaleLowerCase("sv");

/** Open uppdrag naming this person as responsible, and open motions they are handläggare of. */
/** Compared in code, not SQL: the name as written may differ in case and spacing. */
export async function openWorkOf(db: Db, userId: string, name: string) {
  const candidates = await db.uppdrag.findMany({
    where: { status: { notIn: [...CLOSED_STATUSES] }, responsiblePerson: { not: null } },
    select: { id: true, title: true, responsiblePerson: true, version: true },
    orderBy: { decidedOn: "asc" },
  });
  const uppdrag = candidates.filter((u) => u.responsiblePerson && normalName(u.responsiblePerson) === normalName(name));
  const motions = await db.motion.findMany({ where: { handlaggareId: userId, state: { in: [...OPEN_MOTION] } }, select: { id: true, title: true, version: true }, orderBy: { raisedOn: "asc" } });
  return { uppdrag, motions };
}

/** Moves the person's open uppdrag and motions to the successor and deactivates the person, in one transaction. */
export async function handoverAndDeactivate(db: ScopedClient, actor: Actor, input: { id: string; expectedVersion: number; successorId: string }, now = new Date()): Promise<{ uppdrag: number; motions: number }> {
  requirePermission(actor, "admin:manage", { municipalityId: actor.municipalityId });
  if (input.id === actor.userId) throw new RefusedError("Du kan inte inaktivera ditt eget konto.");
  if (input.successorId === input.id) throw new RefusedError("Välj en annan person än den som slutar.", "successorId");
  return db.$transaction(async (tx) => {
    const leaving = await tx.membership.findFirst({ where: { userId: input.id }, select: { user: { select: { name: true } } } });
    if (!leaving) throw new NotFoundError("användare");
    const successor = await tx.membership.findFirst({ where: { userId: input.successorId }, select: { user: { select: { name: true, active: true, anonymizedAt: true } } } });
    if (!successor || !successor.user.active || successor.user.anonymizedAt) throw new RefusedError("Välj en aktiv person i listan.", "successorId");
    const work = await openWorkOf(tx, input.id, leaving.user.name);
    for (const u of work.uppdrag) {
      await tx.uppdrag.updateMany({ where: { id: u.id }, data: { responsiblePerson: successor.user.name, version: { increment: 1 } } });
      await recordAudit(tx, { municipalityId: actor.municipalityId, actorId: actor.userId, action: "uppdrag.handover", entity: "Uppdrag", entityId: u.id, before: { responsibleUserId: input.id }, after: { responsibleUserId: input.successorId } });
    }
    for (const mo of work.motions) {
      await tx.motion.updateMany({ where: { id: mo.id }, data: { handlaggareId: input.successorId, version: { increment: 1 } } });
      await recordAudit(tx, { municipalityId: actor.municipalityId, actorId: actor.userId, action: "motion.handover", entity: "Motion", entityId: mo.id, before: { handlaggareId: input.id }, after: { handlaggareId: input.successorId } });
    }
    await setActiveInTransaction(tx, actor, { id: input.id, expectedVersion: input.expectedVersion }, false, now);
    return { uppdrag: work.uppdrag.length, motions: work.motions.length };
  });
}

/**
 * Open uppdrag whose named responsible person is a deactivated or anonymised
 * user of the municipality (and no active user has that name), and open
 * motions whose handläggare is: the administration's list of what has no one.
 */
export async function orphanedWork(db: ScopedClient, actor: Actor) {
  requirePermission(actor, "admin:manage", { municipalityId: actor.municipalityId });
  const members = await db.membership.findMany({ select: { userId: true, user: { select: { name: true, active: true, anonymizedAt: true } } } });
  const active = new Set(members.filter((m) => m.user.active && !m.user.anonymizedAt).map((m) => normalName(m.user.name)));
  const left = new Map(members.filter((m) => !m.user.active && !m.user.anonymizedAt && !active.has(normalName(m.user.name))).map((m) => [normalName(m.user.name), m]));
  const leftIds = members.filter((m) => !m.user.active || m.user.anonymizedAt).map((m) => m.userId);
  const open = left.size
    ? await db.uppdrag.findMany({
        where: { status: { notIn: [...CLOSED_STATUSES] }, responsiblePerson: { not: null } },
        select: { id: true, title: true, responsiblePerson: true, deadline: true },
        orderBy: { decidedOn: "asc" },
      })
    : [];
  const uppdrag = open.filter((u) => left.has(normalName(u.responsiblePerson!))).map((u) => ({ ...u, userId: left.get(normalName(u.responsiblePerson!))!.userId }));
  const motions = leftIds.length
    ? await db.motion.findMany({ where: { handlaggareId: { in: leftIds }, state: { in: [...OPEN_MOTION] } }, select: { id: true, title: true, handlaggareId: true }, orderBy: { raisedOn: "asc" } })
    : [];
  return { uppdrag, motions };
}
