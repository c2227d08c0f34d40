// For the sign-in page: the half-signed-in session of this request (password
// right, second factor not done), or null. It grants nothing: getActor() is null.
import "server-only";
import { cache } from "react";
import { getPrisma } from "@/server/db";
import { getSessionId } from "./actor";
import { pendingSession } from "./sessions";

export const getPendingSignIn = cache(async () => {
  const sid = await getSessionId();
  if (!sid) return null;
  return pendingSession(await getPrisma(), sid);
});
