// What the motion register's permissions are checked against: kommunfullmäktige,
// whose secretaries keep the register (with the administrators).
import type { ScopedClient, ScopedTx } from "@/server/db/scoped";
import type { RecordScope } from "@/server/entry/endpoint";
import { requirePermission, type Actor } from "@/server/permissions";

/** The municipality's kommunfullmäktige as records (none registered: the municipality alone, which only administrators hold). */
export async function councilScope(db: ScopedClient | ScopedTx): Promise<RecordScope[]> {
  const kf = await db.body.findMany({ where: { kind: "FULLMAKTIGE" }, select: { id: true } });
  return kf.length ? kf.map((b) => ({ bodyId: b.id })) : [{}];
}

/** A motion of the municipality: the council it belongs to; null when it is not there. */
export async function motionScope(db: ScopedClient, motionId: string): Promise<RecordScope[] | null> {
  const m = await db.motion.findFirst({ where: { id: motionId }, select: { id: true } });
  return m && councilScope(db);
}

/** The second line (the endpoint's declaration is the first): may the actor keep the register? */
export async function requireManage(db: ScopedClient | ScopedTx, actor: Actor): Promise<void> {
  for (const scope of await councilScope(db)) requirePermission(actor, "motion:manage", { municipalityId: actor.municipalityId, ...scope });
}

/** True when the actor keeps the register (shows the forms). */
export async function canManageMotions(db: ScopedClient, actor: Actor): Promise<boolean> {
  try {
    await requireManage(db, actor);
    return true;
  } catch {
    return false;
  }
}
