// Keeping one uppdrag out of the open public view (sekretess, or a matter the
// municipality does not publish): set and cleared by an administrator, audited.
// The uppdrag stays in the app for everyone signed in.
import type { ScopedClient } from "@/server/db/scoped";
import { NotFoundError, requirePermission, type Actor } from "@/server/permissions";
import { recordAudit } from "@/server/audit";

export async function setPubliclyHidden(db: ScopedClient, actor: Actor, input: { uppdragId: string; hidden: boolean }): Promise<void> {
  requirePermission(actor, "admin:manage", { municipalityId: actor.municipalityId });
  await db.$transaction(async (tx) => {
    const u = await tx.uppdrag.findFirst({ where: { id: input.uppdragId }, select: { id: true, publiclyHidden: true } });
    if (!u) throw new NotFoundError("uppdrag");
    if (u.publiclyHidden === input.hidden) return;
    await tx.uppdrag.updateMany({ where: { id: u.id }, data: { publiclyHidden: input.hidden } });
    await recordAudit(tx, {
      municipalityId: actor.municipalityId,
      actorId: actor.userId,
      action: input.hidden ? "uppdrag.public.hide" : "uppdrag.public.show",
      entity: "Uppdrag",
      entityId: u.id,
      before: { publiclyHidden: u.publiclyHidden },
      after: { publiclyHidden: input.hidden },
    });
  });
}
