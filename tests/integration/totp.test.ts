// Two-factor sign-in end to end on the database (src/server/auth/two-factor.ts):
// enrolment at sign-in and on Mitt konto, the second step with a code, replay,
// recovery codes, throttling of wrong codes, and the reset by another administrator.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase, scopedFor, uniqueSlug } from "../support/db";
import type { Database } from "@/server/db/connect";
import { hashPassword, verifyPassword } from "@/server/auth/password";
import { createMunicipality, createUser } from "@/server/seed/factories";
import { auditRefusedSignIn, signInWithPassword, type SignInDeps } from "@/server/auth/sign-in";
import { actorForSession, pendingSession } from "@/server/auth/sessions";
import { completeSignInWithCode, completeSignInWithEnrolment, enrolTotp, resetTotp, TWO_FACTOR_TEXT, verifySecondFactor } from "@/server/auth/two-factor";
import { enrolmentToken, newTotpSecret, totpCode, twoFactorKey } from "@/server/auth/totp";
import { THROTTLE } from "@/server/auth/throttle";
import { RefusedError } from "@/server/errors";
import type { Actor } from "@/server/permissions";
import type { Role } from "@/generated/prisma/enums";

let db: Database;
let municipality: { id: string; slug: string; name: string };
const PASSWORD = "ett långt lösenord för tvåstegstestet";
let passwordHash: string;
const deps = (requireAdminTotp: boolean): SignInDeps => ({ verify: verifyPassword, dummyHash: async () => passwordHash, requireAdminTotp });
const from = (ip: string) => ({ "x-forwarded-for": ip });
const key = () => twoFactorKey();
/** A moment well inside a 30-second step, advanced by whole steps. */
const T = (steps = 0) => new Date(Date.UTC(2026, 11, 6, 12, 0, 15) + steps * 30_000);

beforeAll(async () => {
  process.env.TRUSTED_PROXY_HOPS = "1";
  db = await openTestDatabase();
  municipality = await createMunicipality(db.prisma, { slug: uniqueSlug(), name: "Tvåstegskommun" });
  passwordHash = await hashPassword(PASSWORD);
}, 60_000);
afterAll(async () => db?.close());

async function person(role: Role, withPassword = true) {
  const email = `${role.toLowerCase()}.${uniqueSlug()}@example.se`;
  const u = await createUser(db.prisma, municipality.id, { email, name: `${role} Testsson`, role, passwordHash: withPassword ? passwordHash : null });
  const actor: Actor = { userId: u.id, name: u.name, municipalityId: municipality.id, municipalitySlug: municipality.slug, municipalityName: municipality.name, role, unitId: null, secretaryOf: [], memberOf: [] };
  return { email, id: u.id, actor };
}

/** Signs in with the password and returns the pending session's id. */
async function password(email: string, ip: string, now: Date, require = true) {
  const r = await signInWithPassword(db.prisma, { email, password: PASSWORD }, from(ip), deps(require), now);
  if (!r.ok) throw new Error(`password refused: ${JSON.stringify(r)}`);
  return r;
}

/** Enrols a person through Mitt konto with a secret we know; returns it and the recovery codes. */
async function enrolled(p: { id: string; actor: Actor }, now = T()) {
  const secret = newTotpSecret();
  const codes = await enrolTotp(scopedFor(db.prisma, p.actor), p.actor, { enrolment: enrolmentToken(p.id, secret, key(), now), code: totpCode(secret, now) }, { via: "konto", now });
  return { secret, codes };
}

const audits = (userId: string, action: string) => db.prisma.auditEvent.findMany({ where: { entityId: userId, action }, orderBy: { at: "asc" } });
const sessionAudits = (actorId: string) => db.prisma.auditEvent.findMany({ where: { actorId, action: "session.sign-in" }, orderBy: { at: "asc" } });

async function refusal(p: Promise<unknown>): Promise<RefusedError> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(RefusedError);
  return err as RefusedError;
}

