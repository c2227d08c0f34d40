// The columns of the secretaries' own lists: what each means, the Swedish
// headers it is recognised by, and how a cell is read. Shared by the import
// (suggested mapping, validation) and the export (same headers back).
import type { UppdragStatus } from "@/generated/prisma/enums";
import { parseIsoDate } from "@/lib/dates";

export const IMPORT_FIELDS = [
  "decidedOn",
  "body",
  "paragraph",
  "dnr",
  "title",
  "units",
  "responsiblePerson",
  "status",
  "comment",
  "plannedCompletion",
  "deadline",
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

export interface FieldInfo {
  /** The header the export writes, and the label in the mapping form. */
  label: string;
  required: boolean;
  hint: string;
  /** Normalised headers that suggest this field (see normaliseHeader). */
  headers: string[];
}

export const FIELD_INFO: Record<ImportField, FieldInfo> = {
  decidedOn: { label: "Beslutsdatum", required: true, hint: "Sammanträdets datum, t.ex. 2024-03-11.", headers: ["beslutsdatum", "datum", "beslutsdag", "sammantradesdatum", "sammantrade", "beslutad"] },
  body: { label: "Organ/Nämnd", required: true, hint: "Organets namn eller förkortning, t.ex. KS.", headers: ["organnamnd", "organ", "namnd", "beslutsorgan", "instans", "namndstyrelse", "utskott"] },
  paragraph: { label: "§", required: true, hint: "Paragrafens nummer.", headers: ["paragraf", "par", "nr", "paragrafnummer"] },
  dnr: { label: "Dnr", required: false, hint: "Diarienumret som det står i protokollet.", headers: ["dnr", "diarienummer", "diarienr", "arendenummer"] },
  title: { label: "Uppdrag/Ärende", required: true, hint: "Vad uppdraget går ut på.", headers: ["uppdragarende", "uppdrag", "arende", "rubrik", "beskrivning", "arendemening", "uppdragetsinnehall"] },
  units: { label: "Ansvarig", required: false, hint: "Ansvarig förvaltning, kontor eller avdelning; flera skiljs med kommatecken.", headers: ["ansvarig", "ansvarigenhet", "ansvarigforvaltning", "forvaltning", "enhet", "kontor", "avdelning", "ansvarigtjanstesektion"] },
  responsiblePerson: { label: "Ansvarig person", required: false, hint: "Handläggare eller kontaktperson.", headers: ["ansvarigperson", "handlaggare", "kontaktperson", "ansvarighandlaggare"] },
  status: { label: "Status", required: false, hint: "Ej påbörjad, Pågår, Försenad, Vilande, Verkställd eller Genomförs ej.", headers: ["status", "lage", "nulage", "verkstalld"] },
  comment: { label: "Kommentar", required: false, hint: "Vad som har hänt och varför det dröjer.", headers: ["kommentar", "kommentarer", "anteckning", "notering", "orsak", "statuskommentar"] },
  plannedCompletion: { label: "Planerat klart", required: false, hint: "När uppdraget planeras vara klart.", headers: ["planeratklart", "planeradklar", "beraknatklart", "klartdatum", "planeratklartdatum"] },
  deadline: { label: "Klart senast", required: false, hint: "Sista dag enligt beslutet.", headers: ["klartsenast", "senast", "deadline", "slutdatum", "aterrapporteras", "aterrapportering"] },
};

/** "Organ/Nämnd " → "organnamnd": lower case, no diacritics on å ä ö é, letters and digits only. */
export function normaliseHeader(h: string): string {
  return h
    .toLowerCase()
    .replace(/[åä]/g, "a")
    .replace(/ö/g, "o")
    .replace(/é/g, "e")
    .replace(/[^a-z0-9]/g, "");
}

export type Mapping = Partial<Record<ImportField, number>>;

/**
 * The column each field most likely comes from: an exact header first, then a
 * header that starts with a known one ("Status 2024-06-01", "Dnr KS").
 * A column is used for one field only.
 */
export function suggestMapping(headers: string[]): Mapping {
  const norm = headers.map(normaliseHeader);
  const raw = headers.map((h) => h.trim());
  const mapping: Mapping = {};
  const used = new Set<number>();
  const take = (f: ImportField, i: number) => {
    mapping[f] = i;
    used.add(i);
  };
  for (const pass of ["exact", "prefix"] as const) {
    for (const f of IMPORT_FIELDS) {
      if (mapping[f] !== undefined) continue;
      const known = FIELD_INFO[f].headers;
      const i = norm.findIndex((n, idx) => {
        if (used.has(idx)) return false;
        if (f === "paragraph" && (raw[idx] === "§" || raw[idx].startsWith("§"))) return true;
        if (n === "") return false;
        return pass === "exact" ? known.includes(n) : known.some((k) => k.length >= 3 && n.startsWith(k));
      });
      if (i >= 0) take(f, i);
    }
  }
  return mapping;
}

const STATUS_WORDS: [RegExp, UppdragStatus][] = [
  [/^(ej|inte) (påbörja[dt]?|inlett|startat?)$|^ej startad$|^ny$|^nytt$/, "NOT_STARTED"],
  [/^(pågår|pågående|påbörja[dt]|startat?|under arbete|i arbete)$/, "IN_PROGRESS"],
  [/^(försenad|försenat|försenade)$/, "DELAYED"],
  [/^(vilande|senarelagd|senarelagt|vilande \(senarelagd\)|pausad|pausat)$/, "ON_HOLD"],
  [/^(verkställd|verkställt|klar|klart|genomförd|genomfört|slutförd|slutfört|avslutad|avslutat|återrapporterad|återrapporterat)$/, "COMPLETED"],
  [/^(genomförs ej|genomförs inte|ej genomförd|upphävd|upphävt|avskriven|avskrivet|utgår)$/, "NOT_CARRIED_OUT"],
];

/** A status as secretaries write it ("Pågår", "klart", "Ej inlett"); null when unknown. */
export function parseStatus(s: string): UppdragStatus | null {
  const v = s.trim().toLowerCase().replace(/\s+/g, " ").replace(/[.!]$/, "");
  for (const [re, status] of STATUS_WORDS) if (re.test(v)) return status;
  return null;
}

const MONTHS = ["jan", "feb", "mar", "apr", "maj", "jun", "jul", "aug", "sep", "okt", "nov", "dec"];

/**
 * A calendar date as it stands in a list: "2024-03-11", "2024-03-11 00:00",
 * "20240311", "11/3/2024", "11.3.2024", "11 mars 2024". Null when it is not one.
 */
export function parseSwedishDate(s: string): Date | null {
  const v = s.trim().toLowerCase();
  let m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[ t]\d{1,2}[:.]\d{2}(?:[:.]\d{2})?(?:\.\d+)?z?)?$/.exec(v);
  if (m) return parseIsoDate(`${m[1]}-${m[2].padStart(2, "0")}-${m[3].padStart(2, "0")}`);
  m = /^(\d{4})(\d{2})(\d{2})$/.exec(v);
  if (m) return parseIsoDate(`${m[1]}-${m[2]}-${m[3]}`);
  m = /^(\d{1,2})[/.](\d{1,2})[/.](\d{4})$/.exec(v);
  if (m) return parseIsoDate(`${m[3]}-${m[2].padStart(2, "0")}-${m[1].padStart(2, "0")}`);
  m = /^(\d{1,2})\s+([a-zåäö]+)\.?\s+(\d{4})$/.exec(v);
  if (m) {
    const month = MONTHS.findIndex((p) => m![2].startsWith(p));
    if (month >= 0) return parseIsoDate(`${m[3]}-${String(month + 1).padStart(2, "0")}-${m[1].padStart(2, "0")}`);
  }
  return null;
}

/** "§ 34", "34", "34.0" → 34; null when not a whole positive number. */
export function parseParagraphNumber(s: string): number | null {
  const m = /^(?:§\s*)?(\d{1,5})(?:[.,]0+)?$/.exec(s.trim());
  if (!m) return null;
  const n = Number(m[1]);
  return n >= 1 ? n : null;
}

/**
 * Spreadsheet programs run a cell that starts with = + - @ as a formula. The
 * export puts an apostrophe before such text (Excel shows it as text) and the
 * import takes it away again.
 */
export const FORMULA_START = /^[=+\-@\t\r]/;
export const protectCell = (s: string) => (FORMULA_START.test(s) ? `'${s}` : s);
export const unprotectCell = (s: string) => (s.startsWith("'") && FORMULA_START.test(s.slice(1)) ? s.slice(1) : s);

/** "1 nytt uppdrag", "3 nya uppdrag": Swedish count phrases for the import's summaries. */
export function countPhrase(n: number, one: string, many: string): string {
  return `${new Intl.NumberFormat("sv-SE").format(n)} ${n === 1 ? one : many}`;
}
