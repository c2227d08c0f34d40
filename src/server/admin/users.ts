// Administration of the people of a municipality: invite, role, the unit a
// handläggare works in, the bodies a person sits in or serves, deactivate
// (their sessions end at once; what they wrote stays), anonymise a departed
// person (GDPR: name, e-mail, password and SSO identities go; history stays
// whole and shows "Anonymiserad användare"). Also one-time password links and
// a user's own password and sessions (Mitt konto).
//
// Audit events about people carry ids and roles only, never names or e-mail
// addresses: the audit log is append-only, so personal data put there could
// never be anonymised.
import { randomBytes } from "node:crypto";
import type { Role } from "@/generated/prisma/enums";
import type { ScopedClient, ScopedTx } from "@/server/db/scoped";
import { NotFoundError, requirePermission, type Actor } from "@/server/permissions";
import { recordAudit } from "@/server/audit";
import { RefusedError, StaleRecordError } from "@/server/errors";
import { hashPassword, verifyPassword } from "@/server/auth/password";
import { hashLinkToken } from "@/server/auth/password-links";
import { revokeUserSessions } from "@/server/auth/sessions";
import { passwordProblem } from "@/lib/validation/password";

export const ANONYMIZED_NAME = "Anonymiserad användare";
/** How long a one-time password link works. */
export const PASSWORD_LINK_DAYS = 7;

const guard = (actor: Actor) => requirePermission(actor, "admin:manage", { municipalityId: actor.municipalityId });
const audit = (tx: Parameters<typeof recordAudit>[0], actor: Actor, action: string, userId: string, before?: unknown, after?: unknown) =>
  recordAudit(tx, { municipalityId: actor.municipalityId, actorId: actor.userId, action, entity: "User", entityId: userId, before, after });

type Tx = ScopedTx;

/** The user as this municipality's administrator may see them, or NotFoundError. */
async function loadMember(tx: Tx, userId: string) {
  const m = await tx.membership.findFirst({
    where: { userId },
    select: {
      id: true,
      role: true,
      unitId: true,
      bodies: { select: { bodyId: true, role: true } },
      user: { select: { id: true, name: true, email: true, active: true, anonymizedAt: true, version: true, passwordHash: true } },
    },
  });
  if (!m) throw new NotFoundError("användare");
  return m;
}

function checkVersion(m: { user: { version: number } }, expectedVersion: number) {
  if (m.user.version !== expectedVersion) throw new StaleRecordError("personens uppgifter");
}

/** A person with an account in another municipality too: that municipality shares the User row. */
const SHARED = "Personen har konto även i en annan kommun. Namn, e-post och inaktivering ändras av den kommunens administratör tillsammans med er.";
/** A password link would set the password the other municipality's account uses too. */
const SHARED_PASSWORD =
  "Personen har konto även i en annan kommun och samma lösenord gäller där. En engångslänk kan därför inte skapas här: personen byter lösenord själv under Mitt konto, eller loggar in med kommunens inloggning.";

async function refuseIfShared(db: ScopedClient | Tx, actor: Actor, userId: string, message = SHARED) {
  if (await inOtherMunicipality(db, actor, userId)) throw new RefusedError(message);
}

/** Does the user belong to any other municipality? */
async function inOtherMunicipality(db: ScopedClient | Tx, actor: Actor, userId: string): Promise<boolean> {
  // Counted through the User (not a tenant model, so the count is not
  // confined), filtered by hand.
  const user = await db.user.findUnique({
    where: { id: userId },
    select: { _count: { select: { memberships: { where: { municipalityId: { not: actor.municipalityId } } } } } },
  });
  return (user?._count.memberships ?? 0) > 0;
}

async function bumpVersion(tx: Tx, userId: string, expectedVersion: number, data: Record<string, unknown> = {}) {
  const r = await tx.user.updateMany({ where: { id: userId, version: expectedVersion }, data: { ...data, version: { increment: 1 } } });
  if (r.count !== 1) throw new StaleRecordError("personens uppgifter");
}

async function checkUnit(tx: Tx, role: Role, unitId: string | undefined) {
  if (unitId && !(await tx.unit.findFirst({ where: { id: unitId }, select: { id: true } }))) throw new RefusedError("Välj en enhet i listan.", "unitId");
  if (role === "HANDLAGGARE" && !unitId) throw new RefusedError("Välj den enhet handläggaren arbetar i.", "unitId");
}

