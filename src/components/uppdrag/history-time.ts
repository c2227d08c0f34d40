// When a history entry happened, as the uppdrag page shows it. Entries taken from
// documents and imports carry only a date (stored as midnight UTC): they show the
// date alone, never a clock time nobody recorded ("kl. 02:00").
import { formatDate, formatDateTime, formatIsoDate } from "@/lib/dates";

/** An entry recorded with a date only: exactly midnight UTC, as a calendar date is stored. */
export function isDateOnly(at: Date): boolean {
  return at.getUTCHours() === 0 && at.getUTCMinutes() === 0 && at.getUTCSeconds() === 0 && at.getUTCMilliseconds() === 0;
}

/** `dateTime` for the <time> element and the text to show: "20 april 2020" or "7 dec. 2026 14:05". */
export function historyTime(at: Date): { dateTime: string; text: string } {
  return isDateOnly(at) ? { dateTime: formatIsoDate(at), text: formatDate(at) } : { dateTime: at.toISOString(), text: formatDateTime(at) };
}
