// GET /rapporter/arkiv/[id]/utskrift — a fastställd report's print view, from its archived data.
import { loadFrozenForRequest } from "@/server/report/http";
import { getFrozenReport } from "@/server/report/frozen";
import { renderReportHtml } from "@/server/report/html";

export async function GET(req: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const r = await loadFrozenForRequest(id, getFrozenReport);
  if (!r.ok) return r.response;
  const downloads = [
    { label: "PDF (som fastställd)", href: `/rapporter/arkiv/${id}/fil?format=pdf` },
    { label: "Word", href: `/rapporter/arkiv/${id}/fil?format=docx` },
    { label: "Excel", href: `/rapporter/arkiv/${id}/fil?format=xlsx` },
    { label: "Tillbaka", href: `/rapporter/arkiv/${id}` },
  ];
  return new Response(renderReportHtml(r.value.report, { downloads, nonce: req.headers.get("x-nonce") }), {
    headers: { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "private, no-store" },
  });
}
