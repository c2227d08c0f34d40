// The report's parameters in a URL: shared by the page's form and the routes.
import { z } from "@/lib/validation/zod";
import { parseIsoDate } from "@/lib/dates";

export const REPORT_FORMATS = ["pdf", "docx", "xlsx", "json"] as const;

export const reportParamsSchema = z.object({
  asOf: z
    .string()
    .trim()
    .optional()
    .transform((s, ctx) => {
      if (!s) return undefined;
      const d = parseIsoDate(s);
      if (!d) {
        ctx.addIssue({ code: "custom", message: "Ange datumet som ÅÅÅÅ-MM-DD." });
        return z.NEVER;
      }
      return d;
    }),
  body: z
    .union([z.uuid("Okänt organ."), z.array(z.uuid("Okänt organ.")).max(100)])
    .optional()
    .transform((v) => (v === undefined ? undefined : Array.isArray(v) ? v : [v])),
  format: z.enum(REPORT_FORMATS, "Okänt filformat.").optional(),
});
export type ReportParams = z.output<typeof reportParamsSchema>;

export function reportQuery(p: { asOf?: string; body?: string[]; format?: string }): string {
  const q = new URLSearchParams();
  if (p.asOf) q.set("asOf", p.asOf);
  for (const b of p.body ?? []) q.append("body", b);
  if (p.format) q.set("format", p.format);
  return q.toString();
}
