// GET /planer/[id]/rapport?tillfalle= — the follow-up report as a printable A4 page.
import { planFromRequest } from "@/server/plan/http";
import { planReport } from "@/server/plan/report";
import { renderPlanReportHtml } from "@/server/plan/report-html";

export async function GET(req: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const r = await planFromRequest(id, new URL(req.url));
  if (!r.ok) return r.response;
  const q = r.tree.occasion ? `tillfalle=${r.tree.occasion.id}&` : "";
  const html = renderPlanReportHtml(planReport(r.tree), [
    { label: "Ladda ned PDF", href: `/planer/${id}/rapport/fil?${q}format=pdf`, primary: true },
    { label: "Ladda ned Word", href: `/planer/${id}/rapport/fil?${q}format=docx` },
    { label: "Tillbaka till planen", href: `/planer/${id}${q ? `?${q.slice(0, -1)}` : ""}` },
  ]);
  return new Response(html, { headers: { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "private, no-store" } });
}
