// GET /motioner/rapport/utskrift?asOf= — the list of obesvarade motioner as a printable A4 page.
import { after } from "next/server";
import { serveRoute } from "@/server/entry/route";
import { motionReportEndpoint } from "@/server/motions/endpoints";
import { warmPdfBrowser } from "@/server/report/pdf";
import { renderMotionReportHtml } from "@/server/report/motions/html";
import { formatIsoDate } from "@/lib/dates";

export const GET = serveRoute(motionReportEndpoint, {
  respond: (report, { request }) => {
    after(warmPdfBrowser);
    const q = (format: string) => `/motioner/rapport/fil?asOf=${formatIsoDate(report.asOf)}&format=${format}`;
    const downloads = [
      { label: "PDF", href: q("pdf") },
      { label: "Word", href: q("docx") },
      { label: "Excel", href: q("xlsx") },
      { label: "Tillbaka", href: "/motioner/rapport" },
    ];
    return new Response(renderMotionReportHtml(report, { downloads, nonce: request.headers.get("x-nonce") }), {
      headers: { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "private, no-store" },
    });
  },
});
