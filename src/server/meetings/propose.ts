// A proposal for the register form from a protocol's text: the parser's
// meeting, paragraphs and uppdrag, with the body and the responsible units
// matched against the municipality's own, and paragraphs that are already
// registered marked so the form skips them. Nothing is saved here.
import type { ScopedClient } from "@/server/db/scoped";
import { bodiesForMeetingRegistration, ForbiddenError, type Actor } from "@/server/permissions";
import { assignmentTitle, parseProtocol } from "@/lib/protocol";
import { formatDate, parseIsoDate } from "@/lib/dates";
import type { MeetingDraft, ParagraphDraft } from "@/lib/validation/meeting";

export interface MeetingProposal {
  draft: MeetingDraft;
  /** Things the secretary should know about the proposal, in Swedish. */
  notes: string[];
}

const norm = (s: string) => s.toLocaleLowerCase("sv").replace(/\s+/g, " ").trim();

export async function proposeMeeting(db: ScopedClient, actor: Actor, text: string): Promise<MeetingProposal> {
  const bodies = await db.body.findMany({ select: { id: true, name: true, shortName: true } });
  const allowed = bodiesForMeetingRegistration(actor, bodies);
  if (allowed.length === 0) throw new ForbiddenError("meeting:create");
  const units = await db.unit.findMany({ select: { id: true, name: true, shortName: true } });

  // Short names ("KLK") are matched too; the parser reports the spelling it matched.
  const unitNames = units.flatMap((u) => (u.shortName ? [u.name, u.shortName] : [u.name]));
  const unitByName = new Map<string, string>();
  for (const u of units) {
    unitByName.set(norm(u.name), u.id);
    if (u.shortName) unitByName.set(norm(u.shortName), u.id);
  }
  const parsed = parseProtocol(text, { units: unitNames });
  const notes: string[] = [];

  const named = parsed.meeting.body ? norm(parsed.meeting.body) : null;
  const body = named ? bodies.find((b) => norm(b.name) === named || norm(b.shortName) === named) : undefined;
  let bodyId = "";
  if (body && allowed.some((b) => b.id === body.id)) bodyId = body.id;
  else if (body) notes.push(`Protokollet gäller ${body.name}, som du inte registrerar sammanträden för. Välj organ.`);
  else if (parsed.meeting.body) notes.push(`Organet ”${parsed.meeting.body}” finns inte i ${actor.municipalityName}. Välj organ.`);
  else notes.push("Protokollet nämner inget organ som kunde kännas igen. Välj organ.");
  if (!parsed.meeting.date) notes.push("Sammanträdets datum hittades inte. Fyll i datumet.");
  if (parsed.paragraphs.length === 0) notes.push("Inga paragrafer hittades. Är texten ett protokoll? Du kan fylla i paragraferna själv.");

  // Already registered: the same body, year and §.
  const date = parsed.meeting.date ? parseIsoDate(parsed.meeting.date) : null;
  const year = date?.getUTCFullYear() ?? null;
  const taken =
    bodyId && year
      ? await db.paragraph.findMany({
          where: { bodyId, year, number: { in: parsed.paragraphs.map((p) => p.number) } },
          select: { number: true, meeting: { select: { id: true, date: true } } },
        })
      : [];
  const takenByNumber = new Map(taken.map((t) => [t.number, t.meeting]));
  const chosenBody = allowed.find((b) => b.id === bodyId);
  if (taken.length > 0) {
    notes.push(
      taken.length === parsed.paragraphs.length
        ? `Alla paragrafer i protokollet är redan registrerade för ${chosenBody?.shortName} ${year}. De hoppas över.`
        : `${taken.length} av paragraferna är redan registrerade för ${chosenBody?.shortName} ${year}. De hoppas över; de övriga kan du spara.`,
    );
  }

  const paragraphs: ParagraphDraft[] = parsed.paragraphs.map((p) => {
    const existing = takenByNumber.get(p.number);
    return {
      number: String(p.number),
      dnr: p.dnr ?? "",
      title: p.title,
      decision: p.decision,
      sentTo: p.sentTo.join("\n"),
      uppdrag: p.assignments.map((a) => {
        const unitId = a.responsible ? (unitByName.get(norm(a.responsible)) ?? "") : "";
        return {
          title: assignmentTitle(a.text),
          text: a.text,
          unitId,
          responsiblePerson: "",
          deadline: a.deadline ?? "",
          responsibleHint: unitId ? null : a.responsible,
        };
      }),
      existing: existing
        ? { bodyId, year: year!, meetingId: existing.id, meetingLabel: `${chosenBody?.shortName ?? ""} ${formatDate(existing.date)}`.trim() }
        : null,
    };
  });

  return {
    draft: {
      bodyId,
      date: parsed.meeting.date ?? "",
      place: parsed.meeting.place ?? "",
      startTime: parsed.meeting.startTime ?? "",
      endTime: parsed.meeting.endTime ?? "",
      paragraphs,
    },
    notes,
  };
}
