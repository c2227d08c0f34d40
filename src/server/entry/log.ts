// The log of refused calls. Every refusal is one line in the server log; a
// refusal that says something about intent (no permission, another
// municipality's record, a request from another site) also becomes an audit
// event the administrators read under Logg. Those events are rate-limited per
// person, endpoint and reason, so that a script hammering an endpoint cannot
// fill the audit table.
import "server-only";
import { getPrisma } from "@/server/db";
import { recordRefusal } from "@/server/audit";
import type { Actor, Permission } from "@/server/permissions";

export type RefusalReason = "signed-out" | "foreign-origin" | "invalid" | "forbidden" | "not-found" | "stale" | "unavailable" | "failed";

const AUDITED = new Set<RefusalReason>(["forbidden", "not-found", "foreign-origin"]);
/** One audit event per person, endpoint and reason in this window (per server instance). */
export const REFUSAL_AUDIT_WINDOW_MS = 10 * 60 * 1000;
const MAX_REMEMBERED = 10_000;
const lastAudited = new Map<string, number>();

/** True when this refusal should become an audit event now (and remembers it). */
export function shouldAudit(key: string, now = Date.now()): boolean {
  const last = lastAudited.get(key);
  if (last !== undefined && now - last < REFUSAL_AUDIT_WINDOW_MS) return false;
  if (lastAudited.size >= MAX_REMEMBERED) lastAudited.clear();
  lastAudited.set(key, now);
  return true;
}

export async function logRefusal(r: { actor: Actor | null; endpoint: string; where: string; reason: RefusalReason; permission?: Permission }): Promise<void> {
  try {
    // One line per refusal for the operator's log (left out of the test runs' output).
    if (process.env.NODE_ENV !== "test")
      console.warn(
      JSON.stringify({
        event: "refused",
        reason: r.reason,
        endpoint: r.endpoint,
        where: r.where,
        permission: r.permission ?? null,
        user: r.actor?.userId ?? null,
        municipality: r.actor?.municipalityId ?? null,
      }),
    );
    if (!r.actor || !AUDITED.has(r.reason)) return;
    if (!shouldAudit(`${r.actor.userId}|${r.endpoint}|${r.reason}`)) return;
    await recordRefusal(await getPrisma(), r.actor, {
      reason: r.reason === "foreign-origin" ? "foreign-origin" : r.reason === "forbidden" ? "forbidden" : "not-found",
      permission: r.permission,
      where: r.where,
    });
  } catch (err) {
    console.error("could not log a refused call", err);
  }
}
