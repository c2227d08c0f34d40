// CSV for Swedish Excel: UTF-8 with a byte-order mark, semicolons, CRLF, every
// field quoted. A field that a spreadsheet would run as a formula (= + - @ and
// tab or carriage return first) gets a leading apostrophe (CSV injection).
export const CSV_BOM = "\uFEFF";

export function csvField(value: string | number | null | undefined): string {
  let s = value === null || value === undefined ? "" : String(value);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return `"${s.replace(/"/g, '""')}"`;
}

export function csvLine(fields: (string | number | null | undefined)[]): string {
  return `${fields.map(csvField).join(";")}\r\n`;
}

export function toCsv(header: string[], rows: (string | number | null | undefined)[][]): string {
  return CSV_BOM + csvLine(header) + rows.map(csvLine).join("");
}
