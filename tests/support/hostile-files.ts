// Hostile upload files, made in code so no large binaries are checked in: zip
// bombs (honest and lying about their sizes), zips with too many entries or cut
// short, files whose content is not what their names say, a PDF with thousands
// of pages, text that is not UTF-8. Each builder is cheap: a bomb's repeated
// part is compressed once and its compressed bytes repeated (a full flush ends
// each copy on a byte boundary with a fresh dictionary, so copies can follow
// one another in one deflate stream).
import zlib from "node:zlib";

export interface ZipEntry {
  name: string;
  /** The entry's content, stored deflated. */
  data?: Uint8Array | string;
  /** Already deflated (raw) content and its real size, for bombs. */
  deflated?: { bytes: Uint8Array; size: number; crc: number };
  /** What the headers say the content inflates to, when they are to lie. */
  declaredSize?: number;
  /** Stored (method 0) instead of deflated. */
  stored?: boolean;
}

const crc32 = (data: Uint8Array, initial = 0) => zlib.crc32(data, initial);

/** A plain zip archive (no zip64, no data descriptors), as Office writes it. */
export function zipOf(entries: ZipEntry[]): Uint8Array {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, "utf8");
    let body: Uint8Array;
    let size: number;
    let crc: number;
    if (e.deflated) {
      ({ bytes: body, size, crc } = e.deflated);
    } else {
      const raw = typeof e.data === "string" ? Buffer.from(e.data, "utf8") : Buffer.from(e.data ?? new Uint8Array());
      body = e.stored ? raw : zlib.deflateRawSync(raw);
      size = raw.length;
      crc = crc32(raw);
    }
    const declared = e.declaredSize ?? size;
    const method = e.stored ? 0 : 8;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(0, 10); // time, date
    local.writeUInt32LE(crc >>> 0, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(declared >>> 0, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt32LE(0, 12);
    central.writeUInt32LE(crc >>> 0, 16);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(declared >>> 0, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, Buffer.from(body.buffer, body.byteOffset, body.byteLength));
    centrals.push(central, name);
    offset += 30 + name.length + body.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Math.min(entries.length, 0xffff), 8);
  end.writeUInt16LE(Math.min(entries.length, 0xffff), 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, cd, end]));
}

/**
 * `head`, then `middle` repeated until the whole is about `size` bytes, then
 * `tail`, as raw deflate: a few hundred kB for a GiB of repeated XML.
 */
export function repeatedDeflate(head: string, middle: string, tail: string, size: number): { bytes: Uint8Array; size: number; crc: number } {
  const flush = { finishFlush: zlib.constants.Z_FULL_FLUSH, level: 9 };
  const block = Buffer.from(middle.repeat(Math.max(1, Math.floor((1 << 20) / middle.length))), "utf8");
  const copies = Math.max(1, Math.floor((size - head.length - tail.length) / block.length));
  const headBytes = Buffer.from(head, "utf8");
  const tailBytes = Buffer.from(tail, "utf8");
  const blockDeflated = zlib.deflateRawSync(block, flush);
  const parts = [zlib.deflateRawSync(headBytes, flush), ...Array.from({ length: copies }, () => blockDeflated), zlib.deflateRawSync(tailBytes)];
  let crc = crc32(headBytes);
  for (let i = 0; i < copies; i++) crc = crc32(block, crc);
  crc = crc32(tailBytes, crc);
  return { bytes: new Uint8Array(Buffer.concat(parts)), size: headBytes.length + copies * block.length + tailBytes.length, crc };
}

export const GIB = 1024 * 1024 * 1024;

const XLSX_PARTS: ZipEntry[] = [
  {
    name: "[Content_Types].xml",
    data: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`,
  },
  {
    name: "_rels/.rels",
    data: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
  },
  {
    name: "xl/workbook.xml",
    data: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Uppdrag" sheetId="1" r:id="rId1"/></sheets></workbook>`,
  },
  {
    name: "xl/_rels/workbook.xml.rels",
    data: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
  },
];

