// Two-factor sign-in for password accounts: enrolment (Mitt konto, or at
// sign-in for an administrator who has none), the second sign-in step (a code
// from the app or a recovery code) and the reset by another administrator.
// The codes themselves are in totp.ts; the half-signed-in session in sessions.ts.
//
// Who is asked:
// - a password user who has enrolled: always, after the password;
// - an administrator (ADMINISTRATOR in any municipality) signing in with a
//   password and without TOTP: must enrol before the session grants anything,
//   unless REQUIRE_ADMIN_TOTP=false (the demo and the e2e server);
// - single sign-on users never: their identity provider does it.
import type { PrismaClient } from "@/generated/prisma/client";
import type { PendingSecondFactor } from "@/generated/prisma/enums";
import { scopedClient, type ScopedClient } from "@/server/db/scoped";
import { NotFoundError, requirePermission, type Actor } from "@/server/permissions";
import { RefusedError } from "@/server/errors";
import { recordAudit } from "@/server/audit";
import { completeSession, pendingSession } from "./sessions";
import { clientAddress, purgeSignInAttemptsNowAndThen, recordSignInAttempt, signInWait } from "./throttle";
import {
  checkTotp,
  decryptTotpSecret,
  encryptTotpSecret,
  hashRecoveryCode,
  looksLikeRecoveryCode,
  matchRecoveryCode,
  newRecoveryCodes,
  openEnrolmentToken,
  twoFactorKey,
} from "./totp";

/** REQUIRE_ADMIN_TOTP: administrators with a password must use TOTP unless it is "false" (default: required). */
export function requireAdminTotp(env: Record<string, string | undefined> = process.env): boolean {
  return env.REQUIRE_ADMIN_TOTP?.trim().toLowerCase() !== "false";
}

/** What a password sign-in still needs after the right password. */
export function secondFactorNeeded(user: { totpEnrolled: boolean; administrator: boolean }, required = requireAdminTotp()): PendingSecondFactor | null {
  if (user.totpEnrolled) return "CODE";
  if (user.administrator && required) return "ENROL";
  return null;
}

export const TWO_FACTOR_TEXT = {
  expired: "Inloggningen har gått ut. Logga in med e-post och lösenord igen.",
  wrongCode: "Koden stämmer inte. Skriv den sexsiffriga koden som appen visar nu, eller en av dina reservkoder.",
  usedCode: "Den koden är redan använd. Vänta tills appen visar nästa kod och skriv den.",
  wrongEnrolmentCode: "Koden stämmer inte. Kontrollera att appen har lagt till kontot och skriv koden den visar nu.",
  enrolmentExpired: "QR-koden har gått ut. Ladda om sidan och lägg till kontot i appen på nytt.",
  alreadyEnrolled: "Tvåstegsverifiering är redan på för ditt konto. Be en administratör återställa den om du har bytt telefon.",
  ssoOnly: "Tvåstegsverifieringen sköts av kommunens inloggning.",
} as const;

/** "30 sekunder", "2 minuter". */
function waitText(seconds: number): string {
  if (seconds < 60) return `${seconds} sekunder`;
  const m = Math.ceil(seconds / 60);
  return `${m} minut${m === 1 ? "" : "er"}`;
}
export const throttledText = (seconds: number) => `För många felaktiga försök. Av säkerhetsskäl är inloggningen spärrad en stund: försök igen om ${waitText(seconds)}.`;

// ---------------------------------------------------------------- enrolment

/**
 * Turns TOTP on for a password user: the enrolment token's secret and a current
 * code from the app. Returns the ten recovery codes, shown once.
 */
export async function enrolTotp(
  db: ScopedClient,
  who: { userId: string; municipalityId: string },
  input: { enrolment: string; code: string },
  options: { via: "konto" | "sign-in"; now?: Date; key?: Buffer } = { via: "konto" },
): Promise<string[]> {
  const now = options.now ?? new Date();
  const key = options.key ?? twoFactorKey();
  const user = await db.user.findUnique({ where: { id: who.userId }, select: { passwordHash: true, totpEnrolledAt: true } });
  if (!user) throw new NotFoundError("användare");
  if (!user.passwordHash) throw new RefusedError(TWO_FACTOR_TEXT.ssoOnly);
  if (user.totpEnrolledAt) throw new RefusedError(TWO_FACTOR_TEXT.alreadyEnrolled);
  const secret = openEnrolmentToken(input.enrolment, who.userId, key, now);
  if (!secret) throw new RefusedError(TWO_FACTOR_TEXT.enrolmentExpired);
  const check = checkTotp(secret, input.code, now, null);
  if (!check.ok) throw new RefusedError(TWO_FACTOR_TEXT.wrongEnrolmentCode, "code");
  const codes = newRecoveryCodes();
  await db.$transaction(async (tx) => {
    const r = await tx.user.updateMany({
      where: { id: who.userId, totpEnrolledAt: null },
      data: { totpSecret: encryptTotpSecret(secret, who.userId, key), totpEnrolledAt: now, totpLastStep: check.step },
    });
    if (r.count !== 1) throw new RefusedError(TWO_FACTOR_TEXT.alreadyEnrolled);
    await tx.recoveryCode.deleteMany({ where: { userId: who.userId } });
    await tx.recoveryCode.createMany({ data: codes.map((c) => ({ userId: who.userId, codeHash: hashRecoveryCode(c, key), createdAt: now })) });
    await recordAudit(tx, { municipalityId: who.municipalityId, actorId: who.userId, action: "user.totp.enrol", entity: "User", entityId: who.userId, after: { via: options.via, recoveryCodes: codes.length } });
  });
  return codes;
}

