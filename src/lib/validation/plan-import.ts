// A plan read from a spreadsheet: the preview shows it, and the confirm step
// sends it back and is checked again with the same schema on the server.
import { z } from "@/lib/validation/zod";

const text = (label: string, max: number) => z.string().trim().min(1, `${label} saknas.`).max(max, `${label} får vara högst ${max} tecken.`);
const optional = (label: string, max: number) =>
  z
    .string()
    .trim()
    .max(max, `${label} får vara högst ${max} tecken.`)
    .nullable()
    .transform((s) => (s ? s : null));

export const importedActivitySchema = z.object({
  name: text("Aktivitet", 500),
  target: optional("Önskat läge", 200),
  partners: optional("Samverkan med", 500),
  responsible: optional("Ansvarig", 500),
});
export const importedIndicatorSchema = z.object({
  name: text("Nyckeltal", 500),
  unit: optional("Enhet", 40),
  baseline: optional("Ingångsvärde", 200),
  baselineDate: z.iso.date("Ingångsdatum ska skrivas ÅÅÅÅ-MM-DD.").nullable(),
  target: optional("Önskat läge", 200),
});
export const importedPlanSchema = z.object({
  goals: z
    .array(
      z.object({
        text: text("Kommunmål", 1000),
        commitments: z
          .array(
            z.object({
              text: text("Nämndåtagande", 1000),
              activities: z.array(importedActivitySchema).max(500),
              indicators: z.array(importedIndicatorSchema).max(500),
            }),
          )
          .min(1),
      }),
    )
    .min(1, "Filen innehåller inga aktiviteter eller nyckeltal.")
    .max(200),
});
export type ImportedPlan = z.output<typeof importedPlanSchema>;

export const importPlanFormSchema = z.object({
  bodyId: z.uuid("Välj ett organ."),
  year: z.coerce.number("Ange året med fyra siffror.").int("Ange året med fyra siffror.").min(2000, "Ange ett år från 2000.").max(2100, "Ange ett år före 2100."),
  title: z.string().trim().min(1, "Skriv planens namn, till exempel ”Verksamhetsplan 2027”.").max(200, "Namnet får vara högst 200 tecken."),
});

/** The confirm step: the form fields plus the previewed plan as JSON. */
export const confirmImportSchema = importPlanFormSchema.extend({
  plan: z.string().transform((s, ctx) => {
    let json: unknown;
    try {
      json = JSON.parse(s);
    } catch {
      ctx.addIssue({ code: "custom", message: "Förhandsgranskningen gick inte att läsa. Läs in filen igen." });
      return z.NEVER;
    }
    const r = importedPlanSchema.safeParse(json);
    if (!r.success) {
      ctx.addIssue({ code: "custom", message: `Förhandsgranskningen stämmer inte: ${r.error.issues[0]?.message ?? "okänt fel"} Läs in filen igen.` });
      return z.NEVER;
    }
    return r.data;
  }),
});
