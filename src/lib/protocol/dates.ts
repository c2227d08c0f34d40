// Dates and times as Swedish minutes write them: "2020-02-25",
// "tisdagen den 25 februari 2020", "25 feb. 2020", "kl 13:00-17.00",
// "kl. 09.00–12.15".

const MONTHS: Record<string, number> = {
  januari: 1, jan: 1,
  februari: 2, feb: 2,
  mars: 3, mar: 3,
  april: 4, apr: 4,
  maj: 5,
  juni: 6, jun: 6,
  juli: 7, jul: 7,
  augusti: 8, aug: 8,
  september: 9, sept: 9, sep: 9,
  oktober: 10, okt: 10,
  november: 11, nov: 11,
  december: 12, dec: 12,
};

const MONTH_NAMES = Object.keys(MONTHS)
  .sort((a, b) => b.length - a.length)
  .join("|");

const ISO_DATE = /(?<!\d)(\d{4})-(\d{1,2})-(\d{1,2})(?!\d)/;
// "25 februari 2020", "25:e feb. 2020", "1 mars, 2022"
const SWEDISH_DATE = new RegExp(`(?<!\\d)(\\d{1,2})(?::e|:a)?\\s+(${MONTH_NAMES})\\.?,?\\s+(\\d{4})(?!\\d)`, "iu");

export const WEEKDAY = /(?<![\p{L}])(?:mån|tis|ons|tors|fre|lör|sön)dag(?:en)?(?![\p{L}])/iu;

/** YYYY-MM-DD for a real calendar date, else null (rejects 2021-02-29). */
function isoDate(year: number, month: number, day: number): string | null {
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return null;
  return d.toISOString().slice(0, 10);
}

interface DateMatch {
  date: string;
  index: number;
  length: number;
}

/** All date candidates in a string, earliest first. */
function dateMatches(s: string): DateMatch[] {
  const found: DateMatch[] = [];
  const iso = ISO_DATE.exec(s);
  if (iso) {
    const date = isoDate(Number(iso[1]), Number(iso[2]), Number(iso[3]));
    if (date) found.push({ date, index: iso.index, length: iso[0].length });
  }
  const sv = SWEDISH_DATE.exec(s);
  if (sv) {
    const date = isoDate(Number(sv[3]), MONTHS[sv[2].toLowerCase()], Number(sv[1]));
    if (date) found.push({ date, index: sv.index, length: sv[0].length });
  }
  return found.sort((a, b) => a.index - b.index);
}

/** The first date in a string as YYYY-MM-DD, or null. */
export function findDate(s: string): string | null {
  return dateMatches(s)[0]?.date ?? null;
}

/**
 * The date when the string is nothing but a date (optionally with weekday and
 * "den"), else null. Used for lone date lines such as page headers.
 */
export function onlyDate(s: string): string | null {
  const m = dateMatches(s)[0];
  if (!m) return null;
  const rest = (s.slice(0, m.index) + s.slice(m.index + m.length))
    .replace(WEEKDAY, "")
    .replace(/(?<![\p{L}])den(?![\p{L}])/iu, "")
    .replace(/[\s,.]/g, "");
  return rest === "" ? m.date : null;
}

/** "9.00" → "09:00"; null for an impossible time. */
function clock(hours: string, minutes: string): string | null {
  const h = Number(hours);
  const m = Number(minutes);
  if (h > 24 || m > 59) return null;
  return `${String(h).padStart(2, "0")}:${minutes}`;
}

const TIME = String.raw`(\d{1,2})[.:](\d{2})`;
const TIME_RANGE = new RegExp(`${TIME}\\s*(?:[-–—]|till)\\s*${TIME}`, "u");
const KL_RANGE = new RegExp(`(?<![\\p{L}])(?:kl\\.?|klockan)\\s*${TIME}(?:\\s*(?:[-–—]|till)\\s*${TIME})?`, "iu");

/**
 * Start and end time of a meeting from text like "kl 13:00-17.00
 * Ajournering: 14.25-14.35". The time right after "kl" wins, so an
 * adjournment is never taken for the meeting's hours.
 */
export function findTimes(s: string): { startTime: string | null; endTime: string | null } {
  const m = KL_RANGE.exec(s) ?? TIME_RANGE.exec(s);
  if (!m) return { startTime: null, endTime: null };
  return {
    startTime: clock(m[1], m[2]),
    endTime: m[3] !== undefined ? clock(m[3], m[4]) : null,
  };
}

// Anything that starts the "when" part of "Tunasalen, tisdagen den 25 februari 2020 kl 13:00".
const WHEN_TOKEN = new RegExp(
  [
    WEEKDAY.source,
    String.raw`(?<![\p{L}])den\s+\d`,
    String.raw`(?<!\d)\d{4}-\d{1,2}-\d{1,2}`,
    String.raw`(?<!\d)\d{1,2}(?::e)?\s+(?:${MONTH_NAMES})(?![\p{L}])`,
    String.raw`(?<![\p{L}])(?:kl\.?|klockan)(?=[\s\d])`,
    String.raw`(?<!\d)\d{1,2}[.:]\d{2}(?!\d)`,
    String.raw`(?<![\p{L}])ajournering`,
  ].join("|"),
  "iu",
);

