// Hostile uploads (issue #15 item 6): zip bombs, lying and broken zips, files
// that are not what their names say, a PDF of thousands of pages, text that is
// not UTF-8. Each is refused with a Swedish message (or, Windows-1252 text,
// read correctly) by the same readers the upload routes and actions call, and
// reading it leaves this process's memory as it was: the files are read in a
// worker thread with a heap limit and a time limit (src/server/uploads/parse.ts).
// The files are made in code (tests/support/hostile-files.ts).
import { describe, expect, it } from "vitest";
import v8 from "node:v8";
import vm from "node:vm";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { FileRefused, readTable } from "@/server/import/read-file";
import { extractProtocolText, ProtocolFileError } from "@/lib/protocol/extract";
import { readPlanWorkbook } from "@/server/plan/import";
import { parseInWorker, UPLOAD_LIMITS, UploadRefused } from "@/server/uploads/parse";
import { docxBomb, GIB, manyEntriesZip, manyPagesPdf, minimalDocx, minimalXlsx, pngBytes, randomBytes, truncated, windows1252Text, xlsxBomb } from "../support/hostile-files";

v8.setFlagsFromString("--expose-gc");
const gc = vm.runInNewContext("gc") as () => void;

const MB = 1024 * 1024;
/** What reading one hostile file may add to this process's heap and resident memory. */
const MEMORY_BUDGET = 200 * MB;

/** Runs `read`, and measures what it costs this process: heap and resident memory after, and the longest stall of the event loop. */
async function measured<T>(read: () => Promise<T>) {
  gc();
  const before = process.memoryUsage();
  const loop = monitorEventLoopDelay({ resolution: 10 });
  loop.enable();
  const started = performance.now();
  const outcome = await read().then(
    (value) => ({ value, error: undefined }),
    (error: unknown) => ({ value: undefined, error }),
  );
  const ms = performance.now() - started;
  loop.disable();
  gc();
  const after = process.memoryUsage();
  return { ...outcome, ms, heapGrowth: after.heapUsed - before.heapUsed, rssGrowth: after.rss - before.rss, longestStallMs: loop.max / 1e6 };
}

// No time is asserted: each test checks why the file was refused (a size or
// form refusal, not "tog för lång tid"), which holds on a busy machine too.
function expectCheap(m: { heapGrowth: number; rssGrowth: number }) {
  expect(m.heapGrowth).toBeLessThan(MEMORY_BUDGET);
  expect(m.rssGrowth).toBeLessThan(MEMORY_BUDGET);
}

const tableError = (m: { error: unknown }) => {
  expect(m.error).toBeInstanceOf(FileRefused);
  return (m.error as FileRefused).message;
};
const protocolError = (m: { error: unknown }) => {
  expect(m.error).toBeInstanceOf(ProtocolFileError);
  return m.error as ProtocolFileError;
};

describe("the hostile files are what they claim", () => {
  it("the small versions of the bombs' workbook and document are read: a refusal below is for size, not form", async () => {
    const table = await readTable("lista.xlsx", minimalXlsx(3));
    expect(table.headers).toEqual(["Beslutsdatum", "Uppdrag"]);
    expect(table.rows).toEqual([2, 3, 4].map((line) => ({ line, cells: ["2024-01-01", "Utred frågan"] })));
    expect(await extractProtocolText(minimalDocx(2), "protokoll.docx")).toBe(
      "Kommunstyrelsen ger kommundirektören i uppdrag att utreda frågan.\nKommunstyrelsen ger kommundirektören i uppdrag att utreda frågan.\n",
    );
    expect(await extractProtocolText(manyPagesPdf(3), "p.pdf")).toBe("Sida 1\n\fSida 2\n\fSida 3");
  });
});

