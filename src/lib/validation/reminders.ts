// Input of the reminders' endpoints (issue #17).
import { z } from "@/lib/validation/zod";

import { PREFERENCE_KEYS, type ReminderPreferences } from "@/lib/reminders/rules";

const key = z.enum(PREFERENCE_KEYS, "Okänt val.");

export const followSchema = z.object({
  uppdragId: z.uuid("Okänt uppdrag."),
  follow: z.enum(["ja", "nej"], "Välj följ eller sluta följa."),
});

/** The checkboxes "rules" (absent, one or several): the ones checked are on, the rest off. */
export const followMotionSchema = z.object({
  motionId: z.uuid("Okänd motion."),
  follow: z.enum(["ja", "nej"], "Välj följ eller sluta följa."),
});

export const reminderPreferencesSchema = z
  .object({ rules: z.union([key, z.array(key).max(PREFERENCE_KEYS.length)]).optional() })
  .transform(({ rules }) => {
    const on = new Set(rules === undefined ? [] : Array.isArray(rules) ? rules : [rules]);
    return Object.fromEntries(PREFERENCE_KEYS.map((k) => [k, on.has(k)])) as ReminderPreferences;
  });

export const handoverSchema = z.object({
  id: z.uuid("Okänd post."),
  expectedVersion: z.coerce.number().int().min(1),
  successorId: z.uuid("Välj vem som tar över."),
});

export const sendNowSchema = z.object({});