/** Index where a date, weekday or time begins in `s`, or -1. */
export function whenIndex(s: string): number {
  const m = WHEN_TOKEN.exec(s);
  return m ? m.index : -1;
}

/** `s` with every date removed, for telling a dated page header from text. */
export function removeDates(s: string): string {
  return s.replace(new RegExp(ISO_DATE.source, "g"), " ").replace(new RegExp(SWEDISH_DATE.source, "giu"), " ");
}

/** The last day of a month, YYYY-MM-DD. */
function endOfMonth(year: number, month: number): string {
  return new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10);
}

/** The year of the next `month` after the meeting ("till sammanträdet i juni"): this year if still ahead, else the next. */
function nextYearOf(month: number, meetingDate: string | null): number | null {
  const m = meetingDate ? /^(\d{4})-(\d{2})/.exec(meetingDate) : null;
  if (!m) return null;
  const year = Number(m[1]);
  return month > Number(m[2]) ? year : year + 1;
}

const MONTH = `(${MONTH_NAMES})(?![\\p{L}])`;
const YEAR = String.raw`(\d{4})(?!\d)`;
const QUARTERS: Record<string, number> = { första: 1, andra: 2, tredje: 3, fjärde: 4, "1": 1, "2": 2, "3": 3, "4": 4 };

interface DeadlinePattern {
  re: RegExp;
  date: (m: RegExpExecArray, meetingDate: string | null) => string | null;
}

// What a decision says about when an uppdrag is due, each as a date.
const DEADLINES: DeadlinePattern[] = [
  // "senast den 30 juni 2022", "senast 2022-06-30", "till den 1 mars 2025"
  { re: /(?<![\p{L}])(?:senast|före|innan|till|per)\s+(?:den\s+)?(?=(.{6,24}))/iu, date: (m) => dateAtStart(m[1]) },
  // "till sammanträdet i juni", "vid nämndens sammanträde i mars 2025"
  {
    re: new RegExp(`(?<![\\p{L}])sammanträde(?:t|n)?\\s+i\\s+${MONTH}(?:\\s+${YEAR})?`, "iu"),
    date: (m, meetingDate) => {
      const month = MONTHS[m[1].toLowerCase()];
      const year = m[2] ? Number(m[2]) : nextYearOf(month, meetingDate);
      return year ? endOfMonth(year, month) : null;
    },
  },
  // "i november 2025", "senast i januari 2025", "under mars 2026"; "före mars 2026" is the end of February
  {
    re: new RegExp(`(?<![\\p{L}])(senast\\s+i|i|under|till|före|innan|senast|per|utgången\\s+av)\\s+${MONTH}\\s+${YEAR}`, "iu"),
    date: (m) => {
      const month = MONTHS[m[2].toLowerCase()];
      const year = Number(m[3]);
      return /^(före|innan)$/i.test(m[1]) ? endOfMonth(month === 1 ? year - 1 : year, month === 1 ? 12 : month - 1) : endOfMonth(year, month);
    },
  },
  // "under första kvartalet 2026", "kvartal 2 2025"
  {
    re: new RegExp(`(?<![\\p{L}])(?:(första|andra|tredje|fjärde)\\s+kvartalet|kvartal\\s+([1-4])|q([1-4]))\\s+(?:år\\s+)?${YEAR}`, "iu"),
    date: (m) => endOfMonth(Number(m[4]), 3 * QUARTERS[(m[1] ?? m[2] ?? m[3]).toLowerCase()]),
  },
  // "före utgången av 2025", "senast vid årsskiftet 2025/2026" is left to the secretary
  { re: new RegExp(`(?<![\\p{L}])(?:utgången\\s+av|under|senast\\s+under)\\s+(?:år\\s+)?${YEAR}`, "iu"), date: (m) => endOfMonth(Number(m[1]), 12) },
  // "i juni", "till juni" without a year: the next June after the meeting
  {
    re: new RegExp(`(?<![\\p{L}])(?:senast\\s+i|i|till|senast)\\s+${MONTH}(?!\\s*\\d)`, "iu"),
    date: (m, meetingDate) => {
      const month = MONTHS[m[1].toLowerCase()];
      const year = nextYearOf(month, meetingDate);
      return year ? endOfMonth(year, month) : null;
    },
  },
];

/** A full date at the very start of `s` ("30 juni 2022 ...", "2022-06-30."). */
function dateAtStart(s: string): string | null {
  const m = dateMatches(s)[0];
  return m && m.index === 0 ? m.date : null;
}

/**
 * When an uppdrag is due, from the sentence that gives it: "senast den 30 juni
 * 2022", "senast 2026-03-31", "i november 2025" (the end of the month), "till
 * sammanträdet i juni" (the end of the next June after the meeting), "under
 * första kvartalet 2026". The earliest mention in the sentence wins.
 */
export function findDeadline(sentence: string, meetingDate: string | null = null): string | null {
  let best: { index: number; date: string } | null = null;
  for (const p of DEADLINES) {
    const re = new RegExp(p.re.source, p.re.flags.includes("g") ? p.re.flags : `${p.re.flags}g`);
    for (let m = re.exec(sentence); m; m = re.exec(sentence)) {
      const date = p.date(m, meetingDate);
      if (date && (!best || m.index < best.index)) best = { index: m.index, date };
      if (date) break;
    }
  }
  return best?.date ?? null;
}
