// Sign-in throttling. Three counters, each read from the SignInAttempt rows:
// - account + client address: after a few failures the next attempt from that
//   address waits, longer after each further failure (exponential backoff,
//   capped). A stranger's guesses slow down the stranger, not the owner
//   signing in from elsewhere.
// - client address, all accounts: an address that fails very often within a
//   window is held back whatever accounts it tries.
// - account, all addresses: a much higher limit within a window, against
//   guessing spread over very many addresses.
// Every attempt is recorded BEFORE it is decided (sign-in.ts), and each
// decision counts the other attempts already recorded, finished or not. So N
// parallel guesses are N attempts: the k-th to read sees at least k-1 others,
// and at most `freeFailures` of them get a password check.
// The same answer comes whether or not an account exists.
import { createHash } from "node:crypto";
import { isIP } from "node:net";
import type { PrismaClient } from "@/generated/prisma/client";
import { trustedProxyHops } from "@/server/config";

const int = (v: string | undefined, fallback: number) => {
  const n = Number(v);
  return v !== undefined && Number.isInteger(n) && n > 0 ? n : fallback;
};

export const THROTTLE = {
  /** Failures of one account from one address allowed before the first wait. */
  freeFailures: int(process.env.SIGNIN_FREE_FAILURES, 5),
  /** The first wait; each further failure doubles it. */
  baseDelaySeconds: 30,
  maxDelaySeconds: 30 * 60,
  /** Failures from one client address (all accounts) within the window that hold it back. */
  ipFailures: int(process.env.SIGNIN_IP_FAILURES, 50),
  ipWindowSeconds: 15 * 60,
  /** Failures of one account (all addresses) within the window that hold it back everywhere. */
  accountFailures: int(process.env.SIGNIN_ACCOUNT_FAILURES, 200),
  accountWindowSeconds: 15 * 60,
  /** Attempts older than this are forgotten, and purged. */
  memorySeconds: 24 * 3600,
  /** At most one purge of old attempts per process in this many seconds. */
  purgeEverySeconds: 60,
  /** At most one audit row per action, account and address in this many seconds. */
  auditEverySeconds: 15 * 60,
};

export const emailHash = (email: string) => createHash("sha256").update(email.trim().toLowerCase()).digest("hex");

/**
 * Pure rule: given the failures since the last success (newest last), how many
 * seconds must the next attempt wait? 0 when it may go ahead.
 */
export function waitAfterFailures(failures: Date[], now: Date, t = THROTTLE): number {
  const over = failures.length - t.freeFailures;
  if (over < 0) return 0;
  const delay = Math.min(t.baseDelaySeconds * 2 ** over, t.maxDelaySeconds);
  const last = failures[failures.length - 1].getTime();
  return Math.max(0, Math.ceil((last + delay * 1000 - now.getTime()) / 1000));
}

/** Pure rule: how long a key that failed `limit` times within the window must wait (until the oldest of them leaves it). */
export function waitForWindow(failuresInWindow: Date[], now: Date, limit: number, windowSeconds: number): number {
  if (failuresInWindow.length < limit) return 0;
  const oldest = failuresInWindow[failuresInWindow.length - limit].getTime();
  return Math.max(0, Math.ceil((oldest + windowSeconds * 1000 - now.getTime()) / 1000));
}

/** Pure rule: how long a client address that failed this often must wait. */
export function waitForAddress(failuresInWindow: Date[], now: Date, t = THROTTLE): number {
  return waitForWindow(failuresInWindow, now, t.ipFailures, t.ipWindowSeconds);
}

/**
 * Seconds the attempt must wait (0: go ahead). `ownAttemptId` is the row this
 * attempt recorded first (recordSignInAttempt): every other row counts, also
 * those of attempts still running.
 */
