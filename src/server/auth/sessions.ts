// Server-side sessions: the signed cookie only carries a session id, and the
// Session row decides whether it is still valid, so a session can be revoked
// (sign-out, deactivated user) and expires on idle and absolute timeouts.
import type { PrismaClient } from "@/generated/prisma/client";
import type { PendingSecondFactor } from "@/generated/prisma/enums";
import type { Actor } from "@/server/permissions";

export const SESSION_IDLE_MINUTES = Number(process.env.SESSION_IDLE_MINUTES ?? 120);
export const SESSION_MAX_HOURS = Number(process.env.SESSION_MAX_HOURS ?? 12);
/** lastSeenAt is written at most this often, to keep reads cheap. */
const TOUCH_EVERY_MS = 60_000;

/** How long a half-signed-in session (password right, second factor not yet) may take to finish. */
export const PENDING_SESSION_MINUTES = 10;

/**
 * Starts a session. With `pending`, the password is right but the second factor
 * is not done: the session grants nothing (actorForSession answers null) and
 * ends after PENDING_SESSION_MINUTES unless completeSession is called.
 */
export async function startSession(prisma: PrismaClient, userId: string, municipalityId: string, now = new Date(), pending: PendingSecondFactor | null = null) {
  return prisma.session.create({
    data: {
      userId,
      municipalityId,
      createdAt: now,
      lastSeenAt: now,
      expiresAt: new Date(now.getTime() + (pending ? PENDING_SESSION_MINUTES * 60_000 : SESSION_MAX_HOURS * 3600_000)),
      pendingSecondFactor: pending,
    },
    select: { id: true },
  });
}

/** The half-signed-in session behind a session id (still open, still pending), or null. */
export async function pendingSession(prisma: PrismaClient, sessionId: string, now = new Date()) {
  const s = await prisma.session.findUnique({
    where: { id: sessionId },
    select: { id: true, userId: true, municipalityId: true, expiresAt: true, revokedAt: true, pendingSecondFactor: true, user: { select: { email: true, name: true, active: true, passwordHash: true } } },
  });
  if (!s || !s.pendingSecondFactor || s.revokedAt || s.expiresAt <= now || !s.user.active || !s.user.passwordHash) return null;
  return { id: s.id, userId: s.userId, municipalityId: s.municipalityId, step: s.pendingSecondFactor, email: s.user.email, name: s.user.name };
}

/** The second factor is done: the session now grants access, with its full lifetime from now. False when it was no longer pending. */
export async function completeSession(db: { session: { updateMany(args: { where: object; data: object }): Promise<{ count: number }> } }, sessionId: string, now = new Date()): Promise<boolean> {
  const r = await db.session.updateMany({
    where: { id: sessionId, revokedAt: null, pendingSecondFactor: { not: null }, expiresAt: { gt: now } },
    data: { pendingSecondFactor: null, lastSeenAt: now, expiresAt: new Date(now.getTime() + SESSION_MAX_HOURS * 3600_000) },
  });
  return r.count === 1;
}

/** Revokes a session; returns it when it was still open. */
export async function endSession(prisma: PrismaClient, sessionId: string) {
  const r = await prisma.session.updateMany({ where: { id: sessionId, revokedAt: null }, data: { revokedAt: new Date() } });
  if (r.count === 0) return null;
  return prisma.session.findUnique({ where: { id: sessionId }, select: { id: true, userId: true, municipalityId: true } });
}

/**
 * Revokes every open session of a user (sign-out everywhere, deactivation,
 * anonymisation, a new password), except `exceptSessionId` when given.
 * Takes effect on each session's next request: actorForSession reads the row.
 */
export async function revokeUserSessions(
  db: { session: { updateMany(args: { where: object; data: { revokedAt: Date } }): Promise<{ count: number }> } },
  userId: string,
  options: { exceptSessionId?: string; now?: Date } = {},
): Promise<number> {
  const where = { userId, revokedAt: null, ...(options.exceptSessionId ? { id: { not: options.exceptSessionId } } : {}) };
  const r = await db.session.updateMany({ where, data: { revokedAt: options.now ?? new Date() } });
  return r.count;
}

/** The signed-in actor for a session id, or null when the session is no longer valid. */
export async function actorForSession(prisma: PrismaClient, sessionId: string, now = new Date(), options: { touch?: boolean } = {}): Promise<Actor | null> {
  const s = await prisma.session.findUnique({
    where: { id: sessionId },
    select: {
      id: true,
      expiresAt: true,
      revokedAt: true,
      lastSeenAt: true,
      pendingSecondFactor: true,
      municipality: { select: { id: true, slug: true, name: true, logoUpdatedAt: true } },
      user: {
        select: {
          id: true,
          name: true,
          active: true,
          memberships: {
            select: { role: true, unitId: true, municipalityId: true, bodies: { select: { bodyId: true, role: true } } },
          },
        },
      },
    },
  });
  // A half-signed-in session (second factor not done) is no one: every page and endpoint refuses it.
  if (!s || s.revokedAt || !s.user.active || s.pendingSecondFactor) return null;
  if (s.expiresAt <= now || now.getTime() - s.lastSeenAt.getTime() > SESSION_IDLE_MINUTES * 60_000) return null;
  const membership = s.user.memberships.find((m) => m.municipalityId === s.municipality.id);
  if (!membership) return null;
  // A check that is not the person's own request (the live stream's) must not keep the session alive.
  if (options.touch !== false && now.getTime() - s.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
    await prisma.session.update({ where: { id: s.id }, data: { lastSeenAt: now } });
  }
  return {
    userId: s.user.id,
    name: s.user.name,
    municipalityId: s.municipality.id,
    municipalitySlug: s.municipality.slug,
    municipalityName: s.municipality.name,
    role: membership.role,
    unitId: membership.unitId,
    secretaryOf: membership.bodies.filter((b) => b.role === "SECRETARY").map((b) => b.bodyId),
    memberOf: membership.bodies.filter((b) => b.role === "MEMBER").map((b) => b.bodyId),
    logoVersion: s.municipality.logoUpdatedAt?.getTime() ?? null,
  };
}

/** Checks e-mail and password; returns the user and their municipality, or null. */
export async function authenticate(
  prisma: PrismaClient,
  email: string,
  password: string,
  verify: (pw: string, hash: string | null | undefined) => Promise<boolean>,
  dummyHash: () => Promise<string>,
) {
  const user = await prisma.user.findUnique({
    where: { email: email.trim().toLowerCase() },
    select: { id: true, name: true, email: true, active: true, passwordHash: true, totpEnrolledAt: true, memberships: { select: { municipalityId: true, role: true } } },
  });
  const ok = await verify(password, user?.passwordHash ?? (await dummyHash()));
  if (!user || !ok || !user.active || user.memberships.length === 0) return null;
  return {
    id: user.id,
    name: user.name,
    email: user.email,
    municipalityId: user.memberships[0].municipalityId,
    totpEnrolled: user.totpEnrolledAt !== null,
    administrator: user.memberships.some((m) => m.role === "ADMINISTRATOR"),
  };
}
