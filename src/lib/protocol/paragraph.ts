// Reads one paragraph (§) of the minutes: its Dnr, title and sections, and
// from the sections the decision, beslutsunderlag and recipients.
import { findAssignments, matchUnit } from "./assignments";
import {
  bareDnr,
  continueDnr,
  isClosingBlock,
  labelledDnr,
  sectionHeading,
  splitDnrClass,
  type DnrSplit,
  type ParagraphHeading,
  type SectionKind,
} from "./headings";
import { looksLikeBody } from "./meeting";
import { cells, isProse, joinLines, squash, stripListMarker } from "./text";
import type { ParsedParagraph } from "./types";

export interface Section {
  kind: SectionKind;
  label: string;
  lines: string[];
}

/** A paragraph before its text is interpreted: what the layout told us. */
export interface ParagraphLayout {
  number: number;
  dnr: string | null;
  title: string;
  /** Text between the title and the first section heading. */
  intro: string[];
  sections: Section[];
}

/** Removes table-of-contents decoration: dot leaders and page numbers. */
export function stripPageReference(s: string): string {
  const t = s
    .replace(/\s*\.{3,}.*$/, "")
    .replace(/\t\s*\d{1,3}$/, "")
    .trim();
  return /^\d{1,3}$/.test(t) ? "" : t;
}

/**
 * Splits the text after "§ 12" into Dnr and title: "Dnr KS 2020/123",
 * "2018.303 KS" (bare), "Budget 2022<TAB>Dnr 2021/45" or "Budget 2022 Dnr 2021/45".
 */
function splitHeadingRest(rest: string): { dnr: string | null; title: string } {
  const leading: DnrSplit | null = labelledDnr(rest) ?? bareDnr(rest);
  if (leading) return { dnr: leading.dnr, title: stripPageReference(leading.rest) };
  const at = rest.search(/(?<![\p{L}])(dnr|diarienr|diarienummer)(?![\p{L}])/iu);
  if (at > 0) {
    const trailing = labelledDnr(rest.slice(at));
    if (trailing) return { dnr: trailing.dnr, title: stripPageReference(rest.slice(0, at)) };
  }
  return { dnr: null, title: stripPageReference(rest) };
}

// Section words that are also common paragraph titles ("§ 5 Information").
const TITLE_WORDS = /^(information|uppföljning|ekonomi|finansiering|konsekvenser|analys|utredning|bilagor?)$/i;

/**
 * Whether a line can be a paragraph's title: anything but a section heading,
 * except the few heading words that also serve as titles.
 */
function canBeTitle(line: string): boolean {
  const h = sectionHeading(line);
  return h === null || (h.kind === "other" && h.inline === "" && TITLE_WORDS.test(h.label));
}

/**
 * Lays out a paragraph's lines (heading line first, page furniture already
 * blanked). Reading stops at a signature block.
 */
export function layoutParagraph(heading: ParagraphHeading, lines: string[], dnrBefore: string | null): ParagraphLayout {
  const head = splitHeadingRest(heading.rest);
  const layout: ParagraphLayout = { number: heading.number, dnr: dnrBefore ?? head.dnr, title: head.title, intro: [], sections: [] };
  let current: Section | null = null;
  let previousWasTitle = false;
  // The Dnr was just read: the next line may hold the rest of it, wrapped by the PDF.
  let dnrJustRead = layout.dnr !== null;

  for (const line of lines.slice(1)) {
    if (isClosingBlock(line)) break;
    if (line === "") {
      (current ? current.lines : layout.intro).push("");
      previousWasTitle = false;
      continue;
    }
    const beforeText = current === null && layout.intro.every((l) => l === "");
    if (beforeText && dnrJustRead && layout.dnr !== null) {
      dnrJustRead = false;
      const whole = continueDnr(layout.dnr, line);
      if (whole) {
        layout.dnr = whole;
        continue;
      }
    }
    if (beforeText && readDnrLine(layout, line)) {
      dnrJustRead = true;
      continue;
    }
    if (beforeText && layout.title === "" && canBeTitle(line)) {
      layout.title = stripPageReference(cells(line).join(" "));
      previousWasTitle = true;
      continue;
    }
    if (previousWasTitle && /^\p{Ll}/u.test(line)) {
      layout.title = `${layout.title} ${squash(line)}`;
      continue;
    }
    previousWasTitle = false;
    const h = sectionHeading(line);
    if (h) {
      current = { kind: h.kind, label: h.label, lines: h.inline ? [h.inline] : [] };
      layout.sections.push(current);
    } else {
      (current ? current.lines : layout.intro).push(line);
    }
  }
  return layout;
}

/** Takes "Dnr KS 2020/123" (possibly followed by the title) as the paragraph's Dnr. */
function readDnrLine(layout: ParagraphLayout, line: string): boolean {
  if (layout.dnr !== null) return false;
  const d = labelledDnr(line);
  if (!d) return false;
  layout.dnr = d.dnr;
  const rest = stripPageReference(d.rest);
  if (rest && !/^\d{1,3}$/.test(rest) && layout.title === "") layout.title = cells(rest).join(" ");
  return true;
}

