/**
 * A key that sorts in Swedish order byte by byte, so ORDER BY is right on any
 * PostgreSQL (PGlite's ICU has no Swedish tailoring, and a C-collated database
 * sorts Å, Ä, Ö wherever their code points fall). å, ä, ö follow z ("{|}" are
 * the three characters after "z"); æ and ø sort as ä and ö, ü as y; other
 * accents are dropped (é as e); case is ignored.
 */
export function swedishSortKey(s: string): string {
  const AFTER_Z: Record<string, string> = { å: "{", ä: "|", æ: "|", ö: "}", ø: "}", ü: "y" };
  return s
    .toLocaleLowerCase("sv")
    .replace(/[åäæöøü]/g, (ch) => AFTER_Z[ch])
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .trim();
}
