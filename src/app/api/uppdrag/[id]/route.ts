// GET /api/uppdrag/:id — one uppdrag with decision, links and history.
import { NextResponse } from "next/server";
import { z } from "zod";
import { withActor } from "@/server/http";
import { getPrisma } from "@/server/db";
import { getUppdrag } from "@/server/uppdrag/get-uppdrag";
import { NotFoundError } from "@/server/permissions";

export async function GET(_req: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return withActor(async (actor) => {
    if (!z.uuid().safeParse(id).success) throw new NotFoundError("uppdrag");
    const u = await getUppdrag(await getPrisma(), actor, id);
    if (!u) throw new NotFoundError("uppdrag");
    const { meetings: _meetings, ...rest } = u;
    return NextResponse.json(rest);
  });
}
