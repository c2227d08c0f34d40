// The reminders' endpoints (issue #17), each declared once (src/server/entry/endpoint.ts):
// following an uppdrag (anyone who may read it), one's own choice of reminders
// (account:own), the handover on deactivation (admin:manage), and, in demo mode
// only, an administrator's "send the reminders now" for their own municipality.
import "server-only";
import { changeEndpoint, defineEndpoint } from "@/server/entry/endpoint";
import { uppdragScope } from "@/server/uppdrag/endpoints";
import { followMotionSchema, followSchema, handoverSchema, reminderPreferencesSchema, sendNowSchema } from "@/lib/validation/reminders";
import { isDemoMode } from "@/server/config";
import { recordAudit } from "@/server/audit";
import { RefusedError } from "@/server/errors";
import { handoverAndDeactivate } from "@/server/admin/handover";
import { saveReminderPreferences, setFollowMotion, setFollowUppdrag } from "./account";
import { motionScope } from "@/server/motions/access";
import { swedishCalendarDate } from "@/lib/report/report-dates";
import { mailerFromEnv } from "./mailer";
import { appBaseUrl, runReminders } from "./run";

export const followUppdragEndpoint = changeEndpoint("reminders.followUppdrag", followSchema, "uppdrag:read", (db, input) => uppdragScope(db, input.uppdragId), setFollowUppdrag);

export const followMotionEndpoint = changeEndpoint("reminders.followMotion", followMotionSchema, "motion:read", (db, input) => motionScope(db, input.motionId), setFollowMotion);

export const saveReminderPreferencesEndpoint = changeEndpoint("account.saveReminderPreferences", reminderPreferencesSchema, "account:own", "municipality", saveReminderPreferences);

export const handoverEndpoint = changeEndpoint("admin.handoverAndDeactivate", handoverSchema, "admin:manage", "municipality", handoverAndDeactivate);

export const NOT_DEMO = "Påminnelser skickas på begäran bara i demoläget; annars skickar servern dem varje timme.";

/** Demo mode: runs the job now for the administrator's own municipality (today), mail to the demo's local SMTP server unless SMTP_HOST is set. */
export const sendRemindersNowEndpoint = defineEndpoint({
  id: "reminders.sendNow",
  input: sendNowSchema,
  permission: "admin:manage",
  scope: "municipality",
  mutates: true,
  run: async ({ db, actor }) => {
    if (!isDemoMode()) throw new RefusedError(NOT_DEMO);
    const mailer = await mailerFromEnv();
    if (!mailer) throw new RefusedError("Ingen e-postserver är inställd (SMTP_HOST).");
    const municipality = await db.municipality.findUniqueOrThrow({ where: { id: actor.municipalityId }, select: { id: true, slug: true, name: true, reportDayFirst: true, reportDaySecond: true } });
    const run = await runReminders(db, municipality, { asOf: swedishCalendarDate(new Date()), dryRun: false, mailer, baseUrl: appBaseUrl() });
    const sent = run.digests.filter((d) => d.outcome === "sent").length + run.retried.filter((r) => r.outcome === "sent").length;
    const failed = run.digests.filter((d) => d.outcome === "failed").length;
    await recordAudit(db, { municipalityId: actor.municipalityId, actorId: actor.userId, action: "reminders.send", entity: "Municipality", entityId: actor.municipalityId, after: { sent, failed } });
    return { sent, failed };
  },
});
