// Uploaded Excel, Word and PDF files are read in a worker thread
// (parse-worker.mjs), one worker per file, never in the server's own thread:
// a zip bomb or a PDF of thousands of pages is refused there, within a heap
// limit and a time limit, and the worker's memory is given back when it ends.
// The readers (readTable, readPlanWorkbook, extractProtocolText) turn a
// refusal into their own Swedish message.
import { Worker } from "node:worker_threads";
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const UPLOAD_LIMITS = {
  /** Entries in an .xlsx or .docx (a real one has tens, with pictures some hundreds). */
  maxEntries: 2000,
  /** All entries of an .xlsx or .docx unpacked, declared and as actually inflated. */
  maxUnpackedBytes: 100 * 1024 * 1024,
  /** Pages of a PDF, read before any page is. */
  maxPdfPages: 500,
  /** Non-empty rows kept per sheet; the readers refuse fewer anyway. */
  maxRows: 20_000,
  /** The worker's heap. */
  workerHeapMb: 256,
  /** Time for one file, the worker's start included. */
  timeoutMs: 20_000,
  /** Files read at once; more wait their turn (2 cores). */
  concurrent: 2,
  /** Files waiting at most; more are refused as "busy". */
  queued: 16,
} as const;

export type CellValue = null | string | number | boolean | Date | { richText: { text: string }[] } | { result: CellValue } | { error: string } | { text: string };
export interface SheetData {
  name: string;
  /** Non-empty rows in the sheet (all of them, also past `rows`). */
  rowCount: number;
  /** Non-empty rows: `number` as Excel shows it, `values[0]` is column A. */
  rows: { number: number; values: CellValue[] }[];
  truncated: boolean;
}
export interface PdfItem {
  str: string;
  x: number;
  y: number;
  width: number;
  height: number;
}
interface Results {
  xlsx: SheetData[];
  docx: string;
  pdf: PdfItem[][];
}

export type RefusalCode = "zip-damaged" | "zip-encrypted" | "zip-entries" | "zip-size" | "zip-lies" | "pdf-pages" | "unreadable" | "timeout" | "memory" | "busy";

/** Why a file was not read; the reader says it in Swedish (see `refusalMessage`). */
export class UploadRefused extends Error {
  constructor(
    readonly code: RefusalCode,
    readonly detail: { entries?: number; bytes?: number; pages?: number; error?: string } = {},
  ) {
    super(`upload refused: ${code}`);
    this.name = "UploadRefused";
  }
}

/** 3 000: thousands apart by a no-break space, as Swedish writes them (the same on every ICU version). */
const thousands = (n: number) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, "\u00a0");

/** The Swedish message for a refusal; `what` names the file ("Excel-filen", "Word-filen", "PDF-filen"). */
export function refusalMessage(err: UploadRefused, what: string): string {
  const mb = Math.round(UPLOAD_LIMITS.maxUnpackedBytes / 1024 / 1024);
  switch (err.code) {
    case "zip-entries":
      return `${what} består av för många delar (högst ${thousands(UPLOAD_LIMITS.maxEntries)} tillåts) och lästes inte. Spara om den i Office och försök igen.`;
    case "zip-size":
      return `${what} blir för stor när den packas upp (mer än ${mb} MB) och lästes inte. Dela upp den eller spara om den i Office och försök igen.`;
    case "zip-lies":
      return `${what} packas upp till mer än den själv anger och lästes inte. Den kan vara skadad; spara om den i Office och försök igen.`;
    case "zip-encrypted":
      return `${what} är lösenordsskyddad. Ta bort lösenordet och försök igen.`;
    case "zip-damaged":
      return `${what} är skadad eller ofullständig (uppladdningen kan ha avbrutits). Spara om den i Office och försök igen.`;
    case "pdf-pages":
      return `PDF-filen har ${thousands(err.detail.pages ?? 0)} sidor; högst ${UPLOAD_LIMITS.maxPdfPages} sidor kan läsas. Ladda upp bara protokollet, eller klistra in texten.`;
    case "timeout":
      return `${what} tog för lång tid att läsa (mer än ${UPLOAD_LIMITS.timeoutMs / 1000} sekunder) och lästes inte. Spara om den eller dela upp den och försök igen.`;
    case "memory":
      return `${what} krävde för mycket minne för att läsas och lästes inte. Spara om den eller dela upp den och försök igen.`;
    case "busy":
      return "Servern läser många filer just nu. Försök igen om en stund.";
    case "unreadable":
      return `${what} kunde inte läsas. Den kan vara skadad eller lösenordsskyddad.`;
  }
}

