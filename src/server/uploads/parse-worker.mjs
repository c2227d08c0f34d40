// Reads one uploaded file in a worker thread (started by parse.ts), so a file
// that takes much memory or time hurts only this thread: it runs with a heap
// limit and is terminated on timeout, and its memory goes when it ends.
// Plain JavaScript importing only npm packages, so Node runs it as it is under
// Vitest, tsx and `next start` alike (no TypeScript, no "@/" paths).
//
// Before ExcelJS or mammoth sees a zip (.xlsx, .docx), the zip is checked:
// entry count and declared sizes from the central directory, then every entry
// is inflated as a stream and counted, stopping at its declared size, so a
// central directory that lies about sizes is caught too. A PDF's page count is
// read before any page is.
import { parentPort } from "node:worker_threads";
import zlib from "node:zlib";

/** A refusal the caller turns into a Swedish message. */
class Refusal extends Error {
  constructor(code, detail = {}) {
    super(code);
    this.code = code;
    this.detail = detail;
  }
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

/** The central directory's entries, refused when too many, too large when unpacked, or not a plain zip. */
function centralDirectory(bytes, limits) {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.length < 22) throw new Refusal("zip-damaged");
  // The last end-of-central-directory record, as JSZip finds it (a comment may follow it).
  let end = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (view.getUint32(i, true) === EOCD) {
      end = i;
      break;
    }
  }
  if (end < 0) throw new Refusal("zip-damaged");
  const disk = view.getUint16(end + 4, true);
  const cdDisk = view.getUint16(end + 6, true);
  const total = view.getUint16(end + 10, true);
  const cdSize = view.getUint32(end + 12, true);
  const cdOffset = view.getUint32(end + 16, true);
  if (disk !== 0 || cdDisk !== 0) throw new Refusal("zip-damaged");
  if (total > limits.maxEntries) throw new Refusal("zip-entries", { entries: total });
  // 0xFFFF entries or 0xFFFFFFFF offsets mean zip64: never needed for files this small.
  if (total === 0xffff || cdOffset === 0xffffffff || cdSize === 0xffffffff) throw new Refusal("zip-damaged");
  if (cdOffset + cdSize > end) throw new Refusal("zip-damaged");
  const entries = [];
  let declaredTotal = 0;
  let p = cdOffset;
  while (p + 46 <= cdOffset + cdSize && view.getUint32(p, true) === CENTRAL) {
    if (entries.length >= limits.maxEntries) throw new Refusal("zip-entries", { entries: Math.max(total, entries.length + 1) });
    const flags = view.getUint16(p + 8, true);
    const method = view.getUint16(p + 10, true);
    const compressedSize = view.getUint32(p + 20, true);
    const size = view.getUint32(p + 24, true);
    const nameLength = view.getUint16(p + 28, true);
    const extraLength = view.getUint16(p + 30, true);
    const commentLength = view.getUint16(p + 32, true);
    const offset = view.getUint32(p + 42, true);
    if (flags & 1) throw new Refusal("zip-encrypted");
    if (method !== 0 && method !== 8) throw new Refusal("zip-damaged");
    if (size === 0xffffffff || compressedSize === 0xffffffff || offset === 0xffffffff) throw new Refusal("zip-damaged");
    declaredTotal += size;
    if (declaredTotal > limits.maxUnpackedBytes) throw new Refusal("zip-size", { bytes: declaredTotal });
    entries.push({ method, compressedSize, size, offset });
    p += 46 + nameLength + extraLength + commentLength;
  }
  if (entries.length !== total) throw new Refusal("zip-damaged");
  return entries;
}

/** How many bytes `data` inflates to, counted as a stream; stops once past `limit`. */
function inflatedSize(data, limit) {
  return new Promise((resolve, reject) => {
    const inflate = zlib.createInflateRaw({ chunkSize: 64 * 1024 });
    let total = 0;
    let done = false;
    inflate.on("data", (chunk) => {
      total += chunk.length;
      if (total > limit && !done) {
        done = true;
        inflate.destroy();
        resolve(total);
      }
    });
    inflate.on("end", () => {
      if (!done) resolve(total);
      done = true;
    });
    inflate.on("error", () => {
      if (!done) reject(new Refusal("zip-damaged"));
      done = true;
    });
    inflate.end(data);
  });
}

