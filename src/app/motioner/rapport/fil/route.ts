// GET /motioner/rapport/fil?format=pdf|docx|xlsx|json&asOf= — the list of obesvarade motioner as a file.
import { serveRoute, refusalResponse } from "@/server/entry/route";
import { motionReportEndpoint } from "@/server/motions/endpoints";
import { PdfUnavailableError } from "@/server/report/pdf";
import { reportFileResponse } from "@/server/report/file";
import { motionReportToPdf } from "@/server/report/motions/frozen";
import { motionReportDataFile, motionReportFileName } from "@/server/report/motions/file";

export const GET = serveRoute(motionReportEndpoint, {
  respond: async (report, { input }) => {
    const format = input.format ?? "pdf";
    let body: Buffer | string;
    try {
      body = format === "pdf" ? await motionReportToPdf(report) : await motionReportDataFile(report, format);
    } catch (err) {
      if (err instanceof PdfUnavailableError) return refusalResponse(503, err.message);
      throw err;
    }
    return reportFileResponse(body, format, motionReportFileName(report, format));
  },
});
