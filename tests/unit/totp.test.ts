// The TOTP and recovery-code rules (src/server/auth/totp.ts): the time is passed
// in, nothing here depends on the clock.
import { describe, expect, it } from "vitest";
import { createHmac } from "node:crypto";
import {
  checkTotp,
  decryptTotpSecret,
  encryptTotpSecret,
  enrolmentToken,
  ENROLMENT_MINUTES,
  groupedSecret,
  hashRecoveryCode,
  matchRecoveryCode,
  newRecoveryCodes,
  newTotpSecret,
  openEnrolmentToken,
  totpCode,
  totpStep,
  totpUri,
  twoFactorKey,
} from "@/server/auth/totp";
import { requireAdminTotp, secondFactorNeeded } from "@/server/auth/two-factor";
import { recoveryCodesIn, recoveryCodesMessage, secondFactorSchema, totpEnrolSchema } from "@/lib/validation/auth";

const key = twoFactorKey({ NEXTAUTH_SECRET: "a".repeat(40) });
const otherKey = twoFactorKey({ NEXTAUTH_SECRET: "b".repeat(40) });
// RFC 6238 appendix B's SHA-1 secret ("12345678901234567890"), base32.
const RFC_SECRET = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";
const T0 = new Date("2026-12-06T12:00:15Z"); // 15 s into a step

describe("TOTP codes", () => {
  it("matches the RFC 6238 test vectors (SHA-1, 6 digits: the last six of the 8-digit values)", () => {
    expect(totpCode(RFC_SECRET, new Date(59_000))).toBe("287082");
    expect(totpCode(RFC_SECRET, new Date(1111111109_000))).toBe("081804");
    expect(totpCode(RFC_SECRET, new Date(1234567890_000))).toBe("005924");
    expect(totpCode(RFC_SECRET, new Date(2000000000_000))).toBe("279037");
  });

  it("accepts the current code, one step either side, and nothing further", () => {
    const s = newTotpSecret();
    const step = totpStep(T0);
    expect(checkTotp(s, totpCode(s, T0), T0, null)).toEqual({ ok: true, step });
    expect(checkTotp(s, totpCode(s, new Date(T0.getTime() - 30_000)), T0, null)).toEqual({ ok: true, step: step - 1 });
    expect(checkTotp(s, totpCode(s, new Date(T0.getTime() + 30_000)), T0, null)).toEqual({ ok: true, step: step + 1 });
    expect(checkTotp(s, totpCode(s, new Date(T0.getTime() - 60_000)), T0, null)).toEqual({ ok: false, reason: "invalid" });
    expect(checkTotp(s, totpCode(s, new Date(T0.getTime() + 60_000)), T0, null)).toEqual({ ok: false, reason: "invalid" });
  });

  it("refuses a code for a step already used (replay), and an earlier one", () => {
    const s = newTotpSecret();
    const step = totpStep(T0);
    expect(checkTotp(s, totpCode(s, T0), T0, step)).toEqual({ ok: false, reason: "replay" });
    expect(checkTotp(s, totpCode(s, new Date(T0.getTime() - 30_000)), T0, step)).toEqual({ ok: false, reason: "replay" });
    expect(checkTotp(s, totpCode(s, new Date(T0.getTime() + 30_000)), T0, step)).toMatchObject({ ok: true, step: step + 1 });
  });

  it("reads codes as people type them, and refuses what is not six digits", () => {
    const s = newTotpSecret();
    const code = totpCode(s, T0);
    expect(checkTotp(s, `${code.slice(0, 3)} ${code.slice(3)}`, T0, null).ok).toBe(true);
    expect(checkTotp(s, `${code.slice(0, 3)}-${code.slice(3)}`, T0, null).ok).toBe(true);
    for (const bad of ["", "12345", "1234567", "abcdef", `${code}0`]) expect(checkTotp(s, bad, T0, null)).toEqual({ ok: false, reason: "invalid" });
  });

  it("gives an otpauth:// address for the QR code and the secret in groups of four", () => {
    const s = newTotpSecret();
    expect(s).toMatch(/^[A-Z2-7]{32}$/);
    const uri = new URL(totpUri(s, "anna@kommun.se"));
    expect(uri.protocol).toBe("otpauth:");
    expect(uri.searchParams.get("secret")).toBe(s);
    expect(uri.searchParams.get("issuer")).toBe("Uppdragskollen");
    expect(groupedSecret("ABCDEFGHIJ")).toBe("ABCD EFGH IJ");
  });
});

