import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase, uniqueSlug } from "../support/db";
import type { Database } from "@/server/db/connect";
import { hashPassword, verifyPassword, dummyPasswordHash } from "@/server/auth/password";
import { authenticate, startSession, endSession, actorForSession, SESSION_IDLE_MINUTES, SESSION_MAX_HOURS } from "@/server/auth/sessions";
import { createMunicipality, createUser, createBody } from "@/server/seed/factories";
import { THROTTLE, recordSignInAttempt, signInWait } from "@/server/auth/throttle";

let db: Database;
let municipalityId: string;
let email: string;
let userId: string;
let bodyId: string;
beforeAll(async () => {
  db = await openTestDatabase();
  const m = await createMunicipality(db.prisma, { slug: uniqueSlug(), name: "Auth kommun" });
  municipalityId = m.id;
  bodyId = (await createBody(db.prisma, m.id, { name: "Kommunstyrelsen", shortName: "KS", kind: "STYRELSE" })).id;
  email = `Sekr.${m.slug}@Example.se`;
  const u = await createUser(db.prisma, m.id, {
    email, name: "Sekreteraren", role: "SEKRETERARE", passwordHash: await hashPassword("rätt lösenord å"), bodies: [{ bodyId, role: "SECRETARY" }],
  });
  userId = u.id;
});
afterAll(async () => db?.close());

const auth = (e: string, p: string) => authenticate(db.prisma, e, p, verifyPassword, dummyPasswordHash);

describe("passwords", () => {
  it("are hashed with scrypt, salted, and verified", async () => {
    const h1 = await hashPassword("hemligt");
    const h2 = await hashPassword("hemligt");
    expect(h1).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(h1).not.toBe(h2);
    expect(await verifyPassword("hemligt", h1)).toBe(true);
    expect(await verifyPassword("Hemligt", h1)).toBe(false);
    expect(await verifyPassword("hemligt", null)).toBe(false);
    expect(await verifyPassword("hemligt", "md5$abc")).toBe(false);
  });
});

describe("sign-in", () => {
  it("accepts the right password, case-insensitive e-mail", async () => {
    expect(await auth(email.toUpperCase(), "rätt lösenord å")).toMatchObject({ id: userId, municipalityId });
  });
  it("refuses a wrong password and an unknown user alike", async () => {
    expect(await auth(email, "fel")).toBeNull();
    expect(await auth("ingen@example.se", "rätt lösenord å")).toBeNull();
  });
  it("refuses a deactivated user, and ends their sessions", async () => {
    const s = await startSession(db.prisma, userId, municipalityId);
    expect(await actorForSession(db.prisma, s.id)).not.toBeNull();
    await db.prisma.user.update({ where: { id: userId }, data: { active: false } });
    expect(await auth(email, "rätt lösenord å")).toBeNull();
    expect(await actorForSession(db.prisma, s.id)).toBeNull();
    await db.prisma.user.update({ where: { id: userId }, data: { active: true } });
  });
});

describe("sessions", () => {
  it("carry the role, municipality and served bodies", async () => {
    const s = await startSession(db.prisma, userId, municipalityId);
    expect(await actorForSession(db.prisma, s.id)).toMatchObject({ userId, municipalityId, role: "SEKRETERARE", secretaryOf: [bodyId], memberOf: [] });
  });
  it("end at sign-out", async () => {
    const s = await startSession(db.prisma, userId, municipalityId);
    expect(await endSession(db.prisma, s.id)).toEqual({ id: s.id, userId, municipalityId });
    expect(await actorForSession(db.prisma, s.id)).toBeNull();
    expect(await endSession(db.prisma, s.id), "a second sign-out finds nothing open").toBeNull();
  });
  it("expire when idle and after the absolute limit", async () => {
    const t0 = new Date("2026-01-01T08:00:00Z");
    const s = await startSession(db.prisma, userId, municipalityId, t0);
    const idle = new Date(t0.getTime() + (SESSION_IDLE_MINUTES + 1) * 60_000);
    expect(await actorForSession(db.prisma, s.id, idle)).toBeNull();
    const s2 = await startSession(db.prisma, userId, municipalityId, t0);
    // Kept alive by activity, still ended by the absolute limit.
    let t = t0.getTime();
    while (t < t0.getTime() + SESSION_MAX_HOURS * 3600_000 - 30 * 60_000) {
      t += 30 * 60_000;
      expect(await actorForSession(db.prisma, s2.id, new Date(t))).not.toBeNull();
    }
    expect(await actorForSession(db.prisma, s2.id, new Date(t0.getTime() + SESSION_MAX_HOURS * 3600_000 + 1))).toBeNull();
  });
  it("an unknown session id is no session", async () => {
    expect(await actorForSession(db.prisma, crypto.randomUUID())).toBeNull();
  });
});

describe("sign-in throttling", () => {
  it("makes an account wait at an address after five failures from it, whatever the case, not elsewhere; a success clears it", async () => {
    const target = `throttle.${uniqueSlug()}@example.se`;
    // Recent: sign-in attempts older than a day are purged by any sign-in.
    const t0 = new Date(Date.now() - 3600_000);
    const at = (s: number) => new Date(t0.getTime() + s * 1000);
    for (let i = 0; i < 5; i++) {
      expect(await signInWait(db.prisma, target, "203.0.113.9", at(i))).toBe(0);
      await recordSignInAttempt(db.prisma, target, "203.0.113.9", false, at(i));
    }
    expect(await signInWait(db.prisma, target.toUpperCase(), "203.0.113.9", at(5))).toBe(THROTTLE.baseDelaySeconds - 1);
    expect(await signInWait(db.prisma, target, "198.51.100.1", at(5)), "another address").toBe(0);
    expect(await signInWait(db.prisma, target, "203.0.113.9", at(4 + THROTTLE.baseDelaySeconds))).toBe(0);
    await recordSignInAttempt(db.prisma, target, "203.0.113.9", true, at(40));
    expect(await signInWait(db.prisma, target, "203.0.113.9", at(41))).toBe(0);
  });
});
