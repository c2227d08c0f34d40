// CSV as Swedish offices write it: Excel saves "CSV (semikolonavgränsad)" in
// Windows-1252 with ";" (the comma is the decimal sign), other tools UTF-8 with
// ","; quoted fields may hold separators, doubled quotes and line breaks.
// Small and strict rather than a library: RFC 4180 plus the separator guess.

/** UTF-8 when the bytes are valid UTF-8 (with or without BOM), else Windows-1252. */
export function decodeText(bytes: Uint8Array): { text: string; encoding: "utf-8" | "windows-1252" } {
  try {
    const text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
    return { text, encoding: "utf-8" };
  } catch {
    return { text: new TextDecoder("windows-1252").decode(bytes), encoding: "windows-1252" };
  }
}

export type Separator = ";" | "," | "\t";

/** The separator that occurs most often outside quotes on the first line. */
export function guessSeparator(text: string): Separator {
  const counts: Record<Separator, number> = { ";": 0, ",": 0, "\t": 0 };
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === "\n" || ch === "\r")) break;
    else if (!quoted && ch in counts) counts[ch as Separator]++;
  }
  if (counts[";"] >= counts[","] && counts[";"] >= counts["\t"] && counts[";"] > 0) return ";";
  return counts["\t"] > counts[","] ? "\t" : ",";
}

export interface CsvRecord {
  /** The line in the file where the record starts (1-based), as an editor shows it. */
  line: number;
  cells: string[];
}

export class CsvError extends Error {
  constructor(
    message: string,
    public readonly line: number,
  ) {
    super(message);
    this.name = "CsvError";
  }
}

export function parseCsv(text: string, separator: Separator = guessSeparator(text)): CsvRecord[] {
  const s = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const records: CsvRecord[] = [];
  let cells: string[] = [];
  let cell = "";
  let line = 1;
  let recordLine = 1;
  let i = 0;
  let atCellStart = true;
  const endCell = () => {
    cells.push(cell);
    cell = "";
    atCellStart = true;
  };
  const endRecord = () => {
    endCell();
    if (!(cells.length === 1 && cells[0] === "")) records.push({ line: recordLine, cells });
    cells = [];
  };
  while (i < s.length) {
    const ch = s[i];
    if (atCellStart && ch === '"') {
      // A quoted cell: up to the closing quote; "" is one quote.
      const startLine = line;
      i++;
      for (;;) {
        if (i >= s.length) throw new CsvError(`Ett citattecken som börjar på rad ${startLine} avslutas aldrig.`, startLine);
        const c = s[i];
        if (c === '"') {
          if (s[i + 1] === '"') {
            cell += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        if (c === "\n") line++;
        if (c === "\r" && s[i + 1] !== "\n") line++;
        cell += c;
        i++;
      }
      atCellStart = false;
      // Only a separator or the end of the line may follow; tolerate spaces.
      while (s[i] === " ") i++;
      if (i < s.length && s[i] !== separator && s[i] !== "\n" && s[i] !== "\r") {
        throw new CsvError(`Rad ${line}: text efter ett citerat fält. Citattecken inne i ett fält ska skrivas dubbelt ("").`, line);
      }
      continue;
    }
    if (ch === separator) {
      endCell();
      i++;
      continue;
    }
    if (ch === "\r" || ch === "\n") {
      endRecord();
      i += ch === "\r" && s[i + 1] === "\n" ? 2 : 1;
      line++;
      recordLine = line;
      continue;
    }
    cell += ch;
    atCellStart = false;
    i++;
  }
  if (cell !== "" || cells.length > 0) endRecord();
  return records;
}

/** One CSV field: quoted when it holds the separator, a quote or a line break. */
export function csvField(value: string, separator: Separator = ";"): string {
  return value.includes(separator) || /["\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}
