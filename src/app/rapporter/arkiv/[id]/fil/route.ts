// GET /rapporter/arkiv/[id]/fil?format=pdf|docx|xlsx|json — a fastställd report as a
// file: the PDF exactly as it was frozen; the other formats from the archived data.
import { serveRoute } from "@/server/entry/route";
import { frozenFileEndpoint } from "@/server/report/endpoints";
import { reportDataFile, reportFileResponse, type ReportFileFormat } from "@/server/report/file";
import { formatIsoDate } from "@/lib/dates";

const fileName = (slug: string, asOf: Date, format: ReportFileFormat) => `ej-verkstallda-beslut-${slug}-${formatIsoDate(asOf)}-faststalld.${format}`;

export const GET = serveRoute(frozenFileEndpoint, {
  respond: async (frozen) => {
    // The PDF alone, byte for byte as it was sent.
    if (frozen.kind === "pdf") return reportFileResponse(frozen.pdf, "pdf", fileName(frozen.slug, frozen.asOf, "pdf"));
    const { report, format } = frozen;
    return reportFileResponse(await reportDataFile(report, format), format, fileName(report.municipality.slug, report.asOf, format));
  },
});
