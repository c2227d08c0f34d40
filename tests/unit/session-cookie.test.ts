import { describe, expect, it } from "vitest";
import { encode } from "next-auth/jwt";
import { getServerSession } from "next-auth";
import { authOrigin, sessionCookieName, sessionIdFromCookies, sessionToken } from "@/server/auth/session-cookie";
import { authOptions } from "@/server/auth/options";

const secret = "unit-test-secret-0123456789abcdef0123";
const sid = "6f1c2d3e-1111-4222-8333-944455556666";
const headers = (h: Record<string, string>) => new Headers(h);

/** What next-auth itself makes of the same cookies (getServerSession, called as the pages router does). */
async function nextAuthSessionId(cookies: { name: string; value: string }[], origin: string) {
  const saved = process.env.NEXTAUTH_URL;
  process.env.NEXTAUTH_URL = origin;
  try {
    const req = { headers: {}, cookies: Object.fromEntries(cookies.map((c) => [c.name, c.value])) };
    const res = { getHeader() {}, setCookie() {}, setHeader() {} };
    // @ts-expect-error -- minimal request and response objects: what getServerSession reads and writes
    const session = await getServerSession(req, res, { ...authOptions, secret });
    return (session as { sid?: string } | null)?.sid ?? null;
  } finally {
    if (saved === undefined) delete process.env.NEXTAUTH_URL;
    else process.env.NEXTAUTH_URL = saved;
  }
}

describe("reading the session cookie", () => {
  it("finds the session id in the cookie next-auth wrote, under the name it uses for the origin", async () => {
    const token = await encode({ token: { sid }, secret, maxAge: 3600 });
    for (const origin of ["http://localhost:3000", "https://uppdrag.exempelstad.se"]) {
      const cookies = [{ name: sessionCookieName(origin), value: token }];
      expect(await sessionIdFromCookies(cookies, { secret, origin })).toBe(sid);
      // The same answer next-auth's own handler gives.
      expect(await nextAuthSessionId(cookies, origin)).toBe(sid);
    }
    expect(sessionCookieName("https://uppdrag.exempelstad.se")).toBe("__Secure-next-auth.session-token");
    expect(sessionCookieName(undefined)).toBe("next-auth.session-token");
    // As next-auth's parseUrl reads it: an address without a scheme is https.
    expect(sessionCookieName("uppdrag.exempelstad.se")).toBe("__Secure-next-auth.session-token");
    const token2 = await encode({ token: { sid }, secret, maxAge: 3600 });
    const schemeless = [{ name: "__Secure-next-auth.session-token", value: token2 }];
    expect(await nextAuthSessionId(schemeless, "uppdrag.exempelstad.se")).toBe(sid);
    expect(await sessionIdFromCookies(schemeless, { secret, origin: "uppdrag.exempelstad.se" })).toBe(sid);
  });

  it("relies on next-auth's default cookie and token handling, which the options leave alone", () => {
    // The reader mirrors next-auth's defaults: an override here would be ignored by it.
    expect(authOptions.cookies).toBeUndefined();
    expect(authOptions.useSecureCookies).toBeUndefined();
    expect(authOptions.jwt).toBeUndefined();
  });

  it("does not take the plain cookie on an https site, as next-auth does not", async () => {
    const token = await encode({ token: { sid }, secret, maxAge: 3600 });
    const cookies = [{ name: "next-auth.session-token", value: token }];
    expect(await sessionIdFromCookies(cookies, { secret, origin: "https://uppdrag.exempelstad.se" })).toBeNull();
    expect(await nextAuthSessionId(cookies, "https://uppdrag.exempelstad.se")).toBeNull();
  });

  it("refuses an expired token, another secret's token, a tampered one and one without a session id", async () => {
    const origin = "http://localhost:3000";
    const name = sessionCookieName(origin);
    const expired = await encode({ token: { sid }, secret, maxAge: -60 }); // beyond jose's 15 s clock tolerance
    const foreign = await encode({ token: { sid }, secret: "another-secret-0123456789abcdef01234", maxAge: 3600 });
    const good = await encode({ token: { sid }, secret, maxAge: 3600 });
    const tampered = good.slice(0, -4) + (good.endsWith("AAAA") ? "BBBB" : "AAAA");
    const noSid = await encode({ token: { name: "Anna" }, secret, maxAge: 3600 });
    for (const value of [expired, foreign, tampered, noSid, "", "not-a-jwt"]) {
      expect(await sessionIdFromCookies([{ name, value }], { secret, origin })).toBeNull();
    }
    expect(await sessionIdFromCookies([], { secret, origin })).toBeNull();
    expect(await sessionIdFromCookies([{ name: "other", value: good }], { secret, origin })).toBeNull();
  });

  it("joins a token next-auth split into numbered chunks, in numeric order", async () => {
    const token = await encode({ token: { sid }, secret, maxAge: 3600 });
    const name = "next-auth.session-token";
    const size = Math.ceil(token.length / 11);
    const chunks = Array.from({ length: 11 }, (_, i) => ({ name: `${name}.${i}`, value: token.slice(i * size, (i + 1) * size) }));
    const shuffled = [chunks[10], ...chunks.slice(0, 10).reverse(), { name: `${name}-other`, value: "x" }];
    expect(sessionToken(shuffled, name)).toBe(token);
    expect(await sessionIdFromCookies(shuffled, { secret, origin: "http://localhost:3000" })).toBe(sid);
  });

  it("takes the origin as next-auth does: NEXTAUTH_URL, else the forwarded host behind a trusted proxy", () => {
    const h = headers({ host: "intern:3000", "x-forwarded-host": "uppdrag.exempelstad.se", "x-forwarded-proto": "https" });
    expect(authOrigin({ NEXTAUTH_URL: "https://a.example" }, h)).toBe("https://a.example");
    expect(authOrigin({ AUTH_TRUST_HOST: "true" }, h)).toBe("https://uppdrag.exempelstad.se");
    expect(authOrigin({ AUTH_TRUST_HOST: "true" }, headers({ host: "localhost:3000", "x-forwarded-proto": "http" }))).toBe("http://localhost:3000");
    expect(authOrigin({}, h)).toBeUndefined();
  });
});
