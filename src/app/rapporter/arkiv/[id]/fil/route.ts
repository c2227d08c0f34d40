// GET /rapporter/arkiv/[id]/fil?format=pdf|docx|xlsx|json — a fastställd report as a
// file: the PDF exactly as it was frozen; the other formats from the archived data.
import { NextResponse } from "next/server";
import { loadFrozenForRequest } from "@/server/report/http";
import { getFrozenReport, getFrozenReportPdf } from "@/server/report/frozen";
import { renderReportDocx } from "@/server/report/docx";
import { reportToXlsx } from "@/server/report/xlsx";
import { reportToJson } from "@/server/report/json";
import { REPORT_FORMATS } from "@/lib/validation/report";
import { formatIsoDate } from "@/lib/dates";
import { z } from "@/lib/validation/zod";

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

export async function GET(req: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const format = z.enum(REPORT_FORMATS).safeParse(new URL(req.url).searchParams.get("format") ?? "pdf");
  if (!format.success) return NextResponse.json({ error: "Okänt filformat." }, { status: 400 });
  if (format.data === "pdf") {
    // The PDF alone, byte for byte as it was sent.
    const r = await loadFrozenForRequest(id, getFrozenReportPdf);
    if (!r.ok) return r.response;
    return file(r.value.pdf, "pdf", r.value.slug, r.value.asOf);
  }
  const r = await loadFrozenForRequest(id, getFrozenReport);
  if (!r.ok) return r.response;
  const { report } = r.value;
  const body = format.data === "docx" ? await renderReportDocx(report) : format.data === "xlsx" ? await reportToXlsx(report) : reportToJson(report);
  return file(body, format.data, report.municipality.slug, report.asOf);
}
