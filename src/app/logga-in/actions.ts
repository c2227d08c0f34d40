"use server";
// The second sign-in step: each serves an endpoint declared in
// src/server/auth/endpoints.ts.
import { serveAction } from "@/server/entry/action";
import { enrolAtSignInEndpoint, secondFactorEndpoint } from "@/server/auth/endpoints";
import { recoveryCodesMessage } from "@/lib/validation/auth";
import { safePath } from "@/lib/safe-path";

/** The code was right: on to where the person was going. */
export const secondFactorAction = serveAction(secondFactorEndpoint, (_r, input) => ({ redirectTo: safePath(input.callbackUrl, process.env.NEXTAUTH_URL) }));

/** TOTP set up at sign-in: the recovery codes, shown once, before going on. */
export const enrolAtSignInAction = serveAction(enrolAtSignInEndpoint, (codes) => recoveryCodesMessage(codes));