function sectionLines(layout: ParagraphLayout, kind: SectionKind): string[] {
  return layout.sections.filter((s) => s.kind === kind).flatMap((s) => s.lines);
}

// "Kommunstyrelsen beslutar", "Arbetsutskottet hänskjuter", "Nämnden godkänner".
const DECISION_VERB =
  /^(.{2,60}?)\s+(beslutar|beslöt|beslutade|hänskjuter|fastställer|godkänner|noterar|antar|uppdrar|väljer|bordlägger|återremitterar|överlämnar|tillstyrker|avslår|bifaller|lägger)(?![\p{L}])/iu;

/**
 * When no heading marks the decision, the decision is the text from the first
 * sentence in which a body decides ("Arbetsutskottet hänskjuter ...") to the
 * end of its section.
 */
function decisionBySentence(layout: ParagraphLayout): string {
  const blocks = [layout.intro, ...layout.sections.filter((s) => s.kind === "other").map((s) => s.lines)];
  for (const block of blocks) {
    const at = block.findIndex((line) => {
      const m = DECISION_VERB.exec(line);
      return m !== null && looksLikeBody(m[1]);
    });
    if (at !== -1) return joinLines(block.slice(at));
  }
  return "";
}

/**
 * The decision: the text under the "... beslut" headings; failing those, a
 * proposal the body adopted ("Arbetsutskottets förslag till kommunstyrelsen"),
 * the text straight after the title, or a sentence in which the body decides.
 */
function decisionText(layout: ParagraphLayout, council: string, isCouncil: boolean): string {
  const written =
    joinLines(sectionLines(layout, "decision")) ||
    joinLines(sectionLines(layout, "proposal")) ||
    (isCouncil ? council : "") ||
    joinLines(layout.intro);
  // Beside a proposal to the council, a sentence in the deliberations is no decision.
  return written || (council ? "" : decisionBySentence(layout));
}

/** Beslutsunderlag: one document per line; a line starting in lower case continues the one before. */
function basisItems(lines: string[]): string[] {
  const items: string[] = [];
  for (const line of lines) {
    if (line === "") continue;
    const item = squash(stripListMarker(line));
    if (items.length > 0 && /^\p{Ll}/u.test(item)) items[items.length - 1] += ` ${item}`;
    else if (item) items.push(item);
  }
  return items;
}

/** "Kommunledningskontoret." → "Kommunledningskontoret"; "Ekonomiavd." keeps its abbreviation point. */
function tidyRecipient(s: string): string {
  const t = squash(s).replace(/[,;]$/, "");
  return /(en|et|na|or|ar|er|ne)\.$/.test(t) ? t.slice(0, -1) : t;
}

/**
 * Splits a list "KLK, Ekonomienheten; Revisorerna" at commas and semicolons.
 * A closing abbreviation ("Inspektionen för vård och omsorg, IVO") belongs to
 * the part before it.
 */
function splitRecipients(cell: string): string[] {
  const parts: string[] = [];
  const pieces = cell.split(/[;,](?![^()]*\))/).map((p) => p.trim());
  pieces.forEach((piece, i) => {
    const abbreviation = i === pieces.length - 1 && /^\p{Lu}{2,5}$/u.test(piece);
    if (parts.length > 0 && abbreviation) parts[parts.length - 1] += `, ${piece}`;
    else if (piece) parts.push(piece);
  });
  return parts;
}

// The head word of an organisation or a role: "Ekonomienheten", "Elevhälsan",
// "Kommunfullmäktige", "Förvaltningschefen", "KLK".
const ORG_HEAD = /(?:\p{Ll}(?:en|et|na|an|n)|fullmäktige|\p{Lu}{2,6})$/u;

/**
 * "Fastighetsavdelningen och Ekonomienheten" → two recipients; "Barn- och
 * utbildningsförvaltningen", "Kommunstyrelsen och dess utskott" and
 * "Norrbergs Energi och Vatten AB" stay one: both sides must name an
 * organisation on their own.
 */
function splitAtAnd(recipient: string, units: string[]): string[] {
  const parts = recipient.split(/\s+(?:och|samt)\s+(?=\p{Lu})/u);
  if (parts.length < 2) return [recipient];
  const standsAlone = (p: string) =>
    !/-$/.test(p) && !/\s(?:AB|HB|KB)$/.test(p) && (ORG_HEAD.test(p.split(/\s+/).pop() ?? "") || matchUnit(p, units) === p);
  return parts.every(standsAlone) ? parts : [recipient];
}

// A line ending in one of these stops inside a name: "Norrbergs Energi och" / "Vatten AB".
const OPEN_END = /(?:(?<![\p{L}])(?:och|samt|i|för|av|med|till|på|&)|[-&])$/iu;
// A line that only completes a company name: "AB", "AB (publ)", "HB".
const COMPANY_FORM = /^(?:AB|HB|KB|Ek\.?\s*för\.?|ekonomisk förening)(?:\s*\(publ\))?$/iu;
const BULLET = /^(?:[-–—•*·▪●]|\d{1,2}[.)])\s/u;

