// Recognises the fixed vocabulary of Swedish minutes: paragraph headings
// ("§ 34"), diarienummer ("Dnr 2020/000053 000"), section headings
// ("Kommunstyrelsens beslut", "Beslutsunderlag", "Expedieras till") and the
// signature blocks that close a protocol.
import { cells, squash, wordCount } from "./text";

/**
 * "councilProposal" is the decision a body proposes to kommunfullmäktige
 * ("Kommunstyrelsens förslag till kommunfullmäktige"): kept apart, it gives no
 * uppdrag of the meeting that proposes it.
 */
export type SectionKind = "decision" | "proposal" | "councilProposal" | "basis" | "sentTo" | "other";

export interface SectionHeading {
  kind: SectionKind;
  /** The heading as written, for inferring the body from "X:s beslut". */
  label: string;
  /** Text written on the same line after the heading ("Beslut: Kommunstyrelsen ..."). */
  inline: string;
}

// Each list is matched against the whole heading, lower-cased, without a
// trailing colon. Headings are short, so anything longer is running text.
const DECISION: RegExp[] = [
  /^beslut$/,
  /^beslutet$/,
  // "Kommunstyrelsens arbetsutskotts beslut", "Nämndens beslut", "KSAU:s beslut"
  /^[\p{L}\p{N}:\- ]{1,80}s beslut$/u,
];

const COUNCIL_PROPOSAL: RegExp[] = [/(^|\s)förslag till (kommunfullmäktige|fullmäktige)$/];

const PROPOSAL: RegExp[] = [
  /(^|\s)förslag till (beslut|kommunstyrelsen|kommunfullmäktige|fullmäktige|nämnden|styrelsen)$/,
  /^[\p{L}:\- ]{1,80}s förslag$/u,
  /^föreslaget beslut$/,
  /^(förslag till beslut|beslutsförslag)$/,
];

const BASIS: RegExp[] = [
  /^beslutsunderlag$/,
  /^underlag( för beslut| till beslut)?$/,
  /^handlingar( i ärendet)?$/,
];

const SENT_TO: RegExp[] = [
  /^(beslutet\s+|beslut\s+)?(ska\s+)?(skickas|sänds|expedieras|delges)(\s+till)?$/,
  /^(protokolls)?utdrag\s+(skickas\s+|sänds\s+)?till$/,
  /^(expediering|sändlista|exp\.?|exp\.? till)$/,
];

const OTHER: RegExp[] = [
  /^sammanfattning( av ärendet)?$/,
  /^(bakgrund|ärendebeskrivning|beskrivning av ärendet|ärendet|ärende|inledning)$/,
  /^(ärendets )?beredning$/,
  /^(yttrande|yttranden|särskilt yttrande|remissyttrande)$/,
  /^[\p{L}:\- ]{1,80}s (yttrande|bedömning|utredning|synpunkter|ställningstagande|kommentar(er)?)$/u,
  /^(yrkanden?|propositionsordning|proposition|beslutsgång|omröstning|omröstningsresultat|överläggning)$/,
  /^(reservation(er)?|protokollsanteckning(ar)?|jäv|deltar ej( i beslutet)?|deltar inte i beslutet|röstförklaring(ar)?|ajournering)$/,
  /^(bedömning|utredning|analys|motivering|beslutsmotivering|skäl för beslutet|överväganden)$/,
  /^((juridisk|ekonomisk) bedömning|ekonomiska konsekvenser|konsekvenser|ekonomi|finansiering|kostnader)$/,
  /^(barnperspektiv(et)?|barnrättsperspektiv(et)?|jämställdhetsperspektiv(et)?|miljöperspektiv(et)?)$/,
  /^(tidigare beslut|aktuell situation|information|föredragande|handläggare|uppföljning|bilaga|bilagor)$/,
];

function matchesAny(list: RegExp[], s: string): boolean {
  return list.some((re) => re.test(s));
}

/** Classifies a bare heading text, or null when it is not one. */
function headingKind(text: string): SectionKind | null {
  const s = squash(text).replace(/\s*:$/, "").toLowerCase();
  if (s === "" || wordCount(s) > 8 || /[.!?;]$/.test(s)) return null;
  if (matchesAny(BASIS, s)) return "basis";
  if (matchesAny(SENT_TO, s)) return "sentTo";
  if (matchesAny(COUNCIL_PROPOSAL, s)) return "councilProposal";
  if (matchesAny(PROPOSAL, s)) return "proposal";
  if (matchesAny(DECISION, s)) return "decision";
  if (matchesAny(OTHER, s)) return "other";
  return null;
}

