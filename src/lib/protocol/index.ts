// Parser for the text of Swedish municipal minutes (protokoll). Pure: text in,
// structured data out, no I/O. The result is a proposal for a secretary to
// check: layouts differ between municipalities and between Word and PDF.
import { furnitureDetector } from "./furniture";
import { isDnrLine, isTableOfContentsTitle, labelledDnr, paragraphHeading, sectionHeading, type ParagraphHeading } from "./headings";
import { bodyFromGenitive, extractMeeting } from "./meeting";
import { decisionHeadingLabel, layoutParagraph, readParagraph, stripPageReference } from "./paragraph";
import { toLines } from "./text";
import type { ParseOptions, ParsedProtocol } from "./types";

export type { ParseOptions, ParsedAssignment, ParsedMeeting, ParsedParagraph, ParsedProtocol } from "./types";
export { findAssignments, decisionSentences, matchUnit, assignmentTitle, type AssignmentContext } from "./assignments";
export { findDate, findTimes } from "./dates";

interface Candidate extends ParagraphHeading {
  /** Index of the "§ N" line. */
  line: number;
}

function findCandidates(lines: string[]): Candidate[] {
  const found: Candidate[] = [];
  lines.forEach((text, line) => {
    const heading = paragraphHeading(text);
    if (heading) found.push({ ...heading, line });
  });
  return found;
}

/**
 * Candidates listed in a table of contents ("Innehållsförteckning"). The
 * table ends where a number comes round again or where a candidate has real
 * section headings under it: there the paragraphs themselves begin.
 */
function tableOfContents(lines: string[], candidates: Candidate[]): Set<Candidate> {
  const toc = new Set<Candidate>();
  const title = lines.findIndex(isTableOfContentsTitle);
  if (title === -1) return toc;
  const seen = new Set<number>();
  for (let k = 0; k < candidates.length; k++) {
    const c = candidates[k];
    if (c.line < title) continue;
    const end = candidates[k + 1]?.line ?? lines.length;
    const hasSections = lines.slice(c.line + 1, end).some((l) => sectionHeading(l) !== null);
    if (seen.has(c.number) || hasSections) break;
    seen.add(c.number);
    toc.add(c);
  }
  return toc;
}

/**
 * Whether the lines under a candidate hold a paragraph rather than an entry
 * of a table of contents or an attendance list ("§ 24 Marie Halldén"): real
 * paragraphs have a section heading or at least one full sentence.
 */
function hasParagraphText(segment: string[]): boolean {
  return segment.slice(1).some((line) => {
    if (line === "" || isDnrLine(line)) return false;
    if (sectionHeading(line) !== null) return true;
    return /[.!?:;]$/.test(stripPageReference(line));
  });
}

/** Number of non-empty lines, to prefer the fullest of two paragraphs with the same number. */
function richness(segment: string[]): number {
  return segment.filter((l) => l !== "").length;
}

/**
 * Paragraph numbers rise through the minutes. The longest rising run of
 * candidates is kept, which drops stray "§ 11 ..." lines quoted inside a
 * paragraph and attendance entries on the first page.
 */
function longestRisingRun(candidates: Candidate[]): Candidate[] {
  const n = candidates.length;
  const length = new Array<number>(n).fill(1);
  const previous = new Array<number>(n).fill(-1);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < i; j++) {
      if (candidates[j].number < candidates[i].number && length[j] + 1 > length[i]) {
        length[i] = length[j] + 1;
        previous[i] = j;
      }
    }
  }
  let end = -1;
  for (let i = 0; i < n; i++) if (end === -1 || length[i] > length[end]) end = i;
  const run: Candidate[] = [];
  for (let i = end; i !== -1; i = previous[i]) run.unshift(candidates[i]);
  return run;
}

/** Keeps, for each number, the candidate with the most text under it. */
function dropDuplicates(candidates: Candidate[], segmentOf: (c: Candidate) => string[]): Candidate[] {
  const best = new Map<number, Candidate>();
  for (const c of candidates) {
    const kept = best.get(c.number);
    if (!kept || richness(segmentOf(c)) >= richness(segmentOf(kept))) best.set(c.number, c);
  }
  return candidates.filter((c) => best.get(c.number) === c);
}

/**
 * Some layouts put "Dnr KS 2020/123" on the line above "§ 12". Returns the
 * index of such a line (blank lines between allowed), else null.
 */
function dnrLineAbove(lines: string[], line: number, floor: number): number | null {
  for (let i = line - 1; i > floor; i--) {
    if (lines[i] === "") continue;
    return isDnrLine(lines[i]) ? i : null;
  }
  return null;
}

/** The real paragraph headings among the candidates. */
function selectParagraphs(content: string[], candidates: Candidate[]): Candidate[] {
  const segmentUntilNext = (list: Candidate[]) => (c: Candidate) => {
    const next = list[list.indexOf(c) + 1];
    return content.slice(c.line, next?.line ?? content.length);
  };
  const withText = candidates.filter((c) => hasParagraphText(segmentUntilNext(candidates)(c)));
  const unique = dropDuplicates(withText, segmentUntilNext(withText));
  return longestRisingRun(unique);
}

/**
 * Parses the text of a protocol. Never throws on odd input: text that is not
 * minutes gives no paragraphs and whatever meeting data it happens to hold.
 */
export function parseProtocol(text: string, opts: ParseOptions = {}): ParsedProtocol {
  const lines = toLines(text);
  const allCandidates = findCandidates(lines);
  const toc = tableOfContents(lines, allCandidates);
  const candidates = allCandidates.filter((c) => !toc.has(c));

  const meeting = extractMeeting(lines, allCandidates[0]?.line ?? lines.length);
  const isFurniture = furnitureDetector(lines, { body: meeting.body, date: meeting.date });
  const content = lines.map((l) => (isFurniture(l) ? "" : l));

  const headings = selectParagraphs(content, candidates);
  const starts = headings.map((h, k) => dnrLineAbove(content, h.line, headings[k - 1]?.line ?? -1) ?? h.line);

  const layouts = headings.map((h, k) => {
    const end = starts[k + 1] ?? content.length;
    const dnrBefore = starts[k] < h.line ? (labelledDnr(content[starts[k]])?.dnr ?? null) : null;
    return layoutParagraph(h, content.slice(h.line, end), dnrBefore);
  });

  // An extract without a first page ("protokollsutdrag") names its body only
  // in the decision heading: "Kommunfullmäktiges beslut".
  if (meeting.body === null) {
    const label = layouts.map(decisionHeadingLabel).find((l) => l !== null);
    if (label) meeting.body = bodyFromGenitive(label.replace(/\s+beslut$/i, ""));
  }

  const council = meeting.body !== null && /fullmäktige$/i.test(meeting.body);
  return {
    meeting,
    paragraphs: layouts.map((layout) => readParagraph(layout, { units: opts.units, meetingDate: meeting.date, council })),
  };
}
