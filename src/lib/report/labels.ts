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

/** "2 uppdrag har avslutats sedan föregående redovisning den 30 juni 2026: 1 verkställt och 1 som inte genomförs." */
export function closedSinceSentence(previous: Date, summary: { closedSince: number; closedSinceByStatus: { COMPLETED: number; NOT_CARRIED_OUT: number } }): string {
  const since = `sedan föregående redovisning den ${formatDate(previous)}`;
  if (summary.closedSince === 0) return `Inga uppdrag har avslutats ${since}.`;
  const { COMPLETED: done, NOT_CARRIED_OUT: dropped } = summary.closedSinceByStatus;
  return `${summary.closedSince} uppdrag har avslutats ${since}: ${done} ${done === 1 ? "verkställt" : "verkställda"} och ${dropped} som inte genomförs.`;
}
