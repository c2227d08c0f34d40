// Registering a motion or medborgarförslag: the row, its first history event and
// an audit event in one transaction. The KF paragraph it was väckt at is linked
// when KF's meeting of that day is registered with that § number.
import { dnrKey } from "@/lib/dnr";
import { RefusedError } from "@/server/errors";
import type { ScopedClient, ScopedTx } from "@/server/db/scoped";
import { recordAudit } from "@/server/audit";
import type { Actor } from "@/server/permissions";
import type { RegisterMotionInput } from "@/lib/validation/motion";
import { requireManage } from "./access";

/** The preparing body and the handläggare, checked to be the municipality's. */
export async function checkPreparation(db: ScopedClient | ScopedTx, input: { preparingBodyId: string | null; handlaggareId: string | null }) {
  if (input.preparingBodyId && !(await db.body.findFirst({ where: { id: input.preparingBodyId }, select: { id: true } })))
    throw new RefusedError("Välj ett organ i kommunen.", "preparingBodyId");
  if (input.handlaggareId && !(await db.membership.findFirst({ where: { userId: input.handlaggareId }, select: { id: true } })))
    throw new RefusedError("Välj en person i kommunen.", "handlaggareId");
}

/** KF's paragraph with that number at its meeting on that day, when registered. */
export async function councilParagraph(db: ScopedClient | ScopedTx, on: Date, number: number | null) {
  if (number === null) return null;
  return db.paragraph.findFirst({ where: { number, body: { kind: "FULLMAKTIGE" }, meeting: { date: on } }, select: { id: true } });
}

export async function registerMotion(db: ScopedClient, actor: Actor, input: RegisterMotionInput, now = new Date()): Promise<{ id: string }> {
  await requireManage(db, actor);
  await checkPreparation(db, input);
  const raisedAt = await councilParagraph(db, input.raisedOn, input.raisedAtNumber);
  const proposers = input.anonymised ? [] : input.proposerList;
  return db.$transaction(async (tx) => {
    const motion = await tx.motion.create({
      data: {
        municipalityId: actor.municipalityId,
        kind: input.kind,
        title: input.title,
        proposers: proposers.map((p) => ({ name: p.name, party: input.kind === "MOTION" ? (p.party ?? null) : null })),
        anonymised: input.anonymised,
        raisedOn: input.raisedOn,
        raisedAtParagraphId: raisedAt?.id ?? null,
        raisedAtNumber: input.raisedAtNumber,
        dnr: input.dnr,
        dnrKey: dnrKey(input.dnr),
        preparingBodyId: input.preparingBodyId,
        handlaggareId: input.handlaggareId,
        handlaggareName: input.handlaggareName,
        state: "VACKT",
        preparationNote: input.preparationNote,
        stateChangedAt: now,
      },
      select: { id: true },
    });
    await tx.motionEvent.create({
      data: {
        municipalityId: actor.municipalityId,
        motionId: motion.id,
        state: "VACKT",
        on: input.raisedOn,
        paragraphId: raisedAt?.id ?? null,
        comment: null,
        preparationNote: input.preparationNote,
        authorId: actor.userId,
        at: now,
      },
    });
    await recordAudit(tx, {
      municipalityId: actor.municipalityId,
      actorId: actor.userId,
      action: "motion.register",
      entity: "Motion",
      entityId: motion.id,
      // An anonymised proposer's name is never written, here either.
      after: {
        kind: input.kind,
        title: input.title,
        proposers,
        anonymised: input.anonymised,
        raisedOn: input.raisedOn.toISOString().slice(0, 10),
        raisedAtNumber: input.raisedAtNumber,
        raisedAtParagraphId: raisedAt?.id ?? null,
        dnr: input.dnr,
        preparingBodyId: input.preparingBodyId,
        handlaggareId: input.handlaggareId,
        handlaggareName: input.handlaggareName,
      },
    });
    return motion;
  });
}