function newToken() {
  const token = randomBytes(32).toString("base64url");
  return { token, tokenHash: hashLinkToken(token) };
}

async function issuePasswordLink(tx: Tx, actor: Actor, userId: string, now: Date): Promise<string> {
  // Only the newest link works.
  await tx.passwordLink.updateMany({ where: { userId, usedAt: null }, data: { usedAt: now } });
  const { token, tokenHash } = newToken();
  await tx.passwordLink.create({
    data: { municipalityId: actor.municipalityId, userId, tokenHash, createdById: actor.userId, createdAt: now, expiresAt: new Date(now.getTime() + PASSWORD_LINK_DAYS * 86_400_000) },
  });
  return token;
}

export interface InviteInput {
  name: string;
  email: string;
  role: Role;
  unitId?: string;
  /** An initial password; without it a one-time link is returned. */
  password?: string;
}

/**
 * Creates a person with a role in the actor's municipality. Returns the
 * one-time link's token when no password was given.
 *
 * An e-mail address already used in another municipality is the same person
 * (accounts are one per e-mail across the service): they get a membership here,
 * linked to their account, and the administrator gets the very same answer as
 * for a new address, so an invitation never tells whether an address exists
 * elsewhere (issue #15). Their name, password and sign-in stay as they are: the
 * initial password is not set and the "link" returned is a dead token (a working
 * one would set the password the other municipality uses). The person signs in
 * as before and finds this municipality too.
 */
export async function inviteUser(db: ScopedClient, actor: Actor, input: InviteInput, now = new Date()): Promise<{ id: string; token?: string }> {
  guard(actor);
  const email = input.email.trim().toLowerCase();
  if (input.password) {
    const problem = passwordProblem(input.password, { email, name: input.name });
    if (problem) throw new RefusedError(problem, "password");
  }
  // Hashed whether or not it is used, so both answers take the same work.
  const passwordHash = input.password ? await hashPassword(input.password) : null;
  return db.$transaction(async (tx) => {
    await checkUnit(tx, input.role, input.unitId);
    const existing = await tx.user.findUnique({ where: { email }, select: { id: true } });
    // Already in this municipality: the administrator can see them in the list anyway.
    if (existing && (await tx.membership.findFirst({ where: { userId: existing.id }, select: { id: true } })))
      throw new RefusedError("Det finns redan ett konto med den e-postadressen.", "email");
    const user = existing ?? (await tx.user.create({ data: { email, name: input.name, passwordHash, createdAt: now }, select: { id: true } }));
    await tx.membership.create({ data: { municipalityId: actor.municipalityId, userId: user.id, role: input.role, unitId: input.unitId ?? null } });
    let token: string | undefined;
    if (!passwordHash) token = existing ? newToken().token : await issuePasswordLink(tx, actor, user.id, now);
    // The same event either way: the audit log is the administrator's to read.
    await audit(tx, actor, "user.invite", user.id, undefined, { role: input.role, unitId: input.unitId ?? null, initialPassword: !!passwordHash, passwordLink: !!token });
    return { id: user.id, token };
  });
}

export interface UpdateUserInput {
  id: string;
  expectedVersion: number;
  name: string;
  role: Role;
  unitId?: string;
  /** Bodies served as secretary (kept only for the role sekreterare). */
  secretaryOf: string[];
  /** Bodies sat in as ledamot or ersättare. */
  memberOf: string[];
}

