// HTML → tagged A4 PDF with Chromium, for the follow-up report. A thin copy of
// the launch in src/server/report/pdf.ts, which exports only the uppdrag
// report's function (reportToPdf); when that file offers a generic
// html → pdf function, this one should call it instead.
import { existsSync } from "node:fs";
import { PdfUnavailableError } from "@/server/report/pdf";

function chromiumPath(): string | undefined {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  return existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined;
}

export async function htmlToPdf(html: string, footerText: string): Promise<Buffer> {
  let chromium: typeof import("playwright-core").chromium;
  try {
    ({ chromium } = await import("playwright-core"));
  } catch (err) {
    throw new PdfUnavailableError(err);
  }
  const browser = await chromium
    .launch({
      executablePath: chromiumPath(),
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
    })
    .catch((err: unknown) => {
      throw new PdfUnavailableError(err);
    });
  try {
    const page = await browser.newPage();
    // Nothing may be fetched: the document is self-contained.
    await page.route("**/*", (route) => (route.request().url().startsWith("data:") ? route.continue() : route.abort()));
    await page.setContent(html, { waitUntil: "load" });
    const footer = `<div style="font-family:system-ui,sans-serif;font-size:8pt;color:#334155;width:100%;padding:0 15mm;display:flex;justify-content:space-between">
      <span style="overflow:hidden;text-overflow:ellipsis;white-space:nowrap;margin-right:6mm">${footerText.replace(/[<>&]/g, "")}</span><span style="white-space:nowrap">Sida <span class="pageNumber"></span> av <span class="totalPages"></span></span></div>`;
    const pdf = await page.pdf({
      format: "A4",
      printBackground: true,
      displayHeaderFooter: true,
      headerTemplate: "<span></span>",
      footerTemplate: footer,
      margin: { top: "18mm", bottom: "18mm", left: "15mm", right: "15mm" },
      tagged: true,
      outline: true,
    });
    return Buffer.from(pdf);
  } finally {
    await browser.close();
  }
}