/**
 * Recognises a section heading. It may stand alone ("Beslutsunderlag"), carry
 * its content after a colon ("Expedieras till: KLK, Ekonomienheten") or sit
 * in the left column of a two-column layout ("Beslut<TAB>Kommunstyrelsen ...").
 */
export function sectionHeading(line: string): SectionHeading | null {
  const whole = headingKind(line);
  if (whole) return { kind: whole, label: squash(line).replace(/\s*:$/, ""), inline: "" };

  const colon = /^([^:]{2,80}?):\s+(.+)$/.exec(line);
  if (colon) {
    const kind = headingKind(colon[1]);
    if (kind) return { kind, label: squash(colon[1]), inline: colon[2].trim() };
  }
  const parts = cells(line);
  if (parts.length >= 2) {
    const kind = headingKind(parts[0]);
    if (kind) return { kind, label: parts[0].replace(/\s*:$/, ""), inline: parts.slice(1).join(" ") };
  }
  return null;
}

/**
 * Lines that close the paragraphs: signature blocks and the notice of posting
 * (anslagsbevis). Nothing after them belongs to a decision.
 */
export function isClosingBlock(line: string): boolean {
  const s = line.trim();
  return (
    /^vid protokollet\b/i.test(s) ||
    /^(justeras|justerat|underskrifter|underskrift)\s*:?$/i.test(s) ||
    /^(anslag\s*\/\s*bevis|anslagsbevis|bevis om anslag|tillkännagivande om justering)/i.test(s) ||
    /^protokollet (är|har) justerat/i.test(s) ||
    /^_{3,}/.test(s) ||
    // the attendance or voting list appended after the last paragraph
    /^(bilaga\s+\d+\s*[,:.–-]?\s*)?(närvarolista|närvaroförteckning|omröstningslista|voteringslista)\b/i.test(s) ||
    /^(ordförande|sekreterare|justerare|protokolljusterare|justerande)\s*(\t.*|_{2,}.*)?$/i.test(s)
  );
}

/** "Innehållsförteckning", "Ärendelista", ... */
export function isTableOfContentsTitle(line: string): boolean {
  return /^(innehållsförteckning|innehåll|ärendeförteckning|ärendelista|föredragningslista|paragrafförteckning)\s*:?$/i.test(
    line.trim(),
  );
}

export interface ParagraphHeading {
  number: number;
  /** What follows the number on the same line: a Dnr, a title or both. */
  rest: string;
}

// "§ 34", "§34.", "§ 205 2018.303 KS", "KS § 12 Budget", "§ 14<TAB>Dnr ...".
// "§§ 14-35" and "§ 19-20" are ranges in attendance lists, not headings.
const PARAGRAPH_HEADING = /^(?:[A-ZÅÄÖ]{2,6}\s+)?§\s*(\d{1,4})(?!\d)\s*[.:]?(?=\s|$)\s*(.*)$/u;

export function paragraphHeading(line: string): ParagraphHeading | null {
  const m = PARAGRAPH_HEADING.exec(line.trim());
  if (!m) return null;
  const rest = m[2].trim();
  if (/^([-–—]|och|,|;)\s*§?\s*\d/u.test(rest)) return null;
  return { number: Number(m[1]), rest };
}

// A diarienummer is a run of tokens that each contain a digit ("2020/000053",
// "000", "2018.303") or are short upper-case series letters ("KS", "KF", "BUN").
const DNR_TOKEN = String.raw`(?:(?:[\p{Lu}]{1,6}-?)?\p{N}[\p{L}\p{N}./:\-]*|[\p{Lu}]{1,6}(?:-[\p{Lu}]{1,6})?)`;
const DNR_VALUE = new RegExp(`^(${DNR_TOKEN}(?:[ ]${DNR_TOKEN})*)(?=\\s|$)`, "u");
const DNR_LABEL = /^(?:dnr|dnr\.|diarienr\.?|diarienummer|diarie-?nr|ärendenummer)\s*:?\s*/iu;

