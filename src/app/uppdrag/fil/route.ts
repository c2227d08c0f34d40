// GET /uppdrag/fil?format=xlsx|csv&<the list's filters> — the list as a file in
// the import's columns, for editing and importing back.
import { NextResponse } from "next/server";
import { withActor } from "@/server/http";
import { getPrisma } from "@/server/db";
import { exportRows, rowsToCsv, rowsToXlsx } from "@/server/import/export";
import { listFiltersSchema } from "@/lib/validation/uppdrag";
import { formatIsoDate } from "@/lib/dates";

export async function GET(req: Request) {
  return withActor(async (actor) => {
    const url = new URL(req.url);
    const format = url.searchParams.get("format") ?? "xlsx";
    if (format !== "xlsx" && format !== "csv") return NextResponse.json({ error: "Välj format xlsx eller csv." }, { status: 400 });
    const params: Record<string, string | string[]> = {};
    for (const key of new Set(url.searchParams.keys())) {
      const all = url.searchParams.getAll(key);
      params[key] = all.length > 1 ? all : all[0];
    }
    const filters = listFiltersSchema.parse(params);
    const now = new Date();
    const { rows } = await exportRows(await getPrisma(), actor, filters, now);
    const name = `uppdrag-${actor.municipalitySlug}-${formatIsoDate(now)}.${format}`;
    const body = format === "csv" ? Buffer.from(rowsToCsv(rows), "utf-8") : await rowsToXlsx(rows, `Uppdrag ${actor.municipalityName}`, now);
    return new Response(new Uint8Array(body), {
      headers: {
        "Content-Type": format === "csv" ? "text/csv; charset=utf-8" : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "Content-Disposition": `attachment; filename="${name}"`,
        "Cache-Control": "private, no-store",
      },
    });
  });
}