interface RecipientEntry {
  text: string;
  /** Written as a list on one line (or a comma list wrapped over lines). */
  isList: boolean;
}

/**
 * The lines of "Expedieras till" as entries: a new line starts a new entry only
 * when it looks like one (a bullet in a bulleted list, or a capital letter
 * after a line that does not stop mid-name); otherwise it continues the entry
 * before it, as a name wrapped by the PDF ("Norrbergs Energi och" / "Vatten
 * AB") or a comma list going on ("KLK, Ekonomienheten," / "Revisorerna").
 */
function recipientEntries(lines: string[]): RecipientEntry[] {
  const entries: RecipientEntry[] = [];
  const filled = lines.filter((l) => l !== "");
  const bulleted = filled.filter((l) => BULLET.test(l)).length >= 2;
  let previousBlank = false;
  for (const raw of lines) {
    if (raw === "") {
      previousBlank = true;
      continue;
    }
    if (isProse(raw)) break;
    const hasBullet = BULLET.test(raw);
    const line = stripListMarker(raw).trim();
    const last = entries[entries.length - 1];
    let joinAs: "name" | "list" | null = null;
    if (last && !previousBlank) {
      if (bulleted) joinAs = hasBullet ? null : "name";
      else if (/[,;]$/.test(last.text)) joinAs = /^\p{Ll}/u.test(line) ? "name" : "list";
      else if (/^\p{Ll}/u.test(line) || OPEN_END.test(last.text) || COMPANY_FORM.test(line)) joinAs = "name";
    }
    previousBlank = false;
    if (!line) continue;
    if (last && joinAs) {
      const hyphenated = /\p{L}-$/u.test(last.text) && !/^(och|eller|samt|till)\s/.test(line);
      last.text = hyphenated && /^\p{Ll}/u.test(line) ? last.text.slice(0, -1) + line : `${last.text} ${line}`;
      if (joinAs === "list") last.isList = true;
    } else {
      entries.push({ text: line, isList: false });
    }
  }
  // A single entry with commas is a list written on one line.
  if (entries.length === 1) entries[0].isList = true;
  return entries;
}

/**
 * Recipients by the structure of the list: one per line, bullets, or
 * separated by commas and "och" ("Expedieras till: KLK, Ekonomienheten och
 * HR-avdelningen"). The list ends at the first line of prose, such as "Anmälan
 * görs av Liselott Frejd. Om det finns behov ...".
 */
function recipientItems(lines: string[], units: string[]): string[] {
  const items: string[] = [];
  for (const entry of recipientEntries(lines)) {
    for (const cell of cells(entry.text)) {
      // On a line of a one-per-line list a comma is an apposition ("Region
      // Älvstrand, Hälso- och sjukvårdsförvaltningen"), unless the line is a
      // list of its own ("Ekonomienheten, HR-enheten och Kansliet").
      const isList = entry.isList || splitAtAnd(squash(cell), units).length > 1;
      if (!isList) {
        const recipient = tidyRecipient(cell);
        if (recipient) items.push(recipient);
        continue;
      }
      for (const part of splitRecipients(cell)) {
        for (const one of splitAtAnd(part, units)) {
          const recipient = tidyRecipient(stripListMarker(one));
          if (recipient) items.push(recipient);
        }
      }
    }
  }
  return items;
}

export interface ReadContext {
  units?: string[];
  /** The meeting date, YYYY-MM-DD: "till sammanträdet i juni" is the next June after it. */
  meetingDate?: string | null;
  /**
   * The minutes are kommunfullmäktige's own: a proposal to the council is what
   * the council decided on, not a proposal to a later meeting.
   */
  council?: boolean;
}

/** Interprets a laid-out paragraph. */
export function readParagraph(layout: ParagraphLayout, ctx: ReadContext = {}): ParsedParagraph {
  const council = joinLines(sectionLines(layout, "councilProposal"));
  const own = decisionText(layout, council, ctx.council === true);
  // Only a proposal to the council: its text stands as the decision, but it
  // gives no uppdrag of this meeting.
  const decision = own || council;
  const sentTo = recipientItems(sectionLines(layout, "sentTo"), ctx.units ?? []);
  const { dnr, dnrClass } = layout.dnr ? splitDnrClass(layout.dnr) : { dnr: null, dnrClass: null };
  return {
    number: layout.number,
    dnr,
    dnrClass,
    title: squash(layout.title),
    decision,
    proposalToCouncil: ctx.council ? null : council || null,
    basis: basisItems(sectionLines(layout, "basis")),
    sentTo,
    assignments: own ? findAssignments(own, { units: ctx.units, sentTo, meetingDate: ctx.meetingDate }) : [],
  };
}

/** The label of the first decision heading, e.g. "Kommunfullmäktiges beslut". */
export function decisionHeadingLabel(layout: ParagraphLayout): string | null {
  return layout.sections.find((s) => s.kind === "decision" && /\S+s beslut$/i.test(s.label))?.label ?? null;
}