export async function updateUser(db: ScopedClient, actor: Actor, input: UpdateUserInput): Promise<void> {
  guard(actor);
  const m0 = await db.membership.findFirst({ where: { userId: input.id }, select: { user: { select: { name: true } } } });
  if (!m0) throw new NotFoundError("användare");
  if (m0.user.name !== input.name) await refuseIfShared(db, actor, input.id);
  await db.$transaction(async (tx) => {
    const m = await loadMember(tx, input.id);
    checkVersion(m, input.expectedVersion);
    if (m.user.anonymizedAt) throw new RefusedError("Personen är anonymiserad och kan inte ändras.");
    if (input.id === actor.userId && input.role !== m.role) throw new RefusedError("Du kan inte ändra din egen roll. Be en annan administratör.", "role");
    await checkUnit(tx, input.role, input.unitId);
    const secretaryOf = input.role === "SEKRETERARE" ? [...new Set(input.secretaryOf)] : [];
    const memberOf = [...new Set(input.memberOf)];
    const known = new Set((await tx.body.findMany({ select: { id: true } })).map((b) => b.id));
    if ([...secretaryOf, ...memberOf].some((b) => !known.has(b))) throw new RefusedError("Välj organ i listan.", "memberOf");

    await bumpVersion(tx, input.id, input.expectedVersion, m.user.name !== input.name ? { name: input.name } : {});
    await tx.membership.update({ where: { id: m.id }, data: { role: input.role, unitId: input.unitId ?? null } });
    await tx.bodyAssignment.deleteMany({ where: { membershipId: m.id } });
    await tx.bodyAssignment.createMany({
      data: [...secretaryOf.map((bodyId) => ({ membershipId: m.id, bodyId, role: "SECRETARY" as const })), ...memberOf.map((bodyId) => ({ membershipId: m.id, bodyId, role: "MEMBER" as const }))],
    });
    const bodiesOf = (role: string, list: { bodyId: string; role: string }[]) => list.filter((b) => b.role === role).map((b) => b.bodyId).sort();
    await audit(
      tx,
      actor,
      "user.update",
      input.id,
      { role: m.role, unitId: m.unitId, secretaryOf: bodiesOf("SECRETARY", m.bodies), memberOf: bodiesOf("MEMBER", m.bodies), nameChanged: false },
      { role: input.role, unitId: input.unitId ?? null, secretaryOf: [...secretaryOf].sort(), memberOf: [...memberOf].sort(), nameChanged: m.user.name !== input.name },
    );
  });
}

/** Deactivates (every session ends at once) or reactivates a person. Nothing they wrote is touched. */
export async function setUserActive(db: ScopedClient, actor: Actor, input: { id: string; expectedVersion: number }, active: boolean, now = new Date()): Promise<void> {
  guard(actor);
  if (input.id === actor.userId) throw new RefusedError("Du kan inte inaktivera ditt eget konto.");
  if (!(await db.membership.findFirst({ where: { userId: input.id }, select: { id: true } }))) throw new NotFoundError("användare");
  await refuseIfShared(db, actor, input.id);
  await db.$transaction((tx) => setActiveInTransaction(tx, actor, input, active, now));
}

/** The change of setUserActive inside a transaction the caller holds (the handover deactivates in the same one). */
export async function setActiveInTransaction(tx: Tx, actor: Actor, input: { id: string; expectedVersion: number }, active: boolean, now = new Date()): Promise<void> {
  const m = await loadMember(tx, input.id);
  checkVersion(m, input.expectedVersion);
  if (m.user.anonymizedAt) throw new RefusedError("Personen är anonymiserad och kan inte aktiveras igen.");
  if (m.user.active === active) return;
  await bumpVersion(tx, input.id, input.expectedVersion, { active });
  const ended = active ? 0 : await revokeUserSessions(tx, input.id, { now });
  await audit(tx, actor, active ? "user.reactivate" : "user.deactivate", input.id, { active: !active }, { active, sessionsEnded: ended });
}

/**
 * Anonymises a departed person: name and e-mail replaced, password, SSO
 * identities, open links and body seats removed, account deactivated. Their
 * status entries, audit events and frozen reports stay and now show
 * "Anonymiserad användare".
 */
export async function anonymizeUser(db: ScopedClient, actor: Actor, input: { id: string; expectedVersion: number }, now = new Date()): Promise<void> {
  guard(actor);
  if (input.id === actor.userId) throw new RefusedError("Du kan inte anonymisera ditt eget konto.");
  if (!(await db.membership.findFirst({ where: { userId: input.id }, select: { id: true } }))) throw new NotFoundError("användare");
  await refuseIfShared(db, actor, input.id);
  await db.$transaction(async (tx) => {
    const m = await loadMember(tx, input.id);
    checkVersion(m, input.expectedVersion);
    if (m.user.anonymizedAt) throw new RefusedError("Personen är redan anonymiserad.");
    await bumpVersion(tx, input.id, input.expectedVersion, {
      name: ANONYMIZED_NAME,
      email: `anonymiserad-${input.id}@anonymiserad.invalid`,
      passwordHash: null,
      // The second factor goes with the person: no secret or recovery code stays on an anonymised account.
      totpSecret: null,
      totpEnrolledAt: null,
      totpLastStep: null,
      active: false,
      anonymizedAt: now,
    });
    await tx.recoveryCode.deleteMany({ where: { userId: input.id } });
    const ended = await revokeUserSessions(tx, input.id, { now });
    const identities = await tx.externalIdentity.deleteMany({ where: { userId: input.id } });
    await tx.passwordLink.updateMany({ where: { userId: input.id, usedAt: null }, data: { usedAt: now } });
    await tx.bodyAssignment.deleteMany({ where: { membershipId: m.id } });
    await audit(tx, actor, "user.anonymize", input.id, { active: m.user.active }, { anonymized: true, sessionsEnded: ended, identitiesRemoved: identities.count });
  });
}

