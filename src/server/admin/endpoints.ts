// The administration's and the account's endpoints, each declared once
// (src/server/entry/endpoint.ts), served as server actions by
// src/app/admin/actions.ts and src/app/konto/actions.ts and as route handlers
// by /admin/logg/csv and /kommun/logotyp. Administration is one rule for the
// whole municipality (admin:manage), so its scope is the municipality; a
// record of another municipality is not found by the domain function.
import "server-only";
import type { ScopedClient } from "@/server/db/scoped";
import type { Actor } from "@/server/permissions";
import { z } from "@/lib/validation/zod";
import {
  anonymizeUserSchema,
  bodyAssignmentSchema,
  changeOwnPasswordSchema,
  createBodySchema,
  createUnitSchema,
  inviteUserSchema,
  logoSchema,
  passwordLinkSchema,
  publicViewSchema,
  settingsSchema,
  updateBodySchema,
  updateUnitSchema,
  updateUserSchema,
  userVersionSchema,
} from "@/lib/validation/admin";
import { auditFilterSchema } from "@/lib/validation/audit";
import { changeEndpoint, defineEndpoint, definePublicEndpoint, readEndpoint } from "@/server/entry/endpoint";
import { getSessionId } from "@/server/auth/actor";
import { choosePasswordWithLink } from "@/server/auth/password-links";
import { resetTotp } from "@/server/auth/two-factor";
import { totpResetSchema } from "@/lib/validation/auth";
import { exportAuditEvents } from "@/server/audit-log";
import { addBodyAssignment, createBody, removeBodyAssignment, updateBody } from "./bodies";
import { createUnit, updateUnit } from "./units";
import { anonymizeUser, changeOwnPassword, createPasswordLink, inviteUser, setUserActive, signOutEverywhere, updateUser } from "./users";
import { getLogo, removeLogo, setLogo, updatePublicView, updateSettings } from "./settings";

/** A change the municipality's administrators make: admin:manage on the whole municipality, same-origin only. */
function administration<S extends z.ZodType, R>(id: string, input: S, change: (db: ScopedClient, actor: Actor, input: z.output<S>) => Promise<R>) {
  return changeEndpoint(id, input, "admin:manage", "municipality", change);
}

// ---------------------------------------------------------------- bodies

export const createBodyEndpoint = administration("admin.createBody", createBodySchema, createBody);

export const updateBodyEndpoint = administration("admin.updateBody", updateBodySchema, updateBody);

export const addBodyAssignmentEndpoint = administration("admin.addBodyAssignment", bodyAssignmentSchema, addBodyAssignment);

export const removeBodyAssignmentEndpoint = administration("admin.removeBodyAssignment", bodyAssignmentSchema, removeBodyAssignment);

// ---------------------------------------------------------------- units

export const createUnitEndpoint = administration("admin.createUnit", createUnitSchema, createUnit);

export const updateUnitEndpoint = administration("admin.updateUnit", updateUnitSchema, updateUnit);

// ---------------------------------------------------------------- users

export const inviteUserEndpoint = administration("admin.inviteUser", inviteUserSchema, inviteUser);

export const updateUserEndpoint = administration("admin.updateUser", updateUserSchema, updateUser);

export const deactivateUserEndpoint = administration("admin.deactivateUser", userVersionSchema, (db, actor, input) => setUserActive(db, actor, input, false));

export const reactivateUserEndpoint = administration("admin.reactivateUser", userVersionSchema, (db, actor, input) => setUserActive(db, actor, input, true));

export const anonymizeUserEndpoint = administration("admin.anonymizeUser", anonymizeUserSchema, anonymizeUser);

export const passwordLinkEndpoint = administration("admin.passwordLink", z.object({ id: z.uuid("Okänd post.") }), createPasswordLink);

/** Another administrator turns a person's TOTP off (lost phone); never one's own. */
export const resetTotpEndpoint = administration("admin.resetTotp", totpResetSchema, resetTotp);

// ---------------------------------------------------------------- settings and logo

export const saveSettingsEndpoint = administration("admin.saveSettings", settingsSchema, updateSettings);

export const savePublicViewEndpoint = administration("admin.savePublicView", publicViewSchema, updatePublicView);

const PICK_LOGO = "Välj en PNG- eller SVG-fil.";

export const uploadLogoEndpoint = defineEndpoint({
  id: "admin.uploadLogo",
  input: logoSchema.extend({ logo: z.instanceof(File, { error: PICK_LOGO }).refine((f) => f.size > 0, PICK_LOGO) }),
  permission: "admin:manage",
  scope: "municipality",
  mutates: true,
  run: async ({ db, actor, input }) => setLogo(db, actor, { expectedVersion: input.expectedVersion, bytes: new Uint8Array(await input.logo.arrayBuffer()) }),
});

export const removeLogoEndpoint = administration("admin.removeLogo", logoSchema, removeLogo);

/** GET /kommun/logotyp: the logo of the actor's own municipality, or null. */
export const logoEndpoint = defineEndpoint({
  id: "admin.logo",
  input: z.object({}),
  permission: "uppdrag:read",
  scope: "municipality",
  mutates: false,
  run: ({ db, actor }) => getLogo(db, actor),
});

// ---------------------------------------------------------------- audit log

/** GET /admin/logg/csv: the filtered audit log, every row (up to the export's cap). */
export const auditCsvEndpoint = readEndpoint("admin.auditCsv", auditFilterSchema, "audit:read", "municipality", exportAuditEvents);

// ---------------------------------------------------------------- Mitt konto

export const changeOwnPasswordEndpoint = defineEndpoint({
  id: "account.changePassword",
  input: changeOwnPasswordSchema,
  permission: "account:own",
  scope: "municipality",
  mutates: true,
  // This session stays; the person's other sessions end.
  run: async ({ db, actor, input }) => changeOwnPassword(db, actor, { currentPassword: input.currentPassword, password: input.password, sessionId: await getSessionId() }),
});

export const signOutEverywhereEndpoint = defineEndpoint({
  id: "account.signOutEverywhere",
  input: z.object({}),
  permission: "account:own",
  scope: "municipality",
  mutates: true,
  run: ({ db, actor }) => signOutEverywhere(db, actor),
});

export const choosePasswordEndpoint = definePublicEndpoint({
  id: "account.choosePassword",
  input: passwordLinkSchema,
  public: "The one-time link's token is the authorisation (no one is signed in); an unknown, used or expired token is refused.",
  mutates: true,
  run: ({ input }) => choosePasswordWithLink(input.token, input.password),
});
