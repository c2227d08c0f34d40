// GET /planer/[id]/rapport/fil?tillfalle=&format=pdf|docx — the follow-up report as a file.
import { refusalResponse, serveRoute } from "@/server/entry/route";
import { reportFileEndpoint } from "@/server/plan/endpoints";
import { planReport, reportFileName } from "@/server/plan/report";
import { renderPlanReportHtml } from "@/server/plan/report-html";
import { renderPlanReportDocx } from "@/server/plan/report-docx";
import { planHtmlToPdf } from "@/server/plan/pdf";
import { PdfUnavailableError } from "@/server/report/pdf";

const TYPES = {
  pdf: "application/pdf",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
} as const;

export const GET = serveRoute(reportFileEndpoint, {
  respond: async (tree, { input }) => {
    const format = input.format;
    const report = planReport(tree);
    let body: Buffer;
    try {
      body = format === "docx" ? await renderPlanReportDocx(report) : await planHtmlToPdf(renderPlanReportHtml(report), `${report.municipality} · ${tree.body.shortName} · Uppföljning ${report.subtitle}`);
    } catch (err) {
      if (err instanceof PdfUnavailableError) return refusalResponse(503, err.message);
      throw err;
    }
    return new Response(new Uint8Array(body), {
      headers: {
        "Content-Type": TYPES[format],
        "Content-Disposition": `attachment; filename="${reportFileName(tree, format)}"`,
        "Cache-Control": "private, no-store",
      },
    });
  },
});
