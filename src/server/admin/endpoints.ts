// The administration's and the account's endpoints, each declared once
// (src/server/entry/endpoint.ts), served as server actions by
// src/app/admin/actions.ts and src/app/konto/actions.ts and as route handlers
// by /admin/logg/csv and /kommun/logotyp. Administration is one rule for the
// whole municipality (admin:manage), so its scope is the municipality; a
// record of another municipality is not found by the domain function.
import "server-only";
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
  settingsSchema,
  updateBodySchema,
  updateUnitSchema,
  updateUserSchema,
  userVersionSchema,
} from "@/lib/validation/admin";
import { auditFilterSchema } from "@/lib/validation/audit";
import { defineEndpoint, definePublicEndpoint } from "@/server/entry/endpoint";
import { getSessionId } from "@/server/auth/actor";
import { choosePasswordWithLink } from "@/server/auth/password-links";
import { exportAuditEvents } from "@/server/audit-log";
import { addBodyAssignment, createBody, removeBodyAssignment, updateBody } from "./bodies";
import { createUnit, updateUnit } from "./units";
import { anonymizeUser, changeOwnPassword, createPasswordLink, inviteUser, setUserActive, signOutEverywhere, updateUser } from "./users";
import { getLogo, removeLogo, setLogo, updateSettings } from "./settings";

// ---------------------------------------------------------------- bodies

export const createBodyEndpoint = defineEndpoint({
  id: "admin.createBody",
  input: createBodySchema,
  permission: "admin:manage",
  scope: "municipality",
  mutates: true,
  run: ({ db, actor, input }) => createBody(db, actor, input),
});

export const updateBodyEndpoint = defineEndpoint({
  id: "admin.updateBody",
  input: updateBodySchema,
  permission: "admin:manage",
  scope: "municipality",
  mutates: true,
  run: ({ db, actor, input }) => updateBody(db, actor, input),
});

export const addBodyAssignmentEndpoint = defineEndpoint({
  id: "admin.addBodyAssignment",
  input: bodyAssignmentSchema,
  permission: "admin:manage",
  scope: "municipality",
  mutates: true,
  run: ({ db, actor, input }) => addBodyAssignment(db, actor, input),
});

export const removeBodyAssignmentEndpoint = defineEndpoint({
  id: "admin.removeBodyAssignment",
  input: bodyAssignmentSchema,
  permission: "admin:manage",
  scope: "municipality",
  mutates: true,
  run: ({ db, actor, input }) => removeBodyAssignment(db, actor, input),
});

// ---------------------------------------------------------------- units

export const createUnitEndpoint = defineEndpoint({
  id: "admin.createUnit",
  input: createUnitSchema,
  permission: "admin:manage",
  scope: "municipality",
  mutates: true,
  run: ({ db, actor, input }) => createUnit(db, actor, input),
});

export const updateUnitEndpoint = defineEndpoint({
  id: "admin.updateUnit",
  input: updateUnitSchema,
  permission: "admin:manage",
  scope: "municipality",
  mutates: true,
  run: ({ db, actor, input }) => updateUnit(db, actor, input),
});

// ---------------------------------------------------------------- users

export const inviteUserEndpoint = defineEndpoint({
  id: "admin.inviteUser",
  input: inviteUserSchema,
  permission: "admin:manage",
  scope: "municipality",
  mutates: true,
  run: ({ db, actor, input }) => inviteUser(db, actor, input),
});

export const updateUserEndpoint = defineEndpoint({
  id: "admin.updateUser",
  input: updateUserSchema,
  permission: "admin:manage",
  scope: "municipality",
  mutates: true,
  run: ({ db, actor, input }) => updateUser(db, actor, input),
});

export const deactivateUserEndpoint = defineEndpoint({
  id: "admin.deactivateUser",
  input: userVersionSchema,
  permission: "admin:manage",
  scope: "municipality",
  mutates: true,
  run: ({ db, actor, input }) => setUserActive(db, actor, input, false),
});

export const reactivateUserEndpoint = defineEndpoint({
  id: "admin.reactivateUser",
  input: userVersionSchema,
  permission: "admin:manage",
  scope: "municipality",
  mutates: true,
  run: ({ db, actor, input }) => setUserActive(db, actor, input, true),
});

export const anonymizeUserEndpoint = defineEndpoint({
  id: "admin.anonymizeUser",
  input: anonymizeUserSchema,
  permission: "admin:manage",
  scope: "municipality",
  mutates: true,
  run: ({ db, actor, input }) => anonymizeUser(db, actor, input),
});

export const passwordLinkEndpoint = defineEndpoint({
  id: "admin.passwordLink",
  input: z.object({ id: z.uuid("Okänd post.") }),
  permission: "admin:manage",
  scope: "municipality",
  mutates: true,
  run: ({ db, actor, input }) => createPasswordLink(db, actor, input),
});

// ---------------------------------------------------------------- settings and logo

export const saveSettingsEndpoint = defineEndpoint({
  id: "admin.saveSettings",
  input: settingsSchema,
  permission: "admin:manage",
  scope: "municipality",
  mutates: true,
  run: ({ db, actor, input }) => updateSettings(db, actor, input),
});

const PICK_LOGO = "Välj en PNG- eller SVG-fil.";

export const uploadLogoEndpoint = defineEndpoint({
  id: "admin.uploadLogo",
  input: logoSchema.extend({ logo: z.instanceof(File, { error: PICK_LOGO }).refine((f) => f.size > 0, PICK_LOGO) }),
  permission: "admin:manage",
  scope: "municipality",
  mutates: true,
  run: async ({ db, actor, input }) => setLogo(db, actor, { expectedVersion: input.expectedVersion, bytes: new Uint8Array(await input.logo.arrayBuffer()) }),
});

export const removeLogoEndpoint = defineEndpoint({
  id: "admin.removeLogo",
  input: logoSchema,
  permission: "admin:manage",
  scope: "municipality",
  mutates: true,
  run: ({ db, actor, input }) => removeLogo(db, actor, input),
});

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
export const auditCsvEndpoint = defineEndpoint({
  id: "admin.auditCsv",
  input: auditFilterSchema,
  permission: "audit:read",
  scope: "municipality",
  mutates: false,
  run: ({ db, actor, input }) => exportAuditEvents(db, actor, input),
});

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
