// Who is asking: read the session on the server, every time.
import "server-only";
import { cache } from "react";
import { redirect } from "next/navigation";
import { cookies, headers } from "next/headers";
import { getServerSession } from "next-auth";
import { authOptions } from "./options";
import { actorForSession } from "./sessions";
import { authOrigin, sessionIdFromCookies } from "./session-cookie";
import { getPrisma } from "@/server/db";
import type { Actor } from "@/server/permissions";

/** The id of this request's server-side session (from the signed cookie), or null. Cached for one request. */
export const getSessionId = cache(async (): Promise<string | null> => {
  const secret = process.env.NEXTAUTH_SECRET ?? process.env.AUTH_SECRET;
  if (secret) return sessionIdFromCookies((await cookies()).getAll(), { secret, origin: authOrigin(process.env, await headers()) });
  // Development without a secret: next-auth derives one itself, so let it read the cookie.
  const session = await getServerSession(authOptions);
  return (session as { sid?: string } | null)?.sid ?? null;
});

/** The signed-in actor, or null. Cached for one request. */
export const getActor = cache(async (): Promise<Actor | null> => {
  const sid = await getSessionId();
  if (!sid) return null;
  return actorForSession(await getPrisma(), sid);
});

/** For pages: the actor, or a redirect to sign-in. */
export async function requireActor(callbackPath?: string): Promise<Actor> {
  const actor = await getActor();
  if (!actor) redirect(callbackPath ? `/logga-in?callbackUrl=${encodeURIComponent(callbackPath)}` : "/logga-in");
  return actor;
}

/** True while the session is still valid (not signed out, revoked, expired or idle, the user active); does not count as activity. */
export async function sessionStillValid(sessionId: string): Promise<boolean> {
  return (await actorForSession(await getPrisma(), sessionId, new Date(), { touch: false })) !== null;
}
