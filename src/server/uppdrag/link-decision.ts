// A later decision about an uppdrag (seed 004's chain: postponed, changed,
// cancelled, reported back): the link to the later paragraph and the status
// change that follows, in one transaction with the usual optimistic check.
import type { ScopedClient } from "@/server/db/scoped";
import { NotFoundError, requirePermission, type Actor } from "@/server/permissions";
import { RefusedError } from "@/server/errors";
import { recordAudit } from "@/server/audit";
import { publish } from "@/server/live";
import { changeStatusIn } from "./change-status";
import type { LinkDecisionInput } from "@/lib/validation/uppdrag";
import { LINK_KIND_LABEL } from "@/lib/status";
import { formatIsoDate } from "@/lib/dates";

export async function linkLaterDecision(db: ScopedClient, actor: Actor, input: LinkDecisionInput, now = new Date()) {
  const result = await db.$transaction(async (tx) => {
    const u = await tx.uppdrag.findFirst({
      where: { id: input.uppdragId },
      select: { id: true, bodyId: true, paragraphId: true, decidedOn: true, units: { select: { unitId: true } } },
    });
    if (!u) throw new NotFoundError("uppdrag");
    requirePermission(actor, "uppdrag:link-decision", { municipalityId: actor.municipalityId, bodyId: u.bodyId, unitIds: u.units.map((x) => x.unitId) });
    const p = await tx.paragraph.findFirst({
      where: { id: input.paragraphId },
      select: { id: true, number: true, body: { select: { shortName: true } }, meeting: { select: { id: true, date: true } } },
    });
    if (!p) throw new NotFoundError("paragraph");
    if (p.id === u.paragraphId) throw new RefusedError("Välj ett senare beslut, inte det som gav uppdraget.", "paragraphId");
    if (p.meeting.date < u.decidedOn) throw new RefusedError(`Det beslutet fattades ${formatIsoDate(p.meeting.date)}, före uppdraget (${formatIsoDate(u.decidedOn)}).`, "paragraphId");
    const where = `${p.body.shortName} ${formatIsoDate(p.meeting.date)} § ${p.number}`;
    const twin = await tx.uppdragLink.findFirst({ where: { uppdragId: u.id, paragraphId: p.id, kind: input.kind }, select: { id: true } });
    if (twin) throw new RefusedError(`Uppdraget är redan kopplat till ${where} som ”${LINK_KIND_LABEL[input.kind].toLowerCase()}”.`, "paragraphId");

    const link = await tx.uppdragLink.create({
      data: { municipalityId: actor.municipalityId, uppdragId: u.id, paragraphId: p.id, kind: input.kind, note: input.note },
      select: { id: true },
    });
    const status = await changeStatusIn(
      tx,
      actor,
      {
        uppdragId: u.id,
        expectedVersion: input.expectedVersion,
        status: input.status,
        comment: input.comment ?? `${LINK_KIND_LABEL[input.kind]} genom ${where}.`,
        plannedCompletion: input.plannedCompletion,
        reportedAtMeetingId: p.meeting.id,
      },
      now,
      { extra: { linkId: link.id } },
    );
    await recordAudit(tx, {
      municipalityId: actor.municipalityId,
      actorId: actor.userId,
      action: "uppdrag.link.create",
      entity: "UppdragLink",
      entityId: link.id,
      after: { uppdragId: u.id, paragraphId: p.id, kind: input.kind, note: input.note, statusEntryId: status.statusEntryId },
    });
    return { linkId: link.id, ...status };
  });
  publish(actor.municipalityId, { type: "uppdrag-changed", uppdragId: result.uppdragId, at: now.toISOString() });
  return result;
}
