// The report as a tagged PDF (accessible, lang sv) printed by Chromium from the
// same HTML as the print view. @react-pdf/renderer took 35–43 s for 2,000 rows and
// could not tag; Chromium's print is the generator (figures: `npm run bench`).
//
// One Chromium is shared by the server process: launched by the first PDF
// (1–1.5 s), reused warm by the next, and closed when no PDF was made for
// PDF_BROWSER_IDLE_MS (default 60 s), so an idle server holds no browser. The
// pages are kept too (a new page starts a renderer process, about 0.5 s of CPU),
// in one browser context that is offline and without JavaScript: the document
// is self-contained, nothing may be fetched, and setContent replaces the whole
// previous document.
//
// Where the time goes (docs/decisions/006-report-pdf-speed.md): Chromium lays a
// document out for the screen when it arrives, twice for print in page.pdf, and
// once more for the screen when printing ends. Only the print layouts are of use,
// so the document is hidden on the screen (SCREEN_HIDDEN): the two screen layouts
// of 2,000 rows (about 0.5 s of CPU) become layouts of nothing. Printing always
// uses print media, so the PDF is the same.
import { existsSync } from "node:fs";
import type { Browser, BrowserContext, Page } from "playwright-core";
import type { Report } from "@/lib/report/point-in-time";
import { renderReportHtml } from "./html";

export class PdfUnavailableError extends Error {
  constructor(cause: unknown) {
    super(
      "PDF kan inte skapas på den här servern eftersom webbläsaren Chromium saknas eller inte startar. " +
        "Installera Chromium (Debian: apt-get install chromium-headless-shell) eller sätt CHROMIUM_PATH. Word, Excel och utskriftsvyn fungerar ändå.",
    );
    this.name = "PdfUnavailableError";
    this.cause = cause;
  }
}

/**
 * CHROMIUM_PATH, else Debian's headless shell (the same Chromium without the
 * desktop browser around it: the 2,000-row PDF 1.4 s cold instead of 2.2, at
 * half the CPU; docs/decisions/006-report-pdf-speed.md), else Debian's full
 * Chromium, else Playwright's own browser.
 */
const CHROMIUM_CANDIDATES = ["/usr/bin/chromium-headless-shell", "/usr/bin/chromium"];
function chromiumPath(): string | undefined {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  return CHROMIUM_CANDIDATES.find((p) => existsSync(p));
}

const idleMs = () => {
  const n = Number(process.env.PDF_BROWSER_IDLE_MS);
  return Number.isFinite(n) && n >= 0 ? n : 60_000;
};

interface Session {
  browser: Browser;
  context: BrowserContext;
}
/** The shared browser; on globalThis so a module reloaded in development does not leave one behind. */
interface Shared {
  session: Promise<Session> | null;
  /** Pages ready for the next PDF (at most MAX_IDLE_PAGES). */
  pages: Page[];
  busy: number;
  idleTimer: ReturnType<typeof setTimeout> | null;
}
const MAX_IDLE_PAGES = 2;
const KEY = Symbol.for("uppdragskollen.reportPdfBrowser");
const shared: Shared = ((globalThis as Record<symbol, Shared | undefined>)[KEY] ??= { session: null, pages: [], busy: 0, idleTimer: null });

async function launch(): Promise<Browser> {
  let chromium: typeof import("playwright-core").chromium;
  try {
    ({ chromium } = await import("playwright-core"));
  } catch (err) {
    throw new PdfUnavailableError(err);
  }
  return chromium
    .launch({
      executablePath: chromiumPath(),
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
    })
    .catch((err: unknown) => {
      throw new PdfUnavailableError(err);
    });
}

async function startSession(): Promise<Session> {
  const browser = await launch();
  try {
    return { browser, context: await browser.newContext({ offline: true, javaScriptEnabled: false }) };
  } catch (err) {
    await browser.close().catch(() => undefined);
    throw new PdfUnavailableError(err);
  }
}

