// Sign-in throttling: after a few failed attempts for one e-mail address the
// next attempt must wait, longer after each further failure (exponential backoff,
// capped), and one client address that fails very often is held back for a while
// whatever addresses it tries. The same answer comes whether or not an account
// exists, so throttling reveals nothing about who has one.
import { createHash } from "node:crypto";
import type { PrismaClient } from "@/generated/prisma/client";

export const THROTTLE = {
  /** Failures for one address allowed before the first wait. */
  freeFailures: Number(process.env.SIGNIN_FREE_FAILURES ?? 5),
  /** The first wait; each further failure doubles it. */
  baseDelaySeconds: 30,
  maxDelaySeconds: 30 * 60,
  /** Failures from one client address within the window that hold it back. */
  ipFailures: Number(process.env.SIGNIN_IP_FAILURES ?? 50),
  ipWindowSeconds: 15 * 60,
  /** Failures older than this are forgotten. */
  memorySeconds: 24 * 3600,
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

/** Pure rule: how long a client address that failed this often must wait. */
export function waitForAddress(failuresInWindow: Date[], now: Date, t = THROTTLE): number {
  if (failuresInWindow.length < t.ipFailures) return 0;
  const oldest = failuresInWindow[failuresInWindow.length - t.ipFailures].getTime();
  return Math.max(0, Math.ceil((oldest + t.ipWindowSeconds * 1000 - now.getTime()) / 1000));
}

/** Seconds the attempt must wait (0: go ahead). */
export async function signInWait(prisma: PrismaClient, email: string, ip: string, now = new Date()): Promise<number> {
  const since = new Date(now.getTime() - THROTTLE.memorySeconds * 1000);
  const hash = emailHash(email);
  const lastSuccess = await prisma.signInAttempt.findFirst({ where: { emailHash: hash, succeeded: true, at: { gte: since } }, orderBy: { at: "desc" }, select: { at: true } });
  const failures = await prisma.signInAttempt.findMany({
    where: { emailHash: hash, succeeded: false, at: { gt: lastSuccess?.at ?? since } },
    orderBy: { at: "asc" },
    select: { at: true },
    take: 100,
  });
  const byAddress =
    ip === "unknown"
      ? []
      : await prisma.signInAttempt.findMany({
          where: { ip, succeeded: false, at: { gte: new Date(now.getTime() - THROTTLE.ipWindowSeconds * 1000) } },
          orderBy: { at: "asc" },
          select: { at: true },
          take: 1000,
        });
  return Math.max(
    waitAfterFailures(failures.map((f) => f.at), now),
    waitForAddress(byAddress.map((f) => f.at), now),
  );
}

export async function recordSignInAttempt(prisma: PrismaClient, email: string, ip: string, succeeded: boolean, now = new Date()): Promise<void> {
  await prisma.signInAttempt.create({ data: { emailHash: emailHash(email), ip, succeeded, at: now } });
}

/** The client address from the proxy's header (the app runs behind one in production), or "unknown". */
export function clientAddress(headers: Record<string, string | string[] | undefined> | undefined): string {
  const h = headers ?? {};
  const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
  const forwarded = first(h["x-forwarded-for"])?.split(",")[0]?.trim();
  return (forwarded || first(h["x-real-ip"])?.trim() || "unknown").slice(0, 64);
}

/** The message shown on the sign-in page; the client reads the seconds from the error code. */
export const LOCKED_PREFIX = "LOCKED:";
/** The error code when too many password checks are running: "try again in a moment". */
export const BUSY_CODE = "BUSY";
