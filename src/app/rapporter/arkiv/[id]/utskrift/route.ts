// GET /rapporter/arkiv/[id]/utskrift — a fastställd report's print view, from its archived data.
import { serveRoute } from "@/server/entry/route";
import { frozenPrintEndpoint } from "@/server/report/endpoints";
import { renderReportHtml } from "@/server/report/html";

export const GET = serveRoute(frozenPrintEndpoint, {
  respond: (frozen, { input, request }) => {
    const id = encodeURIComponent(input.id);
    const downloads = [
      { label: "PDF (som fastställd)", href: `/rapporter/arkiv/${id}/fil?format=pdf` },
      { label: "Word", href: `/rapporter/arkiv/${id}/fil?format=docx` },
      { label: "Excel", href: `/rapporter/arkiv/${id}/fil?format=xlsx` },
      { label: "Tillbaka", href: `/rapporter/arkiv/${id}` },
    ];
    return new Response(renderReportHtml(frozen.report, { downloads, nonce: request.headers.get("x-nonce") }), {
      headers: { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "private, no-store" },
    });
  },
});