export async function signInWait(prisma: PrismaClient, email: string, ip: string, now = new Date(), ownAttemptId?: string): Promise<number> {
  const t = THROTTLE;
  const since = new Date(now.getTime() - t.memorySeconds * 1000);
  const hash = emailHash(email);
  const notOwn = ownAttemptId ? { id: { not: ownAttemptId } } : {};
  const lastSuccess = await prisma.signInAttempt.findFirst({ where: { emailHash: hash, ip, succeeded: true, at: { gte: since } }, orderBy: { at: "desc" }, select: { at: true } });
  const pair = await prisma.signInAttempt.findMany({
    where: { emailHash: hash, ip, succeeded: false, at: { gt: lastSuccess?.at ?? since }, ...notOwn },
    orderBy: { at: "desc" },
    select: { at: true },
    take: 100,
  });
  pair.reverse();
  const windowRows = (where: object, windowSeconds: number, limit: number) =>
    prisma.signInAttempt.findMany({
      where: { ...where, succeeded: false, at: { gte: new Date(now.getTime() - windowSeconds * 1000) }, ...notOwn },
      orderBy: { at: "desc" },
      select: { at: true },
      take: limit,
    });
  // "unknown" is everyone whose address cannot be told: no address limit for it.
  const byAddress = ip === "unknown" ? [] : (await windowRows({ ip }, t.ipWindowSeconds, t.ipFailures)).reverse();
  const byAccount = (await windowRows({ emailHash: hash }, t.accountWindowSeconds, t.accountFailures)).reverse();
  return Math.max(
    waitAfterFailures(pair.map((f) => f.at), now, t),
    waitForWindow(byAddress.map((f) => f.at), now, t.ipFailures, t.ipWindowSeconds),
    waitForWindow(byAccount.map((f) => f.at), now, t.accountFailures, t.accountWindowSeconds),
  );
}

/** Records an attempt; a pending one is recorded as failed and marked succeeded when it turns out so. */
export async function recordSignInAttempt(prisma: PrismaClient, email: string, ip: string, succeeded: boolean, now = new Date()): Promise<string> {
  const row = await prisma.signInAttempt.create({ data: { emailHash: emailHash(email), ip, succeeded, at: now }, select: { id: true } });
  return row.id;
}

/** Deletes attempts older than THROTTLE.memorySeconds; returns how many. */
export async function purgeSignInAttempts(prisma: PrismaClient, now = new Date()): Promise<number> {
  const { count } = await prisma.signInAttempt.deleteMany({ where: { at: { lt: new Date(now.getTime() - THROTTLE.memorySeconds * 1000) } } });
  return count;
}

let lastPurge = 0;
/** Purges old attempts at most once per THROTTLE.purgeEverySeconds in this process; never throws. */
export async function purgeSignInAttemptsNowAndThen(prisma: PrismaClient, now = new Date()): Promise<void> {
  if (now.getTime() - lastPurge < THROTTLE.purgeEverySeconds * 1000) return;
  lastPurge = now.getTime();
  await purgeSignInAttempts(prisma, now).catch((e) => console.warn("sign-in attempts purge failed", e));
}

type Headers = Record<string, string | string[] | undefined> | undefined;

/**
 * The client address. X-Forwarded-For is believed only as far as the
 * operator's own proxies wrote it: with TRUSTED_PROXY_HOPS=N (proxies in
 * front of the app) the Nth value from the right is the address the outermost
 * proxy saw; everything left of it the client may have written itself. With 0
 * (the default) the headers are ignored and the address is "unknown" (next-auth
 * hands authorize() no socket address), so everyone shares the per-account
 * delay and there is no per-address limit.
 */
export function clientAddress(headers: Headers, hops = trustedProxyHops()): string {
  if (!hops || hops < 1) return "unknown";
  const h = headers ?? {};
  const all = (v: string | string[] | undefined) => (Array.isArray(v) ? v.join(",") : (v ?? ""));
  const forwarded = all(h["x-forwarded-for"])
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  const candidate = forwarded.length ? forwarded[Math.max(0, forwarded.length - hops)] : all(h["x-real-ip"]).trim();
  return candidate && candidate.length <= 64 && isIP(candidate) ? candidate : "unknown";
}

/** The message shown on the sign-in page; the client reads the seconds from the error code. */
export const LOCKED_PREFIX = "LOCKED:";
/** The error code when too many password checks are running: "try again in a moment". */
export const BUSY_CODE = "BUSY";
