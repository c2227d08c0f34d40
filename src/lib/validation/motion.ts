// Motioner and medborgarförslag: the forms' fields and the server's input, one
// schema each (docs/decisions/008-motions.md). The forms hold strings; the
// schemas turn them into dates, numbers and lists, as for meetings.
import { z } from "@/lib/validation/zod";
import { optionalIsoDate } from "@/lib/validation/dates";
import { choice, optional, optionalDate, required, requiredDate, uppdragDraftSchema } from "@/lib/validation/meeting";
import { MOTION_KINDS, MOTION_OUTCOMES, MOTION_STATES, type Proposer } from "@/lib/motions/labels";

const version = z.coerce.number("Okänd version.").int().min(1);
const motionId = z.uuid("Okänd motion.");
/** An optional choice from a list: empty is none. */
const optionalChoice = (message: string) =>
  z
    .string()
    .trim()
    .optional()
    .transform((s) => (s ? s : null))
    .pipe(z.uuid(message).nullable());
/** A checkbox: sent ("on", "1", "ja") or not. */
const checkbox = z
  .string()
  .optional()
  .transform((s) => !!s && s !== "0" && s !== "false");

/** "Anna Ek (S)" → { name: "Anna Ek", party: "S" }; one proposer a line. */
export function parseProposers(text: string): Proposer[] {
  return text
    .split(/\r?\n|;/)
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => {
      const m = /^(.*?)\s*\(([^()]{1,40})\)\s*$/.exec(line);
      return m && m[1] ? { name: m[1].trim(), party: m[2].trim() } : { name: line, party: null };
    });
}

export const registerMotionSchema = z
  .object({
    kind: z.enum(MOTION_KINDS, "Välj motion eller medborgarförslag."),
    title: required("rubriken", 500),
    /** One a line, "Namn (Parti)". */
    proposers: z.string().max(2000, "Förslagsställarna får vara högst 2 000 tecken.").default(""),
    anonymised: checkbox,
    raisedOn: requiredDate("Fyll i datum då den väcktes."),
    raisedAtNumber: z
      .string()
      .trim()
      .optional()
      .transform((s) => s ?? "")
      .pipe(z.string().regex(/^\d{0,4}$/, "Skriv paragrafens nummer med siffror, till exempel 112."))
      .transform((s) => (s === "" ? null : Number(s))),
    dnr: optional("diarienumret", 100).optional().transform((s) => s ?? null),
    preparingBodyId: optionalChoice("Okänt organ."),
    handlaggareId: optionalChoice("Okänd handläggare."),
    handlaggareName: optional("handläggaren", 200).optional().transform((s) => s ?? null),
    preparationNote: optional("vad som har kommit fram vid beredningen", 4000).optional().transform((s) => s ?? null),
  })
  .transform((v) => ({ ...v, proposerList: v.anonymised ? [] : parseProposers(v.proposers) }))
  .superRefine((v, ctx) => {
    if (v.anonymised && v.kind === "MOTION")
      ctx.addIssue({ code: "custom", path: ["anonymised"], message: "En motion väcks av en ledamot och kan inte anonymiseras; det gäller bara medborgarförslag." });
    if (!v.anonymised && v.proposerList.length === 0)
      ctx.addIssue({
        code: "custom",
        path: ["proposers"],
        message: v.kind === "MOTION" ? "Fyll i vem som väckte motionen, med parti: Anna Ek (S)." : "Fyll i förslagsställarens namn, eller kryssa i att det anonymiseras på begäran.",
      });
    if (v.proposerList.length > 20) ctx.addIssue({ code: "custom", path: ["proposers"], message: "Högst 20 förslagsställare." });
    if (v.proposerList.some((p) => (p.name ?? "").length > 200)) ctx.addIssue({ code: "custom", path: ["proposers"], message: "Ett namn får vara högst 200 tecken." });
  });
export type RegisterMotionInput = z.output<typeof registerMotionSchema>;

/** Remiss and beredning: the state while it is prepared, and what the preparation has shown. */
export const changeMotionStateSchema = z.object({
  motionId,
  expectedVersion: version,
  state: z.enum(["VACKT", "REMITTERAD", "UNDER_BEREDNING"], "Välj läge."),
  /** The day it took effect (remitted on); default today. */
  on: optionalDate.optional().transform((d) => d ?? null),
  preparingBodyId: optionalChoice("Okänt organ."),
  handlaggareId: optionalChoice("Okänd handläggare."),
  handlaggareName: optional("handläggaren", 200).optional().transform((s) => s ?? null),
  preparationNote: optional("vad som har kommit fram vid beredningen", 4000).optional().transform((s) => s ?? null),
  comment: optional("kommentaren", 1000).optional().transform((s) => s ?? null),
});
export type ChangeMotionStateInput = z.output<typeof changeMotionStateSchema>;

/** KF's decision: an outcome (besvarad) or avskriven, always at a registered KF paragraph. */
export const answerMotionSchema = z.object({
  motionId,
  expectedVersion: version,
  decision: z.enum([...MOTION_OUTCOMES, "AVSKRIVEN"], "Välj kommunfullmäktiges beslut."),
  paragraphId: choice("Välj kommunfullmäktiges paragraf."),
  comment: optional("kommentaren", 1000).optional().transform((s) => s ?? null),
});
export type AnswerMotionInput = z.output<typeof answerMotionSchema>;

/** An uppdrag given by a bifallen motion: the answering KF paragraph's uppdrag, linked back to the motion. */
export const motionUppdragSchema = uppdragDraftSchema.extend({ motionId });
export type MotionUppdragInput = z.output<typeof motionUppdragSchema>;

/** An uppdrag already registered (at the answering paragraph, say) linked to the motion. */
export const linkMotionUppdragSchema = z.object({ motionId, uppdragId: choice("Välj ett uppdrag.") });
export type LinkMotionUppdragInput = z.output<typeof linkMotionUppdragSchema>;

export const motionListFiltersSchema = z.object({
  kind: z.enum(MOTION_KINDS).optional().catch(undefined),
  state: z.enum(MOTION_STATES).optional().catch(undefined),
  /** "1": only those not yet decided. */
  obesvarade: z.literal("1").optional().catch(undefined),
  /** "1": only those over a year old and not decided. */
  overAr: z.literal("1").optional().catch(undefined),
});
export type MotionListFilters = z.output<typeof motionListFiltersSchema>;

export const MOTION_REPORT_FORMATS = ["pdf", "docx", "xlsx", "json"] as const;

/** The report's parameters in a URL. */
export const motionReportParamsSchema = z.object({
  asOf: optionalIsoDate,
  format: z.enum(MOTION_REPORT_FORMATS, "Okänt filformat.").optional(),
});

const requiredIsoDate = requiredDate("Ange redovisningsdatum.");

export const freezeMotionReportSchema = z.object({
  asOf: requiredIsoDate,
  note: z.string().trim().max(500, "Anteckningen får vara högst 500 tecken.").optional(),
  confirm: z.literal("ja", "Bekräfta att redovisningen ska fastställas. Den kan inte ändras efteråt."),
});

export const compareMotionReportsSchema = z
  .object({ a: z.uuid("Välj en redovisning."), b: z.uuid("Välj en redovisning.") })
  .refine((p) => p.a !== p.b, { message: "Välj två olika redovisningar.", path: ["b"] });
