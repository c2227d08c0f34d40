// The report's parameters in a URL: shared by the page's form and the routes.
import { z } from "@/lib/validation/zod";
import { parseIsoDate } from "@/lib/dates";
import { optionalIsoDate } from "@/lib/validation/dates";

export const REPORT_FORMATS = ["pdf", "docx", "xlsx", "json"] as const;

export const reportParamsSchema = z.object({
  asOf: optionalIsoDate,
  body: z
    .union([z.uuid("Okänt organ."), z.array(z.uuid("Okänt organ.")).max(100)])
    .optional()
    .transform((v) => (v === undefined ? undefined : Array.isArray(v) ? v : [v])),
  format: z.enum(REPORT_FORMATS, "Okänt filformat.").optional(),
  /** Sent by the page's form: a choice was made, so no body at all is a mistake, not "the default bodies". */
  valt: z.literal("1").optional(),
}).refine((p) => !(p.valt && !p.body?.length), { message: "Välj minst ett organ som ska redovisas.", path: ["body"] });
export type ReportParams = z.output<typeof reportParamsSchema>;

export function reportQuery(p: { asOf?: string; body?: string[]; format?: string }): string {
  const q = new URLSearchParams();
  if (p.asOf) q.set("asOf", p.asOf);
  for (const b of p.body ?? []) q.append("body", b);
  if (p.format) q.set("format", p.format);
  return q.toString();
}

const bodyList = (min: string) =>
  z
    .union([z.uuid("Okänt organ."), z.array(z.uuid("Okänt organ.")).max(100)], min)
    .transform((v) => (Array.isArray(v) ? v : [v]))
    .pipe(z.array(z.string()).min(1, min));

const requiredIsoDate = z
  .string("Ange redovisningsdatum.")
  .trim()
  .transform((s, ctx) => {
    const d = parseIsoDate(s);
    if (!d) {
      ctx.addIssue({ code: "custom", message: s ? "Ange datumet som ÅÅÅÅ-MM-DD." : "Ange redovisningsdatum." });
      return z.NEVER;
    }
    return d;
  });

/** Fastställa a report: the form on /rapporter and its server action. */
export const freezeReportSchema = z.object({
  asOf: requiredIsoDate,
  body: bodyList("Välj minst ett organ."),
  note: z.string().trim().max(500, "Anteckningen får vara högst 500 tecken.").optional(),
  confirm: z.literal("ja", "Bekräfta att redovisningen ska fastställas. Den kan inte ändras efteråt."),
});

/** The bodies the report covers by default (administrator). */
export const reportBodiesSchema = z.object({ body: bodyList("Välj minst ett organ som ska redovisas.") });

/** Two fastställda reports to compare (/rapporter/jamfor?a=&b=). */
export const compareParamsSchema = z
  .object({ a: z.uuid("Välj en redovisning."), b: z.uuid("Välj en redovisning.") })
  .refine((p) => p.a !== p.b, { message: "Välj två olika redovisningar.", path: ["b"] });
