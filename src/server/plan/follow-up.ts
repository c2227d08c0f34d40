// Writing a follow-up: nuläge, indicator values and the summary comment of one
// commitment at one open occasion; creating and closing occasions. Each value
// lives in the row of its occasion (earlier occasions are never touched), each
// row carries a version (a concurrent save is refused, not overwritten), and
// each change leaves an audit event in the same transaction.
import { Prisma } from "@/generated/prisma/client";
import type { ScopedClient, ScopedTx } from "@/server/db/scoped";
import { NotFoundError, requirePermission, type Actor } from "@/server/permissions";
import { recordAudit } from "@/server/audit";
import { RefusedError } from "@/server/errors";
import { formatDate } from "@/lib/dates";
import type { CloseOccasionInput, CreateOccasionInput, FollowUpInput } from "@/lib/validation/plan";

export class OccasionClosedError extends RefusedError {
  constructor(name: string, closedAt: Date) {
    super(`Uppföljningen ”${name}” stängdes ${formatDate(closedAt)} och kan inte längre ändras. Ingenting är sparat.`);
    this.name = "OccasionClosedError";
  }
}

/** Someone else saved some of the same rows after the form was loaded. */
export class FollowUpConflictError extends RefusedError {
  constructor(public readonly rows: string[]) {
    super(
      `Någon annan har sparat i samma uppföljning medan du arbetade (${rows.join("; ")}). Ingenting av det du skrev är sparat. ` +
        "Ladda om sidan för att se den andra ändringen, och spara sedan igen om din ändring fortfarande gäller.",
    );
    this.name = "FollowUpConflictError";
  }
}

const isUniqueViolation = (e: unknown) => e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002";

async function openOccasion(tx: ScopedTx, occasionId: string) {
  const occ = await tx.planOccasion.findFirst({
    where: { id: occasionId },
    select: { id: true, name: true, closedAt: true, planId: true, version: true, plan: { select: { bodyId: true } } },
  });
  if (!occ) throw new NotFoundError("occasion");
  return occ;
}

export interface SaveResult {
  changed: number;
}

/** Saves the follow-up of one commitment at one occasion (only the rows that changed). */
export async function saveFollowUp(db: ScopedClient, actor: Actor, input: FollowUpInput, now = new Date()): Promise<SaveResult> {
  return db.$transaction(async (tx) => {
    const occ = await openOccasion(tx, input.occasionId);
    const commitment = await tx.planCommitment.findFirst({
      where: { id: input.commitmentId, planId: occ.planId },
      select: {
        id: true,
        text: true,
        activities: { select: { id: true, name: true, units: { select: { unitId: true } } } },
        indicators: { select: { id: true, name: true } },
      },
    });
    if (!commitment) throw new NotFoundError("commitment");
    const base = { municipalityId: actor.municipalityId, bodyId: occ.plan.bodyId };
    const commitmentUnits = [...new Set(commitment.activities.flatMap((a) => a.units.map((u) => u.unitId)))];
    requirePermission(actor, "plan:follow-up", { ...base, unitIds: commitmentUnits });
    if (occ.closedAt) throw new OccasionClosedError(occ.name, occ.closedAt);

    const conflicts: string[] = [];
    let changed = 0;
    const audit = (action: string, entity: string, entityId: string, before: unknown, after: unknown) =>
      recordAudit(tx, { municipalityId: actor.municipalityId, actorId: actor.userId, action, entity, entityId, before, after });

    for (const a of input.activities) {
      const act = commitment.activities.find((x) => x.id === a.activityId);
      if (!act) throw new NotFoundError("activity");
      if (!a.touched) continue;
      const cur = await tx.planActivityStatusEntry.findFirst({
        where: { occasionId: occ.id, activityId: act.id },
        select: { id: true, status: true, comment: true, version: true },
      });
      // Already as the user wants it (perhaps someone else saved the same): nothing to write.
      if ((cur?.status ?? null) === a.status && (cur?.comment ?? null) === a.comment) continue;
      requirePermission(actor, "plan:follow-up", { ...base, unitIds: act.units.map((u) => u.unitId) });
      const data = { status: a.status, comment: a.comment, updatedById: actor.userId, updatedAt: now };
      if (cur) {
        const r = await tx.planActivityStatusEntry.updateMany({ where: { id: cur.id, version: a.expectedVersion }, data: { ...data, version: { increment: 1 } } });
        if (r.count === 0) {
          conflicts.push(act.name);
          continue;
        }
        await audit("plan.activity.follow-up", "PlanActivityStatusEntry", cur.id, cur, { ...data, version: cur.version + 1 });
      } else {
        if (a.expectedVersion !== 0) {
          conflicts.push(act.name);
          continue;
        }
        const row = await tx.planActivityStatusEntry.create({ data: { municipalityId: actor.municipalityId, occasionId: occ.id, activityId: act.id, ...data }, select: { id: true } });
        await audit("plan.activity.follow-up", "PlanActivityStatusEntry", row.id, null, { occasionId: occ.id, activityId: act.id, ...data, version: 1 });
      }
      changed++;
    }

    for (const i of input.indicators) {
      const ind = commitment.indicators.find((x) => x.id === i.indicatorId);
      if (!ind) throw new NotFoundError("indicator");
      if (!i.touched) continue;
      const cur = await tx.planIndicatorValue.findFirst({
        where: { occasionId: occ.id, indicatorId: ind.id },
        select: { id: true, value: true, noNewData: true, note: true, version: true },
      });
      const same = (cur?.value ?? null) === i.value && (cur?.noNewData ?? false) === i.noNewData && (cur?.note ?? null) === i.note;
      if (same) continue;
      const data = { value: i.value, noNewData: i.noNewData, note: i.note, updatedById: actor.userId, updatedAt: now };
      if (cur) {
        const r = await tx.planIndicatorValue.updateMany({ where: { id: cur.id, version: i.expectedVersion }, data: { ...data, version: { increment: 1 } } });
        if (r.count === 0) {
          conflicts.push(ind.name);
          continue;
        }
        await audit("plan.indicator.follow-up", "PlanIndicatorValue", cur.id, cur, { ...data, version: cur.version + 1 });
      } else {
        if (i.expectedVersion !== 0) {
          conflicts.push(ind.name);
          continue;
        }
        const row = await tx.planIndicatorValue.create({ data: { municipalityId: actor.municipalityId, occasionId: occ.id, indicatorId: ind.id, ...data }, select: { id: true } });
        await audit("plan.indicator.follow-up", "PlanIndicatorValue", row.id, null, { occasionId: occ.id, indicatorId: ind.id, ...data, version: 1 });
      }
      changed++;
    }

    if (input.summary?.touched) {
      const s = input.summary;
      const cur = await tx.planCommitmentSummary.findFirst({ where: { occasionId: occ.id, commitmentId: commitment.id }, select: { id: true, comment: true, version: true } });
      const comment = s.comment ?? "";
      if ((cur?.comment ?? "") !== comment) {
        const data = { comment, updatedById: actor.userId, updatedAt: now };
        if (cur) {
          const r = await tx.planCommitmentSummary.updateMany({ where: { id: cur.id, version: s.expectedVersion }, data: { ...data, version: { increment: 1 } } });
          if (r.count === 0) conflicts.push("sammanfattande kommentar");
          else {
            await audit("plan.summary.follow-up", "PlanCommitmentSummary", cur.id, cur, { ...data, version: cur.version + 1 });
            changed++;
          }
        } else if (s.expectedVersion !== 0) {
          conflicts.push("sammanfattande kommentar");
        } else {
          const row = await tx.planCommitmentSummary.create({ data: { municipalityId: actor.municipalityId, occasionId: occ.id, commitmentId: commitment.id, ...data }, select: { id: true } });
          await audit("plan.summary.follow-up", "PlanCommitmentSummary", row.id, null, { occasionId: occ.id, commitmentId: commitment.id, ...data, version: 1 });
          changed++;
        }
      }
    }
    // All or nothing: the transaction is rolled back with the error.
    if (conflicts.length) throw new FollowUpConflictError(conflicts);
    return { changed };
  }).catch((e: unknown) => {
    // Two first saves of the same row at once: the loser sees a conflict.
    if (isUniqueViolation(e)) throw new FollowUpConflictError(["en rad som någon annan sparade samtidigt"]);
    throw e;
  });
}

