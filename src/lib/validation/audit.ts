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
  "uppdrag.status.change": "Status ändrad",
  "uppdrag.create": "Uppdrag registrerat",
  "meeting.create": "Sammanträde registrerat",
  "report.freeze": "Redovisning fastställd",
  "municipality.report-bodies.set": "Redovisningens organ ändrade",
  "session.sign-in": "Inloggning",
  "session.sign-out": "Utloggning",
  "session.sign-in-failed": "Misslyckad inloggning",
  "session.sign-in-throttled": "Inloggning spärrad (för många försök)",
  "access.refused": "Nekad åtkomst",
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
