// The text of a protocol file: plain text, Word (.docx) or PDF. Used by the
// upload on the register-meeting page and by scripts/import-protocol.ts, so
// both read a file the same way. Node only (not part of the parser's index,
// which the browser may load); no native code and nothing fetched at run time:
// mammoth reads .docx, unpdf (a bundled build of PDF.js) reads .pdf, both in a
// worker thread with limits on size, pages, memory and time
// (src/server/uploads/parse.ts).
import { parseInWorker, refusalMessage, UploadRefused, type PdfItem } from "../../server/uploads/parse";

/** The largest file accepted: a 200-page protocol as PDF is well below. */
export const MAX_PROTOCOL_BYTES = 10 * 1024 * 1024;

export type ProtocolFileKind = "text" | "docx" | "pdf";

/** Why a file could not be read; `message` is Swedish, for the user. */
export class ProtocolFileError extends Error {
  constructor(
    message: string,
    readonly reason: "type" | "size" | "unreadable" | "encoding",
  ) {
    super(message);
    this.name = "ProtocolFileError";
  }
}

const KIND_BY_EXTENSION: Record<string, ProtocolFileKind> = {
  ".txt": "text",
  ".text": "text",
  ".md": "text",
  ".docx": "docx",
  ".pdf": "pdf",
};

export const ACCEPTED_EXTENSIONS = [".txt", ".docx", ".pdf"] as const;

function extensionOf(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? "";
  const dot = base.lastIndexOf(".");
  return dot > 0 ? base.slice(dot).toLowerCase() : "";
}

/** The kind of file by its name, or null for a type we do not read (.doc, .odt, .rtf, images). */
export function protocolFileKind(fileName: string): ProtocolFileKind | null {
  return KIND_BY_EXTENSION[extensionOf(fileName)] ?? null;
}

export function wrongTypeMessage(fileName: string): string {
  const ext = extensionOf(fileName);
  const which = ext ? `Filtypen ${ext} kan inte läsas` : "Filen saknar filändelse och kan inte läsas";
  return `${which}. Ladda upp protokollet som .txt, .docx (Word) eller .pdf, eller klistra in texten.`;
}

export const TOO_LARGE_MESSAGE = `Filen är för stor. Största tillåtna storlek är ${MAX_PROTOCOL_BYTES / 1024 / 1024} MB.`;

const startsWith = (bytes: Uint8Array, signature: string) => [...signature].every((c, i) => bytes[i] === c.charCodeAt(0));

export interface ExtractOptions {
  /**
   * Read text that is not UTF-8 as Windows-1252 (files saved by older Windows
   * programs) instead of refusing it.
   */
  acceptWindows1252?: boolean;
}

/** The protocol's text. Throws ProtocolFileError with a Swedish message when the file cannot be used. */
export async function extractProtocolText(bytes: Uint8Array, fileName: string, opts: ExtractOptions = {}): Promise<string> {
  const kind = protocolFileKind(fileName);
  if (!kind) throw new ProtocolFileError(wrongTypeMessage(fileName), "type");
  if (bytes.byteLength > MAX_PROTOCOL_BYTES) throw new ProtocolFileError(TOO_LARGE_MESSAGE, "size");
  switch (kind) {
    case "text":
      return decodeText(bytes, opts);
    case "docx":
      if (!startsWith(bytes, "PK\u0003\u0004")) throw new ProtocolFileError("Filen är inte en Word-fil (.docx). Spara den som .docx i Word och försök igen.", "type");
      return docxText(bytes);
    case "pdf":
      if (!startsWith(bytes, "%PDF-")) throw new ProtocolFileError("Filen är inte en PDF-fil.", "type");
      return pdfText(bytes);
  }
}

