// The two-factor endpoints (two-factor.ts), each declared once
// (src/server/entry/endpoint.ts): enrolment on Mitt konto (served by
// src/app/konto/actions.ts) and the second sign-in step (served by
// src/app/logga-in/actions.ts). The reset by another administrator is an
// administration endpoint (src/server/admin/endpoints.ts).
//
// The second step is public to the gate: a half-signed-in session is no one
// (actorForSession answers null), so the pending session in the signed cookie
// is the authorisation, checked by the step itself; without one it is refused.
import "server-only";
import { headers } from "next/headers";
import { defineEndpoint, definePublicEndpoint } from "@/server/entry/endpoint";
import { getPrisma } from "@/server/db";
import { secondFactorSchema, totpEnrolSchema } from "@/lib/validation/auth";
import { getSessionId } from "./actor";
import { auditRefusedSignIn } from "./sign-in";
import { completeSignInWithCode, completeSignInWithEnrolment, enrolTotp } from "./two-factor";

async function requestHeaders(): Promise<Record<string, string>> {
  try {
    return Object.fromEntries((await headers()).entries());
  } catch {
    return {};
  }
}

/** Mitt konto: turn on TOTP with a current code; answers the ten recovery codes (shown once). */
export const enrolTotpEndpoint = defineEndpoint({
  id: "account.enrolTotp",
  input: totpEnrolSchema,
  permission: "account:own",
  scope: "municipality",
  mutates: true,
  run: ({ db, actor, input }) => enrolTotp(db, actor, input, { via: "konto" }),
});

export const secondFactorEndpoint = definePublicEndpoint({
  id: "auth.secondFactor",
  input: secondFactorSchema,
  public:
    "The second sign-in step: the password was right, the session is pending and grants nothing; the pending session in the signed cookie is the authorisation, and without one the step is refused.",
  mutates: true,
  run: async ({ input }) => completeSignInWithCode(await getPrisma(), await getSessionId(), input.code, await requestHeaders(), auditRefusedSignIn),
});

export const enrolAtSignInEndpoint = definePublicEndpoint({
  id: "auth.enrolAtSignIn",
  input: totpEnrolSchema.extend({ callbackUrl: secondFactorSchema.shape.callbackUrl }),
  public:
    "An administrator without TOTP sets it up at sign-in: the password was right, the session is pending and grants nothing; the pending session in the signed cookie is the authorisation.",
  mutates: true,
  run: async ({ input }) => completeSignInWithEnrolment(await getPrisma(), await getSessionId(), input),
});