describe("zip bombs", () => {
  it("refuses an .xlsx whose sheet inflates to 1 GiB, before ExcelJS reads it", async () => {
    const bomb = xlsxBomb(GIB);
    expect(bomb.length).toBeLessThan(5 * MB);
    const m = await measured(() => readTable("uppdrag.xlsx", bomb));
    expect(tableError(m)).toBe("Excel-filen blir för stor när den packas upp (mer än 100 MB) och lästes inte. Dela upp den eller spara om den i Office och försök igen.");
    expectCheap(m);
  });

  it("refuses the same bomb as a plan workbook, with a file error and no rows", async () => {
    const m = await measured(() => readPlanWorkbook(Buffer.from(xlsxBomb(GIB))));
    expect(m.value?.errors).toEqual([{ sheet: "Filen", row: 0, message: expect.stringContaining("blir för stor när den packas upp") }]);
    expect(m.value?.plan.goals).toEqual([]);
    expectCheap(m);
  });

  it("refuses a .docx whose document inflates to 1 GiB, before mammoth reads it", async () => {
    const m = await measured(() => extractProtocolText(docxBomb(GIB), "protokoll.docx", { acceptWindows1252: true }));
    expect(protocolError(m)).toMatchObject({ reason: "size", message: expect.stringMatching(/^Word-filen blir för stor när den packas upp/) });
    expectCheap(m);
  });

  it("catches a central directory that lies about sizes (says 1 kB, inflates to 1 GiB) by counting what actually inflates", async () => {
    const xlsx = await measured(() => readTable("uppdrag.xlsx", xlsxBomb(GIB, true)));
    expect(tableError(xlsx)).toBe("Excel-filen packas upp till mer än den själv anger och lästes inte. Den kan vara skadad; spara om den i Office och försök igen.");
    expectCheap(xlsx);
    const docx = await measured(() => extractProtocolText(docxBomb(GIB, true), "protokoll.docx"));
    expect(protocolError(docx)).toMatchObject({ reason: "size", message: expect.stringMatching(/^Word-filen packas upp till mer än den själv anger/) });
    expectCheap(docx);
  });

  it("refuses zips of 100,000 (Word) and 50,000 (Excel, within its 5 MB) entries", async () => {
    const docx = await measured(() => extractProtocolText(manyEntriesZip(100_000), "protokoll.docx"));
    expect(protocolError(docx).message).toBe("Word-filen består av för många delar (högst 2\u00a0000 tillåts) och lästes inte. Spara om den i Office och försök igen.");
    expectCheap(docx);
    const xlsx = await measured(() => readTable("uppdrag.xlsx", manyEntriesZip(50_000)));
    expect(tableError(xlsx)).toMatch(/^Excel-filen består av för många delar/);
    expectCheap(xlsx);
  });

  it("refuses several bombs at once, one worker per file, without the heap growing", async () => {
    const bombs = Array.from({ length: 6 }, (_, i) => (i % 2 ? xlsxBomb(GIB, true) : xlsxBomb(GIB)));
    const m = await measured(() => Promise.allSettled(bombs.map((b) => readTable("uppdrag.xlsx", b))));
    expect(m.value?.map((r) => r.status)).toEqual(Array(6).fill("rejected"));
    expectCheap(m);
  });
});

describe("broken files and files that are not what their names say", () => {
  it("refuses a zip cut short (an interrupted upload) as damaged", async () => {
    const xlsx = await measured(() => readTable("uppdrag.xlsx", truncated(minimalXlsx(2000))));
    expect(tableError(xlsx)).toBe("Excel-filen är skadad eller ofullständig (uppladdningen kan ha avbrutits). Spara om den i Office och försök igen.");
    const docx = await measured(() => extractProtocolText(truncated(minimalDocx(2000)), "protokoll.docx"));
    expect(protocolError(docx)).toMatchObject({ reason: "unreadable", message: expect.stringMatching(/^Word-filen är skadad eller ofullständig/) });
    const plan = await readPlanWorkbook(Buffer.from(truncated(minimalXlsx(2000))));
    expect(plan.errors[0].message).toMatch(/^Excel-filen är skadad eller ofullständig/);
  });

  it("refuses by content, not name: a picture as .xlsx/.docx/.csv, text as .pdf", async () => {
    await expect(readTable("uppdrag.xlsx", pngBytes())).rejects.toThrow("Filen heter .xlsx men är ingen Excel-arbetsbok.");
    await expect(readTable("uppdrag.csv", pngBytes())).rejects.toThrow("Filen heter .csv men innehåller inte text.");
    await expect(extractProtocolText(pngBytes(), "protokoll.docx")).rejects.toMatchObject({ reason: "type", message: "Filen är inte en Word-fil (.docx). Spara den som .docx i Word och försök igen." });
    await expect(extractProtocolText(new TextEncoder().encode("§ 1 Inte en PDF"), "protokoll.pdf")).rejects.toMatchObject({ reason: "type", message: "Filen är inte en PDF-fil." });
    expect((await readPlanWorkbook(Buffer.from(pngBytes()))).errors[0].message).toBe("Filen kunde inte läsas som en Excel-fil (.xlsx).");
  });
});

