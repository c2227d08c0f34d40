// What a person chooses to get (Mitt konto), and following an uppdrag (opt in):
// both the person's own, both audited without names.
import type { ScopedClient } from "@/server/db/scoped";
import { NotFoundError, type Actor } from "@/server/permissions";
import { recordAudit } from "@/server/audit";
import { DEFAULT_PREFERENCES, PREFERENCE_KEYS, type ReminderPreferences } from "@/lib/reminders/rules";

export async function getReminderPreferences(db: ScopedClient, actor: Actor): Promise<ReminderPreferences> {
  const p = await db.reminderPreference.findFirst({ where: { userId: actor.userId }, select: { deadlines: true, silent: true, reportCutoff: true, motionYear: true, followed: true } });
  return p ?? { ...DEFAULT_PREFERENCES };
}

export async function saveReminderPreferences(db: ScopedClient, actor: Actor, input: ReminderPreferences): Promise<void> {
  const data = Object.fromEntries(PREFERENCE_KEYS.map((k) => [k, input[k]])) as ReminderPreferences;
  await db.$transaction(async (tx) => {
    const before = await tx.reminderPreference.findFirst({ where: { userId: actor.userId }, select: { id: true, deadlines: true, silent: true, reportCutoff: true, motionYear: true, followed: true } });
    if (before) await tx.reminderPreference.update({ where: { id: before.id }, data: { ...data, version: { increment: 1 } } });
    else await tx.reminderPreference.create({ data: { municipalityId: actor.municipalityId, userId: actor.userId, ...data } });
    const { id: _id, ...was } = before ?? { id: "", ...DEFAULT_PREFERENCES };
    await recordAudit(tx, { municipalityId: actor.municipalityId, actorId: actor.userId, action: "user.reminder-preferences", entity: "User", entityId: actor.userId, before: was, after: data });
  });
}

export async function isFollowing(db: ScopedClient, actor: Actor, record: { uppdragId: string } | { motionId: string }): Promise<boolean> {
  return (await db.follow.count({ where: { userId: actor.userId, ...record } })) > 0;
}

/** Follows (or stops following) an uppdrag; doing what is already so changes nothing. */
export async function setFollowUppdrag(db: ScopedClient, actor: Actor, input: { uppdragId: string; follow: "ja" | "nej" }): Promise<boolean> {
  const follow = input.follow === "ja";
  return db.$transaction(async (tx) => {
    if (!(await tx.uppdrag.findFirst({ where: { id: input.uppdragId }, select: { id: true } }))) throw new NotFoundError("uppdrag");
    const existing = await tx.follow.findFirst({ where: { userId: actor.userId, uppdragId: input.uppdragId }, select: { id: true } });
    if (follow === !!existing) return follow;
    if (follow) await tx.follow.create({ data: { municipalityId: actor.municipalityId, userId: actor.userId, uppdragId: input.uppdragId } });
    else await tx.follow.deleteMany({ where: { id: existing!.id } });
    await recordAudit(tx, { municipalityId: actor.municipalityId, actorId: actor.userId, action: follow ? "uppdrag.follow" : "uppdrag.unfollow", entity: "Uppdrag", entityId: input.uppdragId });
    return follow;
  });
}

/** Follows (or stops following) a motion or medborgarförslag: its changes of state come in the digest. */
export async function setFollowMotion(db: ScopedClient, actor: Actor, input: { motionId: string; follow: "ja" | "nej" }): Promise<boolean> {
  const follow = input.follow === "ja";
  return db.$transaction(async (tx) => {
    if (!(await tx.motion.findFirst({ where: { id: input.motionId }, select: { id: true } }))) throw new NotFoundError("motion");
    const existing = await tx.follow.findFirst({ where: { userId: actor.userId, motionId: input.motionId }, select: { id: true } });
    if (follow === !!existing) return follow;
    if (follow) await tx.follow.create({ data: { municipalityId: actor.municipalityId, userId: actor.userId, motionId: input.motionId } });
    else await tx.follow.deleteMany({ where: { id: existing!.id } });
    await recordAudit(tx, { municipalityId: actor.municipalityId, actorId: actor.userId, action: follow ? "motion.follow" : "motion.unfollow", entity: "Motion", entityId: input.motionId });
    return follow;
  });
}
