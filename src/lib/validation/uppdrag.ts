// Shared by the status form and the server action.
import { z } from "@/lib/validation/zod";
import { STATUSES, STATUSES_REQUIRING_COMMENT } from "@/lib/status";
import { optionalIsoDate } from "@/lib/validation/dates";
import type { LinkKind } from "@/generated/prisma/enums";

/** A date field that may be left empty (null). */
const isoDate = optionalIsoDate.transform((d) => d ?? null);

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

export const LINK_KINDS = ["POSTPONED", "CHANGED", "CANCELLED", "REPORTED", "COMPLETED"] as const satisfies readonly LinkKind[];

/** Linking an uppdrag to a later paragraph, with the status change that follows. */
export const linkDecisionSchema = z.object({
  uppdragId: z.uuid("Okänt uppdrag."),
  expectedVersion: z.coerce.number().int().min(1),
  paragraphId: z.uuid("Välj paragrafen med det senare beslutet."),
  kind: z.enum(LINK_KINDS, "Välj vad det senare beslutet innebar."),
  status: z.enum(STATUSES, "Välj en status."),
  comment: z
    .string()
    .trim()
    .max(4000, "Kommentaren får vara högst 4 000 tecken.")
    .optional()
    .transform((s) => (s ? s : null)),
  note: z
    .string()
    .trim()
    .max(300, "Anteckningen får vara högst 300 tecken.")
    .optional()
    .transform((s) => (s ? s : null)),
  plannedCompletion: isoDate.optional().transform((d) => d ?? null),
});
export type LinkDecisionInput = z.output<typeof linkDecisionSchema>;

export const SORT_KEYS = ["beslut", "titel", "organ", "enhet", "status", "klart", "andrad", "relevans"] as const;
export type SortKey = (typeof SORT_KEYS)[number];

/** A date in the URL, or "senaste-besok" for "since my last visit". */
const changedSince = z.union([z.literal("senaste-besok"), z.iso.date()]);

/**
 * The list's filters as they stand in the URL (so a view can be shared and the
 * back button works). Junk in a URL is ignored rather than an error.
 */
export const listFiltersSchema = z.object({
  q: z.string().trim().max(200).optional().catch(undefined),
  status: z
    .union([z.enum(STATUSES), z.array(z.enum(STATUSES))])
    .optional()
    .transform((v) => (v === undefined ? undefined : Array.isArray(v) ? v : [v]))
    .catch(undefined),
  body: z.uuid().optional().catch(undefined),
  unit: z.uuid().optional().catch(undefined),
  year: z.coerce.number().int().min(1900).max(2200).optional().catch(undefined),
  overdue: z.enum(["1"]).optional().transform((v) => v === "1").catch(false),
  changed: changedSince.optional().catch(undefined),
  showClosed: z.enum(["1"]).optional().transform((v) => v === "1").catch(false),
  sort: z.enum(SORT_KEYS).optional().catch(undefined),
  dir: z.enum(["asc", "desc"]).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).optional().catch(undefined),
});
export type ListFilters = Partial<z.output<typeof listFiltersSchema>>;

/** The URL of the list with these filters (empty values left out). */
export function listHref(f: ListFilters, change: ListFilters = {}): string {
  const m = { ...f, ...change };
  const p = new URLSearchParams();
  if (m.q) p.set("q", m.q);
  for (const s of m.status ?? []) p.append("status", s);
  if (m.body) p.set("body", m.body);
  if (m.unit) p.set("unit", m.unit);
  if (m.year) p.set("year", String(m.year));
  if (m.overdue) p.set("overdue", "1");
  if (m.changed) p.set("changed", m.changed);
  if (m.showClosed) p.set("showClosed", "1");
  if (m.sort) p.set("sort", m.sort);
  if (m.dir) p.set("dir", m.dir);
  if (m.page && m.page > 1) p.set("page", String(m.page));
  const qs = p.toString();
  return qs ? `/uppdrag?${qs}` : "/uppdrag";
}
