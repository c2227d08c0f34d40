// Two-factor sign-in with time-based one-time codes (TOTP, RFC 6238: SHA-1,
// 6 digits, 30-second steps, as every authenticator app reads them) and
// single-use recovery codes. Pure functions: the time is passed in, the key is
// passed in; two-factor.ts reads and writes the database.
//
// - The shared secret is stored encrypted (AES-256-GCM) under a key derived
//   from NEXTAUTH_SECRET with HKDF, bound to the user's id, so a database dump
//   alone (or a secret copied to another row) does not give the second factor.
// - A code is accepted one step either side of now (clock drift), and never for
//   a step at or before the last one accepted (a replayed code).
// - Recovery codes are ten random codes of ten characters (about 50 bits each),
//   stored as an HMAC under the same key, each used once.
// - Enrolment is stateless until it is confirmed: the new secret travels in the
//   form as an encrypted, user-bound token with a lifetime (no write on GET).
import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes, randomInt, timingSafeEqual } from "node:crypto";
import { Secret, TOTP } from "otpauth";

export const TOTP_PERIOD = 30;
export const TOTP_DIGITS = 6;
/** Steps either side of now a code is accepted for. */
export const TOTP_WINDOW = 1;
export const RECOVERY_CODE_COUNT = 10;
/** How long the QR code shown for enrolment may be confirmed. */
export const ENROLMENT_MINUTES = 15;
export const TOTP_ISSUER = "Uppdragskollen";

/** Used only outside production when NEXTAUTH_SECRET is unset (production does not start without it). */
const DEVELOPMENT_SECRET = "uppdragskollen-development-only-secret-not-for-production";

/** The 32-byte key for TOTP secrets and recovery codes, derived from NEXTAUTH_SECRET. */
export function twoFactorKey(env: Record<string, string | undefined> = process.env): Buffer {
  const secret = env.NEXTAUTH_SECRET ?? env.AUTH_SECRET;
  if (!secret && env.NODE_ENV === "production") throw new Error("NEXTAUTH_SECRET is required for two-factor sign-in");
  return Buffer.from(hkdfSync("sha256", secret ?? DEVELOPMENT_SECRET, "uppdragskollen", "totp-secret-v1", 32));
}

// ---------------------------------------------------------------- encryption

function seal(plain: string, key: Buffer, aad: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  cipher.setAAD(Buffer.from(aad));
  const body = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return ["v1", iv.toString("base64url"), body.toString("base64url"), cipher.getAuthTag().toString("base64url")].join(".");
}

function open(sealed: string, key: Buffer, aad: string): string | null {
  const parts = sealed.split(".");
  if (parts.length !== 4 || parts[0] !== "v1") return null;
  try {
    const [iv, body, tag] = parts.slice(1).map((p) => Buffer.from(p, "base64url"));
    if (iv.length !== 12 || tag.length !== 16) return null;
    const decipher = createDecipheriv("aes-256-gcm", key, iv);
    decipher.setAAD(Buffer.from(aad));
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(body), decipher.final()]).toString("utf8");
  } catch {
    return null;
  }
}

/** The secret (base32) as stored in User.totpSecret, bound to the user. */
export const encryptTotpSecret = (secretBase32: string, userId: string, key: Buffer) => seal(secretBase32, key, `totp:${userId}`);

/** The secret from User.totpSecret, or null when it was not sealed for this user with this key. */
export const decryptTotpSecret = (stored: string, userId: string, key: Buffer) => open(stored, key, `totp:${userId}`);

// ---------------------------------------------------------------- codes

/** A new shared secret: 160 random bits, base32 (what authenticator apps take). */
export const newTotpSecret = (): string => new Secret({ size: 20 }).base32;

const totp = (secretBase32: string, label = "") =>
  new TOTP({ issuer: TOTP_ISSUER, label, algorithm: "SHA1", digits: TOTP_DIGITS, period: TOTP_PERIOD, secret: Secret.fromBase32(secretBase32) });

/** The otpauth:// address the QR code holds. */
export const totpUri = (secretBase32: string, account: string) => totp(secretBase32, account).toString();

