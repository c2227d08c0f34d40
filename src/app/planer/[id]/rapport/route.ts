// GET /planer/[id]/rapport?tillfalle= — the follow-up report as a printable A4 page.
import { serveRoute } from "@/server/entry/route";
import { reportEndpoint } from "@/server/plan/endpoints";
import { planReport } from "@/server/plan/report";
import { renderPlanReportHtml } from "@/server/plan/report-html";

export const GET = serveRoute(reportEndpoint, {
  respond: (tree) => {
    const id = tree.id;
    const q = tree.occasion ? `tillfalle=${tree.occasion.id}&` : "";
    const html = renderPlanReportHtml(planReport(tree), [
      { label: "Ladda ned PDF", href: `/planer/${id}/rapport/fil?${q}format=pdf`, primary: true },
      { label: "Ladda ned Word", href: `/planer/${id}/rapport/fil?${q}format=docx` },
      { label: "Tillbaka till planen", href: `/planer/${id}${q ? `?${q.slice(0, -1)}` : ""}` },
    ]);
    return new Response(html, { headers: { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "private, no-store" } });
  },
});
