// Route-handler side of the follow-up report: check the actor, read the plan.
import "server-only";
import { NextResponse } from "next/server";
import { z } from "@/lib/validation/zod";
import { getActor } from "@/server/auth/actor";
import { getPrisma } from "@/server/db";
import { getPlanTree, type PlanTree } from "./get-plan";

type Outcome = { ok: true; tree: PlanTree } | { ok: false; response: Response };

export async function planFromRequest(planId: string, url: URL): Promise<Outcome> {
  const actor = await getActor();
  if (!actor) return { ok: false, response: NextResponse.json({ error: "Du är inte inloggad." }, { status: 401 }) };
  const occasion = url.searchParams.get("tillfalle") ?? undefined;
  const notFound = { ok: false as const, response: NextResponse.json({ error: "Planen finns inte, eller så har du inte tillgång till den." }, { status: 404 }) };
  if (!z.uuid().safeParse(planId).success || (occasion !== undefined && !z.uuid().safeParse(occasion).success)) return notFound;
  const tree = await getPlanTree(await getPrisma(), actor, planId, occasion);
  return tree ? { ok: true, tree } : notFound;
}
