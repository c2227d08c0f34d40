// The dates of the report of ej verkställda beslut: it is made twice a year,
// by default as of 30 June and 31 December; a municipality may choose two other
// days of the year (Municipality.reportDayFirst/Second, "MM-DD"). A report date is a calendar date (UTC
// midnight, like every SQL DATE here); "as of" a date means at the end of that
// day in Swedish time, so a change made in the evening of 31 December counts.

const TIME_ZONE = "Europe/Stockholm";
const DAY_MS = 24 * 60 * 60 * 1000;

const utcDay = (year: number, monthIndex: number, day: number) => new Date(Date.UTC(year, monthIndex, day));

/** A municipality's two report days of the year, as "MM-DD". */
export type ReportDays = readonly [string, string];
export const DEFAULT_REPORT_DAYS: ReportDays = ["06-30", "12-31"];

/** "MM-DD" → [month index, day], or null unless it is a day every year has (not 29 February). */
export function parseMonthDay(s: string): [number, number] | null {
  const m = /^(\d{2})-(\d{2})$/.exec(s.trim());
  if (!m) return null;
  const month = Number(m[1]) - 1;
  const day = Number(m[2]);
  const d = utcDay(2023, month, day); // a year that is not a leap year
  return d.getUTCMonth() === month && d.getUTCDate() === day && month >= 0 && month < 12 ? [month, day] : null;
}

/** The report dates of a year, in order: by default 30 June and 31 December. */
export function reportDatesOfYear(year: number, days: ReportDays = DEFAULT_REPORT_DAYS): [Date, Date] {
  const dates = days.map((s) => {
    const md = parseMonthDay(s) ?? parseMonthDay(DEFAULT_REPORT_DAYS[days.indexOf(s)])!;
    return utcDay(year, md[0], md[1]);
  });
  dates.sort((a, b) => a.getTime() - b.getTime());
  return [dates[0], dates[1]];
}

export function isReportDate(d: Date, days: ReportDays = DEFAULT_REPORT_DAYS): boolean {
  return reportDatesOfYear(d.getUTCFullYear(), days).some((r) => r.getTime() === d.getTime());
}

// Built once: a formatter costs far more to make than to use, and reports call these per row.
const swedishDayFormat = new Intl.DateTimeFormat("en-CA", { timeZone: TIME_ZONE, year: "numeric", month: "2-digit", day: "2-digit" });
const swedishMinuteFormat = new Intl.DateTimeFormat("en-GB", {
  timeZone: TIME_ZONE,
  hourCycle: "h23",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
});

/** The calendar date (UTC midnight) of a moment as it reads in Sweden. */
export function swedishCalendarDate(moment: Date): Date {
  const parts = swedishDayFormat.formatToParts(moment);
  const get = (t: string) => Number(parts.find((p) => p.type === t)!.value);
  return utcDay(get("year"), get("month") - 1, get("day"));
}

/** Minutes by which Swedish time is ahead of UTC at a moment (60 or 120). */
function stockholmOffsetMinutes(moment: Date): number {
  const parts = swedishMinuteFormat.formatToParts(moment);
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

/** The report date a report made on `today` is normally made for: the next report date on or after today (Swedish time), by default 30 June or 31 December. */
export function defaultAsOf(now: Date = new Date(), days: ReportDays = DEFAULT_REPORT_DAYS): Date {
  const today = swedishCalendarDate(now);
  const year = today.getUTCFullYear();
  const dates = [...reportDatesOfYear(year, days), ...reportDatesOfYear(year + 1, days)];
  return dates.find((d) => d.getTime() >= today.getTime())!;
}

/** The report date before `asOf` (strictly): 2026-12-31 → 2026-06-30, 2026-06-30 → 2025-12-31, 2026-09-15 → 2026-06-30. */
export function previousReportDate(asOf: Date, days: ReportDays = DEFAULT_REPORT_DAYS): Date {
  const day = toCalendarDate(asOf);
  const year = day.getUTCFullYear();
  const dates = [...reportDatesOfYear(year - 1, days), ...reportDatesOfYear(year, days)];
  return dates.filter((d) => d.getTime() < day.getTime()).pop()!;
}

/** A calendar date: UTC midnight of the given moment's UTC day. */
export function toCalendarDate(d: Date): Date {
  return new Date(Math.floor(d.getTime() / DAY_MS) * DAY_MS);
}

/**
 * Made before the report date is over: the report cannot show the state at the
 * end of a day that has not ended, so it shows the state now (and says so).
 */
export function isMadeBeforeAsOf(asOf: Date, now: Date): boolean {
  return now.getTime() < endOfSwedishDay(asOf).getTime();
}

/**
 * The first day on which a date that is still open counts as passed in a report:
 * the day after the report date (something due on 31 December and not done by the
 * end of that day is late), or, in a report made before the report date is over,
 * today (as in the live list: due yesterday or earlier).
 */
export function lateCutoff(asOf: Date, now?: Date): Date {
  if (now && isMadeBeforeAsOf(asOf, now)) return swedishCalendarDate(now);
  const day = toCalendarDate(asOf);
  return new Date(day.getTime() + DAY_MS);
}
