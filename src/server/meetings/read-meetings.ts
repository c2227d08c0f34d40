// Meetings as a reader sees them: the list (latest first) and one meeting
// with its paragraphs and the uppdrag they gave. Scoped to the actor's municipality.
import type { ScopedClient } from "@/server/db/scoped";
import { can, type Actor } from "@/server/permissions";
import { compareSv } from "@/lib/dates";
import { listCorrections, type CorrectionView } from "@/server/corrections";

export const MEETING_LIST_LIMIT = 200;

export async function listMeetings(db: ScopedClient, actor: Actor) {
  if (!can(actor, "meeting:read", { municipalityId: actor.municipalityId })) return { meetings: [], total: 0 };
  const [meetings, total] = await Promise.all([
    db.meeting.findMany({
      select: {
        id: true,
        date: true,
        place: true,
        body: { select: { name: true, shortName: true } },
        _count: { select: { paragraphs: true } },
        paragraphs: { select: { _count: { select: { uppdrag: true } } } },
      },
      orderBy: [{ date: "desc" }, { createdAt: "desc" }],
      take: MEETING_LIST_LIMIT,
    }),
    db.meeting.count(),
  ]);
  return {
    meetings: meetings.map(({ paragraphs, _count, ...m }) => ({
      ...m,
      paragraphCount: _count.paragraphs,
      uppdragCount: paragraphs.reduce((n, p) => n + p._count.uppdrag, 0),
    })),
    total,
  };
}

/** One meeting, or null when it does not exist in the actor's municipality. */
export async function getMeeting(db: ScopedClient, actor: Actor, id: string) {
  const meeting = await db.meeting.findFirst({
    where: { id },
    select: {
      id: true,
      date: true,
      place: true,
      startTime: true,
      endTime: true,
      protocolState: true,
      approvedOn: true,
      approvedBy: true,
      version: true,
      body: { select: { id: true, name: true, shortName: true } },
      paragraphs: {
        orderBy: { number: "asc" },
        select: {
          id: true,
          version: true,
          number: true,
          dnr: true,
          title: true,
          decision: true,
          basis: true,
          sentTo: true,
          uppdrag: { orderBy: { createdAt: "asc" }, select: { id: true, title: true, status: true, unitNames: true, deadline: true } },
        },
      },
    },
  });
  if (!meeting || !can(actor, "meeting:read", { municipalityId: actor.municipalityId, bodyId: meeting.body.id })) return null;
  const target = { municipalityId: actor.municipalityId, bodyId: meeting.body.id };
  const canCorrect = can(actor, "meeting:correct", target);
  const canAddUppdrag = can(actor, "uppdrag:create", target);
  // What the correction forms offer: the bodies the actor corrects meetings of, and the units.
  const [bodies, units, corrections] = await Promise.all([
    canCorrect ? db.body.findMany({ select: { id: true, name: true, shortName: true }, orderBy: { name: "asc" } }) : [],
    canAddUppdrag ? db.unit.findMany({ select: { id: true, name: true } }) : [],
    listCorrections(db, [{ entity: "Meeting", entityId: meeting.id }, ...meeting.paragraphs.map((p) => ({ entity: "Paragraph" as const, entityId: p.id }))]),
  ]);
  return {
    ...meeting,
    canCorrect,
    canAddUppdrag,
    bodies: bodies.filter((b) => can(actor, "meeting:correct", { municipalityId: actor.municipalityId, bodyId: b.id })),
    units: units.sort((a, b) => compareSv(a.name, b.name)),
    corrections: corrections as CorrectionView[],
  };
}
