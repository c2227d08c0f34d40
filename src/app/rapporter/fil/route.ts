// GET /rapporter/fil?format=pdf|docx|xlsx|json&asOf=&body= — the report as a file.
import { NextResponse } from "next/server";
import { reportFromRequest } from "@/server/report/http";
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

export async function GET(req: Request) {
  const r = await reportFromRequest(new URL(req.url));
  if (!r.ok) return r.response;
  const format = (r.format ?? "pdf") as keyof typeof TYPES;
  let body: Buffer | string;
  try {
    body =
      format === "docx" ? await renderReportDocx(r.report) : format === "xlsx" ? await reportToXlsx(r.report) : format === "json" ? reportToJson(r.report) : await reportToPdf(r.report);
  } catch (err) {
    if (err instanceof PdfUnavailableError) return NextResponse.json({ error: err.message }, { status: 503 });
    throw err;
  }
  const name = `ej-verkstallda-beslut-${r.report.municipality.slug}-${formatIsoDate(r.report.asOf)}.${format}`;
  return new Response(typeof body === "string" ? body : new Uint8Array(body), {
    headers: {
      "Content-Type": TYPES[format],
      "Content-Disposition": `attachment; filename="${name}"`,
      "Cache-Control": "private, no-store",
    },
  });
}
