// Uppdrag ↔ plan: an uppdrag serves a commitment or one of its activities.
// Secretaries (of the plan's body) and administrators link and unlink; every
// change is audited. Both sides read the links.
import type { ScopedClient } from "@/server/db/scoped";
import { NotFoundError, can, requirePermission, type Actor } from "@/server/permissions";
import { recordAudit } from "@/server/audit";
import { RefusedError } from "@/server/errors";
import type { LinkUppdragInput } from "@/lib/validation/plan";

export interface UppdragPlanLink {
  linkId: string;
  plan: { id: string; title: string; year: number };
  commitment: string;
  activity: string | null;
  canUnlink: boolean;
}
export interface LinkChoice {
  plan: { id: string; title: string; year: number };
  options: { value: string; label: string }[];
}

/** The commitments and activities an uppdrag serves, and (for managers) what it could be linked to. */
export async function planLinksForUppdrag(db: ScopedClient, actor: Actor, uppdragId: string): Promise<{ links: UppdragPlanLink[]; choices: LinkChoice[] }> {
  if (!can(actor, "plan:read", { municipalityId: actor.municipalityId })) return { links: [], choices: [] };
  const rows = await db.planUppdragLink.findMany({
    where: { uppdragId },
    orderBy: { createdAt: "asc" },
    select: {
      id: true,
      commitment: { select: { text: true, plan: { select: { id: true, title: true, year: true, bodyId: true } } } },
      activity: { select: { name: true } },
    },
  });
  const links = rows.map((r) => ({
    linkId: r.id,
    plan: { id: r.commitment.plan.id, title: r.commitment.plan.title, year: r.commitment.plan.year },
    commitment: r.commitment.text,
    activity: r.activity?.name ?? null,
    canUnlink: can(actor, "plan:manage", { municipalityId: actor.municipalityId, bodyId: r.commitment.plan.bodyId }),
  }));
  const plans = await db.plan.findMany({
    select: {
      id: true,
      title: true,
      year: true,
      bodyId: true,
      goals: {
        orderBy: { position: "asc" },
        select: {
          commitments: {
            orderBy: { position: "asc" },
            select: { id: true, text: true, activities: { orderBy: { position: "asc" }, select: { id: true, name: true } } },
          },
        },
      },
    },
    orderBy: { year: "desc" },
  });
  const choices = plans
    .filter((p) => can(actor, "plan:manage", { municipalityId: actor.municipalityId, bodyId: p.bodyId }))
    .map((p) => ({
      plan: { id: p.id, title: p.title, year: p.year },
      options: p.goals.flatMap((g) =>
        g.commitments.flatMap((c) => [
          { value: `c:${c.id}`, label: `Åtagande: ${c.text}` },
          ...c.activities.map((a) => ({ value: `a:${a.id}`, label: `– Aktivitet: ${a.name}` })),
        ]),
      ),
    }));
  return { links, choices };
}

export async function linkUppdragToPlan(db: ScopedClient, actor: Actor, input: LinkUppdragInput, now = new Date()) {
  return db.$transaction(async (tx) => {
    const u = await tx.uppdrag.findFirst({ where: { id: input.uppdragId }, select: { id: true } });
    if (!u) throw new NotFoundError("uppdrag");
    let commitmentId: string;
    let activityId: string | null = null;
    let bodyId: string;
    if (input.target.kind === "activity") {
      const a = await tx.planActivity.findFirst({ where: { id: input.target.id }, select: { id: true, commitmentId: true, plan: { select: { bodyId: true } } } });
      if (!a) throw new NotFoundError("activity");
      commitmentId = a.commitmentId;
      activityId = a.id;
      bodyId = a.plan.bodyId;
    } else {
      const c = await tx.planCommitment.findFirst({ where: { id: input.target.id }, select: { id: true, plan: { select: { bodyId: true } } } });
      if (!c) throw new NotFoundError("commitment");
      commitmentId = c.id;
      bodyId = c.plan.bodyId;
    }
    requirePermission(actor, "plan:manage", { municipalityId: actor.municipalityId, bodyId });
    const existing = await tx.planUppdragLink.findFirst({ where: { uppdragId: u.id, commitmentId, activityId }, select: { id: true } });
    if (existing) throw new RefusedError("Uppdraget är redan kopplat dit.");
    const link = await tx.planUppdragLink.create({
      data: { municipalityId: actor.municipalityId, uppdragId: u.id, commitmentId, activityId, createdById: actor.userId, createdAt: now },
      select: { id: true },
    });
    await recordAudit(tx, {
      municipalityId: actor.municipalityId,
      actorId: actor.userId,
      action: "plan.uppdrag.link",
      entity: "PlanUppdragLink",
      entityId: link.id,
      after: { uppdragId: u.id, commitmentId, activityId },
    });
    return link;
  });
}

export async function unlinkUppdragFromPlan(db: ScopedClient, actor: Actor, input: { linkId: string; uppdragId: string }) {
  return db.$transaction(async (tx) => {
    const link = await tx.planUppdragLink.findFirst({
      where: { id: input.linkId, uppdragId: input.uppdragId },
      select: { id: true, uppdragId: true, commitmentId: true, activityId: true, commitment: { select: { plan: { select: { bodyId: true } } } } },
    });
    if (!link) throw new NotFoundError("link");
    requirePermission(actor, "plan:manage", { municipalityId: actor.municipalityId, bodyId: link.commitment.plan.bodyId });
    await tx.planUppdragLink.deleteMany({ where: { id: link.id } });
    await recordAudit(tx, {
      municipalityId: actor.municipalityId,
      actorId: actor.userId,
      action: "plan.uppdrag.unlink",
      entity: "PlanUppdragLink",
      entityId: link.id,
      before: { uppdragId: link.uppdragId, commitmentId: link.commitmentId, activityId: link.activityId },
    });
  });
}