describe("an administrator without TOTP", () => {
  it("gets a session that grants nothing, enrols at sign-in, gets ten recovery codes, and is then signed in", async () => {
    const admin = await person("ADMINISTRATOR");
    const now = T();
    const r = await password(admin.email, "198.51.100.1", now);
    expect(r.pending).toBe("ENROL");
    const sid = r.user.sessionId;
    expect(await actorForSession(db.prisma, sid, now), "a pending session is no one").toBeNull();
    expect(await pendingSession(db.prisma, sid, now)).toMatchObject({ step: "ENROL", userId: admin.id });
    expect(await sessionAudits(admin.id), "not signed in yet").toHaveLength(0);

    // A wrong code, and an enrolment token made for someone else, are refused.
    const secret = newTotpSecret();
    const token = enrolmentToken(admin.id, secret, key(), now);
    expect((await refusal(completeSignInWithEnrolment(db.prisma, sid, { enrolment: token, code: totpCode(secret, T(5)) }, now))).field).toBe("code");
    const other = await person("HANDLAGGARE");
    expect((await refusal(completeSignInWithEnrolment(db.prisma, sid, { enrolment: enrolmentToken(other.id, secret, key(), now), code: totpCode(secret, now) }, now))).message).toBe(TWO_FACTOR_TEXT.enrolmentExpired);

    const codes = await completeSignInWithEnrolment(db.prisma, sid, { enrolment: token, code: totpCode(secret, now) }, now);
    expect(codes).toHaveLength(10);
    expect(await actorForSession(db.prisma, sid, now)).toMatchObject({ userId: admin.id, role: "ADMINISTRATOR" });
    expect(await pendingSession(db.prisma, sid, now)).toBeNull();

    const row = await db.prisma.user.findUniqueOrThrow({ where: { id: admin.id }, select: { totpSecret: true, totpEnrolledAt: true, recoveryCodes: { select: { codeHash: true } } } });
    expect(row.totpEnrolledAt).toEqual(now);
    expect(row.totpSecret, "stored encrypted").not.toContain(secret);
    expect(row.recoveryCodes).toHaveLength(10);
    for (const c of codes) expect(row.recoveryCodes.map((x) => x.codeHash).join()).not.toContain(c.replace("-", ""));
    expect(await audits(admin.id, "user.totp.enrol")).toMatchObject([{ after: { via: "sign-in", recoveryCodes: 10 } }]);
    expect(await sessionAudits(admin.id)).toMatchObject([{ entityId: sid, after: { method: "password+totp-enrolment" } }]);
  });

  it("is not asked when REQUIRE_ADMIN_TOTP=false (the demo); other roles are never made to enrol", async () => {
    const admin = await person("ADMINISTRATOR");
    const relaxed = await password(admin.email, "198.51.100.2", T(), false);
    expect(relaxed.pending).toBeNull();
    expect(await actorForSession(db.prisma, relaxed.user.sessionId, T())).toMatchObject({ userId: admin.id });
    const clerk = await person("HANDLAGGARE");
    expect((await password(clerk.email, "198.51.100.2", T())).pending).toBeNull();
  });

  it("a pending session ends after ten minutes unanswered", async () => {
    const admin = await person("ADMINISTRATOR");
    const r = await password(admin.email, "198.51.100.3", T());
    expect(await pendingSession(db.prisma, r.user.sessionId, T(21))).toBeNull();
    const secret = newTotpSecret();
    expect((await refusal(completeSignInWithEnrolment(db.prisma, r.user.sessionId, { enrolment: enrolmentToken(admin.id, secret, key(), T(21)), code: totpCode(secret, T(21)) }, T(21)))).message).toBe(
      TWO_FACTOR_TEXT.expired,
    );
  });
});

