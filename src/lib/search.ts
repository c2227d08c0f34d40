// Search text and queries in Swedish.

/** Everything a member might search an uppdrag by, as one document. */
export function searchDocumentOf(u: {
  title: string;
  text: string;
  paragraph: { title: string; decision: string; dnr: string | null };
  comments: (string | null | undefined)[];
}): string {
  return [u.title, u.text, u.paragraph.title, u.paragraph.decision, u.paragraph.dnr, ...u.comments]
    .filter((s): s is string => !!s && s.trim() !== "")
    .join("\n");
}

/**
 * A tsquery for PostgreSQL's `swedish` configuration where every word is a
 * prefix: the stemmer is light (it leaves "förskolan" and "uppdraget" as they
 * are), so "förskola" → 'förskol':* finds "förskolan" and "uppdrag" finds
 * "uppdraget". Only letters and digits pass, so the result is always valid.
 * Returns null when nothing searchable is left.
 */
export function prefixTsQuery(q: string): string | null {
  const words = q
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0)
    .slice(0, 8);
  return words.length ? words.map((w) => `${w}:*`).join(" & ") : null;
}