/** A new one-time link for a person to choose a password (the earlier link stops working). */
export async function createPasswordLink(db: ScopedClient, actor: Actor, input: { id: string }, now = new Date()): Promise<string> {
  guard(actor);
  return db.$transaction(async (tx) => {
    const m = await loadMember(tx, input.id);
    if (m.user.anonymizedAt || !m.user.active) throw new RefusedError("Personen är inaktiverad. Aktivera kontot först.");
    // The password is the person's in every municipality: no administrator
    // sets it for another municipality's account (issue #15).
    await refuseIfShared(tx, actor, input.id, SHARED_PASSWORD);
    const token = await issuePasswordLink(tx, actor, input.id, now);
    await audit(tx, actor, "user.password-link", input.id, undefined, { expiresInDays: PASSWORD_LINK_DAYS });
    return token;
  });
}

// Redeeming a one-time link (no one is signed in; the link names its
// municipality) lives in src/server/auth/password-links.ts.
export { passwordLinkHolder, redeemPasswordLink } from "@/server/auth/password-links";

/** Mitt konto: a new password (the current one must be given); the person's other sessions end. */
export async function changeOwnPassword(
  db: ScopedClient,
  actor: Actor,
  input: { currentPassword: string; password: string; sessionId: string | null },
  now = new Date(),
): Promise<void> {
  requirePermission(actor, "account:own", { municipalityId: actor.municipalityId });
  const user = await db.user.findUniqueOrThrow({ where: { id: actor.userId }, select: { email: true, name: true, passwordHash: true } });
  if (!user.passwordHash) throw new RefusedError("Ditt konto har inget lösenord här: du loggar in med kommunens inloggning (SSO).");
  if (!(await verifyPassword(input.currentPassword, user.passwordHash))) throw new RefusedError("Det nuvarande lösenordet stämmer inte.", "currentPassword");
  if (input.currentPassword === input.password) throw new RefusedError("Välj ett annat lösenord än det nuvarande.", "password");
  const problem = passwordProblem(input.password, { email: user.email, name: user.name });
  if (problem) throw new RefusedError(problem, "password");
  const passwordHash = await hashPassword(input.password);
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: actor.userId }, data: { passwordHash, version: { increment: 1 } } });
    const ended = await revokeUserSessions(tx, actor.userId, { exceptSessionId: input.sessionId ?? undefined, now });
    await recordAudit(tx, { municipalityId: actor.municipalityId, actorId: actor.userId, action: "user.password.change", entity: "User", entityId: actor.userId, after: { otherSessionsEnded: ended } });
  });
}

/** Mitt konto: "Logga ut från alla enheter" — every session of the person ends, this one too. */
export async function signOutEverywhere(db: ScopedClient, actor: Actor, now = new Date()): Promise<number> {
  requirePermission(actor, "account:own", { municipalityId: actor.municipalityId });
  return db.$transaction(async (tx) => {
    // Every session of the person, in every municipality they have an account in:
    // reached through the User (not a tenant model, so not confined), filtered by the user's id.
    const open = { revokedAt: null };
    const { _count } = await tx.user.findUniqueOrThrow({ where: { id: actor.userId }, select: { _count: { select: { sessions: { where: open } } } } });
    await tx.user.update({ where: { id: actor.userId }, data: { sessions: { updateMany: { where: open, data: { revokedAt: now } } } }, select: { id: true } });
    const ended = _count.sessions;
    await recordAudit(tx, { municipalityId: actor.municipalityId, actorId: actor.userId, action: "session.sign-out-everywhere", entity: "User", entityId: actor.userId, after: { sessionsEnded: ended } });
    return ended;
  });
}