describe("signing in with a second factor", () => {
  it("asks for the code after the password; the code signs in; the same code never works twice", async () => {
    const user = await person("SEKRETERARE");
    const { secret } = await enrolled(user, T());
    const now = T(10);
    const first = await password(user.email, "198.51.100.10", now);
    expect(first.pending).toBe("CODE");
    expect(await actorForSession(db.prisma, first.user.sessionId, now)).toBeNull();
    expect(await completeSignInWithCode(db.prisma, first.user.sessionId, totpCode(secret, now), from("198.51.100.10"), auditRefusedSignIn, now)).toEqual({ method: "totp" });
    expect(await actorForSession(db.prisma, first.user.sessionId, now)).toMatchObject({ userId: user.id });
    expect((await sessionAudits(user.id)).at(-1)).toMatchObject({ after: { method: "password+totp" } });

    // Replay: the same code on another half-signed-in session (someone who saw it over a shoulder).
    const second = await password(user.email, "198.51.100.11", now);
    const replay = await refusal(completeSignInWithCode(db.prisma, second.user.sessionId, totpCode(secret, now), from("198.51.100.11"), auditRefusedSignIn, now));
    expect(replay.field).toBe("code");
    expect(replay.message).toBe(TWO_FACTOR_TEXT.usedCode);
    // The previous step's code is older than the one used: also refused. The next step's works.
    expect((await refusal(completeSignInWithCode(db.prisma, second.user.sessionId, totpCode(secret, T(9)), from("198.51.100.11"), auditRefusedSignIn, now))).message).toBe(TWO_FACTOR_TEXT.usedCode);
    expect(await completeSignInWithCode(db.prisma, second.user.sessionId, totpCode(secret, T(11)), from("198.51.100.11"), auditRefusedSignIn, now)).toEqual({ method: "totp" });
    expect(await audits(user.id, "session.second-factor-failed")).not.toHaveLength(0);
  });

  it("two parallel uses of the same code: exactly one signs in", async () => {
    const user = await person("LEDAMOT");
    const { secret } = await enrolled(user, T());
    const now = T(20);
    const a = await password(user.email, "198.51.100.20", now);
    const b = await password(user.email, "198.51.100.21", now);
    const results = await Promise.allSettled([
      completeSignInWithCode(db.prisma, a.user.sessionId, totpCode(secret, now), from("198.51.100.20"), auditRefusedSignIn, now),
      completeSignInWithCode(db.prisma, b.user.sessionId, totpCode(secret, now), from("198.51.100.21"), auditRefusedSignIn, now),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
  });

  it("a recovery code works once, is audited with how many are left, and then never again", async () => {
    const user = await person("HANDLAGGARE");
    const { codes } = await enrolled(user, T());
    const now = T(30);
    const s1 = await password(user.email, "198.51.100.30", now);
    expect(await completeSignInWithCode(db.prisma, s1.user.sessionId, codes[3].toUpperCase(), from("198.51.100.30"), auditRefusedSignIn, now)).toEqual({ method: "recovery-code", remaining: 9 });
    expect(await audits(user.id, "user.totp.recovery-code-used")).toMatchObject([{ actorId: user.id, after: { remaining: 9 } }]);
    expect((await sessionAudits(user.id)).at(-1)).toMatchObject({ after: { method: "password+recovery-code" } });
    const s2 = await password(user.email, "198.51.100.30", now);
    expect((await refusal(completeSignInWithCode(db.prisma, s2.user.sessionId, codes[3], from("198.51.100.30"), auditRefusedSignIn, now))).field).toBe("code");
    expect(await actorForSession(db.prisma, s2.user.sessionId, now)).toBeNull();
  });

  it("wrong codes count in the sign-in throttle: after the free failures the next attempt waits, answered in Swedish", async () => {
    const user = await person("HANDLAGGARE");
    const { secret } = await enrolled(user, T());
    const now = T(40);
    const ip = "198.51.100.40";
    const s = await password(user.email, ip, now);
    const wrong = totpCode(secret, T(100));
    for (let i = 0; i < THROTTLE.freeFailures; i++) await refusal(completeSignInWithCode(db.prisma, s.user.sessionId, wrong, from(ip), auditRefusedSignIn, now));
    const locked = await refusal(completeSignInWithCode(db.prisma, s.user.sessionId, totpCode(secret, now), from(ip), auditRefusedSignIn, now));
    expect(locked.field).toBeUndefined();
    expect(locked.message).toMatch(/För många felaktiga försök.*försök igen om 30 sekunder/);
    expect(await actorForSession(db.prisma, s.user.sessionId, now)).toBeNull();
    // Entering the password again does not reset the count (the password step is neither a failure nor a success).
    const again = await signInWithPassword(db.prisma, { email: user.email, password: PASSWORD }, from(ip), deps(true), new Date(now.getTime() + 1000));
    expect(again).toMatchObject({ ok: false, reason: "throttled" });
    // Once the wait is over, the right code signs in.
    const later = new Date(now.getTime() + 31_000);
    const s2 = await password(user.email, ip, later);
    expect(await completeSignInWithCode(db.prisma, s2.user.sessionId, totpCode(secret, later), from(ip), auditRefusedSignIn, later)).toEqual({ method: "totp" });
  });

  it("without a pending session the step is refused (signed out, or an ordinary session)", async () => {
    expect((await refusal(completeSignInWithCode(db.prisma, null, "123456", from("198.51.100.50"), auditRefusedSignIn, T()))).message).toBe(TWO_FACTOR_TEXT.expired);
    const clerk = await person("HANDLAGGARE");
    const r = await password(clerk.email, "198.51.100.50", T());
    expect((await refusal(completeSignInWithCode(db.prisma, r.user.sessionId, "123456", from("198.51.100.50"), auditRefusedSignIn, T()))).message).toBe(TWO_FACTOR_TEXT.expired);
  });
});

describe("enrolment on Mitt konto", () => {
  it("is for password accounts once; the wrong code changes nothing", async () => {
    const user = await person("LEDAMOT");
    const secret = newTotpSecret();
    const token = enrolmentToken(user.id, secret, key(), T());
    expect((await refusal(enrolTotp(scopedFor(db.prisma, user.actor), user.actor, { enrolment: token, code: totpCode(secret, T(3)) }, { via: "konto", now: T() }))).field).toBe("code");
    expect(await db.prisma.user.findUniqueOrThrow({ where: { id: user.id }, select: { totpEnrolledAt: true } })).toEqual({ totpEnrolledAt: null });
    await enrolTotp(scopedFor(db.prisma, user.actor), user.actor, { enrolment: token, code: totpCode(secret, T()) }, { via: "konto", now: T() });
    expect((await refusal(enrolled(user, T(1)))).message).toBe(TWO_FACTOR_TEXT.alreadyEnrolled);
    expect(await audits(user.id, "user.totp.enrol")).toMatchObject([{ after: { via: "konto" } }]);

    const sso = await person("HANDLAGGARE", false);
    expect((await refusal(enrolled(sso))).message).toBe(TWO_FACTOR_TEXT.ssoOnly);
  });
});

describe("reset by another administrator", () => {
  it("removes the secret and the recovery codes, ends half-signed-in sessions, is audited; never one's own", async () => {
    const admin = await person("ADMINISTRATOR");
    const other = await person("ADMINISTRATOR");
    const { secret } = await enrolled(other, T());
    const pendingSignIn = await password(other.email, "198.51.100.60", T(50));
    expect(pendingSignIn.pending).toBe("CODE");

    await enrolled(admin, T());
    expect((await refusal(resetTotp(scopedFor(db.prisma, admin.actor), admin.actor, { id: admin.id }))).message).toMatch(/egen/);

    await resetTotp(scopedFor(db.prisma, admin.actor), admin.actor, { id: other.id }, T(51));
    expect(await db.prisma.user.findUniqueOrThrow({ where: { id: other.id }, select: { totpSecret: true, totpEnrolledAt: true, totpLastStep: true, _count: { select: { recoveryCodes: true } } } })).toEqual({
      totpSecret: null,
      totpEnrolledAt: null,
      totpLastStep: null,
      _count: { recoveryCodes: 0 },
    });
    expect(await pendingSession(db.prisma, pendingSignIn.user.sessionId, T(51)), "the half-signed-in session ended").toBeNull();
    expect(await verifySecondFactor(scopedFor(db.prisma, other.actor), other.actor, totpCode(secret, T(52)), T(52))).toEqual({ ok: false, reason: "invalid" });
    expect(await audits(other.id, "user.totp.reset")).toMatchObject([{ actorId: admin.id, after: { recoveryCodesRemoved: 10, pendingSignInsEnded: 1 } }]);
    // An administrator: enrols again at the next sign-in.
    expect((await password(other.email, "198.51.100.60", T(53))).pending).toBe("ENROL");
    // Nothing to reset now.
    expect((await refusal(resetTotp(scopedFor(db.prisma, admin.actor), admin.actor, { id: other.id }))).message).toMatch(/ingen tvåstegsverifiering/);
  });

  it("another municipality's administrator does not find the person", async () => {
    const target = await person("HANDLAGGARE");
    await enrolled(target, T());
    const elsewhere = await createMunicipality(db.prisma, { slug: uniqueSlug(), name: "Grannkommun" });
    const u = await createUser(db.prisma, elsewhere.id, { email: `admin.${uniqueSlug()}@example.se`, name: "Granne", role: "ADMINISTRATOR", passwordHash: null });
    const foreign: Actor = { userId: u.id, name: u.name, municipalityId: elsewhere.id, municipalitySlug: elsewhere.slug, municipalityName: elsewhere.name, role: "ADMINISTRATOR", unitId: null, secretaryOf: [], memberOf: [] };
    await expect(resetTotp(scopedFor(db.prisma, foreign), foreign, { id: target.id })).rejects.toThrow();
    expect(await db.prisma.user.findUniqueOrThrow({ where: { id: target.id }, select: { totpEnrolledAt: true } })).not.toEqual({ totpEnrolledAt: null });
  });
});
