// Correcting a saved meeting, paragraph or uppdrag, marking a protocol justerat
// and adding a missed uppdrag to a saved paragraph: shared by the forms on the
// meeting and uppdrag pages and by their server actions. Every correction says
// why ("Varför rättas det?"); the form holds strings, the schema turns them into
// numbers, dates and lists as for the registration (meeting.ts).
import { z } from "@/lib/validation/zod";
import { formatDate } from "@/lib/dates";
import { choice, optional, optionalDate, paragraphDraftSchema, required, requiredDate, time, uppdragDraftSchema } from "@/lib/validation/meeting";

export const REASON_LABEL = "Varför rättas det?";
const reason = required("varför det rättas", 1000);
const version = z.coerce.number("Okänd version.").int().min(1);

export const correctMeetingSchema = z.object({
  meetingId: z.uuid("Okänt sammanträde."),
  expectedVersion: version,
  bodyId: choice("Välj organ."),
  date: requiredDate("Fyll i sammanträdets datum."),
  place: optional("platsen", 200),
  startTime: time,
  endTime: time,
  reason,
});
export type CorrectMeetingInput = z.output<typeof correctMeetingSchema>;

/** Justering: the day the protocol was justerat and by whom (as the protocol names them). */
export const markJusteratSchema = z.object({
  meetingId: z.uuid("Okänt sammanträde."),
  expectedVersion: version,
  approvedOn: requiredDate("Fyll i justeringsdatum."),
  approvedBy: required("vem som justerade", 300),
  /** Needed only when a justering already registered is corrected. */
  reason: optional("varför det rättas", 1000).optional().transform((s) => s ?? null),
});
export type MarkJusteratInput = z.output<typeof markJusteratSchema>;

export const correctParagraphSchema = paragraphDraftSchema.omit({ uppdrag: true }).extend({
  paragraphId: z.uuid("Okänd paragraf."),
  /** Beslutsunderlag, one document a line (the registration leaves it empty; the demo data has it). */
  basis: z
    .string()
    .max(4000, "Beslutsunderlaget får vara högst 4 000 tecken.")
    .optional()
    .transform((s) =>
      (s ?? "")
        .split("\n")
        .map((r) => r.trim())
        .filter(Boolean),
    ),
  expectedVersion: version,
  reason,
});
export type CorrectParagraphInput = z.output<typeof correctParagraphSchema>;

/** One value or several (checkboxes): always a list. */
const idList = (message: string) =>
  z
    .union([z.string(), z.array(z.string())])
    .optional()
    .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : v.split(",")).map((s) => s.trim()).filter(Boolean))
    .pipe(z.array(z.uuid(message)).min(1, message).max(20, "Högst 20 ansvariga enheter."));

export const correctUppdragSchema = z.object({
  uppdragId: z.uuid("Okänt uppdrag."),
  expectedVersion: version,
  title: required("uppdragets rubrik", 300),
  text: required("uppdragstexten", 4000),
  unitIds: idList("Välj minst en ansvarig enhet."),
  responsiblePerson: optional("ansvarig person", 200),
  deadline: optionalDate,
  reason,
});
export type CorrectUppdragInput = z.output<typeof correctUppdragSchema>;

/** An uppdrag the registration missed, added to a saved paragraph. */
export const addMissedUppdragSchema = uppdragDraftSchema.extend({
  paragraphId: z.uuid("Okänd paragraf."),
  reason,
});
export type AddMissedUppdragInput = z.output<typeof addMissedUppdragSchema>;

/** The fields a reader sees, in Swedish (the list of corrections names them so). */
export const CORRECTED_FIELD_LABEL: Record<string, string> = {
  body: "Organ",
  date: "Datum",
  place: "Plats",
  startTime: "Starttid",
  endTime: "Sluttid",
  approvedOn: "Justeringsdatum",
  approvedBy: "Justerat av",
  number: "Paragrafnummer",
  dnr: "Dnr",
  title: "Rubrik",
  decision: "Beslut",
  basis: "Beslutsunderlag",
  sentTo: "Beslutet skickas till",
  text: "Uppdragstext",
  units: "Ansvarig enhet",
  responsiblePerson: "Ansvarig person",
  deadline: "Klart senast",
  uppdrag: "Uppdrag tillagt",
};
export const correctedFieldLabel = (field: string) => CORRECTED_FIELD_LABEL[field] ?? field;

/** A corrected value as a reader sees it: dates in Swedish, lists comma-separated, nothing as "–". */
export function shownValue(v: string | null): string {
  if (v === null || v === "") return "–";
  if (/^\d{4}-\d{2}-\d{2}$/.test(v)) return formatDate(new Date(`${v}T00:00:00Z`));
  return v.split("\n").join(", ");
}
