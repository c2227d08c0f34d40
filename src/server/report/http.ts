// Route-handler side of the report: parse the URL, check the actor, build.
import "server-only";
import { NextResponse } from "next/server";
import { getActor } from "@/server/auth/actor";
import { getPrisma } from "@/server/db";
import { ForbiddenError, NotFoundError } from "@/server/permissions";
import { reportParamsSchema } from "@/lib/validation/report";
import { buildReport } from "./build-report";
import type { Report } from "@/lib/report/point-in-time";

type Outcome = { ok: true; report: Report; format?: string } | { ok: false; response: Response };

export async function reportFromRequest(url: URL): Promise<Outcome> {
  const actor = await getActor();
  if (!actor) return { ok: false, response: NextResponse.json({ error: "Du är inte inloggad." }, { status: 401 }) };
  const parsed = reportParamsSchema.safeParse({ ...Object.fromEntries(url.searchParams), body: url.searchParams.getAll("body").length ? url.searchParams.getAll("body") : undefined });
  if (!parsed.success) return { ok: false, response: NextResponse.json({ error: parsed.error.issues.map((i) => i.message).join(" ") }, { status: 400 }) };
  try {
    const report = await buildReport(await getPrisma(), actor, { asOf: parsed.data.asOf, bodyIds: parsed.data.body });
    return { ok: true, report, format: parsed.data.format };
  } catch (err) {
    if (err instanceof ForbiddenError) return { ok: false, response: NextResponse.json({ error: "Du har inte behörighet att ta fram redovisningen för de organen." }, { status: 403 }) };
    if (err instanceof NotFoundError) return { ok: false, response: NextResponse.json({ error: "Okänt organ." }, { status: 404 }) };
    throw err;
  }
}
