// Route-handler side of the report: parse the URL, check the actor, build.
import "server-only";
import { NextResponse } from "next/server";
import { getActor } from "@/server/auth/actor";
import { getPrisma } from "@/server/db";
import { ForbiddenError, NotFoundError } from "@/server/permissions";
import { reportParamsSchema } from "@/lib/validation/report";
import { buildReport } from "./build-report";
import { recordRefusal } from "@/server/audit";
import type { Report } from "@/lib/report/point-in-time";
import { z } from "@/lib/validation/zod";
import type { PrismaClient } from "@/generated/prisma/client";
import type { Actor } from "@/server/permissions";

const refusalOf = (err: ForbiddenError | NotFoundError, where: string) =>
  err instanceof ForbiddenError ? { reason: "forbidden" as const, permission: err.permission, where } : { reason: "not-found" as const, where };

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
    if (err instanceof ForbiddenError || err instanceof NotFoundError) await recordRefusal(await getPrisma(), actor, refusalOf(err, `GET ${url.pathname}`));
    if (err instanceof ForbiddenError) return { ok: false, response: NextResponse.json({ error: "Du har inte behörighet att ta fram redovisningen för de organen." }, { status: 403 }) };
    if (err instanceof NotFoundError) return { ok: false, response: NextResponse.json({ error: "Okänt organ." }, { status: 404 }) };
    throw err;
  }
}

type Loaded<T> = { ok: true; value: T } | { ok: false; response: Response };

/**
 * Loads a fastställd report (or its PDF) for a route handler: signed in, and the
 * loader checks the permission and the municipality; anything else answers 404.
 */
export async function loadFrozenForRequest<T>(id: string, load: (prisma: PrismaClient, actor: Actor, id: string) => Promise<T>): Promise<Loaded<T>> {
  const actor = await getActor();
  if (!actor) return { ok: false, response: NextResponse.json({ error: "Du är inte inloggad." }, { status: 401 }) };
  const notFound = { ok: false as const, response: NextResponse.json({ error: "Redovisningen finns inte." }, { status: 404 }) };
  if (!z.uuid().safeParse(id).success) return notFound;
  try {
    return { ok: true, value: await load(await getPrisma(), actor, id) };
  } catch (err) {
    if (err instanceof ForbiddenError || err instanceof NotFoundError) await recordRefusal(await getPrisma(), actor, refusalOf(err, `frozen report ${id}`));
    if (err instanceof NotFoundError) return notFound;
    if (err instanceof ForbiddenError) return { ok: false, response: NextResponse.json({ error: "Du har inte behörighet att läsa redovisningen." }, { status: 403 }) };
    throw err;
  }
}
