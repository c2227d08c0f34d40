// Filters of the audit log, from the URL: shared by the page and the CSV export.
import { z } from "@/lib/validation/zod";
import { optionalIsoDate } from "@/lib/validation/dates";

const optionalText = (max: number, message: string) =>
  z
    .string()
    .trim()
    .max(max, message)
    .optional()
    .transform((s) => s || undefined);

export const auditFilterSchema = z
  .object({
    person: z
      .union([z.uuid("Okänd person."), z.literal("")])
      .optional()
      .transform((s) => s || undefined),
    record: optionalText(200, "Posten får vara högst 200 tecken."),
    action: optionalText(100, "Händelsen får vara högst 100 tecken."),
    from: optionalIsoDate,
    to: optionalIsoDate,
    page: z.coerce.number("Ogiltig sida.").int("Ogiltig sida.").min(1, "Ogiltig sida.").max(100_000, "Ogiltig sida.").optional().default(1),
  })
  .refine((f) => !f.from || !f.to || f.from <= f.to, { message: "Från-datumet måste ligga före till-datumet.", path: ["to"] });
export type AuditFilter = z.output<typeof auditFilterSchema>;

/** Swedish names of the logged events; an unknown code is shown as it is. */
export const AUDIT_ACTION_LABEL: Record<string, string> = {
  "access.refused": "Nekad åtkomst",
  "body.assignment.add": "Person tillagd i organ",
  "body.assignment.remove": "Person borttagen ur organ",
  "body.create": "Organ skapat",
  "body.update": "Organ ändrat",
  "import.run": "Import genomförd",
  "meeting.create": "Sammanträde registrerat",
  "meeting.correct": "Sammanträde rättat",
  "meeting.justera": "Protokoll markerat som justerat",
  "motion.answer": "Kommunfullmäktiges beslut om motion registrerat",
  "motion.register": "Motion eller medborgarförslag registrerat",
  "motion.state": "Motionens läge ändrat",
  "motion.uppdrag.create": "Uppdrag skapat ur bifallen motion",
  "motion.uppdrag.link": "Uppdrag kopplat till motion",
  "municipality.logo.remove": "Logotyp borttagen",
  "municipality.logo.set": "Logotyp ändrad",
  "municipality.report-bodies.set": "Redovisningens organ ändrade",
  "municipality.settings.update": "Inställningar ändrade",
  "municipality.public-view.update": "Den öppna redovisningens inställningar ändrade",
  "paragraph.correct": "Paragraf rättad",
  "paragraph.create": "Paragraf registrerad",
  "plan.activity.follow-up": "Aktivitet uppföljd",
  "plan.import": "Plan importerad",
  "plan.indicator.follow-up": "Indikator uppföljd",
  "plan.occasion.close": "Uppföljningstillfälle avslutat",
  "plan.occasion.create": "Uppföljningstillfälle skapat",
  "plan.summary.follow-up": "Uppföljningens sammanfattning sparad",
  "plan.uppdrag.link": "Uppdrag kopplat till plan",
  "plan.uppdrag.unlink": "Uppdrag bortkopplat från plan",
  "report.freeze": "Redovisning fastställd",
  "report.freeze-motions": "Redovisning av obesvarade motioner fastställd",
  "session.sign-in": "Inloggning",
  "session.second-factor-failed": "Fel kod vid tvåstegsinloggning",
  "session.sign-in-failed": "Misslyckad inloggning",
  "session.sign-in-throttled": "Inloggning spärrad (för många försök)",
  "session.sign-out": "Utloggning",
  "session.sign-out-everywhere": "Utloggning på alla enheter",
  "unit.create": "Enhet skapad",
  "unit.move": "Enhet flyttad",
  "unit.update": "Enhet ändrad",
  "uppdrag.correct": "Uppdrag rättat",
  "uppdrag.follow": "Följer uppdraget",
  "uppdrag.unfollow": "Slutade följa uppdraget",
  "uppdrag.handover": "Uppdrag överlämnat till annan ansvarig",
  "motion.handover": "Motion överlämnad till annan handläggare",
  "motion.follow": "Följer motionen",
  "motion.unfollow": "Slutade följa motionen",
  "reminders.send": "Påminnelser skickade (demo)",
  "uppdrag.create": "Uppdrag registrerat",
  "uppdrag.create-missed": "Missat uppdrag tillagt i sparad paragraf",
  "uppdrag.export": "Uppdragslistan exporterad",
  "uppdrag.link.create": "Senare beslut kopplat",
  "uppdrag.public.hide": "Uppdrag dolt i den öppna redovisningen",
  "uppdrag.public.show": "Uppdrag visat i den öppna redovisningen",
  "uppdrag.status.change": "Status ändrad",
  "uppdrag.status.import": "Status importerad",
  "user.anonymize": "Person anonymiserad",
  "user.deactivate": "Konto inaktiverat",
  "user.invite": "Person inbjuden",
  "user.password-link": "Länk för att välja lösenord skapad",
  "user.password.change": "Lösenord bytt",
  "user.password.set-with-link": "Lösenord valt via länk",
  "user.reactivate": "Konto återaktiverat",
  "user.reminder-preferences": "Val av påminnelser sparade",
  "user.role.from-groups": "Roll satt från kommunens grupper",
  "user.totp.enrol": "Tvåstegsverifiering påslagen",
  "user.totp.recovery-code-used": "Reservkod använd vid inloggning",
  "user.totp.reset": "Tvåstegsverifiering återställd av administratör",
  "user.sso.create": "Konto skapat via kommunens inloggning",
  "user.sso.link": "Konto kopplat till kommunens inloggning",
  "user.update": "Person ändrad (roll, organ eller enhet)",
};
export const auditActionLabel = (action: string) => AUDIT_ACTION_LABEL[action] ?? action;

/** Swedish names of the kinds of record in the log; the code stays searchable in the filter. */
export const AUDIT_ENTITY_LABEL: Record<string, string> = {
  Body: "Organ",
  FrozenReport: "Fastställd redovisning",
  Import: "Import",
  Municipality: "Kommun",
  Meeting: "Sammanträde",
  Paragraph: "Paragraf",
  Plan: "Plan",
  PlanOccasion: "Uppföljningstillfälle",
  PlanUppdragLink: "Koppling plan–uppdrag",
  Request: "Begäran",
  Session: "Inloggning",
  Unit: "Enhet",
  Uppdrag: "Uppdrag",
  UppdragLink: "Senare beslut",
  User: "Användare",
};
export const auditEntityLabel = (entity: string) => AUDIT_ENTITY_LABEL[entity] ?? entity;