describe("PDF", () => {
  it("refuses a PDF of 3,000 pages from its page count, before reading a page", async () => {
    const m = await measured(() => extractProtocolText(manyPagesPdf(3000), "protokoll.pdf", { acceptWindows1252: true }));
    expect(protocolError(m)).toMatchObject({
      reason: "size",
      message: "PDF-filen har 3\u00a0000 sidor; högst 500 sidor kan läsas. Ladda upp bara protokollet, eller klistra in texten.",
    });
    expectCheap(m);
  });

  it("reads a PDF of exactly the most pages allowed", async () => {
    const text = await extractProtocolText(manyPagesPdf(UPLOAD_LIMITS.maxPdfPages), "protokoll.pdf");
    expect(text.split("\f")).toHaveLength(UPLOAD_LIMITS.maxPdfPages);
  });
});

describe("text that is not UTF-8", () => {
  const swedish = "§ 12 Förskolan Ängen: Barn- och utbildningsnämnden ger förvaltningen i uppdrag att utreda frågan.";

  it("reads Windows-1252 where it is accepted (the upload and CSV lists), and refuses it in Swedish where not", async () => {
    expect(await extractProtocolText(windows1252Text(swedish), "protokoll.txt", { acceptWindows1252: true })).toBe(swedish);
    await expect(extractProtocolText(windows1252Text(swedish), "protokoll.txt")).rejects.toMatchObject({
      reason: "encoding",
      message: "Filen är inte text i UTF-8. Spara filen som UTF-8 och försök igen.",
    });
    const table = await readTable("lista.csv", windows1252Text("Beslutsdatum;Organ;§;Uppdrag\n2024-01-01;Kommunstyrelsen;12;Förskolan Ängen\n"));
    expect(table.note).toBe("CSV-fil, Windows-1252, avgränsad med semikolon.");
    expect(table.rows[0].cells).toEqual(["2024-01-01", "Kommunstyrelsen", "12", "Förskolan Ängen"]);
  });

  it("refuses random bytes as text, even where Windows-1252 is accepted", async () => {
    const noise = randomBytes(100_000);
    await expect(extractProtocolText(noise, "protokoll.txt", { acceptWindows1252: true })).rejects.toMatchObject({
      reason: "encoding",
      message: "Filen innehåller inte text. Ladda upp protokollet som .txt, .docx (Word) eller .pdf, eller klistra in texten.",
    });
    await expect(readTable("lista.csv", noise)).rejects.toThrow("Filen heter .csv men innehåller inte text.");
  });
});

describe("the worker's own limits", () => {
  it("a workbook within the zip limits that needs more memory than the worker has is refused; this process's heap and event loop are untouched", async () => {
    // 95 MB of sheet XML: under the 100 MB unpacked limit, too much for ExcelJS in 256 MB.
    const heavy = xlsxBomb(95 * MB);
    const m = await measured(() => readTable("uppdrag.xlsx", heavy));
    expect(tableError(m)).toMatch(/^Excel-filen (krävde för mycket minne|tog för lång tid att läsa)/);
    expectCheap(m);
    // The server goes on answering other requests meanwhile (it stalled 2.7 s before).
    expect(m.longestStallMs).toBeLessThan(1000);
  }, 40_000);

  it("a worker past its time limit is terminated and the file refused as taking too long", async () => {
    const m = await measured(() => parseInWorker("xlsx", xlsxBomb(40 * MB), { timeoutMs: 300 }));
    expect(m.error).toBeInstanceOf(UploadRefused);
    expect((m.error as UploadRefused).code).toBe("timeout");
    expectCheap(m);
  });
});