describe("the stored secret", () => {
  it("is encrypted, bound to the user and the key", () => {
    const s = newTotpSecret();
    const stored = encryptTotpSecret(s, "user-1", key);
    expect(stored).not.toContain(s);
    expect(stored).toMatch(/^v1\./);
    expect(decryptTotpSecret(stored, "user-1", key)).toBe(s);
    expect(decryptTotpSecret(stored, "user-2", key), "copied to another user").toBeNull();
    expect(decryptTotpSecret(stored, "user-1", otherKey), "another NEXTAUTH_SECRET").toBeNull();
    const [v, iv, body, tag] = stored.split(".");
    const flipped = Buffer.from(body, "base64url");
    flipped[0] ^= 1;
    expect(decryptTotpSecret([v, iv, flipped.toString("base64url"), tag].join("."), "user-1", key), "tampered").toBeNull();
    expect(decryptTotpSecret("garbage", "user-1", key)).toBeNull();
  });

  it("the key is derived from NEXTAUTH_SECRET; production refuses to run without one", () => {
    expect(key.length).toBe(32);
    expect(key.equals(otherKey)).toBe(false);
    expect(key.equals(Buffer.from("a".repeat(40)))).toBe(false);
    expect(() => twoFactorKey({ NODE_ENV: "production" })).toThrow(/NEXTAUTH_SECRET/);
    expect(twoFactorKey({ NODE_ENV: "test" }).length).toBe(32);
  });
});

describe("recovery codes", () => {
  it("are ten distinct codes of ten unambiguous characters", () => {
    const codes = newRecoveryCodes();
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const c of codes) expect(c).toMatch(/^[a-hjkmnp-z2-9]{5}-[a-hjkmnp-z2-9]{5}$/);
  });

  it("are stored as an HMAC under the key, and match however they are typed", () => {
    const [a, b] = newRecoveryCodes(2);
    const hashes = [hashRecoveryCode(a, key), hashRecoveryCode(b, key)];
    expect(hashes[0]).not.toContain(a.replace("-", ""));
    expect(hashes[0]).not.toBe(createHmac("sha256", "").update(a).digest("hex"));
    expect(matchRecoveryCode(a, hashes, key)).toBe(hashes[0]);
    expect(matchRecoveryCode(` ${b.toUpperCase().replace("-", " ")} `, hashes, key)).toBe(hashes[1]);
    expect(matchRecoveryCode(a, hashes, otherKey)).toBeNull();
    expect(matchRecoveryCode("aaaaa-aaaaa", hashes, key)).toBeNull();
    expect(matchRecoveryCode("123456", hashes, key)).toBeNull();
  });

  it("travel to the form once, in the answer's message", () => {
    const codes = newRecoveryCodes();
    expect(recoveryCodesIn(recoveryCodesMessage(codes))).toEqual(codes);
    expect(recoveryCodesIn("Något annat: abcde-fghjk")).toEqual([]);
    expect(recoveryCodesIn(undefined)).toEqual([]);
  });
});

describe("the enrolment token", () => {
  it("carries the new secret for this user for ENROLMENT_MINUTES", () => {
    const s = newTotpSecret();
    const t = enrolmentToken("user-1", s, key, T0);
    expect(t).not.toContain(s);
    expect(openEnrolmentToken(t, "user-1", key, T0)).toBe(s);
    expect(openEnrolmentToken(t, "user-1", key, new Date(T0.getTime() + ENROLMENT_MINUTES * 60_000))).toBe(s);
    expect(openEnrolmentToken(t, "user-1", key, new Date(T0.getTime() + ENROLMENT_MINUTES * 60_000 + 1000)), "expired").toBeNull();
    expect(openEnrolmentToken(t, "user-2", key, T0), "another user's").toBeNull();
    expect(openEnrolmentToken(t, "user-1", otherKey, T0)).toBeNull();
    expect(openEnrolmentToken(encryptTotpSecret(s, "user-1", key), "user-1", key, T0), "a stored secret is no token").toBeNull();
  });
});

describe("who is asked", () => {
  it("enrolled users for a code; administrators without TOTP to enrol unless REQUIRE_ADMIN_TOTP=false; others not", () => {
    expect(requireAdminTotp({})).toBe(true);
    expect(requireAdminTotp({ REQUIRE_ADMIN_TOTP: "true" })).toBe(true);
    expect(requireAdminTotp({ REQUIRE_ADMIN_TOTP: "false" })).toBe(false);
    expect(requireAdminTotp({ REQUIRE_ADMIN_TOTP: " FALSE " })).toBe(false);
    expect(secondFactorNeeded({ totpEnrolled: true, administrator: false }, false)).toBe("CODE");
    expect(secondFactorNeeded({ totpEnrolled: true, administrator: true }, true)).toBe("CODE");
    expect(secondFactorNeeded({ totpEnrolled: false, administrator: true }, true)).toBe("ENROL");
    expect(secondFactorNeeded({ totpEnrolled: false, administrator: true }, false)).toBeNull();
    expect(secondFactorNeeded({ totpEnrolled: false, administrator: false }, true)).toBeNull();
  });
});

describe("the forms' schemas", () => {
  it("take a six-digit code or a recovery code, in Swedish when wrong", () => {
    expect(secondFactorSchema.safeParse({ code: "123 456" }).success).toBe(true);
    expect(secondFactorSchema.safeParse({ code: "abcde-fghjk" }).success).toBe(true);
    const bad = secondFactorSchema.safeParse({ code: "12" });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0].message).toMatch(/sexsiffriga/);
    expect(totpEnrolSchema.safeParse({ enrolment: "x", code: "abcde-fghjk" }).success).toBe(false);
  });
});