/** Refuses a zip whose entries are too many, too large or not what the central directory says. */
export async function checkZip(bytes, limits) {
  const entries = centralDirectory(bytes, limits);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (const e of entries) {
    // The entry's data, found as JSZip finds it: after the local header's name and extra field.
    if (e.offset + 30 > bytes.length || view.getUint32(e.offset, true) !== LOCAL) throw new Refusal("zip-damaged");
    const start = e.offset + 30 + view.getUint16(e.offset + 26, true) + view.getUint16(e.offset + 28, true);
    if (start + e.compressedSize > bytes.length) throw new Refusal("zip-damaged");
    const data = bytes.subarray(start, start + e.compressedSize);
    const actual = e.method === 0 ? data.length : await inflatedSize(data, e.size);
    if (actual > e.size) throw new Refusal("zip-lies");
    if (actual !== e.size) throw new Refusal("zip-damaged");
  }
}

/** A cell value as plain data the parent can take (ExcelJS's own kinds, nothing else). */
function plain(v) {
  if (v === null || v === undefined) return null;
  if (v instanceof Date || typeof v !== "object") return v;
  if (Array.isArray(v.richText)) return { richText: v.richText.map((r) => ({ text: String(r.text ?? "") })) };
  if ("result" in v) return { result: plain(v.result) };
  if ("error" in v) return { error: String(v.error) };
  if ("text" in v) return { text: typeof v.text === "string" ? v.text : String(v.text ?? "") };
  return null;
}

async function readWorkbook(bytes, limits) {
  await checkZip(bytes, limits);
  const { default: ExcelJS } = await import("exceljs");
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
  } catch {
    throw new Refusal("unreadable");
  }
  return wb.worksheets.map((ws) => {
    const rows = [];
    let count = 0;
    ws.eachRow({ includeEmpty: false }, (row, number) => {
      count++;
      if (rows.length >= limits.maxRows) return;
      const values = [];
      for (let c = 1; c <= row.cellCount; c++) values.push(plain(row.getCell(c).value));
      rows.push({ number, values });
    });
    return { name: ws.name, rowCount: count, rows, truncated: count > rows.length };
  });
}

async function readDocx(bytes, limits) {
  await checkZip(bytes, limits);
  const { default: mammoth } = await import("mammoth");
  try {
    const { value } = await mammoth.extractRawText({ buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) });
    return value;
  } catch {
    throw new Refusal("unreadable");
  }
}

async function readPdf(bytes, limits) {
  const { getDocumentProxy } = await import("unpdf");
  let pdf;
  try {
    pdf = await getDocumentProxy(bytes);
  } catch {
    throw new Refusal("unreadable");
  }
  try {
    if (pdf.numPages > limits.maxPdfPages) throw new Refusal("pdf-pages", { pages: pdf.numPages });
    const pages = [];
    for (let n = 1; n <= pdf.numPages; n++) {
      let content;
      try {
        content = await (await pdf.getPage(n)).getTextContent();
      } catch {
        throw new Refusal("unreadable");
      }
      pages.push(
        content.items
          .filter((item) => item.str != null)
          .map((item) => ({ str: item.str, x: item.transform[4], y: item.transform[5], width: item.width, height: item.height })),
      );
    }
    return pages;
  } finally {
    await pdf.loadingTask.destroy();
  }
}

const TASKS = { xlsx: readWorkbook, docx: readDocx, pdf: readPdf };

parentPort?.once("message", async ({ task, bytes, limits }) => {
  try {
    const result = await TASKS[task](bytes, limits);
    parentPort.postMessage({ ok: true, result });
  } catch (err) {
    if (err instanceof Refusal) parentPort.postMessage({ ok: false, code: err.code, detail: err.detail });
    else parentPort.postMessage({ ok: false, code: "unreadable", detail: { error: String(err?.message ?? err).slice(0, 200) } });
  }
});