/** A new follow-up occasion, empty: the earlier occasions keep their values. */
export async function createOccasion(db: ScopedClient, actor: Actor, input: CreateOccasionInput) {
  const plan = await db.plan.findFirst({ where: { id: input.planId }, select: { id: true, bodyId: true } });
  if (!plan) throw new NotFoundError("plan");
  requirePermission(actor, "plan:manage", { municipalityId: actor.municipalityId, bodyId: plan.bodyId });
  try {
    return await db.$transaction(async (tx) => {
      const occ = await tx.planOccasion.create({
        data: { municipalityId: actor.municipalityId, planId: plan.id, name: input.name, asOf: input.asOf },
        select: { id: true, name: true, asOf: true },
      });
      await recordAudit(tx, { municipalityId: actor.municipalityId, actorId: actor.userId, action: "plan.occasion.create", entity: "PlanOccasion", entityId: occ.id, after: occ });
      return occ;
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw new RefusedError(`Planen har redan en uppföljning som heter ”${input.name}”. Välj ett annat namn.`);
    throw e;
  }
}

/** Closes an occasion: from then on its values are read-only (also in the database). */
export async function closeOccasion(db: ScopedClient, actor: Actor, input: Pick<CloseOccasionInput, "occasionId" | "expectedVersion">, now = new Date()) {
  return db.$transaction(async (tx) => {
    const occ = await openOccasion(tx, input.occasionId);
    requirePermission(actor, "plan:close-occasion", { municipalityId: actor.municipalityId, bodyId: occ.plan.bodyId });
    if (occ.closedAt) throw new OccasionClosedError(occ.name, occ.closedAt);
    const r = await tx.planOccasion.updateMany({
      where: { id: occ.id, version: input.expectedVersion, closedAt: null },
      data: { closedAt: now, closedById: actor.userId, version: { increment: 1 } },
    });
    if (r.count === 0) throw new RefusedError("Uppföljningen har ändrats av någon annan sedan du öppnade sidan. Ladda om sidan och försök igen.");
    await recordAudit(tx, {
      municipalityId: actor.municipalityId,
      actorId: actor.userId,
      action: "plan.occasion.close",
      entity: "PlanOccasion",
      entityId: occ.id,
      before: { closedAt: null, version: occ.version },
      after: { closedAt: now, version: occ.version + 1 },
    });
    return { occasionId: occ.id };
  });
}
