// Low-level text helpers shared by the protocol parser. Minutes arrive as text
// copied out of Word or PDF, or converted to markdown, so the same line can
// carry tabs for table cells, markdown bold markers and non-breaking spaces.

/**
 * Splits text into cleaned lines. Blank lines are kept (as "") because they
 * separate blocks of text and list items.
 */
export function toLines(text: string): string[] {
  return text
    .replace(/^\uFEFF/, "")
    .replace(/\r\n?/g, "\n")
    // pdftotext separates pages with form feeds
    .replace(/[\f\v]/g, "\n")
    .replace(/[\u00A0\u2007\u202F]/g, " ")
    .replace(/[\u00AD\u200B\u200C\u200D\u2060]/g, "")
    .split("\n")
    .flatMap(splitGluedBold)
    .map(cleanLine);
}

/**
 * Markdown conversions of minutes glue headings to the text before them:
 * "stödfunktioner**Ärendebeskrivning**", "Beslut**Kommunfullmäktiges beslut:**",
 * "§ 91**Uppföljning ...****Bakgrund**". A bold marker with text touching it on
 * both sides is such a seam, so it becomes a line break. Ordinary inline bold
 * ("att **godkänna** förslaget") has spaces around it and is left alone.
 */
function splitGluedBold(line: string): string[] {
  return line.replace(/([\p{L}\p{N}.:)!?])\*{2,}(?=[\p{L}\p{N}§])/gu, "$1\n").split("\n");
}

/** Removes markdown decoration and surplus spaces, keeping tabs as cell separators. */
function cleanLine(line: string): string {
  return line
    .replace(/^\s*#{1,6}\s+/, "")
    .replace(/\*{2,}/g, "")
    .replace(/ *\t */g, "\t")
    .trim();
}

/**
 * The cells of a table-like line, without empty ones. Word tables arrive with
 * tabs, PDF text with runs of spaces, markdown tables with pipes.
 */
export function cells(line: string): string[] {
  return line
    .split(/\t| {2,}|\s\|\s|^\||\|$/)
    .map((c) => c.trim())
    .filter((c) => c !== "");
}

/** Collapses all whitespace (tabs included) to single spaces. */
export function squash(s: string): string {
  return s.replace(/\s+/g, " ").trim();
}

/** Removes a leading list marker: "1.", "2)", "a)", "-", "–", "•", "*". */
export function stripListMarker(line: string): string {
  return line.replace(/^(?:\d{1,2}[.)]|[a-h][.)]|[-–—•*·])\s+/u, "").trim();
}

/** Whether a line starts a new list item rather than continuing the previous line. */
function startsListItem(line: string): boolean {
  return /^(?:\d{1,2}[.)]|[a-h][.)]|[-–—•*·])\s/u.test(line) || /^att\s/i.test(line);
}

/**
 * Whether `next` continues the sentence on `prev`: PDF text breaks sentences
 * at the page width, so a line that ends without punctuation followed by one
 * starting with a lower-case letter or a digit ("1 juni" / "2023.") belongs
 * together.
 */
function continuesSentence(prev: string, next: string): boolean {
  // Table rows (cells separated by tabs) are never wrapped text.
  if (/[.!?:;]$/.test(prev) || startsListItem(next) || prev.includes("\t") || next.includes("\t")) return false;
  return /^[\p{Ll}\p{N}]/u.test(next) || DANGLING_WORD.test(prev);
}

// A line ending in one of these words stops mid-sentence ("senast den" / "15 december").
const DANGLING_WORD =
  /(?<![\p{L}])(den|det|en|ett|och|att|i|till|med|av|för|om|på|som|senast|från|samt|eller|under|efter|före|vid|per|kl\.?|klockan)$/iu;

/**
 * Joins the lines of a section into text: wrapped sentences are rejoined with
 * a space (also across page breaks, which leave blank lines); every other
 * line break becomes a single "\n".
 */
export function joinLines(lines: string[]): string {
  const out: string[] = [];
  for (const raw of lines) {
    const line = raw.replace(/ {2,}/g, " ").trim();
    if (line === "") continue;
    const prev = out[out.length - 1];
    if (prev !== undefined && continuesSentence(prev, line)) {
      // "kommun-" + "direktör" was one word; "Miljö-" + "och bygg" was not.
      const hyphenated = /\p{L}-$/u.test(prev) && !/^(och|eller|samt|till)\s/.test(line);
      out[out.length - 1] = hyphenated ? prev.slice(0, -1) + line : `${prev} ${line}`;
    } else {
      out.push(line);
    }
  }
  return out.join("\n");
}

/** Number of words in a string. */
export function wordCount(s: string): number {
  return s.split(/\s+/).filter(Boolean).length;
}

/**
 * Whether a line reads as running prose (one or more full sentences) rather
 * than a list entry such as a recipient or a document name.
 */
export function isProse(line: string): boolean {
  const s = squash(line);
  return (/[.!?]$/.test(s) && wordCount(s) >= 4) || /[.!?]\s+\p{Lu}/u.test(s);
}
