// Page furniture: what Word and PDF repeat on every page of the minutes
// (the body's name, "Justerandes sign", "Utdragsbestyrkande", "Sida 3 av 12",
// the meeting date). It must never end up inside a title or a decision.
import { onlyDate, removeDates } from "./dates";

/** Marks of a page header or footer: a line holding one is furniture if it recurs. */
const PAGE_MARKS: RegExp[] = [
  /(?<![\p{L}])(justerandes?|justerares|justerarnas|ordförandes|ordf\.?)\s+sign(\.|atur|aturer)?(?![\p{L}])/giu,
  /(?<![\p{L}])justerandes signaturer(?![\p{L}])/giu,
  /(?<![\p{L}])utdragsbestyrkande(?![\p{L}])/giu,
  /(?<![\p{L}])sida?\.?\s+\d+(\s*(av|\/)\s*\d+|\s*\(\d+\))?(?![\p{L}\d])/giu,
  /(?<![\p{L}\d])\d+\s*\(\d+\)(?![\p{L}\d])/gu,
];

/** Words that headers carry but that say nothing on their own. */
const HEADER_WORDS: RegExp[] = [
  /(?<![\p{L}])(sammanträdes)?protokoll(sutdrag)?(?![\p{L}])/giu,
  /(?<![\p{L}])utdrag ur (sammanträdes)?protokoll(?![\p{L}])/giu,
  /(?<![\p{L}])sammanträdesdatum(?![\p{L}])/giu,
  /(?<![\p{L}])(justerare|justerande)(?![\p{L}])/giu,
  // a letterhead table's "Sida" cell, with the number in the row below
  /(?<![\p{L}])sida(?![\p{L}])/giu,
  /(?<![\p{L}])\p{Lu}[\p{L}-]+\s+kommun(?![\p{L}])/gu,
  // Letterheads in capitals: "ALINGSÅS KOMMUN", "VIMMERBY KOMMUN"
  /(?<![\p{L}])\p{Lu}[\p{Lu}-]+\s+KOMMUN(?![\p{L}])/gu,
  /(?<![\p{L}\d])\d{1,3}(?![\p{L}\d])/gu,
];

export interface FurnitureContext {
  /** The meeting's body: its name alone on a line is a page header. */
  body: string | null;
  /** The meeting date: alone on a line it is a page header. */
  date: string | null;
}

/**
 * Lower-cased with page numbers masked, so "Sida 3 av 12" and "Sida 4 av 12"
 * count as the same line; dates and registry numbers stay distinct.
 */
function repetitionKey(line: string): string {
  return line
    .toLowerCase()
    .replace(/(?<![\d\-/.])\d{1,3}(?![\d\-/.])/g, "#")
    .replace(/\s+/g, " ")
    .trim();
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** Removes every match of the patterns; reports whether any matched. */
function strip(text: string, patterns: RegExp[]): { rest: string; found: boolean } {
  let rest = text;
  let found = false;
  for (const re of patterns) {
    rest = rest.replace(re, () => {
      found = true;
      return " ";
    });
  }
  return { rest, found };
}

/** Nothing left but separators: spaces, rules, pipes, punctuation. */
const isEmpty = (s: string) => !/[\p{L}\p{N}]/u.test(s);

/**
 * Returns a predicate telling whether a line of `lines` is page furniture.
 * The known marks and words are removed from the line; what happens next
 * depends on what is left:
 * - nothing: furniture if it held a page mark, the body's name or the meeting
 *   date, or if the line recurs (a municipality's name, "Protokoll");
 * - some text: furniture only if it held a page mark and recurs on three
 *   pages or more ("Miljönämnden  Protokoll  Sida 3 (12)").
 * "Kommunstyrelsen noterar informationen." stays, however often it recurs.
 */
export function furnitureDetector(lines: string[], ctx: FurnitureContext): (line: string) => boolean {
  const counts = new Map<string, number>();
  for (const line of lines) {
    if (line === "") continue;
    const key = repetitionKey(line);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const meetingMarks: RegExp[] = ctx.body ? [new RegExp(`(?<![\\p{L}])${escapeRegExp(ctx.body)}(?![\\p{L}])`, "giu")] : [];

  return (line: string) => {
    if (line === "") return false;
    // Table rules and signature lines carry nothing to read.
    if (isEmpty(line)) return true;
    const repeats = counts.get(repetitionKey(line)) ?? 0;
    const page = strip(line, PAGE_MARKS);
    const meeting = strip(page.rest, meetingMarks);
    const meetingDate = ctx.date !== null && onlyDate(meeting.rest.trim()) === ctx.date;
    const rest = strip(removeDates(meeting.rest), HEADER_WORDS).rest;
    if (isEmpty(rest)) return page.found || meeting.found || meetingDate || repeats >= 2;
    return page.found && repeats >= 3;
  };
}