// ---------------------------------------------------------------- the second step

export type SecondFactorCheck = { ok: true; method: "totp" } | { ok: true; method: "recovery-code"; remaining: number } | { ok: false; reason: "invalid" | "replay" };

/** Checks a code from the app (never the same step twice) or an unused recovery code (used up now). */
export async function verifySecondFactor(db: ScopedClient, who: { userId: string; municipalityId: string }, code: string, now = new Date(), key = twoFactorKey()): Promise<SecondFactorCheck> {
  const user = await db.user.findUnique({ where: { id: who.userId }, select: { totpSecret: true, totpEnrolledAt: true, totpLastStep: true } });
  if (!user?.totpSecret || !user.totpEnrolledAt) return { ok: false, reason: "invalid" };
  if (looksLikeRecoveryCode(code)) {
    const unused = await db.recoveryCode.findMany({ where: { userId: who.userId, usedAt: null }, select: { id: true, codeHash: true } });
    const hash = matchRecoveryCode(code, unused.map((c) => c.codeHash), key);
    const row = unused.find((c) => c.codeHash === hash);
    if (!row) return { ok: false, reason: "invalid" };
    return db.$transaction(async (tx) => {
      // Used once: of two parallel uses of the same code, one wins.
      const r = await tx.recoveryCode.updateMany({ where: { id: row.id, usedAt: null }, data: { usedAt: now } });
      if (r.count !== 1) return { ok: false as const, reason: "replay" as const };
      const remaining = await tx.recoveryCode.count({ where: { userId: who.userId, usedAt: null } });
      await recordAudit(tx, { municipalityId: who.municipalityId, actorId: who.userId, action: "user.totp.recovery-code-used", entity: "User", entityId: who.userId, after: { remaining } });
      return { ok: true as const, method: "recovery-code" as const, remaining };
    });
  }
  const secret = decryptTotpSecret(user.totpSecret, who.userId, key);
  if (!secret) return { ok: false, reason: "invalid" };
  const check = checkTotp(secret, code, now, user.totpLastStep);
  if (!check.ok) return check;
  // The step moves forward only: of two parallel uses of the same code, one wins.
  const r = await db.user.updateMany({
    where: { id: who.userId, OR: [{ totpLastStep: null }, { totpLastStep: { lt: check.step } }] },
    data: { totpLastStep: check.step },
  });
  return r.count === 1 ? { ok: true, method: "totp" } : { ok: false, reason: "replay" };
}

type Headers_ = Record<string, string | string[] | undefined> | undefined;

/**
 * A refused second step is audited like a refused password: at most one row
 * per account, client address and THROTTLE.auditEverySeconds.
 */
type AuditRefused = (prisma: PrismaClient, email: string, ip: string, action: string, after: Record<string, unknown>, now: Date) => Promise<void>;

/**
 * The second sign-in step: the code (or a recovery code) for the half-signed-in
 * session. Wrong codes count in the sign-in throttle like wrong passwords (same
 * account and address); the session then grants access.
 */
export async function completeSignInWithCode(
  prisma: PrismaClient,
  sessionId: string | null,
  code: string,
  headers: Headers_,
  auditRefused: AuditRefused,
  now = new Date(),
): Promise<{ method: "totp" } | { method: "recovery-code"; remaining: number }> {
  const pending = sessionId ? await pendingSession(prisma, sessionId, now) : null;
  if (!pending || pending.step !== "CODE") throw new RefusedError(TWO_FACTOR_TEXT.expired);
  const ip = clientAddress(headers);
  await purgeSignInAttemptsNowAndThen(prisma, now);
  const attemptId = await recordSignInAttempt(prisma, pending.email, ip, false, now);
  const wait = await signInWait(prisma, pending.email, ip, now, attemptId);
  if (wait > 0) {
    await prisma.signInAttempt.delete({ where: { id: attemptId } }).catch(() => {});
    await auditRefused(prisma, pending.email, ip, "session.sign-in-throttled", { waitSeconds: wait, step: "second-factor" }, now);
    throw new RefusedError(throttledText(wait));
  }
  const db = scopedClient(prisma, pending.municipalityId);
  const check = await verifySecondFactor(db, pending, code, now);
  if (!check.ok) {
    await auditRefused(prisma, pending.email, ip, "session.second-factor-failed", { reason: check.reason }, now);
    throw new RefusedError(check.reason === "replay" ? TWO_FACTOR_TEXT.usedCode : TWO_FACTOR_TEXT.wrongCode, "code");
  }
  await prisma.signInAttempt.update({ where: { id: attemptId }, data: { succeeded: true } });
  await finishSignIn(prisma, pending, check.method === "totp" ? "password+totp" : "password+recovery-code", now);
  return check.method === "totp" ? { method: "totp" } : { method: "recovery-code", remaining: check.remaining };
}

