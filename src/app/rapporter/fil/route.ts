// GET /rapporter/fil?format=pdf|docx|xlsx|json&asOf=&body= — the report as a file.
import { serveRoute, refusalResponse } from "@/server/entry/route";
import { produceEndpoint } from "@/server/report/endpoints";
import { renderReportDocx } from "@/server/report/docx";
import { reportToXlsx } from "@/server/report/xlsx";
import { reportToJson } from "@/server/report/json";
import { reportToPdf, PdfUnavailableError } from "@/server/report/pdf";
import { formatIsoDate } from "@/lib/dates";

const TYPES = {
  pdf: "application/pdf",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  json: "application/json; charset=utf-8",
} as const;

export const GET = serveRoute(produceEndpoint, {
  respond: async (report, { input }) => {
    const format = input.format ?? "pdf";
    let body: Buffer | string;
    try {
      body = format === "docx" ? await renderReportDocx(report) : format === "xlsx" ? await reportToXlsx(report) : format === "json" ? reportToJson(report) : await reportToPdf(report);
    } catch (err) {
      if (err instanceof PdfUnavailableError) return refusalResponse(503, err.message);
      throw err;
    }
    const name = `ej-verkstallda-beslut-${report.municipality.slug}-${formatIsoDate(report.asOf)}.${format}`;
    return new Response(typeof body === "string" ? body : new Uint8Array(body), {
      headers: {
        "Content-Type": TYPES[format],
        "Content-Disposition": `attachment; filename="${name}"`,
        "Cache-Control": "private, no-store",
      },
    });
  },
});
