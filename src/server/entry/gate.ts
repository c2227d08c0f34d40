// The one gate every server action and route handler goes through (see
// endpoint.ts): origin, session, input, permission on the scope, then `run`
// with the scoped database. Every refusal is answered here in Swedish, in the
// same shape for actions and routes, and logged here (log.ts).
import "server-only";
import type { z } from "zod";
import { getActor } from "@/server/auth/actor";
import { getPrisma } from "@/server/db";
import { scopedClient, type ScopedClient } from "@/server/db/scoped";
import { can, canForSomeRecord, ForbiddenError, NotFoundError, type Actor, type Permission } from "@/server/permissions";
import { RefusedError, StaleRecordError } from "@/server/errors";
import { ConflictError } from "@/server/uppdrag/change-status";
import { CONTROL_CHARACTER_MESSAGE, controlCharacterPath } from "@/lib/validation/text";
import { STATUS_LABEL } from "@/lib/status";
import { formatDateTime } from "@/lib/dates";
import { isPublic, isPublicView, type Endpoint, type Refusal, type Scope } from "./endpoint";
import { MESSAGES } from "./answer";
import { isSameOrigin } from "./origin";
import { logRefusal, type RefusalReason } from "./log";
import { openPublicView } from "./public-view";

export type RawInput = Record<string, unknown>;

export interface CallMeta {
  headers: Headers;
  /** Where the call came in, as the server knows it: "action uppdrag.changeStatus", "GET /rapporter/fil". */
  where: string;
  /** How field errors are keyed: by the field ("paragraphs") or by the whole path ("paragraphs.0.title"). */
  fieldPaths?: "first" | "full";
}

export type GateOutcome<R, I> =
  | { ok: true; value: R; input: I; actor: Actor | null }
  | { ok: false; refusal: Refusal & { reason: RefusalReason } };

const refused = (reason: RefusalReason, status: number, message: string, fieldErrors?: Record<string, string[]>) =>
  ({ ok: false as const, refusal: { reason, status, message, fieldErrors } });

/** Field errors keyed by the first segment of the issue's path ("paragraphs"), or by the whole path ("paragraphs.0.title"). */
export function fieldErrorsOf(error: z.ZodError, paths: "first" | "full" = "first"): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = issue.path.length === 0 ? "form" : paths === "full" ? issue.path.join(".") : String(issue.path[0]);
    (out[key] ??= []).push(issue.message);
  }
  return out;
}

/** True when the permission holds on what the scope names; null when the record is not there (not found). */
async function allowedOn<I>(db: ScopedClient, actor: Actor, permission: Permission, scope: Scope<I>, input: I): Promise<boolean | null> {
  if (scope === "municipality") return can(actor, permission, { municipalityId: actor.municipalityId });
  if (scope === "some-record") return canForSomeRecord(actor, permission);
  const found = await scope(db, input, actor);
  if (found === null) return null;
  const records = Array.isArray(found) ? found : [found];
  return records.every((r) => can(actor, permission, { municipalityId: actor.municipalityId, ...r }));
}