/** The waiting session now grants access; the sign-in is audited with how the second factor was given. */
async function finishSignIn(prisma: PrismaClient, pending: { id: string; municipalityId: string; userId: string }, method: string, now: Date): Promise<void> {
  if (!(await completeSession(prisma, pending.id, now))) throw new RefusedError(TWO_FACTOR_TEXT.expired);
  await recordAudit(prisma, { municipalityId: pending.municipalityId, actorId: pending.userId, action: "session.sign-in", entity: "Session", entityId: pending.id, after: { method } });
}

/** An administrator without TOTP enrols at sign-in; the session then grants access. Returns the recovery codes. */
export async function completeSignInWithEnrolment(prisma: PrismaClient, sessionId: string | null, input: { enrolment: string; code: string }, now = new Date()): Promise<string[]> {
  const pending = sessionId ? await pendingSession(prisma, sessionId, now) : null;
  if (!pending || pending.step !== "ENROL") throw new RefusedError(TWO_FACTOR_TEXT.expired);
  const codes = await enrolTotp(scopedClient(prisma, pending.municipalityId), pending, input, { via: "sign-in", now });
  await finishSignIn(prisma, pending, "password+totp-enrolment", now);
  return codes;
}

// ---------------------------------------------------------------- reset by another administrator

/**
 * Turns a person's TOTP off (a lost phone, used-up recovery codes): secret and
 * recovery codes go, their half-signed-in sessions end. The person enrols again
 * (an administrator at the next sign-in). Never one's own: another administrator
 * must do it.
 */
export async function resetTotp(db: ScopedClient, actor: Actor, input: { id: string }, now = new Date()): Promise<void> {
  requirePermission(actor, "admin:manage", { municipalityId: actor.municipalityId });
  if (input.id === actor.userId) throw new RefusedError("Du kan inte återställa din egen tvåstegsverifiering. Be en annan administratör göra det.");
  if (!(await db.membership.findFirst({ where: { userId: input.id }, select: { id: true } }))) throw new NotFoundError("användare");
  const user = await db.user.findUnique({
    where: { id: input.id },
    select: { totpEnrolledAt: true, _count: { select: { memberships: { where: { municipalityId: { not: actor.municipalityId } } } } } },
  });
  if (!user) throw new NotFoundError("användare");
  if (user._count.memberships > 0) throw new RefusedError("Personen har konto även i en annan kommun. Tvåstegsverifieringen återställs av den kommunens administratör tillsammans med er.");
  if (!user.totpEnrolledAt) throw new RefusedError("Personen har ingen tvåstegsverifiering att återställa.");
  await db.$transaction(async (tx) => {
    const r = await tx.user.updateMany({ where: { id: input.id, totpEnrolledAt: { not: null } }, data: { totpSecret: null, totpEnrolledAt: null, totpLastStep: null } });
    if (r.count !== 1) throw new RefusedError("Personen har ingen tvåstegsverifiering att återställa.");
    const codes = await tx.recoveryCode.deleteMany({ where: { userId: input.id } });
    const ended = await tx.session.updateMany({ where: { userId: input.id, revokedAt: null, pendingSecondFactor: { not: null } }, data: { revokedAt: now } });
    await recordAudit(tx, {
      municipalityId: actor.municipalityId,
      actorId: actor.userId,
      action: "user.totp.reset",
      entity: "User",
      entityId: input.id,
      before: { enrolledAt: user.totpEnrolledAt },
      after: { recoveryCodesRemoved: codes.count, pendingSignInsEnded: ended.count },
    });
  });
}

/** For Mitt konto and the administration page: is TOTP on, since when, how many recovery codes are left. */
export async function totpStatus(db: ScopedClient, userId: string) {
  const u = await db.user.findUnique({ where: { id: userId }, select: { totpEnrolledAt: true, passwordHash: true, _count: { select: { recoveryCodes: { where: { usedAt: null } } } } } });
  return { enrolledAt: u?.totpEnrolledAt ?? null, hasPassword: !!u?.passwordHash, recoveryCodesLeft: u?._count.recoveryCodes ?? 0 };
}
