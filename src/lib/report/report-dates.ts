// The dates of the report of ej verkställda beslut: it is made twice a year,
// as of 30 June and 31 December. A report date is a calendar date (UTC
// midnight, like every SQL DATE here); "as of" a date means at the end of that
// day in Swedish time, so a change made in the evening of 31 December counts.

const TIME_ZONE = "Europe/Stockholm";
const DAY_MS = 24 * 60 * 60 * 1000;

const utcDay = (year: number, monthIndex: number, day: number) => new Date(Date.UTC(year, monthIndex, day));

/** The report dates of a year: 30 June and 31 December. */
export function reportDatesOfYear(year: number): [Date, Date] {
  return [utcDay(year, 5, 30), utcDay(year, 11, 31)];
}

export function isReportDate(d: Date): boolean {
  return reportDatesOfYear(d.getUTCFullYear()).some((r) => r.getTime() === d.getTime());
}

/** The calendar date (UTC midnight) of a moment as it reads in Sweden. */
export function swedishCalendarDate(moment: Date): Date {
  const parts = new Intl.DateTimeFormat("en-CA", { timeZone: TIME_ZONE, year: "numeric", month: "2-digit", day: "2-digit" }).formatToParts(moment);
  const get = (t: string) => Number(parts.find((p) => p.type === t)!.value);
  return utcDay(get("year"), get("month") - 1, get("day"));
}

/** Minutes by which Swedish time is ahead of UTC at a moment (60 or 120). */
function stockholmOffsetMinutes(moment: Date): number {
  const parts = new Intl.DateTimeFormat("en-GB", {
    timeZone: TIME_ZONE,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
  }).formatToParts(moment);
  const get = (t: string) => Number(parts.find((p) => p.type === t)!.value);
  const asUtc = Date.UTC(get("year"), get("month") - 1, get("day"), get("hour"), get("minute"));
  return Math.round((asUtc - Math.floor(moment.getTime() / 60_000) * 60_000) / 60_000);
}

/**
 * The first moment after a calendar date in Swedish time: midnight starting
 * the next day. Everything before it happened on or before the date. (Swedish
 * clocks change at 02:00/03:00, never at midnight, so the midnight exists.)
 */
export function endOfSwedishDay(date: Date): Date {
  const nextMidnightUtc = utcDay(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate() + 1).getTime();
  // Midnight in Sweden is 22:00 or 23:00 UTC. The clocks change at 01:00 UTC, so the offset at
  // 00:00 UTC of the next day is the offset at that midnight.
  return new Date(nextMidnightUtc - stockholmOffsetMinutes(new Date(nextMidnightUtc)) * 60_000);
}

/** The first moment of a calendar date in Swedish time (its midnight). */
export function startOfSwedishDay(date: Date): Date {
  return endOfSwedishDay(utcDay(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate() - 1));
}

/** The report date a report made on `today` is normally made for: the next 30 June or 31 December on or after today (Swedish time). */
export function defaultAsOf(now: Date = new Date()): Date {
  const today = swedishCalendarDate(now);
  const [june, december] = reportDatesOfYear(today.getUTCFullYear());
  return today.getTime() <= june.getTime() ? june : december;
}

/** The report date before `asOf` (strictly): 2026-12-31 → 2026-06-30, 2026-06-30 → 2025-12-31, 2026-09-15 → 2026-06-30. */
export function previousReportDate(asOf: Date): Date {
  const day = toCalendarDate(asOf);
  const year = day.getUTCFullYear();
  const june = reportDatesOfYear(year)[0];
  if (day.getTime() > june.getTime()) return june;
  return reportDatesOfYear(year - 1)[1];
}

/** A calendar date: UTC midnight of the given moment's UTC day. */
export function toCalendarDate(d: Date): Date {
  return new Date(Math.floor(d.getTime() / DAY_MS) * DAY_MS);
}