/** True when the database could not be reached (down, restarting, out of connections): nothing was saved. */
export function isDatabaseUnavailable(err: unknown): boolean {
  const seen = new Set<unknown>();
  for (let e: unknown = err; e && typeof e === "object" && !seen.has(e); e = (e as { cause?: unknown }).cause) {
    seen.add(e);
    const x = e as { name?: string; code?: unknown; errorCode?: unknown; message?: string };
    if (x.name === "PrismaClientInitializationError") return true;
    const code = String(x.code ?? x.errorCode ?? "");
    if (["P1001", "P1002", "P1008", "P1017", "P2024", "ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE", "57P01", "57P02", "57P03", "08000", "08001", "08003", "08006"].includes(code)) return true;
    if (/Can't reach database server|Connection terminated|connection is closed|ECONNREFUSED|terminating connection/i.test(x.message ?? "")) return true;
  }
  return false;
}

function conflictMessage(err: ConflictError): string {
  const c = err.current;
  const who = c.authorName ? ` av ${c.authorName}` : "";
  const when = c.at ? ` ${formatDateTime(c.at)}` : "";
  return `Någon annan har ändrat uppdraget medan du arbetade: status är nu ”${STATUS_LABEL[c.status]}”${who}${when}${c.comment ? ` med kommentaren ”${c.comment}”` : ""}. Din ändring är inte sparad. Läs den nya uppgiften och spara igen om din ändring fortfarande gäller.`;
}

/** The common answer to an error `run` threw (after the endpoint's own mapping). */
function refusalOfError(err: unknown): { reason: RefusalReason; status: number; message: string; fieldErrors?: Record<string, string[]>; permission?: Permission } {
  if (err instanceof RefusedError)
    return err.field ? { reason: "invalid", status: 400, message: MESSAGES.invalid, fieldErrors: { [err.field]: [err.message] } } : { reason: "invalid", status: 400, message: err.message };
  if (err instanceof ForbiddenError) return { reason: "forbidden", status: 403, message: MESSAGES.forbidden, permission: err.permission };
  if (err instanceof NotFoundError) return { reason: "not-found", status: 404, message: MESSAGES.notFound };
  if (err instanceof StaleRecordError)
    return {
      reason: "stale",
      status: 409,
      message: `Någon annan har ändrat ${err.what} medan du arbetade.${err.change ? ` ${err.change}` : ""} Din ändring är inte sparad. Ladda om sidan, läs de nya uppgifterna och gör ändringen igen om den fortfarande behövs.`,
    };
  if (err instanceof ConflictError) return { reason: "stale", status: 409, message: conflictMessage(err) };
  if (isDatabaseUnavailable(err)) return { reason: "unavailable", status: 503, message: MESSAGES.databaseDown };
  console.error("endpoint failed", err);
  return { reason: "failed", status: 500, message: MESSAGES.failed };
}

/** Runs one call of an endpoint through every check. Never throws (Next's redirect/notFound are not used here). */
export async function passGate<S extends z.ZodType, R>(endpoint: Endpoint<S, R>, raw: RawInput, meta: CallMeta): Promise<GateOutcome<R, z.output<S>>> {
  let actor: Actor | null = null;
  const log = (reason: RefusalReason, permission?: Permission) => logRefusal({ actor, endpoint: endpoint.id, where: meta.where, reason, permission });
  try {
    if (endpoint.mutates && !isSameOrigin(meta.headers)) {
      actor = await getActor().catch(() => null);
      await log("foreign-origin");
      return refused("foreign-origin", 403, MESSAGES.foreignOrigin);
    }
    // A public endpoint never reads the session: it needs no one and costs no database read.
    actor = isPublic(endpoint) ? null : await getActor();
    if (!actor && !isPublic(endpoint)) {
      await log("signed-out");
      return refused("signed-out", 401, MESSAGES.signedOut);
    }
    const control = controlCharacterPath(raw);
    if (control !== null) {
      await log("invalid");
      return refused("invalid", 400, MESSAGES.invalid, { [meta.fieldPaths === "full" ? control : control.split(".")[0]]: [CONTROL_CHARACTER_MESSAGE] });
    }
    const parsed = endpoint.input.safeParse(raw);
    if (!parsed.success) {
      await log("invalid");
      return refused("invalid", 400, MESSAGES.invalid, fieldErrorsOf(parsed.error, meta.fieldPaths));
    }
    const input = parsed.data as z.output<S>;
    try {
      if (isPublicView(endpoint)) {
        // An unknown municipality and one without the open view: the same query, the same answer.
        const opened = await openPublicView((input as { slug: string }).slug);
        if (!opened) {
          await log("not-found");
          return refused("not-found", 404, MESSAGES.notFound);
        }
        return { ok: true, value: await endpoint.run({ input, ...opened }), input, actor: null };
      }
      if (isPublic(endpoint)) return { ok: true, value: await endpoint.run({ input }), input, actor: null };
      const signedIn = actor!;
      const db = scopedClient(await getPrisma(), signedIn.municipalityId);
      const allowed = await allowedOn(db, signedIn, endpoint.permission, endpoint.scope, input);
      if (allowed === null) {
        await log("not-found", endpoint.permission);
        return refused("not-found", 404, MESSAGES.notFound);
      }
      if (!allowed) {
        await log("forbidden", endpoint.permission);
        return refused("forbidden", 403, endpoint.mutates ? MESSAGES.forbidden : MESSAGES.forbiddenToRead);
      }
      return { ok: true, value: await endpoint.run({ db, actor: signedIn, input }), input, actor };
    } catch (err) {
      const own = endpoint.refusal?.(err, input);
      if (own) {
        await log("invalid");
        return refused("invalid", own.status, own.message, own.fieldErrors);
      }
      const r = refusalOfError(err);
      await log(r.reason, r.permission);
      return refused(r.reason, r.status, r.message, r.fieldErrors);
    }
  } catch (err) {
    // Reading the session failed: the database is down, or something unexpected.
    const r = refusalOfError(err);
    await log(r.reason);
    return refused(r.reason, r.status, r.message);
  }
}
