// GET /rapporter/fil?format=pdf|docx|xlsx|json&asOf=&body= — the report as a file.
import { serveRoute, refusalResponse } from "@/server/entry/route";
import { produceEndpoint } from "@/server/report/endpoints";
import { reportToPdf, PdfUnavailableError } from "@/server/report/pdf";
import { reportDataFile, reportFileResponse } from "@/server/report/file";
import { formatIsoDate } from "@/lib/dates";

export const GET = serveRoute(produceEndpoint, {
  respond: async (report, { input }) => {
    const format = input.format ?? "pdf";
    let body: Buffer | string;
    try {
      body = format === "pdf" ? await reportToPdf(report) : await reportDataFile(report, format);
    } catch (err) {
      if (err instanceof PdfUnavailableError) return refusalResponse(503, err.message);
      throw err;
    }
    return reportFileResponse(body, format, `ej-verkstallda-beslut-${report.municipality.slug}-${formatIsoDate(report.asOf)}.${format}`);
  },
});
