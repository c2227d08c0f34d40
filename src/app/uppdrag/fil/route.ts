// GET /uppdrag/fil?format=xlsx|csv&<the list's filters> — the list as a file in
// the import's columns, for editing and importing back. Never prefetched: link
// to it with a plain <a> (a prefetch is answered empty and is not logged).
import { serveRoute } from "@/server/entry/route";
import { exportEndpoint } from "@/server/uppdrag/endpoints";
import { isPrefetch, rowsToCsv, rowsToXlsx } from "@/server/import/export";
import { formatIsoDate } from "@/lib/dates";

export const GET = serveRoute(exportEndpoint, {
  respond: async ({ rows, now, recordExport }, { input, actor, request }) => {
    // A prefetch (a link in view, the browser guessing the next page) gets nothing and is not logged as an export.
    if (isPrefetch(request.headers)) return new Response(null, { status: 204, headers: { "Cache-Control": "private, no-store" } });
    await recordExport();
    const format = input.format;
    const name = `uppdrag-${actor!.municipalitySlug}-${formatIsoDate(now)}.${format}`;
    const body = format === "csv" ? Buffer.from(rowsToCsv(rows), "utf-8") : await rowsToXlsx(rows, `Uppdrag ${actor!.municipalityName}`, now);
    return new Response(new Uint8Array(body), {
      headers: {
        "Content-Type": format === "csv" ? "text/csv; charset=utf-8" : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "Content-Disposition": `attachment; filename="${name}"`,
        "Cache-Control": "private, no-store",
      },
    });
  },
});
