// Reads one paragraph (§) of the minutes: its Dnr, title and sections, and
// from the sections the decision, beslutsunderlag and recipients.
import { findAssignments } from "./assignments";
import {
  bareDnr,
  isClosingBlock,
  labelledDnr,
  sectionHeading,
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

  for (const line of lines.slice(1)) {
    if (isClosingBlock(line)) break;
    if (line === "") {
      (current ? current.lines : layout.intro).push("");
      previousWasTitle = false;
      continue;
    }
    const beforeText = current === null && layout.intro.every((l) => l === "");
    if (beforeText && readDnrLine(layout, line)) continue;
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
function decisionText(layout: ParagraphLayout): string {
  return (
    joinLines(sectionLines(layout, "decision")) ||
    joinLines(sectionLines(layout, "proposal")) ||
    joinLines(layout.intro) ||
    decisionBySentence(layout)
  );
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
 * Splits "KLK, Ekonomienheten; Revisorerna" at commas and semicolons. A part in
 * lower case ("Socialförvaltningen, äldreomsorgen") or a closing abbreviation
 * ("Inspektionen för vård och omsorg, IVO") belongs to the part before it.
 */
function splitRecipients(cell: string): string[] {
  const parts: string[] = [];
  const pieces = cell.split(/[;,](?![^()]*\))/).map((p) => p.trim());
  pieces.forEach((piece, i) => {
    const isLast = i === pieces.length - 1;
    const apposition = /^\p{Ll}/u.test(piece) || (isLast && /^\p{Lu}{2,5}$/u.test(piece));
    if (parts.length > 0 && apposition) parts[parts.length - 1] += `, ${piece}`;
    else if (piece) parts.push(piece);
  });
  return parts;
}

/**
 * Recipients: one per line or separated by commas ("Expedieras till: KLK,
 * Ekonomienheten"). The list ends at the first line of prose, such as "Anmälan
 * görs av Liselott Frejd. Om det finns behov ...".
 */
function recipientItems(lines: string[]): string[] {
  const items: string[] = [];
  for (const line of lines) {
    if (line === "") continue;
    if (isProse(line)) break;
    for (const cell of cells(stripListMarker(line))) {
      for (const part of splitRecipients(cell)) {
        const recipient = tidyRecipient(stripListMarker(part));
        if (recipient) items.push(recipient);
      }
    }
  }
  return items;
}

/** Interprets a laid-out paragraph. */
export function readParagraph(layout: ParagraphLayout, units: string[] | undefined): ParsedParagraph {
  const decision = decisionText(layout);
  const sentTo = recipientItems(sectionLines(layout, "sentTo"));
  return {
    number: layout.number,
    dnr: layout.dnr,
    title: squash(layout.title),
    decision,
    basis: basisItems(sectionLines(layout, "basis")),
    sentTo,
    assignments: findAssignments(decision, { units, sentTo }),
  };
}

/** The label of the first decision heading, e.g. "Kommunfullmäktiges beslut". */
export function decisionHeadingLabel(layout: ParagraphLayout): string | null {
  return layout.sections.find((s) => s.kind === "decision" && /\S+s beslut$/i.test(s.label))?.label ?? null;
}
