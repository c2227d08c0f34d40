// Shared by the status form and the server action.
import { z } from "@/lib/validation/zod";
import { STATUSES, STATUSES_REQUIRING_COMMENT } from "@/lib/status";
import { parseIsoDate } from "@/lib/dates";

const isoDate = z
  .string()
  .trim()
  .transform((s, ctx) => {
    if (s === "") return null;
    const d = parseIsoDate(s);
    if (!d) {
      ctx.addIssue({ code: "custom", message: "Ange datumet som ÅÅÅÅ-MM-DD." });
      return z.NEVER;
    }
    return d;
  });

export const changeStatusSchema = z
  .object({
    uppdragId: z.uuid("Okänt uppdrag."),
    expectedVersion: z.coerce.number().int().min(1),
    status: z.enum(STATUSES, "Välj en status."),
    comment: z
      .string()
      .trim()
      .max(4000, "Kommentaren får vara högst 4 000 tecken.")
      .transform((s) => (s === "" ? null : s)),
    plannedCompletion: isoDate.optional().transform((d) => d ?? null),
    reportedAtMeetingId: z
      .union([z.uuid("Okänt sammanträde."), z.literal("")])
      .optional()
      .transform((s) => (s ? s : null)),
  })
  .superRefine((v, ctx) => {
    if (STATUSES_REQUIRING_COMMENT.includes(v.status) && !v.comment) {
      ctx.addIssue({
        code: "custom",
        path: ["comment"],
        message: "Skriv en kommentar: varför uppdraget är försenat, vilande eller inte genomförs.",
      });
    }
  });
export type ChangeStatusInput = z.output<typeof changeStatusSchema>;

export const listFiltersSchema = z.object({
  q: z.string().trim().max(200).optional().catch(undefined),
  status: z
    .union([z.enum(STATUSES), z.array(z.enum(STATUSES))])
    .optional()
    .transform((v) => (v === undefined ? undefined : Array.isArray(v) ? v : [v]))
    .catch(undefined),
  body: z.uuid().optional().catch(undefined),
  showClosed: z
    .enum(["1"])
    .optional()
    .transform((v) => v === "1")
    .catch(false),
  page: z.coerce.number().int().min(1).max(10_000).optional().catch(undefined),
});
export type ListFilters = Partial<z.output<typeof listFiltersSchema>>;
