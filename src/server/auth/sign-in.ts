// Sign-in with e-mail and password: next-auth's authorize() (options.ts) calls
// this. The order is what makes it hold under parallel attempts:
// 1. record the attempt (as a failure until it succeeds),
// 2. decide the throttle from the other attempts already recorded (throttle.ts),
// 3. only then check the password, through the bounded hashing queue (password.ts).
// A throttled or "busy" attempt deletes its row again: it checked nothing.
// 4. a right password for an account with a second factor (two-factor.ts) starts
//    a half-signed-in session that grants nothing until the code is given; its
//    attempt row is deleted (neither a failure nor a success: wrong codes then
//    count as failures, and only the whole sign-in resets the count).
import type { PrismaClient } from "@/generated/prisma/client";
import { signInSchema } from "@/lib/validation/auth";
import { recordAudit } from "@/server/audit";
import { verifyPasswordLimited, dummyPasswordHash, PasswordBusyError } from "./password";
import type { PendingSecondFactor } from "@/generated/prisma/enums";
import { authenticate, startSession } from "./sessions";
import { requireAdminTotp, secondFactorNeeded } from "./two-factor";
import { BUSY_CODE, clientAddress, LOCKED_PREFIX, purgeSignInAttemptsNowAndThen, recordSignInAttempt, signInWait, THROTTLE } from "./throttle";

export type SignInOutcome =
  | { ok: true; user: { id: string; name: string; email: string; sessionId: string }; /** Set when the session waits for the second factor. */ pending: PendingSecondFactor | null }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "throttled"; waitSeconds: number }
  | { ok: false; reason: "busy" };

export interface SignInDeps {
  verify: (password: string, hash: string | null | undefined) => Promise<boolean>;
  dummyHash: () => Promise<string>;
  /** Administrators with a password must use TOTP (default: REQUIRE_ADMIN_TOTP, see two-factor.ts). */
  requireAdminTotp?: boolean;
}
const DEFAULT_DEPS: SignInDeps = { verify: verifyPasswordLimited, dummyHash: dummyPasswordHash };

/**
 * A refused sign-in to an existing account is audited in that account's
 * municipality: at most one row per action, account and client address per
 * THROTTLE.auditEverySeconds (the attempt rows keep the count), so guessing
 * cannot fill the append-only log.
 */
export async function auditRefusedSignIn(prisma: PrismaClient, email: string, ip: string, action: string, after: Record<string, unknown>, now: Date) {
  const user = await prisma.user.findUnique({ where: { email: email.trim().toLowerCase() }, select: { id: true, memberships: { select: { municipalityId: true }, take: 1 } } });
  const municipalityId = user?.memberships[0]?.municipalityId;
  if (!user || !municipalityId) return;
  const recent = await prisma.auditEvent.findFirst({
    where: { entity: "User", entityId: user.id, action, at: { gte: new Date(now.getTime() - THROTTLE.auditEverySeconds * 1000) }, after: { path: ["ip"], equals: ip } },
    select: { id: true },
  });
  if (recent) return;
  await recordAudit(prisma, { municipalityId, actorId: user.id, action, entity: "User", entityId: user.id, after: { ...after, ip } });
}

export async function signInWithPassword(
  prisma: PrismaClient,
  credentials: unknown,
  headers: Record<string, string | string[] | undefined> | undefined,
  deps: SignInDeps = DEFAULT_DEPS,
  now = new Date(),
): Promise<SignInOutcome> {
  const parsed = signInSchema.safeParse(credentials);
  if (!parsed.success) return { ok: false, reason: "invalid" };
  const { email } = parsed.data;
  const ip = clientAddress(headers);
  await purgeSignInAttemptsNowAndThen(prisma, now);

  const attemptId = await recordSignInAttempt(prisma, email, ip, false, now);
  const forget = () => prisma.signInAttempt.delete({ where: { id: attemptId } }).catch(() => {});
  const wait = await signInWait(prisma, email, ip, now, attemptId);
  if (wait > 0) {
    await forget();
    await auditRefusedSignIn(prisma, email, ip, "session.sign-in-throttled", { waitSeconds: wait }, now);
    return { ok: false, reason: "throttled", waitSeconds: wait };
  }
  let user: Awaited<ReturnType<typeof authenticate>>;
  try {
    user = await authenticate(prisma, email, parsed.data.password, deps.verify, deps.dummyHash);
  } catch (e) {
    if (e instanceof PasswordBusyError) {
      await forget();
      return { ok: false, reason: "busy" };
    }
    throw e;
  }
  if (!user) {
    await auditRefusedSignIn(prisma, email, ip, "session.sign-in-failed", {}, now);
    return { ok: false, reason: "invalid" };
  }
  const pending = secondFactorNeeded(user, deps.requireAdminTotp ?? requireAdminTotp());
  if (pending) {
    await forget();
    const session = await startSession(prisma, user.id, user.municipalityId, now, pending);
    return { ok: true, user: { id: user.id, name: user.name, email: user.email, sessionId: session.id }, pending };
  }
  await prisma.signInAttempt.update({ where: { id: attemptId }, data: { succeeded: true } });
  const session = await startSession(prisma, user.id, user.municipalityId);
  await recordAudit(prisma, { municipalityId: user.municipalityId, actorId: user.id, action: "session.sign-in", entity: "Session", entityId: session.id });
  return { ok: true, user: { id: user.id, name: user.name, email: user.email, sessionId: session.id }, pending: null };
}

/** next-auth's authorize(): null for a wrong password; the error code carries a throttle or "busy" to the form. */
export async function authorizeWithPassword(prisma: PrismaClient, credentials: unknown, headers: Record<string, string | string[] | undefined> | undefined) {
  const outcome = await signInWithPassword(prisma, credentials, headers);
  if (outcome.ok) return outcome.user;
  // next-auth hands the message to the sign-in form as its error code.
  if (outcome.reason === "throttled") throw new Error(`${LOCKED_PREFIX}${outcome.waitSeconds}`);
  if (outcome.reason === "busy") throw new Error(BUSY_CODE);
  return null;
}