/** A Dnr without any digit ("KS") is a stray word, not a registry number. */
function cleanDnr(value: string): string | null {
  const v = value.trim().replace(/[.,;:]$/, "");
  return /\p{N}/u.test(v) ? v : null;
}

export interface DnrSplit {
  dnr: string | null;
  /** The text after the Dnr, usually a title or a page number. */
  rest: string;
}

/**
 * Reads a diarienummer labelled "Dnr", "Dnr:", "Diarienummer" at the start
 * of `text`, e.g. "Dnr KS 2020/123" → "KS 2020/123".
 */
export function labelledDnr(text: string): DnrSplit | null {
  const label = DNR_LABEL.exec(text.trim());
  if (!label) return null;
  const after = text.trim().slice(label[0].length);
  const firstCell = after.split(/\t| {2,}/)[0];
  const m = DNR_VALUE.exec(firstCell);
  const dnr = m ? cleanDnr(m[1]) : null;
  if (!dnr || !m) return null;
  return { dnr, rest: after.slice(m[0].length).trim() };
}

/**
 * Reads an unlabelled diarienummer written right after the paragraph number,
 * as in "§ 205 2018.303 KS". It must look like year-and-number ("2018.303",
 * "2020/123", optionally after a series such as "KS") so that a title like
 * "2021 års budget" is not mistaken for one.
 */
export function bareDnr(text: string): DnrSplit | null {
  const t = text.trim();
  if (!/^(?:[\p{Lu}]{1,6}[ -]?)?\d{2,4}[./:-]\d/u.test(t)) return null;
  const m = DNR_VALUE.exec(t.split(/\t| {2,}/)[0]);
  const dnr = m ? cleanDnr(m[1]) : null;
  if (!dnr || !m) return null;
  return { dnr, rest: t.slice(m[0].length).trim() };
}

// The municipality's ärendeklass (KLASSA and similar): "1.1.2", "3.4.1", "2.6".
const CLASS = String.raw`\d{1,2}(?:\.\d{1,3}){1,3}`;
const CLASS_APART = new RegExp(`^(.*\\d[/.:-]\\d.*?)\\s+(${CLASS})$`, "u");
// Glued by a PDF text layer: "00744/20241.1.2", "KS 2025/003121.4.2". Only a
// class of three levels or more is taken apart, and its first level is one digit.
const CLASS_GLUED = /^(.*\/\d{2,})(\d(?:\.\d{1,3}){2,3})$/u;

/**
 * Separates the ärendeklass written after a Dnr: "KS 2024/00744 1.1.2" →
 * { dnr: "KS 2024/00744", dnrClass: "1.1.2" }. Registry numbers with a plain
 * series code ("2020/000053 000", "2018.303 KS") are left whole.
 */
export function splitDnrClass(dnr: string): { dnr: string; dnrClass: string | null } {
  const m = CLASS_APART.exec(dnr) ?? CLASS_GLUED.exec(dnr);
  return m ? { dnr: m[1].trim(), dnrClass: m[2] } : { dnr, dnrClass: null };
}

/**
 * A line that continues a Dnr wrapped by the PDF: the rest of the number
 * and/or the class ("24 3.4.1", "1.4.2"). Returns the Dnr made whole, or null.
 */
export function continueDnr(dnr: string, line: string): string | null {
  const t = line.trim();
  if (new RegExp(`^${CLASS}$`, "u").test(t)) return splitDnrClass(dnr).dnrClass ? null : `${dnr} ${t}`;
  // The number broke mid-way: "00698/20" + "24 3.4.1", "KS 2024/" + "00744".
  const rest = new RegExp(`^(\\d+)(?:\\s+(${CLASS}))?$`, "u").exec(t);
  if (rest && (/[/.-]$/.test(dnr) || rest[2] !== undefined) && /\d[/.-]\d*$/.test(dnr)) {
    return `${dnr}${rest[1]}${rest[2] ? ` ${rest[2]}` : ""}`;
  }
  return null;
}

/** Whether the whole line is a Dnr (with label), e.g. "Dnr: 2021/45". */
export function isDnrLine(line: string): boolean {
  const d = labelledDnr(line);
  return d !== null && (d.rest === "" || /^\d{1,3}$/.test(d.rest));
}
