// GET /planer/[id]/rapport/fil?tillfalle=&format=pdf|docx — the follow-up report as a file.
import { NextResponse } from "next/server";
import { planFromRequest } from "@/server/plan/http";
import { planReport, reportFileName } from "@/server/plan/report";
import { renderPlanReportHtml } from "@/server/plan/report-html";
import { renderPlanReportDocx } from "@/server/plan/report-docx";
import { planHtmlToPdf } from "@/server/plan/pdf";
import { PdfUnavailableError } from "@/server/report/pdf";

const TYPES = {
  pdf: "application/pdf",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
} as const;

export async function GET(req: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const url = new URL(req.url);
  const format = url.searchParams.get("format") ?? "pdf";
  if (format !== "pdf" && format !== "docx") return NextResponse.json({ error: "Okänt filformat." }, { status: 400 });
  const r = await planFromRequest(id, url);
  if (!r.ok) return r.response;
  const report = planReport(r.tree);
  let body: Buffer;
  try {
    body = format === "docx" ? await renderPlanReportDocx(report) : await planHtmlToPdf(renderPlanReportHtml(report), `${report.municipality} · ${r.tree.body.shortName} · Uppföljning ${report.subtitle}`);
  } catch (err) {
    if (err instanceof PdfUnavailableError) return NextResponse.json({ error: err.message }, { status: 503 });
    throw err;
  }
  return new Response(new Uint8Array(body), {
    headers: {
      "Content-Type": TYPES[format],
      "Content-Disposition": `attachment; filename="${reportFileName(r.tree, format)}"`,
      "Cache-Control": "private, no-store",
    },
  });
}
