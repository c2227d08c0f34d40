// The follow-up report as a tagged A4 PDF, printed by the report's shared Chromium
// (src/server/report/pdf.ts) with a footer of its own and page numbers.
import { htmlToPdf } from "@/server/report/pdf";

export async function planHtmlToPdf(html: string, footerText: string): Promise<Buffer> {
  const footer = `<div style="font-family:system-ui,sans-serif;font-size:8pt;color:#334155;width:100%;padding:0 15mm;display:flex;justify-content:space-between">
      <span style="overflow:hidden;text-overflow:ellipsis;white-space:nowrap;margin-right:6mm">${footerText.replace(/[<>&]/g, "")}</span><span style="white-space:nowrap">Sida <span class="pageNumber"></span> av <span class="totalPages"></span></span></div>`;
  return htmlToPdf(html, {
    format: "A4",
    preferCSSPageSize: false,
    displayHeaderFooter: true,
    headerTemplate: "<span></span>",
    footerTemplate: footer,
    margin: { top: "18mm", bottom: "18mm", left: "15mm", right: "15mm" },
  });
}
