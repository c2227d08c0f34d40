import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, originOf, securityHeaders } from "@/lib/security/csp";
import { startupProblems } from "@/server/startup-checks";

const directives = (csp: string) => Object.fromEntries(csp.split("; ").map((d) => [d.split(" ")[0], d.split(" ").slice(1)]));

describe("the Content Security Policy", () => {
  it("runs scripts only with the request's nonce, and never frames the app", () => {
    const d = directives(contentSecurityPolicy({ nonce: "abc123" }));
    expect(d["script-src"]).toEqual(["'self'", "'nonce-abc123'", "'strict-dynamic'"]);
    expect(d["frame-ancestors"]).toEqual(["'none'"]);
    expect(d["object-src"]).toEqual(["'none'"]);
    expect(d["form-action"]).toEqual(["'self'"]);
    expect(d["default-src"]).toEqual(["'self'"]);
    expect(d["upgrade-insecure-requests"]).toBeUndefined();
  });

  it("lets forms go to the identity provider when single sign-on is set up, and upgrades over HTTPS", () => {
    const d = directives(contentSecurityPolicy({ nonce: "n", identityProviderOrigin: originOf("https://login.microsoftonline.com/tenant/v2.0"), https: true }));
    expect(d["form-action"]).toEqual(["'self'", "https://login.microsoftonline.com"]);
    expect(d["upgrade-insecure-requests"]).toEqual([]);
  });

  it("allows eval only in development", () => {
    expect(contentSecurityPolicy({ nonce: "n", dev: true })).toContain("'unsafe-eval'");
    expect(contentSecurityPolicy({ nonce: "n" })).not.toContain("unsafe-eval");
  });
});

describe("the other security headers", () => {
  it("send HSTS only over HTTPS", () => {
    expect(securityHeaders({ https: true })["Strict-Transport-Security"]).toMatch(/max-age=\d{8}/);
    expect(securityHeaders({ https: false })["Strict-Transport-Security"]).toBeUndefined();
    expect(securityHeaders({})["Referrer-Policy"]).toBe("same-origin");
  });
});

describe("start-up checks", () => {
  it("refuse production without a strong secret and the public address", () => {
    // The secret, the public address and the database (production never falls back to the embedded demo).
    expect(startupProblems({ NODE_ENV: "production" } as NodeJS.ProcessEnv)).toHaveLength(3);
    expect(startupProblems({ NODE_ENV: "production", NEXTAUTH_SECRET: "kort", NEXTAUTH_URL: "https://x", DATABASE_URL: "postgresql://db/app" } as NodeJS.ProcessEnv)).toEqual([
      "NEXTAUTH_SECRET saknas eller är kortare än 32 tecken.",
    ]);
    expect(startupProblems({ NODE_ENV: "production", NEXTAUTH_SECRET: "x".repeat(32), NEXTAUTH_URL: "https://x", DATABASE_URL: "postgresql://db/app" } as NodeJS.ProcessEnv)).toEqual([]);
  });

  it("refuse single sign-on without its client credentials", () => {
    const env = { NODE_ENV: "production", NEXTAUTH_SECRET: "x".repeat(32), NEXTAUTH_URL: "https://x", DATABASE_URL: "postgresql://db/app", OIDC_ISSUER: "https://idp" } as NodeJS.ProcessEnv;
    expect(startupProblems(env)).toHaveLength(1);
  });

  it("ask nothing in development and tests", () => {
    expect(startupProblems({ NODE_ENV: "test" } as NodeJS.ProcessEnv)).toEqual([]);
  });
});
