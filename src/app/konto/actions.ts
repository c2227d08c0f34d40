"use server";
// Mitt konto and the one-time password link: each serves an endpoint declared
// in src/server/admin/endpoints.ts.
import { serveAction } from "@/server/entry/action";
import { changeOwnPasswordEndpoint, choosePasswordEndpoint, signOutEverywhereEndpoint } from "@/server/admin/endpoints";
import { enrolTotpEndpoint } from "@/server/auth/endpoints";
import { recoveryCodesMessage } from "@/lib/validation/auth";

export const changeOwnPasswordAction = serveAction(changeOwnPasswordEndpoint, () => "Ditt lösenord är bytt. Du är utloggad på alla andra enheter.");

export const signOutEverywhereAction = serveAction(signOutEverywhereEndpoint, () => ({ redirectTo: "/logga-in?utloggad=alla" }));

/** The one-time link's page: no one is signed in; the link itself authorises. */
export const choosePasswordAction = serveAction(choosePasswordEndpoint, ({ email }) => `Lösenordet är sparat. Logga in med ${email} och ditt nya lösenord.`);

/** Tvåstegsverifiering on: the recovery codes are in the answer, shown once. */
export const enrolTotpAction = serveAction(enrolTotpEndpoint, (codes) => recoveryCodesMessage(codes));
