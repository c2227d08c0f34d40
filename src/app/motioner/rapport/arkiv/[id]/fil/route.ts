// GET /motioner/rapport/arkiv/[id]/fil?format=pdf|docx|xlsx|json — a fastställd list of
// obesvarade motioner: the PDF exactly as frozen; the other formats from the archived data.
import { serveRoute } from "@/server/entry/route";
import { frozenMotionFileEndpoint } from "@/server/motions/endpoints";
import { reportFileResponse } from "@/server/report/file";
import { motionReportDataFile } from "@/server/report/motions/file";
import { formatIsoDate } from "@/lib/dates";

const fileName = (slug: string, asOf: Date, format: string) => `obesvarade-motioner-${slug}-${formatIsoDate(asOf)}-faststalld.${format}`;

export const GET = serveRoute(frozenMotionFileEndpoint, {
  respond: async (frozen) => {
    if (frozen.kind === "pdf") return reportFileResponse(frozen.pdf, "pdf", fileName(frozen.slug, frozen.asOf, "pdf"));
    const { report, format } = frozen;
    return reportFileResponse(await motionReportDataFile(report, format), format, fileName(report.municipality.slug, report.asOf, format));
  },
});
