// GET /api/uppdrag?q=&status=&body=&page= — the list as JSON (same filters as the page).
import { NextResponse, type NextRequest } from "next/server";
import { withActor } from "@/server/http";
import { getPrisma } from "@/server/db";
import { listUppdrag } from "@/server/uppdrag/list-uppdrag";
import { listFiltersSchema } from "@/lib/validation/uppdrag";

export async function GET(req: NextRequest) {
  return withActor(async (actor) => {
    const sp = req.nextUrl.searchParams;
    const filters = listFiltersSchema.parse({ ...Object.fromEntries(sp), status: sp.getAll("status") });
    const result = await listUppdrag(await getPrisma(), actor, filters);
    return NextResponse.json(result);
  });
}