const SHEET_HEAD = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Beslutsdatum</t></is></c><c r="B1" t="inlineStr"><is><t>Uppdrag</t></is></c></row>`;
const sheetRow = (r: number) => `<row r="${r}"><c r="A${r}" t="inlineStr"><is><t>2024-01-01</t></is></c><c r="B${r}" t="inlineStr"><is><t>Utred frågan</t></is></c></row>`;
const SHEET_TAIL = `</sheetData></worksheet>`;

/** A minimal workbook whose one sheet holds a heading row and `rows` rows: the same parts the bombs use, small. */
export function minimalXlsx(rows: number): Uint8Array {
  return zipOf([...XLSX_PARTS, { name: "xl/worksheets/sheet1.xml", data: SHEET_HEAD + Array.from({ length: rows }, (_, i) => sheetRow(i + 2)).join("") + SHEET_TAIL }]);
}

/**
 * A workbook whose sheet inflates to `size` bytes (1 GiB: about 1 MB of file);
 * `lie` makes the headers say 1 kB. Its rows all say they are row 2: numbered
 * rows would not repeat, and the reader must refuse it before reading rows.
 */
export function xlsxBomb(size = GIB, lie = false): Uint8Array {
  const sheet = repeatedDeflate(SHEET_HEAD, sheetRow(2), SHEET_TAIL, size);
  return zipOf([...XLSX_PARTS, { name: "xl/worksheets/sheet1.xml", deflated: sheet, declaredSize: lie ? 1024 : undefined }]);
}

const DOCX_PARTS: ZipEntry[] = [
  {
    name: "[Content_Types].xml",
    data: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`,
  },
  {
    name: "_rels/.rels",
    data: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`,
  },
];
const DOC_HEAD = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>`;
const DOC_PARAGRAPH = `<w:p><w:r><w:t>Kommunstyrelsen ger kommundirektören i uppdrag att utreda frågan.</w:t></w:r></w:p>`;
const DOC_TAIL = `</w:body></w:document>`;

/** A minimal Word document of `paragraphs` paragraphs: the same parts the bomb uses, small. */
export function minimalDocx(paragraphs: number): Uint8Array {
  return zipOf([...DOCX_PARTS, { name: "word/document.xml", data: DOC_HEAD + DOC_PARAGRAPH.repeat(paragraphs) + DOC_TAIL }]);
}

export function docxBomb(size = GIB, lie = false): Uint8Array {
  const doc = repeatedDeflate(DOC_HEAD, DOC_PARAGRAPH, DOC_TAIL, size);
  return zipOf([...DOCX_PARTS, { name: "word/document.xml", deflated: doc, declaredSize: lie ? 1024 : undefined }]);
}

/** A zip of `count` empty entries with short names (about 80 bytes each). */
export function manyEntriesZip(count: number): Uint8Array {
  const entries: ZipEntry[] = [];
  for (let i = 0; i < count; i++) entries.push({ name: i.toString(36), stored: true });
  return zipOf(entries);
}

/** The first `fraction` of a file, as an interrupted upload or download leaves it. */
export function truncated(bytes: Uint8Array, fraction = 0.5): Uint8Array {
  return bytes.slice(0, Math.floor(bytes.length * fraction));
}

/** The first bytes of a PNG image and some more: a picture renamed to .xlsx/.docx. */
export function pngBytes(): Uint8Array {
  const b = Buffer.alloc(4096, 0x11);
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]).copy(b);
  return new Uint8Array(b);
}

/** A minimal valid PDF with `pages` pages of one text line each. */
export function manyPagesPdf(pages: number): Uint8Array {
  const chunks: string[] = ["%PDF-1.4\n"];
  const offsets: number[] = [];
  let length = chunks[0].length;
  const obj = (n: number, body: string) => {
    offsets[n] = length;
    const s = `${n} 0 obj\n${body}\nendobj\n`;
    chunks.push(s);
    length += s.length;
  };
  // 1 catalog, 2 pages, 3 font, then a page and its content per page.
  const kids = Array.from({ length: pages }, (_, i) => `${4 + 2 * i} 0 R`).join(" ");
  obj(1, "<< /Type /Catalog /Pages 2 0 R >>");
  obj(2, `<< /Type /Pages /Kids [${kids}] /Count ${pages} >>`);
  obj(3, "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>");
  for (let i = 0; i < pages; i++) {
    const content = `BT /F1 12 Tf 50 800 Td (Sida ${i + 1}) Tj ET`;
    obj(4 + 2 * i, `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents ${5 + 2 * i} 0 R >>`);
    obj(5 + 2 * i, `<< /Length ${content.length} >>\nstream\n${content}\nendstream`);
  }
  const size = 4 + 2 * pages;
  const xref = length;
  chunks.push(`xref\n0 ${size}\n0000000000 65535 f \n`);
  for (let n = 1; n < size; n++) chunks.push(`${String(offsets[n]).padStart(10, "0")} 00000 n \n`);
  chunks.push(`trailer\n<< /Size ${size} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`);
  return new Uint8Array(Buffer.from(chunks.join(""), "latin1"));
}

/** Swedish text as Windows-1252 (what Notepad and Excel on older Windows save). */
export function windows1252Text(text: string): Uint8Array {
  // Latin-1 and Windows-1252 agree on å, ä, ö, é and §.
  return new Uint8Array(Buffer.from(text, "latin1"));
}

/** Bytes from a fixed-seed generator: repeatable "random" noise. */
export function randomBytes(length: number, seed = 1): Uint8Array {
  const out = new Uint8Array(length);
  let x = seed >>> 0 || 1;
  for (let i = 0; i < length; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = x & 0xff;
  }
  return out;
}
