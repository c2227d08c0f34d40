// Shared by the plan forms (checked in the browser before sending) and the
// server actions (checked again on the server). Swedish messages.
import { z } from "@/lib/validation/zod";
import { ACTIVITY_STATUSES, ACTIVITY_STATUS_LABEL } from "@/lib/plan/status";
import { parseIsoDate } from "@/lib/dates";
import type { PlanActivityStatus } from "@/generated/prisma/enums";

export const LIMITS = { comment: 2000, value: 200, note: 500, summary: 8000, name: 120 } as const;

/** Form field names of the follow-up form: one form per commitment. */
export const field = {
  status: (activityId: string) => `a.${activityId}.status`,
  comment: (activityId: string) => `a.${activityId}.comment`,
  activityVersion: (activityId: string) => `a.${activityId}.version`,
  value: (indicatorId: string) => `i.${indicatorId}.value`,
  noNewData: (indicatorId: string) => `i.${indicatorId}.noNewData`,
  note: (indicatorId: string) => `i.${indicatorId}.note`,
  indicatorVersion: (indicatorId: string) => `i.${indicatorId}.version`,
  /** The values the form was loaded with: a row the user did not change is not saved (nor a conflict). */
  orig: (row: string) => `${row}.orig`,
} as const;

/** The loaded values of a row as one string, for the `orig` field (JSON: unambiguous, and no control characters, which actions refuse). */
export const origOf = (...parts: (string | boolean | null | undefined)[]) => JSON.stringify(parts.map((p) => (p === true ? "on" : p === false || p == null ? "" : p.trim())));

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const isUuid = (s: unknown): s is string => typeof s === "string" && UUID.test(s);

export interface ActivityInput {
  activityId: string;
  status: PlanActivityStatus | null;
  comment: string | null;
  expectedVersion: number;
  /** False when the form says the user left the row as it was loaded. */
  touched: boolean;
}
export interface IndicatorInput {
  indicatorId: string;
  value: string | null;
  noNewData: boolean;
  note: string | null;
  expectedVersion: number;
  touched: boolean;
}
export interface FollowUpInput {
  occasionId: string;
  commitmentId: string;
  activities: ActivityInput[];
  indicators: IndicatorInput[];
  summary: { comment: string | null; expectedVersion: number; touched: boolean } | null;
}

const text = (v: unknown) => (typeof v === "string" ? v.trim() : "");
const orNull = (s: string) => (s === "" ? null : s);

/**
 * The follow-up of one commitment at one occasion, from flat form fields.
 * Errors carry the form field's name as their path, so each message is shown
 * next to its field.
 */
