// A bifallen (or delvis bifallen) motion gives uppdrag: ordinary uppdrag of the
// KF paragraph that answered it, linked back to the motion, so the motion shows
// whether what KF decided was done.
import type { ScopedClient } from "@/server/db/scoped";
import { NotFoundError, requirePermission, type Actor } from "@/server/permissions";
import { RefusedError } from "@/server/errors";
import { recordAudit } from "@/server/audit";
import { publish } from "@/server/live";
import { givesUppdrag } from "@/lib/motions/clock";
import type { LinkMotionUppdragInput, MotionUppdragInput } from "@/lib/validation/motion";
import { createUppdrag } from "@/server/uppdrag/create-uppdrag";
import { requireManage } from "./access";

const NOT_GRANTED = "Bara en bifallen eller delvis bifallen motion eller medborgarförslag ger uppdrag.";

async function grantedMotion(db: ScopedClient, actor: Actor, motionId: string) {
  const m = await db.motion.findFirst({
    where: { id: motionId },
    select: {
      id: true,
      title: true,
      state: true,
      outcome: true,
      answeredAtParagraph: { select: { id: true, bodyId: true, title: true, decision: true, dnr: true, meeting: { select: { date: true } } } },
    },
  });
  if (!m) throw new NotFoundError("motion");
  await requireManage(db, actor);
  if (m.state !== "BESVARAD" || !givesUppdrag(m.outcome) || !m.answeredAtParagraph) throw new RefusedError(NOT_GRANTED);
  return { ...m, paragraph: m.answeredAtParagraph };
}

/** A new uppdrag at the answering KF paragraph, linked to the motion. */
export async function createUppdragFromMotion(db: ScopedClient, actor: Actor, input: MotionUppdragInput, now = new Date()) {
  const m = await grantedMotion(db, actor, input.motionId);
  requirePermission(actor, "uppdrag:create", { municipalityId: actor.municipalityId, bodyId: m.paragraph.bodyId });
  const unit = await db.unit.findFirst({ where: { id: input.unitId }, select: { id: true, name: true } });
  if (!unit) throw new RefusedError("Välj en enhet i kommunen.", "unitId");
  const result = await db.$transaction(async (tx) => {
    const created = await createUppdrag(tx, {
      municipalityId: actor.municipalityId,
      paragraph: m.paragraph,
      decidedOn: m.paragraph.meeting.date,
      title: input.title,
      text: input.text ?? input.title,
      units: [unit],
      responsiblePerson: input.responsiblePerson,
      deadline: input.deadline,
      history: [{ status: "NOT_STARTED", at: now, authorId: actor.userId }],
    });
    await tx.uppdrag.updateMany({ where: { id: created.id }, data: { motionId: m.id } });
    await recordAudit(tx, {
      municipalityId: actor.municipalityId,
      actorId: actor.userId,
      action: "motion.uppdrag.create",
      entity: "Uppdrag",
      entityId: created.id,
      after: { motionId: m.id, paragraphId: m.paragraph.id, title: input.title, unitIds: [unit.id], responsiblePerson: input.responsiblePerson, deadline: input.deadline, status: "NOT_STARTED" },
    });
    return { uppdragId: created.id, motionId: m.id };
  });
  publish(actor.municipalityId, { type: "uppdrag-changed", uppdragId: result.uppdragId, at: now.toISOString() });
  return result;
}

/** An uppdrag already registered (for instance at the answering paragraph) linked to the motion. */
export async function linkUppdragToMotion(db: ScopedClient, actor: Actor, input: LinkMotionUppdragInput, now = new Date()) {
  const m = await grantedMotion(db, actor, input.motionId);
  const u = await db.uppdrag.findFirst({ where: { id: input.uppdragId }, select: { id: true, motionId: true, title: true } });
  if (!u) throw new RefusedError("Välj ett uppdrag i kommunen.", "uppdragId");
  if (u.motionId === m.id) throw new RefusedError("Uppdraget är redan kopplat till den här motionen.", "uppdragId");
  if (u.motionId) throw new RefusedError("Uppdraget är redan kopplat till en annan motion.", "uppdragId");
  await db.$transaction(async (tx) => {
    const linked = await tx.uppdrag.updateMany({ where: { id: u.id, motionId: null }, data: { motionId: m.id } });
    if (linked.count !== 1) throw new RefusedError("Uppdraget kopplades nyss till en annan motion.", "uppdragId");
    await recordAudit(tx, {
      municipalityId: actor.municipalityId,
      actorId: actor.userId,
      action: "motion.uppdrag.link",
      entity: "Uppdrag",
      entityId: u.id,
      before: { motionId: null },
      after: { motionId: m.id },
    });
  });
  publish(actor.municipalityId, { type: "uppdrag-changed", uppdragId: u.id, at: now.toISOString() });
  return { uppdragId: u.id, motionId: m.id };
}
