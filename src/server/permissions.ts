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
  /** When the municipality's logo last changed (ms), null without one; absent when not loaded with the session. */
  logoVersion?: number | null;
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
  "meeting:read",
  "meeting:create",
  // Correct a saved meeting or paragraph and mark its protocol justerat; correct
  // a saved uppdrag: for those who may register the body's meetings.
  "meeting:correct",
  "uppdrag:correct",
  "uppdrag:import",
  "uppdrag:export",
  "uppdrag:link-decision",
  "report:produce",
  "report:freeze",
  "report:read-frozen",
  "admin:manage",
  "audit:read",
  // Verksamhetsplan (seed 003): read the plan and its follow-ups; fill in a
  // follow-up (nuläge, indicator values, summary comments) of an open occasion;
  // close an occasion; manage the plan (import, new occasion, link uppdrag).
  "plan:read",
  "plan:follow-up",
  "plan:close-occasion",
  "plan:manage",
  "account:own",
  // Motioner and medborgarförslag (docs/decisions/008-motions.md): anyone in the
  // municipality reads the register; KF's secretaries and administrators keep it
  // (register, change state, answer, uppdrag from a bifallen motion, the report).
  "motion:read",
  "motion:manage",
] as const;
export type Permission = (typeof PERMISSIONS)[number];

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
    "meeting:read": anyone,
    "plan:read": anyone,
    "account:own": anyone,
    "motion:read": anyone,
  },
  HANDLAGGARE: {
    "uppdrag:read": anyone,
    "report:read-frozen": anyone,
    "meeting:read": anyone,
    "account:own": anyone,
    "uppdrag:change-status": ownsUnit,
    "plan:read": anyone,
    // the handläggare of a unit responsible for the activity (or, for indicators
    // and the summary, for any activity of the commitment)
    "plan:follow-up": ownsUnit,
    "motion:read": anyone,
  },
  SEKRETERARE: {
    "uppdrag:read": anyone,
    "meeting:read": anyone,
    "uppdrag:change-status": servesBody,
    "uppdrag:create": servesBody,
    "meeting:create": servesBody,
    "meeting:correct": servesBody,
    "uppdrag:correct": servesBody,
    // Rows of another body's uppdrag are refused row by row (invalid rows).
    "uppdrag:import": servesBody,
    // The list is readable by all; the file for editing is for those who keep it.
    "uppdrag:export": anyone,
    "uppdrag:link-decision": servesBody,
    "report:produce": servesBody,
    "report:freeze": servesBody,
    "report:read-frozen": anyone,
    "plan:read": anyone,
    "plan:follow-up": servesBody,
    "plan:close-occasion": servesBody,
    "plan:manage": servesBody,
    "account:own": anyone,
    "motion:read": anyone,
    // the target is kommunfullmäktige: its secretaries
    "motion:manage": servesBody,
  },
  ADMINISTRATOR: {
    "uppdrag:read": anyone,
    "meeting:read": anyone,
    "uppdrag:change-status": anyone,
    "uppdrag:create": anyone,
    "meeting:create": anyone,
    "meeting:correct": anyone,
    "uppdrag:correct": anyone,
    "uppdrag:import": anyone,
    "uppdrag:export": anyone,
    "uppdrag:link-decision": anyone,
    "report:produce": anyone,
    "report:freeze": anyone,
    "report:read-frozen": anyone,
    "admin:manage": anyone,
    "audit:read": anyone,
    "plan:read": anyone,
    "plan:follow-up": anyone,
    "plan:close-occasion": anyone,
    "plan:manage": anyone,
    "account:own": anyone,
    "motion:read": anyone,
    "motion:manage": anyone,
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

/** Permissions that only read: holding them alone makes no one a writer. */
const READ_ONLY = new Set<Permission>(["uppdrag:read", "uppdrag:export", "report:read-frozen", "meeting:read", "plan:read", "audit:read", "account:own", "motion:read"]);

/** True when the role may write anything at all (used to show or hide edit controls). */
export function canWriteAnything(actor: Actor): boolean {
  return PERMISSIONS.some((p) => !READ_ONLY.has(p) && RULES[actor.role][p] !== undefined);
}

/** True when the actor holds the permission for the whole municipality or for some body they serve (menus, pages). */
export function canForSomeBody(actor: Actor, permission: Permission): boolean {
  if (can(actor, permission, { municipalityId: actor.municipalityId })) return true;
  return actor.secretaryOf.some((bodyId) => can(actor, permission, { municipalityId: actor.municipalityId, bodyId }));
}

/**
 * True when the actor holds the permission for some record of theirs: the whole
 * municipality, a body they serve, or their own unit (forms that pick the record,
 * pages that list what the actor may work on).
 */
export function canForSomeRecord(actor: Actor, permission: Permission): boolean {
  if (canForSomeBody(actor, permission)) return true;
  return !!actor.unitId && can(actor, permission, { municipalityId: actor.municipalityId, unitIds: [actor.unitId] });
}

/** True when the actor may import uppdrag into at least one body (shows the menu item and the page). */
export const canImportSome = (actor: Actor) => canForSomeBody(actor, "uppdrag:import");

/** True when the actor may manage (import, link) the plan of at least one body. */
export const canManageSomePlan = (actor: Actor) => canForSomeBody(actor, "plan:manage");

/** True when the actor may produce the report for at least one body (shows the menu item). */
export const canProduceSomeReport = (actor: Actor) => canForSomeBody(actor, "report:produce");

/** The bodies (of those given) the actor may register meetings for. */
export function bodiesForMeetingRegistration<B extends { id: string }>(actor: Actor, bodies: B[]): B[] {
  return bodies.filter((b) => can(actor, "meeting:create", { municipalityId: actor.municipalityId, bodyId: b.id }));
}

/** True when the actor may register a meeting of at least one body (shows the menu item and the form). */
export const canRegisterSomeMeeting = (actor: Actor) => canForSomeBody(actor, "meeting:create");