export const followUpSchema = z.record(z.string(), z.unknown()).transform((rec, ctx): FollowUpInput => {
  const issue = (path: string, message: string) => ctx.addIssue({ code: "custom", path: [path], message });
  const version = (key: string) => {
    const n = Number(text(rec[key]) || "0");
    if (!Number.isInteger(n) || n < 0) issue(key, "Okänd version; ladda om sidan.");
    return n;
  };
  if (!isUuid(rec.occasionId)) issue("occasionId", "Okänd uppföljning.");
  if (!isUuid(rec.commitmentId)) issue("commitmentId", "Okänt åtagande.");
  const touched = (row: string, now: string) => {
    const orig = rec[field.orig(row)];
    return typeof orig !== "string" || orig !== now;
  };
  const activities: ActivityInput[] = [];
  const indicators: IndicatorInput[] = [];
  for (const key of Object.keys(rec)) {
    const a = /^a\.([^.]+)\.status$/.exec(key);
    if (a) {
      const id = a[1];
      if (!isUuid(id)) {
        issue(key, "Okänd aktivitet.");
        continue;
      }
      const raw = text(rec[key]);
      const status = raw === "" ? null : (ACTIVITY_STATUSES as readonly string[]).includes(raw) ? (raw as PlanActivityStatus) : undefined;
      if (status === undefined) issue(key, "Välj ett nuläge i listan.");
      const comment = text(rec[field.comment(id)]);
      if (comment.length > LIMITS.comment) issue(field.comment(id), `Kommentaren får vara högst ${LIMITS.comment} tecken.`);
      if (status === "NOT_CARRIED_OUT" && !comment) issue(field.comment(id), `Skriv varför aktiviteten har nuläget ”${ACTIVITY_STATUS_LABEL.NOT_CARRIED_OUT}”.`);
      if (status === null && comment) issue(key, "Välj ett nuläge för aktiviteten, eller ta bort kommentaren.");
      activities.push({
        activityId: id,
        status: status ?? null,
        comment: orNull(comment),
        expectedVersion: version(field.activityVersion(id)),
        touched: touched(`a.${id}`, origOf(raw, comment)),
      });
    }
    const i = /^i\.([^.]+)\.version$/.exec(key);
    if (i) {
      const id = i[1];
      if (!isUuid(id)) {
        issue(key, "Okänt nyckeltal.");
        continue;
      }
      const value = text(rec[field.value(id)]);
      const noNewData = ["on", "true", "1"].includes(text(rec[field.noNewData(id)]));
      const note = text(rec[field.note(id)]);
      if (value.length > LIMITS.value) issue(field.value(id), `Värdet får vara högst ${LIMITS.value} tecken.`);
      if (note.length > LIMITS.note) issue(field.note(id), `Anteckningen får vara högst ${LIMITS.note} tecken.`);
      if (noNewData && value) issue(field.value(id), "Lämna värdet tomt när du har kryssat i ”Inga nya data”, eller ta bort krysset.");
      indicators.push({
        indicatorId: id,
        value: orNull(value),
        noNewData,
        note: orNull(note),
        expectedVersion: version(key),
        touched: touched(`i.${id}`, origOf(value, noNewData, note)),
      });
    }
  }
  let summary: FollowUpInput["summary"] = null;
  if ("summaryVersion" in rec) {
    const comment = text(rec.summary);
    if (comment.length > LIMITS.summary) issue("summary", `Kommentaren får vara högst ${LIMITS.summary} tecken.`);
    summary = { comment: orNull(comment), expectedVersion: version("summaryVersion"), touched: touched("summary", origOf(comment)) };
  }
  return { occasionId: String(rec.occasionId), commitmentId: String(rec.commitmentId), activities, indicators, summary };
});

const isoDate = z
  .string()
  .trim()
  .transform((s, ctx) => {
    const d = parseIsoDate(s);
    if (!d) {
      ctx.addIssue({ code: "custom", message: "Ange datumet som ÅÅÅÅ-MM-DD." });
      return z.NEVER;
    }
    return d;
  });

export const createOccasionSchema = z.object({
  planId: z.uuid("Okänd plan."),
  name: z.string().trim().min(1, "Skriv ett namn, till exempel ”per 31 augusti” eller ”bokslut”.").max(LIMITS.name, `Namnet får vara högst ${LIMITS.name} tecken.`),
  asOf: isoDate,
});
export type CreateOccasionInput = z.output<typeof createOccasionSchema>;

export const closeOccasionSchema = z.object({
  occasionId: z.uuid("Okänd uppföljning."),
  expectedVersion: z.coerce.number().int().min(1),
  confirm: z.literal("on", "Kryssa i att du vill stänga uppföljningen."),
});
export type CloseOccasionInput = z.output<typeof closeOccasionSchema>;

/** "c:<commitmentId>" or "a:<activityId>": what the uppdrag serves. */
export const linkUppdragSchema = z.object({
  uppdragId: z.uuid("Okänt uppdrag."),
  target: z
    .string()
    .regex(/^[ca]:[0-9a-f-]{36}$/i, "Välj ett åtagande eller en aktivitet.")
    .transform((s) => ({ kind: s[0] === "c" ? ("commitment" as const) : ("activity" as const), id: s.slice(2) })),
});
export type LinkUppdragInput = z.output<typeof linkUppdragSchema>;

export const unlinkUppdragSchema = z.object({ linkId: z.uuid("Okänd koppling."), uppdragId: z.uuid("Okänt uppdrag.") });
