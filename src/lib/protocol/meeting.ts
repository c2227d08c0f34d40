// The meeting data on the first page of the minutes: the body ("Organ"),
// "Sammanträdesdatum", "Plats och tid" and the notice of posting.
import { findDate, findTimes, onlyDate, whenIndex } from "./dates";
import type { ParsedMeeting } from "./types";
import { cells, squash, wordCount } from "./text";

// Names of deciding bodies: "Kommunstyrelsen", "Kommunstyrelsens
// arbetsutskott", "Barn- och utbildningsnämnden", "Kommunfullmäktige".
const BODY_NAME =
  /^[\p{L}\- ]*(kommunstyrelsen|fullmäktige|nämnden|nämnd|utskott|utskottet|beredningen|styrelsen|direktionen|rådet)$/iu;

/** Whether a cell is just the name of a political body. */
export function looksLikeBody(s: string): boolean {
  const t = squash(s);
  return BODY_NAME.test(t) && wordCount(t) <= 6;
}

/** "KOMMUNSTYRELSEN" → "Kommunstyrelsen"; other spellings are kept. */
function tidyBody(s: string): string {
  const t = squash(s);
  return t === t.toUpperCase() ? t.charAt(0) + t.slice(1).toLowerCase() : t;
}

/**
 * Genitive to base form for the body named in a decision heading:
 * "Kommunfullmäktiges" → "Kommunfullmäktige", "Kommunstyrelsens
 * arbetsutskotts" → "Kommunstyrelsens arbetsutskott", "Nämndens" → "Nämnden".
 * Only the last word is the head noun; earlier ones stay genitive.
 */
export function bodyFromGenitive(genitive: string): string | null {
  const words = squash(genitive).replace(/:s$/, "").split(" ");
  const last = words.pop();
  if (!last) return null;
  const base = /[^s]s$|ss$/.test(last) ? last.slice(0, -1) : last;
  const name = [...words, base].join(" ");
  return looksLikeBody(name) ? tidyBody(name) : null;
}

interface Labelled {
  value: string;
  line: number;
}

/**
 * Finds the value written beside a label: in the next cell ("Organ<TAB>KS"),
 * after a colon or space ("Sammanträdesdatum: 2022-03-14") or, when the label
 * stands alone, on the next non-empty line. `accept` rejects wrong values so
 * the search goes on to the next occurrence.
 */
function findLabelled(
  lines: string[],
  label: string,
  accept: (value: string) => boolean,
  range: [number, number] = [0, lines.length],
): Labelled | null {
  const labelRe = new RegExp(`^(?:${label})(?![\\p{L}])\\s*:?\\s*(.*)$`, "iu");
  for (let i = range[0]; i < range[1]; i++) {
    const parts = cells(lines[i]);
    for (let j = 0; j < parts.length; j++) {
      const m = labelRe.exec(parts[j]);
      if (!m) continue;
      const value = m[1].trim() || parts.slice(j + 1).join("\t") || nextNonEmpty(lines, i);
      if (value && accept(value)) return { value, line: i };
    }
  }
  return null;
}

function nextNonEmpty(lines: string[], from: number): string {
  for (let i = from + 1; i < Math.min(lines.length, from + 4); i++) {
    if (lines[i] !== "") return lines[i];
  }
  return "";
}

const hasDate = (v: string) => findDate(v) !== null;

/**
 * The place part of "Kommunhuset, Sessionssalen, måndagen den 14 mars 2022
 * kl. 09.00–12.15": the comma-separated parts before the date or time.
 */
export function placeFrom(value: string): string | null {
  const place: string[] = [];
  for (const part of value.split(/\t|,\s*/)) {
    const cut = whenIndex(part);
    const before = (cut === -1 ? part : part.slice(0, cut)).replace(/[\s,–-]+$/, "").trim();
    if (before) place.push(before);
    if (cut !== -1 && place.length > 0) break;
  }
  return place.length > 0 ? squash(place.join(", ")) : null;
}

