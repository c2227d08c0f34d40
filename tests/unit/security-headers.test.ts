import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, originOf, securityHeaders } from "@/lib/security/csp";
import { startupProblems } from "@/server/startup-checks";
import { NextRequest } from "next/server";
import { LOGO_CSP, proxy } from "@/proxy";

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

describe("the proxy", () => {
  const cspOf = (path: string) => proxy(new NextRequest(`http://localhost${path}`)).headers.get("Content-Security-Policy")!;

  it("gives pages the CSP with a fresh nonce", () => {
    expect(cspOf("/uppdrag")).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
    expect(cspOf("/uppdrag")).not.toBe(cspOf("/uppdrag"));
  });

  // Next.js puts the headers the proxy sets on top of the route's own, so the
  // proxy itself must send the logo's sandbox (issue #15, 10c).
  it("keeps the logo sandboxed: an SVG opened on its own can run nothing", () => {
    for (const path of ["/kommun/logotyp", "/kommun/logotyp?v=123"]) {
      const d = directives(cspOf(path));
      expect(d["sandbox"]).toEqual([]);
      expect(d["default-src"]).toEqual(["'none'"]);
      expect(d["script-src"]).toBeUndefined();
    }
    expect(cspOf("/kommun/logotyp")).toBe(LOGO_CSP);
    expect(directives(cspOf("/kommun/logotyper"))["sandbox"]).toBeUndefined();
  });

  it("sends the same sandbox as the logo route, and the other headers too", async () => {
    const src = await import("node:fs").then((fs) => fs.readFileSync("src/app/kommun/logotyp/route.ts", "utf8"));
    expect(src).toMatch(/"Content-Security-Policy": LOGO_CSP/);
    const r = proxy(new NextRequest("http://localhost/kommun/logotyp"));
    expect(r.headers.get("X-Content-Type-Options")).toBe("nosniff");
    expect(r.headers.get("X-Frame-Options")).toBe("DENY");
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
