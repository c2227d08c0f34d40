// The password sign-in as next-auth's authorize() runs it (src/server/auth/sign-in.ts),
// attacked the way the live test of issue #15 did: many attempts at once.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase, uniqueSlug } from "../support/db";
import type { Database } from "@/server/db/connect";
import { hashPassword, verifyPassword } from "@/server/auth/password";
import { createMunicipality, createUser } from "@/server/seed/factories";
import { signInWithPassword, type SignInDeps } from "@/server/auth/sign-in";
import { THROTTLE, emailHash } from "@/server/auth/throttle";

let db: Database;
let municipalityId: string;
const PASSWORD = "rätt lösenord för kapplöpningen";
let passwordHash: string;

beforeAll(async () => {
  // One proxy in front: the tests tell their addresses apart by X-Forwarded-For.
  process.env.TRUSTED_PROXY_HOPS = "1";
  db = await openTestDatabase();
  municipalityId = (await createMunicipality(db.prisma, { slug: uniqueSlug(), name: "Spärrkommun" })).id;
  passwordHash = await hashPassword(PASSWORD);
});
afterAll(async () => db?.close());

async function newUser() {
  const email = `person.${uniqueSlug()}@example.se`;
  const u = await createUser(db.prisma, municipalityId, { email, name: "Person", role: "HANDLAGGARE", passwordHash });
  return { email, userId: u.id };
}

/** The real scrypt check, counted, and slow enough that the attempts overlap. */
function countingDeps() {
  const deps = { checks: 0 } as SignInDeps & { checks: number };
  deps.verify = async (pw, hash) => {
    deps.checks++;
    await new Promise((r) => setTimeout(r, 20));
    return verifyPassword(pw, hash);
  };
  deps.dummyHash = async () => passwordHash;
  return deps;
}

const from = (ip: string) => ({ "x-forwarded-for": ip });

describe("parallel guesses (lockout race)", () => {
  it("30 wrong passwords and the right one sent at the same moment cost 31 attempts: at most the free failures are checked", async () => {
    const { email } = await newUser();
    const deps = countingDeps();
    const attempts = [...Array.from({ length: 30 }, (_, i) => `fel-${i}`), PASSWORD].map((password) =>
      signInWithPassword(db.prisma, { email, password }, from("203.0.113.50"), deps),
    );
    const outcomes = await Promise.all(attempts);
    expect(deps.checks, "password checks").toBeLessThanOrEqual(THROTTLE.freeFailures);
    expect(outcomes.filter((o) => !o.ok && o.reason === "throttled").length).toBeGreaterThanOrEqual(31 - THROTTLE.freeFailures);
    // The right password got a session only if it was among the few that were checked.
    const right = outcomes[30];
    if (right.ok) expect(deps.checks).toBeLessThanOrEqual(THROTTLE.freeFailures);
    else expect(right).toMatchObject({ reason: "throttled" });
  });

  it("the right password sent while the free failures are still being checked is throttled", async () => {
    const { email } = await newUser();
    const deps = countingDeps();
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    // The wrong guesses are held inside their password check.
    deps.verify = async (pw, hash) => {
      deps.checks++;
      if (pw !== PASSWORD) await gate;
      return verifyPassword(pw, hash);
    };
    const wrong = Array.from({ length: THROTTLE.freeFailures }, (_, i) => signInWithPassword(db.prisma, { email, password: `fel-${i}` }, from("203.0.113.51"), deps));
    while (deps.checks < THROTTLE.freeFailures) await new Promise((r) => setTimeout(r, 1));
    // Today's code counted a failure only after its check: this one went through and got a session.
    const right = await signInWithPassword(db.prisma, { email, password: PASSWORD }, from("203.0.113.51"), deps);
    release();
    expect((await Promise.all(wrong)).map((o) => !o.ok && o.reason)).toEqual(Array(THROTTLE.freeFailures).fill("invalid"));
    expect(right).toMatchObject({ ok: false, reason: "throttled" });
    expect(deps.checks).toBe(THROTTLE.freeFailures);
  });
});

