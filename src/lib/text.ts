// Shortening text for a glance (a list row, a title proposal, a select option);
// the whole text stays where the reader opens the record.

/**
 * `text` when it fits in `max` characters, else cut at the last space that
 * keeps at least a third of it, with "…" (the result is at most `max` long).
 */
export function shortenAtWord(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.lastIndexOf(" ", max - 1);
  return `${text.slice(0, cut > max / 3 ? cut : max - 1).trimEnd()}…`;
}
