// GET /rapporter/utskrift?asOf=&body= — the report as a printable A4 page.
import { after } from "next/server";
import { reportFromRequest } from "@/server/report/http";
import { warmPdfBrowser } from "@/server/report/pdf";
import { renderReportHtml } from "@/server/report/html";
import { reportQuery } from "@/lib/validation/report";
import { formatIsoDate } from "@/lib/dates";

export async function GET(req: Request) {
  const url = new URL(req.url);
  const r = await reportFromRequest(url);
  if (!r.ok) return r.response;
  after(warmPdfBrowser); // the PDF link below then finds Chromium started
  const params = { asOf: formatIsoDate(r.report.asOf), body: url.searchParams.getAll("body") };
  const downloads = [
    { label: "PDF", href: `/rapporter/fil?${reportQuery({ ...params, format: "pdf" })}` },
    { label: "Word", href: `/rapporter/fil?${reportQuery({ ...params, format: "docx" })}` },
    { label: "Excel", href: `/rapporter/fil?${reportQuery({ ...params, format: "xlsx" })}` },
    { label: "Tillbaka", href: "/rapporter" },
  ];
  return new Response(renderReportHtml(r.report, { downloads, nonce: req.headers.get("x-nonce") }), {
    headers: { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "private, no-store" },
  });
}