function decodeText(bytes: Uint8Array, opts: ExtractOptions): string {
  // Text has no NUL bytes and few control characters (tab, line breaks and form
  // feed aside); a picture, a program or a binary renamed to .txt has many.
  const utf16 = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
  if (utf16) throw new ProtocolFileError("Filen är inte text i UTF-8. Spara filen som UTF-8 och försök igen.", "encoding");
  let control = 0;
  for (const b of bytes) {
    if (b === 0) throw new ProtocolFileError(NOT_TEXT_MESSAGE, "encoding");
    if ((b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c) || b === 0x7f) control++;
  }
  if (control > 8 && control > bytes.length / 1000) throw new ProtocolFileError(NOT_TEXT_MESSAGE, "encoding");
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    if (opts.acceptWindows1252) return new TextDecoder("windows-1252").decode(bytes);
    throw new ProtocolFileError("Filen är inte text i UTF-8. Spara filen som UTF-8 och försök igen.", "encoding");
  }
}

const NOT_TEXT_MESSAGE = "Filen innehåller inte text. Ladda upp protokollet som .txt, .docx (Word) eller .pdf, eller klistra in texten.";

/** A refusal from the worker in the words of this upload. */
function refused(err: unknown, what: "Word-filen" | "PDF-filen"): never {
  if (!(err instanceof UploadRefused)) throw err;
  if (err.code === "unreadable") throw new ProtocolFileError(`${what} kunde inte läsas. Den kan vara skadad eller lösenordsskyddad.`, "unreadable");
  const reason = err.code === "zip-damaged" || err.code === "zip-encrypted" ? "unreadable" : "size";
  throw new ProtocolFileError(refusalMessage(err, what), reason);
}

/**
 * Word: the raw text of every paragraph. mammoth ends each paragraph (and each
 * table cell's paragraph) with a blank line; the parser wants one line per
 * paragraph, so paragraph breaks become single line breaks.
 */
async function docxText(bytes: Uint8Array): Promise<string> {
  let value: string;
  try {
    value = await parseInWorker("docx", bytes);
  } catch (err) {
    refused(err, "Word-filen");
  }
  return value.replace(/\r\n?/g, "\n").replace(/\n\n/g, "\n");
}

/**
 * PDF: the text of each page, line by line. PDF.js gives positioned pieces of
 * text; pieces at the same height form a line, ordered left to right, with a
 * wide gap kept as a tab (a table cell or the second column of a heading).
 * Pages are separated by a form feed, as pdftotext does.
 */
async function pdfText(bytes: Uint8Array): Promise<string> {
  let pages: PdfItem[][];
  try {
    // The worker gets a copy (PDF.js takes over the buffer it is given).
    pages = await parseInWorker("pdf", bytes);
  } catch (err) {
    refused(err, "PDF-filen");
  }
  const text = pages.map(pageLines).join("\n\f");
  if (text.replace(/\s/g, "") === "" && pages.length > 0) {
    throw new ProtocolFileError("PDF-filen innehåller ingen text (den är troligen skannad som bild). Klistra in texten eller ladda upp originalet från Word.", "unreadable");
  }
  return text;
}

function pageLines(items: PdfItem[]): string {
  const lines: { y: number; height: number; items: PdfItem[] }[] = [];
  for (const item of items) {
    // PDF.js reports the space between two cells as an item of its own; the gap tells more.
    if (item.str.trim() === "") continue;
    const tolerance = Math.max(2, (item.height || 10) / 2);
    const line = lines.find((l) => Math.abs(l.y - item.y) <= tolerance);
    if (line) line.items.push(item);
    else lines.push({ y: item.y, height: item.height, items: [item] });
  }
  // PDF space: y grows upwards, so the top line has the largest y.
  lines.sort((a, b) => b.y - a.y);
  return lines
    .map((l) => {
      const sorted = l.items.sort((a, b) => a.x - b.x);
      let out = "";
      let end: number | null = null;
      for (const it of sorted) {
        if (end !== null) {
          const gap = it.x - end;
          const em = l.height || 10;
          if (gap > em * 1.5) out += "\t";
          else if (gap > em * 0.15 && !/\s$/.test(out) && !/^\s/.test(it.str)) out += " ";
        }
        out += it.str;
        end = it.x + it.width;
      }
      return out;
    })
    .join("\n");
}