/** The time step of a moment. */
export const totpStep = (now: Date) => TOTP.counter({ period: TOTP_PERIOD, timestamp: now.getTime() });

/** The code an app shows at `now` (tests, and the e2e test's "phone"). */
export const totpCode = (secretBase32: string, now: Date) => totp(secretBase32).generate({ timestamp: now.getTime() });

/** The secret grouped in fours, for typing it into an app by hand and for screen readers. */
export const groupedSecret = (secretBase32: string) => secretBase32.replace(/(.{4})(?=.)/g, "$1 ");

/** Digits only, as people type them ("123 456", "123-456"). */
export const normalizeTotpCode = (code: string) => code.replace(/[\s-]/g, "");

export type TotpCheck = { ok: true; step: number } | { ok: false; reason: "invalid" | "replay" };

/** Checks a 6-digit code at `now` (±1 step), refusing a step at or before `lastStep` (a code used before). */
export function checkTotp(secretBase32: string, code: string, now: Date, lastStep: number | null): TotpCheck {
  const token = normalizeTotpCode(code);
  if (!new RegExp(`^\\d{${TOTP_DIGITS}}$`).test(token)) return { ok: false, reason: "invalid" };
  const delta = totp(secretBase32).validate({ token, timestamp: now.getTime(), window: TOTP_WINDOW });
  if (delta === null) return { ok: false, reason: "invalid" };
  const step = totpStep(now) + delta;
  if (lastStep !== null && step <= lastStep) return { ok: false, reason: "replay" };
  return { ok: true, step };
}

// ---------------------------------------------------------------- recovery codes

/** Letters and digits that cannot be mistaken for one another (no 0/o, 1/l/i). */
const RECOVERY_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";

/** Ten new recovery codes, "xxxxx-xxxxx". */
export function newRecoveryCodes(count = RECOVERY_CODE_COUNT): string[] {
  return Array.from({ length: count }, () => {
    const chars = Array.from({ length: 10 }, () => RECOVERY_ALPHABET[randomInt(RECOVERY_ALPHABET.length)]).join("");
    return `${chars.slice(0, 5)}-${chars.slice(5)}`;
  });
}

/** As people type it: case, spaces and hyphens do not matter. */
export const normalizeRecoveryCode = (code: string) => code.toLowerCase().replace(/[\s-]/g, "");

export const looksLikeRecoveryCode = (code: string) => new RegExp(`^[${RECOVERY_ALPHABET}]{10}$`).test(normalizeRecoveryCode(code));

/** What is stored for a recovery code: an HMAC under the key, never the code. */
export const hashRecoveryCode = (code: string, key: Buffer) => createHmac("sha256", key).update(`recovery:${normalizeRecoveryCode(code)}`).digest("hex");

/** The stored hash the code matches, or null (compared in constant time). */
export function matchRecoveryCode(code: string, hashes: readonly string[], key: Buffer): string | null {
  if (!looksLikeRecoveryCode(code)) return null;
  const mine = Buffer.from(hashRecoveryCode(code, key), "hex");
  let found: string | null = null;
  for (const h of hashes) {
    const theirs = Buffer.from(h, "hex");
    if (theirs.length === mine.length && timingSafeEqual(theirs, mine)) found = h;
  }
  return found;
}

// ---------------------------------------------------------------- enrolment token

/** The new secret for the enrolment form: sealed, bound to the user, issued at `now`. */
export const enrolmentToken = (userId: string, secretBase32: string, key: Buffer, now: Date) => seal(JSON.stringify({ s: secretBase32, t: now.getTime() }), key, `enrol:${userId}`);

/** The secret of an enrolment token of this user that is not older than ENROLMENT_MINUTES, or null. */
export function openEnrolmentToken(token: string, userId: string, key: Buffer, now: Date): string | null {
  const plain = open(token, key, `enrol:${userId}`);
  if (!plain) return null;
  try {
    const { s, t } = JSON.parse(plain) as { s?: unknown; t?: unknown };
    if (typeof s !== "string" || typeof t !== "number") return null;
    const age = now.getTime() - t;
    if (age < -60_000 || age > ENROLMENT_MINUTES * 60_000) return null;
    return s;
  } catch {
    return null;
  }
}