function sharedSession(): Promise<Session> {
  if (shared.idleTimer) clearTimeout(shared.idleTimer);
  shared.idleTimer = null;
  if (!shared.session) {
    const started = startSession();
    shared.session = started;
    shared.pages = [];
    const forget = () => {
      if (shared.session !== started) return;
      shared.session = null;
      shared.pages = [];
    };
    started.then((s) => s.browser.on("disconnected", forget), forget);
  }
  return shared.session;
}

function release() {
  shared.busy--;
  if (shared.busy > 0 || !shared.session) return;
  shared.idleTimer = setTimeout(() => void closePdfBrowser(), idleMs());
  shared.idleTimer.unref();
}

/**
 * Starts the shared browser and a page ahead of a PDF (the report page and the
 * print view call it after answering, the PDF route while it builds the report),
 * so the PDF asked for next finds them warm. It closes
 * after the idle time like any other use; without Chromium it does nothing.
 */
export async function warmPdfBrowser(): Promise<void> {
  shared.busy++;
  try {
    const started = sharedSession();
    const session = await started;
    // A page ready too: a new page starts a renderer process (0.5 s or more).
    if (shared.pages.length === 0) {
      const page = await session.context.newPage();
      if (shared.session === started && shared.pages.length < MAX_IDLE_PAGES) shared.pages.push(page);
      else await page.close().catch(() => undefined);
    }
  } catch {
    // No Chromium: the PDF itself will say so.
  } finally {
    release();
  }
}

/** Whether the shared browser is running (or starting). */
export const pdfBrowserRunning = (): boolean => shared.session !== null;

/** Closes the shared browser now (command-line tools, tests, the bench's cold start). */
export async function closePdfBrowser(): Promise<void> {
  if (shared.idleTimer) clearTimeout(shared.idleTimer);
  shared.idleTimer = null;
  const session = shared.session;
  shared.session = null;
  shared.pages = [];
  if (session) await session.then((s) => s.browser.close()).catch(() => undefined);
}

/** Page.pdf's options a caller may set (the defaults take size, margins and footer from the HTML's @page). */
export type PrintOptions = Omit<Parameters<Page["pdf"]>[0] & object, "path">;

/** A style that hides the whole document on the screen and nowhere else (not in print). */
const SCREEN_HIDDEN = `<style media="screen">html { display: none !important; }</style>`;

/** The document with SCREEN_HIDDEN as the first thing in its head (or before everything when it has none). */
export function hiddenOnScreen(html: string): string {
  const head = /<head(\s[^>]*)?>/i.exec(html);
  if (!head) return SCREEN_HIDDEN + html;
  const at = head.index + head[0].length;
  return html.slice(0, at) + SCREEN_HIDDEN + html.slice(at);
}

async function print(session: Session, html: string, options: PrintOptions): Promise<Buffer> {
  const page = shared.pages.pop() ?? (await session.context.newPage());
  let ok = false;
  try {
    await page.setContent(hiddenOnScreen(html), { waitUntil: "load" });
    const pdf = await page.pdf({
      printBackground: true,
      // Page size, margins and the footer with page numbers come from the HTML's @page,
      // as when the print view is printed from the browser.
      preferCSSPageSize: true,
      tagged: true,
      outline: true,
      ...options,
    });
    ok = true;
    return Buffer.from(pdf);
  } finally {
    // A page that failed is not trusted again; a good one waits for the next PDF.
    if (ok && shared.pages.length < MAX_IDLE_PAGES && shared.session && !page.isClosed()) shared.pages.push(page);
    else await page.close().catch(() => undefined);
  }
}

/** Any self-contained HTML document as a tagged PDF, printed by the shared browser. */
export async function htmlToPdf(html: string, options: PrintOptions = {}): Promise<Buffer> {
  shared.busy++;
  try {
    const session = await sharedSession();
    try {
      return await print(session, html, options);
    } catch (err) {
      // The shared browser died (crashed, or was closed under us): once more with a new one.
      if (session.browser.isConnected()) throw err;
      if (shared.session && (await shared.session.catch(() => null)) === session) shared.session = null;
      return await print(await sharedSession(), html, options);
    }
  } finally {
    release();
  }
}

export async function reportToPdf(report: Report): Promise<Buffer> {
  return htmlToPdf(renderReportHtml(report));
}
