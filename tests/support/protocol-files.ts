// Word and PDF versions of a protocol's text, made on the fly for tests, so no
// binary fixtures are checked in. Each line becomes one Word paragraph or one
// PDF text line; a tab in a line starts a new cell (a Word tab, or text placed
// further right on the PDF page, as a two-column protocol layout does).
import { Document, Packer, Paragraph, Tab, TextRun } from "docx";

export async function docxOf(lines: string[]): Promise<Uint8Array> {
  const doc = new Document({
    sections: [
      {
        children: lines.map(
          (line) =>
            new Paragraph({
              children: line.split("\t").map((cell, i) => new TextRun({ children: i === 0 ? [cell] : [new Tab(), cell] })),
            }),
        ),
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}

/** A PDF string literal in WinAnsiEncoding (Latin-1 covers å, ä, ö, é, § and –). */
function pdfString(s: string): string {
  const mapped = s.replace(/–/g, "\u0096").replace(/”/g, "\u0094").replace(/’/g, "\u0092");
  return `(${mapped.replace(/[\\()]/g, (c) => `\\${c}`)})`;
}

/** Words of `text` in lines of at most `width` characters. */
function wrap(text: string, width: number): string[] {
  const out: string[] = [];
  let line = "";
  for (const word of text.split(" ")) {
    if (line && line.length + 1 + word.length > width) {
      out.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  return [...out, line];
}

/**
 * A PDF with one page per entry, 10 pt Helvetica, lines 13 pt apart from the
 * top. A line's cells stand in columns 180 pt apart; text too wide for its
 * column wraps onto the next lines of the same column, as in a real PDF.
 */
const ROWS_PER_PAGE = 58;

export function pdfOf(pages: string[][]): Uint8Array {
  const objects: string[] = [];
  const add = (body: string) => objects.push(body);
  const catalog = add("");
  const pagesObj = add("");
  const font = add("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>");
  const kids: number[] = [];
  const page = (ops: string[]) => {
    const content = ops.join("\n");
    const stream = add(`<< /Length ${Buffer.byteLength(content, "latin1")} >>\nstream\n${content}\nendstream`);
    kids.push(add(`<< /Type /Page /Parent ${pagesObj} 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 ${font} 0 R >> >> /Contents ${stream} 0 R >>`));
  };
  for (const lines of pages) {
    let ops: string[] = [];
    let row = 0;
    for (const line of lines) {
      const cells = line.split("\t");
      const wrapped = cells.map((cell, c) => (cell ? wrap(cell, c === 0 && cells.length > 1 ? 34 : Math.floor((495 - c * 180) / 5.2)) : []));
      const height = Math.max(1, ...wrapped.map((w) => w.length));
      if (row + height > ROWS_PER_PAGE) {
        // Too long for the page: it goes on on a new one, as a word processor would.
        page(ops);
        ops = [];
        row = 0;
      }
      wrapped.forEach((parts, c) => parts.forEach((part, k) => ops.push(`BT /F1 10 Tf ${50 + c * 180} ${800 - (row + k) * 13} Td ${pdfString(part)} Tj ET`)));
      row += height;
    }
    page(ops);
  }
  objects[catalog - 1] = `<< /Type /Catalog /Pages ${pagesObj} 0 R >>`;
  objects[pagesObj - 1] = `<< /Type /Pages /Kids [${kids.map((k) => `${k} 0 R`).join(" ")}] /Count ${kids.length} >>`;
  let out = "%PDF-1.4\n";
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(out, "latin1"));
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out, "latin1");
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, "0")} 00000 n \n`).join("")}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root ${catalog} 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new Uint8Array(Buffer.from(out, "latin1"));
}