/**
 * The worker's file. Found next to this module (Vitest, tsx), else from the
 * working directory (`next start` runs in the project; the bundle's own path
 * is not the source's). Not written as `new URL("./parse-worker.mjs",
 * import.meta.url)`: a bundler would take that as an asset to copy and move.
 */
function workerFile(): string {
  const name = "parse-worker.mjs";
  const candidates: string[] = [];
  try {
    candidates.push(path.join(path.dirname(fileURLToPath(import.meta.url)), name));
  } catch {
    // import.meta.url is not a file URL in every bundle.
  }
  candidates.push(path.join(process.cwd(), "src", "server", "uploads", name));
  const found = candidates.find((c) => existsSync(c));
  if (!found) throw new Error(`${name} not found (looked in ${candidates.join(", ")})`);
  return found;
}

let running = 0;
const waiting: (() => void)[] = [];

async function turn(): Promise<() => void> {
  if (running >= UPLOAD_LIMITS.concurrent) {
    if (waiting.length >= UPLOAD_LIMITS.queued) throw new UploadRefused("busy");
    await new Promise<void>((resolve) => waiting.push(resolve));
  }
  running++;
  return () => {
    running--;
    waiting.shift()?.();
  };
}

export interface ParseOptions {
  /** For tests: a shorter time limit or smaller heap. */
  timeoutMs?: number;
  heapMb?: number;
}

/** Reads `bytes` as `task` in a worker; throws UploadRefused when the file is refused or the worker runs out of time or memory. */
export async function parseInWorker<T extends keyof Results>(task: T, bytes: Uint8Array, opts: ParseOptions = {}): Promise<Results[T]> {
  const done = await turn();
  let worker: Worker | undefined;
  try {
    worker = new Worker(workerFile(), {
      resourceLimits: { maxOldGenerationSizeMb: opts.heapMb ?? UPLOAD_LIMITS.workerHeapMb, maxYoungGenerationSizeMb: 32, stackSizeMb: 4 },
      stdout: true, // the worker's console output stays in the worker
      stderr: true,
    });
    worker.stdout.resume();
    worker.stderr.resume();
    const self = worker;
    return await new Promise<Results[T]>((resolve, reject) => {
      let settled = false;
      const settle = (fn: () => void) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        fn();
      };
      const timer = setTimeout(() => settle(() => reject(new UploadRefused("timeout"))), opts.timeoutMs ?? UPLOAD_LIMITS.timeoutMs);
      self.on("message", (msg: { ok: true; result: Results[T] } | { ok: false; code: RefusalCode; detail: UploadRefused["detail"] }) =>
        settle(() => (msg.ok ? resolve(msg.result) : reject(new UploadRefused(msg.code, msg.detail)))),
      );
      self.on("error", (err: Error & { code?: string }) =>
        settle(() => reject(new UploadRefused(err.code === "ERR_WORKER_OUT_OF_MEMORY" ? "memory" : "unreadable", { error: String(err.message).slice(0, 200) }))),
      );
      self.on("exit", () => settle(() => reject(new UploadRefused("unreadable", { error: "the worker stopped" }))));
      // A copy, moved to the worker: the caller keeps its bytes.
      const copy = new Uint8Array(bytes);
      self.postMessage({ task, bytes: copy, limits: { maxEntries: UPLOAD_LIMITS.maxEntries, maxUnpackedBytes: UPLOAD_LIMITS.maxUnpackedBytes, maxPdfPages: UPLOAD_LIMITS.maxPdfPages, maxRows: UPLOAD_LIMITS.maxRows } }, [
        copy.buffer,
      ]);
    });
  } finally {
    // The turn is given back only when the worker has exited and its heap is
    // freed, so at most UPLOAD_LIMITS.concurrent workers' memory is ever held.
    await worker?.terminate();
    done();
  }
}
