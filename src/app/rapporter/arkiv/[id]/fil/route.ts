// GET /rapporter/arkiv/[id]/fil?format=pdf|docx|xlsx|json — a fastställd report as a
// file: the PDF exactly as it was frozen; the other formats from the archived data.
import { serveRoute } from "@/server/entry/route";
import { frozenFileEndpoint } from "@/server/report/endpoints";
import { renderReportDocx } from "@/server/report/docx";
import { reportToXlsx } from "@/server/report/xlsx";
import { reportToJson } from "@/server/report/json";
import { formatIsoDate } from "@/lib/dates";

const TYPES = {
  pdf: "application/pdf",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  json: "application/json; charset=utf-8",
} as const;

const file = (body: Buffer | string, format: keyof typeof TYPES, slug: string, asOf: Date) =>
  new Response(typeof body === "string" ? body : new Uint8Array(body), {
    headers: {
      "Content-Type": TYPES[format],
      "Content-Disposition": `attachment; filename="ej-verkstallda-beslut-${slug}-${formatIsoDate(asOf)}-faststalld.${format}"`,
      "Cache-Control": "private, no-store",
    },
  });

export const GET = serveRoute(frozenFileEndpoint, {
  respond: async (frozen) => {
    // The PDF alone, byte for byte as it was sent.
    if (frozen.kind === "pdf") return file(frozen.pdf, "pdf", frozen.slug, frozen.asOf);
    const { report } = frozen;
    const format = frozen.format;
    const body = format === "docx" ? await renderReportDocx(report) : format === "xlsx" ? await reportToXlsx(report) : reportToJson(report);
    return file(body, format, report.municipality.slug, report.asOf);
  },
});
