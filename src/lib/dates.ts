// Swedish dates. Calendar dates (decision date, deadline) are stored as SQL
// DATE and arrive as UTC midnight; format them by their UTC parts so that no
// time zone can move them a day.
import { format, differenceInCalendarDays } from "date-fns";
import { sv } from "date-fns/locale";

function calendarDay(d: Date): Date {
  return new Date(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate());
}

/** "25 februari 2020" */
export function formatDate(d: Date | null | undefined): string {
  return d ? format(calendarDay(d), "d MMMM yyyy", { locale: sv }) : "–";
}

/** "2020-02-25": compact, sortable, for tables. */
export function formatIsoDate(d: Date | null | undefined): string {
  return d ? d.toISOString().slice(0, 10) : "–";
}

/** "25 feb. 2020 kl. 14:05" for moments (history entries), in Swedish time. */
const dateTimeFormat = new Intl.DateTimeFormat("sv-SE", { dateStyle: "medium", timeStyle: "short", timeZone: "Europe/Stockholm" });
export function formatDateTime(d: Date): string {
  return dateTimeFormat.format(d);
}

/** Parses "YYYY-MM-DD" into a UTC-midnight Date, or null when invalid. */
export function parseIsoDate(s: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return null;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]) ? d : null;
}

/** Age in whole days between a calendar date and today. */
export function ageInDays(from: Date, today: Date): number {
  return differenceInCalendarDays(calendarDay(today), calendarDay(from));
}

/** "3 år 2 mån", "5 mån", "12 dagar" */
export function formatAge(days: number): string {
  if (days < 31) return `${days} ${days === 1 ? "dag" : "dagar"}`;
  const months = Math.floor(days / 30.44);
  const years = Math.floor(months / 12);
  const rest = months % 12;
  if (years === 0) return `${months} mån`;
  return rest ? `${years} år ${rest} mån` : `${years} år`;
}

const collator = new Intl.Collator("sv", { sensitivity: "base", numeric: true });
/** Swedish sort order: å, ä, ö after z. */
export const compareSv = (a: string, b: string) => collator.compare(a, b);

const numberFormat = new Intl.NumberFormat("sv-SE");
/** "3 560": Swedish digit grouping. */
export const formatNumber = (n: number) => numberFormat.format(n);
