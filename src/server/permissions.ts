// The permission rules: one list, checked on the server by every page, server
// action and route handler (tests/unit/permissions.test.ts is the matrix).
// A rule answers for one actor, one permission and, where it matters, the
// record it is about; a record of another municipality is always refused.
import type { Role } from "@/generated/prisma/enums";

export interface Actor {
  userId: string;
  name: string;
  municipalityId: string;
  municipalitySlug: string;
  municipalityName: string;
  role: Role;
  /** The unit a handläggare works in. */
  unitId: string | null;
  /** Bodies the user serves as secretary. */
  secretaryOf: string[];
  /** Bodies the user sits in (ledamot / ersättare). */
  memberOf: string[];
}

/** What a permission may be about. */
export interface Target {
  municipalityId: string;
  bodyId?: string;
  unitIds?: string[];
}

export const PERMISSIONS = [
  "uppdrag:read",
  "uppdrag:change-status",
  "uppdrag:create",
  "meeting:create",
  "report:produce",
  "report:freeze",
  "report:read-frozen",
  "admin:manage",
  "audit:read",
  "account:own",
] as const;
export type Permission = (typeof PERMISSIONS)[number];

/**
 * Permissions that write no municipal record (reading, and a person's own
 * account: password, sign-out everywhere): holding them alone makes no one a writer.
 */
const READ_PERMISSIONS: readonly Permission[] = ["uppdrag:read", "report:read-frozen", "account:own"];

type Rule = (actor: Actor, target: Target | undefined) => boolean;

const servesBody: Rule = (a, t) => !!t?.bodyId && a.secretaryOf.includes(t.bodyId);
const ownsUnit: Rule = (a, t) => !!a.unitId && !!t?.unitIds?.includes(a.unitId);
const anyone: Rule = () => true;
const nobody: Rule = () => false;

/** role → permission → rule. A missing entry means "no". */
const RULES: Record<Role, Partial<Record<Permission, Rule>>> = {
  LEDAMOT: {
    "uppdrag:read": anyone,
    "report:read-frozen": anyone,
    "account:own": anyone,
  },
  HANDLAGGARE: {
    "uppdrag:read": anyone,
    "report:read-frozen": anyone,
    "account:own": anyone,
    "uppdrag:change-status": ownsUnit,
  },
  SEKRETERARE: {
    "uppdrag:read": anyone,
    "uppdrag:change-status": servesBody,
    "uppdrag:create": servesBody,
    "meeting:create": servesBody,
    "report:produce": servesBody,
    "report:freeze": servesBody,
    "report:read-frozen": anyone,
    "account:own": anyone,
  },
  ADMINISTRATOR: {
    "uppdrag:read": anyone,
    "uppdrag:change-status": anyone,
    "uppdrag:create": anyone,
    "meeting:create": anyone,
    "report:produce": anyone,
    "report:freeze": anyone,
    "report:read-frozen": anyone,
    "admin:manage": anyone,
    "audit:read": anyone,
    "account:own": anyone,
  },
};

export function can(actor: Actor | null, permission: Permission, target?: Target): boolean {
  if (!actor) return false;
  if (target && target.municipalityId !== actor.municipalityId) return false;
  const rule = RULES[actor.role][permission] ?? nobody;
  return rule(actor, target);
}

export class ForbiddenError extends Error {
  constructor(public readonly permission: Permission) {
    super(`forbidden: ${permission}`);
    this.name = "ForbiddenError";
  }
}

export class NotFoundError extends Error {
  constructor(what = "record") {
    super(`not found: ${what}`);
    this.name = "NotFoundError";
  }
}

export function requirePermission(actor: Actor, permission: Permission, target?: Target): void {
  if (!can(actor, permission, target)) throw new ForbiddenError(permission);
}

/** True when the role may write anything at all (used to show or hide edit controls). */
export function canWriteAnything(actor: Actor): boolean {
  return PERMISSIONS.some((p) => !READ_PERMISSIONS.includes(p) && RULES[actor.role][p] !== undefined);
}

/** True when the actor may produce the report for at least one body (shows the menu item). */
export function canProduceSomeReport(actor: Actor): boolean {
  if (can(actor, "report:produce", { municipalityId: actor.municipalityId })) return true;
  return actor.secretaryOf.some((bodyId) => can(actor, "report:produce", { municipalityId: actor.municipalityId, bodyId }));
}
