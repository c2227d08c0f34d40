import type { Prisma } from "@/generated/prisma/client";
import type { ScopedClient } from "@/server/db/scoped";
import { can, requirePermission, type Actor } from "@/server/permissions";
import { compareSv } from "@/lib/dates";
import { listCorrections, type CorrectionView } from "@/server/corrections";

const detailSelect = {
  id: true,
  title: true,
  text: true,
  status: true,
  version: true,
  decidedOn: true,
  deadline: true,
  plannedCompletion: true,
  responsiblePerson: true,
  bodyId: true,
  body: { select: { name: true, shortName: true } },
  municipality: { select: { diariumUrlPattern: true } },
  paragraph: {
    select: {
      id: true,
      number: true,
      dnr: true,
      title: true,
      decision: true,
      basis: true,
      sentTo: true,
      meeting: { select: { id: true, date: true, place: true, protocolState: true } },
    },
  },
  units: { select: { unit: { select: { id: true, name: true } } } },
  history: {
    select: {
      id: true,
      status: true,
      comment: true,
      plannedCompletion: true,
      at: true,
      author: { select: { name: true } },
      reportedAtMeeting: { select: { date: true, body: { select: { shortName: true } } } },
    },
    orderBy: [{ at: "desc" }, { id: "desc" }],
  },
  links: {
    select: {
      id: true,
      kind: true,
      note: true,
      paragraph: {
        select: {
          number: true,
          dnr: true,
          title: true,
          decision: true,
          body: { select: { shortName: true, name: true } },
          meeting: { select: { date: true } },
        },
      },
    },
  },
} satisfies Prisma.UppdragSelect;

export interface LaterParagraph {
  id: string;
  number: number;
  title: string;
  dnr: string | null;
  date: Date;
  body: { id: string; shortName: string; name: string };
}

/** How many later paragraphs the link form offers (the newest first). */
export const LATER_PARAGRAPHS_LIMIT = 300;

export type UppdragDetail = Prisma.UppdragGetPayload<{ select: typeof detailSelect }> & {
  canChangeStatus: boolean;
  meetings: { id: string; date: Date; bodyShortName: string }[];
  canLinkDecision: boolean;
  laterParagraphs: LaterParagraph[];
  /** May correct the uppdrag (title, text, units, person, deadline); the units the form offers. */
  canCorrect: boolean;
  allUnits: { id: string; name: string }[];
  /** Corrections of the uppdrag, its paragraph and its meeting, newest first. */
  corrections: CorrectionView[];
};

/** An uppdrag of the actor's municipality with its decision, links and history; null when not there. */
export async function getUppdrag(db: ScopedClient, actor: Actor, id: string): Promise<UppdragDetail | null> {
  requirePermission(actor, "uppdrag:read");
  const u = await db.uppdrag.findFirst({ where: { id }, select: detailSelect });
  if (!u) return null;
  // The chain of later decisions, in the order they were taken.
  u.links.sort((a, b) => a.paragraph.meeting.date.getTime() - b.paragraph.meeting.date.getTime());
  const canChangeStatus = can(actor, "uppdrag:change-status", {
    municipalityId: actor.municipalityId,
    bodyId: u.bodyId,
    unitIds: u.units.map((x) => x.unit.id),
  });
  // Meetings a status can be reported at: the giving body's, since the decision.
  const meetings = canChangeStatus
    ? (
        await db.meeting.findMany({
          where: { bodyId: u.bodyId, date: { gte: u.decidedOn } },
          select: { id: true, date: true, body: { select: { shortName: true } } },
          orderBy: { date: "desc" },
          take: 24,
        })
      ).map((m) => ({ id: m.id, date: m.date, bodyShortName: m.body.shortName }))
    : [];
  const canLinkDecision =
    canChangeStatus && can(actor, "uppdrag:link-decision", { municipalityId: actor.municipalityId, bodyId: u.bodyId, unitIds: u.units.map((x) => x.unit.id) });
  // Paragraphs a later decision can be: any body's, from the decision date on.
  const laterParagraphs: LaterParagraph[] = canLinkDecision
    ? (
        await db.paragraph.findMany({
          where: { meeting: { date: { gte: u.decidedOn } }, uppdrag: { none: { id: u.id } } },
          select: { id: true, number: true, title: true, dnr: true, meeting: { select: { date: true } }, body: { select: { id: true, shortName: true, name: true } } },
          orderBy: [{ meeting: { date: "desc" } }, { number: "desc" }],
          take: LATER_PARAGRAPHS_LIMIT,
        })
      ).map((p) => ({ id: p.id, number: p.number, title: p.title, dnr: p.dnr, date: p.meeting.date, body: p.body }))
    : [];
  const canCorrect = can(actor, "uppdrag:correct", { municipalityId: actor.municipalityId, bodyId: u.bodyId, unitIds: u.units.map((x) => x.unit.id) });
  const [allUnits, corrections] = await Promise.all([
    canCorrect ? db.unit.findMany({ select: { id: true, name: true } }) : [],
    listCorrections(db, [
      { entity: "Uppdrag", entityId: u.id },
      { entity: "Paragraph", entityId: u.paragraph.id },
      { entity: "Meeting", entityId: u.paragraph.meeting.id },
    ]),
  ]);
  allUnits.sort((a, b) => compareSv(a.name, b.name));
  return { ...u, canChangeStatus, meetings, canLinkDecision, laterParagraphs, canCorrect, allUnits, corrections };
}
