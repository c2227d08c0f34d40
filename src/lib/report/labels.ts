// The report's Swedish texts, shared by every output format (and later the print page).
import { formatDate, formatDateTime } from "@/lib/dates";
import { isMadeBeforeAsOf } from "./report-dates";

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
  deadline: "Klart senast",
  late: "Försenad mot datum",
  closedAt: "Avslutat",
} as const;

/** The late marker, as the list shows it. */
export const LATE_MARKER = "Försenad mot datum";

/** "per 31 december 2026" */
export const asOfPhrase = (asOf: Date) => `per ${formatDate(asOf)}`;

/** "Kommunfullmäktige (KF)" */
export const bodyHeading = (b: { name: string; shortName: string }) => (b.shortName && b.shortName !== b.name ? `${b.name} (${b.shortName})` : b.name);

/** "§ 34" */
export const paragraphLabel = (n: number) => `§ ${n}`;

/** What the report covers, in one sentence. Made before the report date is over (`generatedAt`), it says the figures are as of then. */
export function scopeSentence(asOf: Date, previous: Date, generatedAt?: Date): string {
  if (generatedAt && isMadeBeforeAsOf(asOf, generatedAt)) {
    return (
      `Uppdrag beslutade till och med den ${formatDate(asOf)} som inte var verkställda när redovisningen togs fram, ${formatDateTime(generatedAt)}, ` +
      `med status, kommentar och planerat klart som de var registrerade då. Avslutade uppdrag redovisas för tiden efter föregående redovisning den ${formatDate(previous)}.`
    );
  }
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

/**
 * The warning of a report made before its report date is over (6 December for 31
 * December): it cannot show a day that has not ended. Null otherwise.
 */
export function madeBeforeAsOfWarning(asOf: Date, generatedAt: Date): string | null {
  if (!isMadeBeforeAsOf(asOf, generatedAt)) return null;
  return (
    `Observera: redovisningen är framtagen ${formatDateTime(generatedAt)}, innan redovisningsdagen den ${formatDate(asOf)} är slut. ` +
    `Uppgifterna visar läget nu, inte vid dagens slut den ${formatDate(asOf)}, och kan ändras fram till dess. ` +
    `Ta fram redovisningen på nytt efter den ${formatDate(asOf)} för att få läget per redovisningsdagen.`
  );
}

/** "3 av de ej verkställda uppdragen är försenade mot datum: …"; null for a report fastställd before the count was made. */
export function lateSentence(summary: { open: number; late?: number }): string | null {
  if (summary.late === undefined) return null;
  if (summary.late === 0) return "Inget av de ej verkställda uppdragen är försenat mot datum.";
  return `${summary.late} av de ${summary.open} ej verkställda uppdragen ${summary.late === 1 ? "är försenat" : "är försenade"} mot datum: klart senast (eller, utan ett sådant datum, planerat klart) hade passerat.`;
}

/** Whether a report carries the deadline and the late marker (a report fastställd before they were added does not). */
export const carriesDeadlines = (r: { summary: { late?: number } }) => r.summary.late !== undefined;

/** On the report page, when the next report date has not ended yet: what a report made now shows. Null once it has. */
export function asOfNotYetSentence(asOf: Date, now: Date): string | null {
  if (!isMadeBeforeAsOf(asOf, now)) return null;
  return (
    `Redovisningsdagen ${formatDate(asOf)} är inte slut än. En redovisning som tas fram eller fastställs nu visar läget nu ` +
    `(${formatDateTime(now)}), inte vid dagens slut den ${formatDate(asOf)}, och säger det på första sidan. ` +
    `Vänta till efter den ${formatDate(asOf)} för att få läget per redovisningsdagen, eller välj ett datum som har passerat.`
  );
}
