// GET /rapporter/utskrift?asOf=&body= — the report as a printable A4 page.
import { after } from "next/server";
import { serveRoute } from "@/server/entry/route";
import { produceEndpoint } from "@/server/report/endpoints";
import { warmPdfBrowser } from "@/server/report/pdf";
import { renderReportHtml } from "@/server/report/html";
import { reportQuery } from "@/lib/validation/report";
import { formatIsoDate } from "@/lib/dates";

export const GET = serveRoute(produceEndpoint, {
  respond: (report, { input, request }) => {
    after(warmPdfBrowser); // the PDF link below then finds Chromium started
    const params = { asOf: formatIsoDate(report.asOf), body: input.body ?? [] };
    const downloads = [
      { label: "PDF", href: `/rapporter/fil?${reportQuery({ ...params, format: "pdf" })}` },
      { label: "Word", href: `/rapporter/fil?${reportQuery({ ...params, format: "docx" })}` },
      { label: "Excel", href: `/rapporter/fil?${reportQuery({ ...params, format: "xlsx" })}` },
      { label: "Tillbaka", href: "/rapporter" },
    ];
    return new Response(renderReportHtml(report, { downloads, nonce: request.headers.get("x-nonce") }), {
      headers: { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "private, no-store" },
    });
  },
});