/** The body named in a header cell such as "Protokoll Kommunstyrelsen" or "Storsjö kommun Socialnämnden". */
function bodyInCell(cell: string): string | null {
  const name = cell
    .replace(/(?<![\p{L}])(sammanträdes)?protokoll(sutdrag)?(?![\p{L}])/giu, "")
    .replace(/(?<![\p{L}])\p{Lu}[\p{L}-]+\s+kommun(?![\p{L}])/u, "")
    .trim();
  return looksLikeBody(name) ? tidyBody(name) : null;
}

function findBody(lines: string[], headerEnd: number): string | null {
  const organ = findLabelled(lines, "organ", (v) => bodyInCell(cells(v)[0] ?? "") !== null);
  if (organ) return bodyInCell(cells(organ.value)[0]);
  for (let i = 0; i < headerEnd; i++) {
    for (const cell of cells(lines[i])) {
      const body = bodyInCell(cell);
      if (body) return body;
    }
  }
  return null;
}

function findMeetingDate(lines: string[], headerEnd: number, whenLine: Labelled | null): string | null {
  const labelled = findLabelled(lines, "sammanträdesdatum|sammanträdets datum|mötesdatum", hasDate);
  if (labelled) return findDate(labelled.value);
  if (whenLine && hasDate(whenLine.value)) return findDate(whenLine.value);
  const header: [number, number] = [0, headerEnd];
  const dated = findLabelled(lines, "datum|tid|sammanträde", hasDate, header);
  if (dated) return findDate(dated.value);
  for (let i = 0; i < headerEnd; i++) {
    const lone = onlyDate(lines[i]);
    if (lone) return lone;
  }
  // A letterhead row of the body's name and the date: "Kommunstyrelsens arbetsutskott     2025-03-04".
  for (let i = 0; i < headerEnd; i++) {
    const parts = cells(lines[i]);
    if (parts.length < 2 || !parts.some((c) => bodyInCell(c) !== null)) continue;
    const dated = parts.map(onlyDate).find((d) => d !== null);
    if (dated) return dated;
  }
  // A title line: "Protokoll från sammanträde tisdagen den 5 april 2022".
  const sentence = lines.slice(0, headerEnd).find((l) => /^(sammanträdes)?protokoll\s|^sammanträde\s/i.test(l) && hasDate(l));
  return sentence ? findDate(sentence) : null;
}

/**
 * Reads the meeting data. `headerEnd` is the index of the first paragraph
 * heading: unlabelled guesses (a lone body name, a lone date) are only taken
 * from the lines before it, where the first page's header lives.
 */
export function extractMeeting(lines: string[], headerEnd: number): ParsedMeeting {
  const header: [number, number] = [0, headerEnd];
  const whenLine =
    findLabelled(lines, "plats och tid|tid och plats", (v) => hasDate(v) || whenIndex(v) !== -1) ?? null;
  const placeLine = findLabelled(lines, "plats|sammanträdesplats|mötesplats|lokal", (v) => placeFrom(v) !== null, header);
  const timeLine =
    whenLine ?? findLabelled(lines, "tid|sammanträdestid|klockan", (v) => findTimes(v).startTime !== null, header);
  const times = timeLine ? findTimes(timeLine.value) : { startTime: null, endTime: null };

  const postedFrom = findLabelled(lines, "datum då anslaget sätts upp|anslaget sätts upp|anslaget uppsatt", hasDate);
  const postedUntil = findLabelled(lines, "datum då anslaget tas ned|anslaget tas ned|anslaget nedtaget", hasDate);

  return {
    body: findBody(lines, headerEnd),
    date: findMeetingDate(lines, headerEnd, whenLine),
    place: whenLine ? placeFrom(whenLine.value) : placeLine ? placeFrom(placeLine.value) : null,
    startTime: times.startTime,
    endTime: times.endTime,
    postedFrom: postedFrom ? findDate(postedFrom.value) : null,
    postedUntil: postedUntil ? findDate(postedUntil.value) : null,
  };
}
