// Reads an uploaded list (Excel .xlsx or CSV) into a header row and data rows of
// text cells, refusing what is too big or not such a file, in Swedish. An
// .xlsx is read in a worker thread with limits (src/server/uploads/parse.ts).
import { CsvError, decodeText, guessSeparator, parseCsv } from "@/lib/import/csv";
import { formatIsoDate } from "@/lib/dates";
import { parseInWorker, refusalMessage, UploadRefused, type CellValue } from "@/server/uploads/parse";

export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;
export const MAX_IMPORT_ROWS = 5000;

export interface Table {
  format: "xlsx" | "csv";
  /** How a CSV file was read, shown to the secretary. */
  note: string;
  headers: string[];
  /** `line`: the row number the secretary sees in Excel (the header row is usually 1). */
  rows: { line: number; cells: string[] }[];
}

export class FileRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = "FileRefused";
  }
}

const startsWith = (b: Uint8Array, sig: number[]) => sig.every((x, i) => b[i] === x);
const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0]; // the old .xls format

export async function readTable(name: string, bytes: Uint8Array): Promise<Table> {
  if (bytes.length === 0) throw new FileRefused("Filen är tom.");
  if (bytes.length > MAX_IMPORT_BYTES) throw new FileRefused(`Filen är för stor (${(bytes.length / 1024 / 1024).toFixed(1).replace(".", ",")} MB). Största tillåtna storlek är 5 MB.`);
  const ext = name.toLowerCase().split(".").pop() ?? "";
  if (startsWith(bytes, OLE) || ext === "xls") throw new FileRefused("Filen är i det gamla Excel-formatet (.xls). Spara den som Excel-arbetsbok (.xlsx) eller CSV och försök igen.");
  if (ext === "xlsx") {
    if (!startsWith(bytes, ZIP)) throw new FileRefused("Filen heter .xlsx men är ingen Excel-arbetsbok.");
    return readXlsx(bytes);
  }
  if (ext === "csv" || ext === "txt") {
    if (startsWith(bytes, ZIP) || bytes.subarray(0, 8192).includes(0)) throw new FileRefused("Filen heter .csv men innehåller inte text.");
    return readCsv(bytes);
  }
  throw new FileRefused("Välj en Excel-fil (.xlsx) eller en CSV-fil (.csv).");
}

function tableFrom(format: Table["format"], note: string, records: { line: number; cells: string[] }[]): Table {
  const trimmed = records.map((r) => ({ line: r.line, cells: r.cells.map((c) => c.trim()) })).filter((r) => r.cells.some((c) => c !== ""));
  if (trimmed.length === 0) throw new FileRefused("Filen innehåller inga rader.");
  const [header, ...rows] = trimmed;
  // The first row names the columns, and a list needs at least the decision
  // date, the body, the § and the title: one heading is a text (minutes
  // uploaded here by mistake, a title row above the headings), not a list.
  if (header.cells.filter((c) => c !== "").length <= 1) {
    throw new FileRefused(
      "Första raden har bara en kolumn, så filen kan inte läsas som en uppdragslista: första raden ska ha kolumnernas rubriker (Beslutsdatum, Organ, §, Uppdrag …). Står en titel ovanför rubrikerna, ta bort den raden. Är det en CSV-fil, spara den i Excel som CSV avgränsad med semikolon eller som Excel-arbetsbok (.xlsx). Ett protokoll registreras under Sammanträden.",
    );
  }
  if (rows.length === 0) throw new FileRefused("Filen har bara en rubrikrad och inga uppdrag.");
  if (rows.length > MAX_IMPORT_ROWS) throw new FileRefused(`Filen har ${rows.length} rader. Dela upp den: högst ${MAX_IMPORT_ROWS} rader åt gången.`);
  return { format, note, headers: header.cells, rows };
}

function readCsv(bytes: Uint8Array): Table {
  const { text, encoding } = decodeText(bytes);
  const separator = guessSeparator(text.replace(/^\uFEFF/, ""));
  try {
    const records = parseCsv(text, separator);
    const sepName = separator === ";" ? "semikolon" : separator === "," ? "kommatecken" : "tabb";
    return tableFrom("csv", `CSV-fil, ${encoding === "utf-8" ? "UTF-8" : "Windows-1252"}, avgränsad med ${sepName}.`, records);
  } catch (err) {
    if (err instanceof CsvError) throw new FileRefused(`Filen kan inte läsas som CSV: ${err.message}`);
    throw err;
  }
}

function cellText(v: CellValue): string {
  if (v === null || v === undefined) return "";
  if (v instanceof Date) return formatIsoDate(v);
  if (typeof v === "number") return Number.isInteger(v) ? String(v) : String(v).replace(".", ",");
  if (typeof v === "string") return v;
  if (typeof v === "boolean") return v ? "Ja" : "Nej";
  if ("richText" in v) return v.richText.map((r) => r.text).join("");
  if ("text" in v && typeof v.text === "string") return v.text; // hyperlink
  if ("result" in v) return cellText(v.result); // formula: its value
  if ("error" in v) return "";
  return "";
}

async function readXlsx(bytes: Uint8Array): Promise<Table> {
  let sheets;
  try {
    sheets = await parseInWorker("xlsx", bytes);
  } catch (err) {
    if (!(err instanceof UploadRefused)) throw err;
    if (err.code === "unreadable") throw new FileRefused("Excel-filen kan inte läsas. Öppna den i Excel, spara den som .xlsx och försök igen.");
    throw new FileRefused(refusalMessage(err, "Excel-filen"));
  }
  const ws = sheets.find((w) => w.rowCount > 0);
  if (!ws) throw new FileRefused("Excel-filen innehåller inga rader.");
  if (ws.truncated) throw new FileRefused(`Filen har ${ws.rowCount - 1} rader. Dela upp den: högst ${MAX_IMPORT_ROWS} rader åt gången.`);
  const records = ws.rows.map((row) => ({ line: row.number, cells: row.values.map(cellText) }));
  const others = sheets.length > 1 ? ` Bladet ”${ws.name}” läses; övriga blad läses inte.` : "";
  return tableFrom("xlsx", `Excel-arbetsbok.${others}`, records);
}
