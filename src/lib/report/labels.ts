// The report's Swedish texts, shared by every output format (and later the print page).
import { formatDate } from "@/lib/dates";

export const REPORT_TITLE = "Redovisning av ej verkställda beslut";
export const CLOSED_SECTION_TITLE = "Verkställda och avslutade sedan föregående redovisning";
export const SUMMARY_TITLE = "Sammanfattning";

export const COLUMN = {
  body: "Organ",
  decidedOn: "Beslutsdatum",
  paragraph: "§",
  dnr: "Dnr",
  title: "Uppdrag",
  units: "Ansvarig enhet",
  status: "Status",
  comment: "Kommentar",
  plannedCompletion: "Planerat klart",
  closedAt: "Avslutat",
} as const;

/** "per 31 december 2026" */
export const asOfPhrase = (asOf: Date) => `per ${formatDate(asOf)}`;

/** "Kommunfullmäktige (KF)" */
export const bodyHeading = (b: { name: string; shortName: string }) => (b.shortName && b.shortName !== b.name ? `${b.name} (${b.shortName})` : b.name);

/** "§ 34" */
export const paragraphLabel = (n: number) => `§ ${n}`;

/** What the report covers, in one sentence. */
export function scopeSentence(asOf: Date, previous: Date): string {
  return (
    `Uppdrag som inte var verkställda vid dagens slut den ${formatDate(asOf)}, med status, kommentar och planerat klart ` +
    `som de var registrerade då. Avslutade uppdrag redovisas för tiden efter föregående redovisning den ${formatDate(previous)}.`
  );
}