describe("throttling by account and address, not by account alone", () => {
  it("a stranger's wrong guesses from one address do not lock the owner out from another", async () => {
    const { email } = await newUser();
    const deps = countingDeps();
    for (let i = 0; i < THROTTLE.freeFailures + 3; i++) await signInWithPassword(db.prisma, { email, password: `fel-${i}` }, from("198.51.100.66"), deps);
    // The stranger waits...
    expect(await signInWithPassword(db.prisma, { email, password: PASSWORD }, from("198.51.100.66"), deps)).toMatchObject({ ok: false, reason: "throttled" });
    // ...the owner, elsewhere, does not.
    expect(await signInWithPassword(db.prisma, { email, password: PASSWORD }, from("192.0.2.10"), deps)).toMatchObject({ ok: true });
  });

  it("one address that fails on many accounts is held back on every account", async () => {
    const saved = THROTTLE.ipFailures;
    THROTTLE.ipFailures = 8;
    try {
      const deps = countingDeps();
      for (let i = 0; i < 8; i++) {
        const { email } = await newUser();
        expect(await signInWithPassword(db.prisma, { email, password: "fel" }, from("198.51.100.77"), deps)).toMatchObject({ reason: "invalid" });
      }
      const { email } = await newUser();
      const checks = deps.checks;
      expect(await signInWithPassword(db.prisma, { email, password: PASSWORD }, from("198.51.100.77"), deps)).toMatchObject({ ok: false, reason: "throttled" });
      expect(deps.checks, "throttled before hashing").toBe(checks);
    } finally {
      THROTTLE.ipFailures = saved;
    }
  });

  it("an account guessed at from very many addresses is held back everywhere (the high per-account limit)", async () => {
    const saved = THROTTLE.accountFailures;
    THROTTLE.accountFailures = 12;
    try {
      const { email } = await newUser();
      const deps = countingDeps();
      for (let i = 0; i < 12; i++) await signInWithPassword(db.prisma, { email, password: "fel" }, from(`203.0.113.${100 + i}`), deps);
      expect(await signInWithPassword(db.prisma, { email, password: PASSWORD }, from("192.0.2.99"), deps)).toMatchObject({ ok: false, reason: "throttled" });
    } finally {
      THROTTLE.accountFailures = saved;
    }
  });
});

describe("the attempt table and the audit log do not grow without bound", () => {
  it("attempts older than their window are purged on a later attempt", async () => {
    const old = new Date(Date.now() - (THROTTLE.memorySeconds + 3600) * 1000);
    const recent = new Date(Date.now() - 60_000);
    const h = emailHash(`gammal.${uniqueSlug()}@example.se`);
    await db.prisma.signInAttempt.createMany({
      data: [
        { emailHash: h, ip: "192.0.2.1", succeeded: false, at: old },
        { emailHash: h, ip: "192.0.2.1", succeeded: true, at: old },
        { emailHash: h, ip: "192.0.2.1", succeeded: false, at: recent },
      ],
    });
    const { email } = await newUser();
    // A later moment than any purge before it in this file.
    await signInWithPassword(db.prisma, { email, password: "fel" }, from("192.0.2.2"), countingDeps(), new Date(Date.now() + 10 * 60_000));
    expect(await db.prisma.signInAttempt.count({ where: { at: { lt: new Date(Date.now() - THROTTLE.memorySeconds * 1000) } } })).toBe(0);
    expect(await db.prisma.signInAttempt.count({ where: { emailHash: h } }), "the recent one stays").toBe(1);
  });

  it("failed sign-ins of a known account write one audit row per address per 15 minutes, not one per guess", async () => {
    const { email, userId } = await newUser();
    const deps = countingDeps();
    for (let i = 0; i < THROTTLE.freeFailures + 4; i++) await signInWithPassword(db.prisma, { email, password: `fel-${i}` }, from("198.51.100.88"), deps);
    await signInWithPassword(db.prisma, { email, password: "fel" }, from("198.51.100.89"), deps);
    const rows = await db.prisma.auditEvent.findMany({ where: { entity: "User", entityId: userId }, select: { action: true } });
    const count = (a: string) => rows.filter((r) => r.action === a).length;
    expect(count("session.sign-in-failed"), "one per address").toBe(2);
    expect(count("session.sign-in-throttled")).toBe(1);
  });
});
