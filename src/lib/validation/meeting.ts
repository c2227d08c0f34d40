// Register a meeting: shared by the form (checked as the secretary saves) and
// the server action (checked again). The form holds strings; the schema turns
// them into numbers, dates and lists. Error paths are "paragraphs.2.number",
// "paragraphs.0.uppdrag.1.unitId": the form shows each next to its field.
import { z } from "@/lib/validation/zod";
import { parseIsoDate } from "@/lib/dates";

export const required = (label: string, max: number) =>
  z
    .string()
    .trim()
    .min(1, `Fyll i ${label}.`)
    .max(max, `${label[0].toUpperCase()}${label.slice(1)} får vara högst ${max.toLocaleString("sv-SE")} tecken.`);

export const optional = (label: string, max: number) =>
  z
    .string()
    .trim()
    .max(max, `${label[0].toUpperCase()}${label.slice(1)} får vara högst ${max.toLocaleString("sv-SE")} tecken.`)
    .transform((s) => (s === "" ? null : s));

/** "2020-02-25", also typed fast as "20200225" or "2020-2-25". */
const isoDate = (s: string, ctx: z.RefinementCtx): Date => {
  const m = /^(\d{4})-?(\d{1,2})-?(\d{1,2})$/.exec(s);
  const d = m ? parseIsoDate(`${m[1]}-${m[2].padStart(2, "0")}-${m[3].padStart(2, "0")}`) : null;
  if (!d) {
    ctx.addIssue({ code: "custom", message: "Ange datumet som ÅÅÅÅ-MM-DD." });
    return z.NEVER;
  }
  return d;
};
export const requiredDate = (message: string) => z.string().trim().min(1, message).transform(isoDate);
export const optionalDate = z
  .string()
  .trim()
  .transform((s, ctx) => (s === "" ? null : isoDate(s, ctx)));

/** "13.00", "13:00", "9:30" → "13:00" / "09:30"; empty → null. */
export const time = z
  .string()
  .trim()
  .transform((s, ctx) => {
    if (s === "") return null;
    const m = /^(\d{1,2})[:.](\d{2})$/.exec(s);
    if (!m || Number(m[1]) > 23 || Number(m[2]) > 59) {
      ctx.addIssue({ code: "custom", message: "Ange tiden som TT:MM, till exempel 13:00." });
      return z.NEVER;
    }
    return `${m[1].padStart(2, "0")}:${m[2]}`;
  });

export const choice = (message: string) => z.string().trim().min(1, message).pipe(z.uuid(message));

export const uppdragDraftSchema = z.object({
  title: required("uppdragets rubrik", 300),
  text: optional("uppdragstexten", 4000),
  unitId: choice("Välj ansvarig enhet."),
  responsiblePerson: optional("ansvarig person", 200),
  deadline: optionalDate,
});

export const paragraphDraftSchema = z.object({
  number: z
    .string()
    .trim()
    .min(1, "Fyll i paragrafens nummer.")
    .regex(/^\d{1,4}$/, "Skriv paragrafens nummer med siffror, till exempel 34.")
    .transform(Number)
    .refine((n) => n >= 1, "Paragrafnumret börjar på 1."),
  dnr: optional("diarienumret", 100),
  title: required("rubriken", 500),
  decision: required("beslutet", 20_000),
  /** One recipient a line. */
  sentTo: z
    .string()
    .max(2000, "Mottagarna får vara högst 2 000 tecken.")
    .transform((s) =>
      s
        .split("\n")
        .map((r) => r.trim())
        .filter(Boolean),
    ),
  uppdrag: z.array(uppdragDraftSchema).max(50, "Högst 50 uppdrag per paragraf."),
});

export const registerMeetingSchema = z
  .object({
    bodyId: choice("Välj organ."),
    date: requiredDate("Fyll i sammanträdets datum."),
    place: optional("platsen", 200),
    startTime: time,
    endTime: time,
    paragraphs: z.array(paragraphDraftSchema).min(1, "Lägg till minst en paragraf.").max(500, "Högst 500 paragrafer åt gången."),
  })
  .superRefine((v, ctx) => {
    const seen = new Set<number>();
    v.paragraphs.forEach((p, i) => {
      if (seen.has(p.number)) {
        ctx.addIssue({ code: "custom", path: ["paragraphs", i, "number"], message: `§ ${p.number} finns redan längre upp i formuläret.` });
      }
      seen.add(p.number);
    });
  });

export type RegisterMeetingInput = z.output<typeof registerMeetingSchema>;

/** The form's state: strings, as typed. */
export type UppdragDraft = z.input<typeof uppdragDraftSchema> & {
  /** The responsible as the protocol names it, when no unit matched: a hint for the secretary. */
  responsibleHint?: string | null;
};
export interface ExistingParagraph {
  bodyId: string;
  year: number;
  meetingId: string;
  /** "KSAU 25 februari 2020" */
  meetingLabel: string;
}
export type ParagraphDraft = Omit<z.input<typeof paragraphDraftSchema>, "uppdrag"> & {
  uppdrag: UppdragDraft[];
  /** Set by a proposal when (body, year, §) is already registered: the form skips it. */
  existing?: ExistingParagraph | null;
};
export type MeetingDraft = Omit<z.input<typeof registerMeetingSchema>, "paragraphs"> & { paragraphs: ParagraphDraft[] };

export const emptyUppdragDraft = (): UppdragDraft => ({ title: "", text: "", unitId: "", responsiblePerson: "", deadline: "" });
export const emptyParagraphDraft = (number = ""): ParagraphDraft => ({ number, dnr: "", title: "", decision: "", sentTo: "", uppdrag: [] });

/** Field errors keyed by path ("paragraphs.0.title"), first message each. */
export function fieldErrorsOf(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.map(String).join(".") || "form";
    out[key] ??= issue.message;
  }
  return out;
}

/** A paragraph the form submits: one not already registered for the chosen body and year. */
export function isSkipped(p: ParagraphDraft, bodyId: string, date: string): boolean {
  return !!p.existing && p.existing.bodyId === bodyId && String(p.existing.year) === date.slice(0, 4);
}
