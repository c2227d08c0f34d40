// Production never falls back to the demo: without DATABASE_URL the server does
// not start (and the demo users with their known password are never listed)
// unless the operator turns the demo on with DEMO_MODE=true, as `npm run demo` does.
import { afterEach, describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { startupProblems } from "@/server/startup-checks";
import { isDemoMode } from "@/server/config";

const prod = { NODE_ENV: "production", NEXTAUTH_SECRET: "x".repeat(40), NEXTAUTH_URL: "https://uppdrag.example-kommun.se" } as NodeJS.ProcessEnv;

describe("production without DATABASE_URL", () => {
  it("refuses to start, naming the variable, unless DEMO_MODE=true", () => {
    const problems = startupProblems(prod);
    expect(problems.join("\n")).toMatch(/DATABASE_URL/);
    expect(problems.join("\n")).toMatch(/DEMO_MODE=true/);
    expect(startupProblems({ ...prod, DEMO_MODE: "true" })).toEqual([]);
    expect(startupProblems({ ...prod, DATABASE_URL: "postgresql://u:p@db/uppdrag" })).toEqual([]);
    expect(startupProblems({ ...prod, DEMO_MODE: "false" }).join("\n")).toMatch(/DATABASE_URL/);
    expect(startupProblems({ NODE_ENV: "development" })).toEqual([]);
  });

  it("refuses a TRUSTED_PROXY_HOPS that is not a small whole number", () => {
    expect(startupProblems({ ...prod, DATABASE_URL: "postgresql://db/u", TRUSTED_PROXY_HOPS: "ett" }).join("\n")).toMatch(/TRUSTED_PROXY_HOPS/);
    expect(startupProblems({ ...prod, DATABASE_URL: "postgresql://db/u", TRUSTED_PROXY_HOPS: "1" })).toEqual([]);
  });
});

describe("the demo users on the sign-in page", () => {
  const saved = { ...process.env };
  afterEach(() => {
    for (const k of ["NODE_ENV", "DATABASE_URL", "DEMO_MODE", "PGLITE_DIR"]) {
      if (saved[k] === undefined) delete process.env[k];
      else process.env[k] = saved[k];
    }
  });
  const set = (env: Record<string, string | undefined>) => {
    for (const [k, v] of Object.entries(env)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  };

  it("are listed in production only with DEMO_MODE=true", () => {
    set({ NODE_ENV: "production", DATABASE_URL: undefined, DEMO_MODE: undefined });
    expect(isDemoMode()).toBe(false);
    set({ DEMO_MODE: "true" });
    expect(isDemoMode()).toBe(true);
    set({ NODE_ENV: "development", DEMO_MODE: undefined });
    expect(isDemoMode(), "development on the embedded database").toBe(true);
  });

  it("the server's database refuses to open the embedded demo in production", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "uppdrag-prod-"));
    set({ NODE_ENV: "production", DATABASE_URL: undefined, DEMO_MODE: undefined, PGLITE_DIR: dir });
    const { getDb } = await import("@/server/db");
    await expect(getDb()).rejects.toThrow(/DATABASE_URL/);
    expect(readdirSync(dir), "no embedded database was made").toEqual([]);
  });
});

describe("npm run seed", () => {
  // A child process (tsx): seconds on a busy machine, so the limit is the spawn's own.
  it("refuses to load the demo data in production without DEMO_MODE=true, and opens no database", { timeout: 90_000 }, () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "uppdrag-seed-"));
    const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: "production", PGLITE_DIR: dir, DEMO_MODE: "" };
    delete env.DATABASE_URL;
    const r = spawnSync(path.join("node_modules", ".bin", "tsx"), ["scripts/seed.ts"], { env, encoding: "utf8", timeout: 60_000 });
    expect(r.status, r.stdout + r.stderr).not.toBe(0);
    expect(r.stderr).toMatch(/DEMO_MODE=true/);
    expect(readdirSync(dir), "no embedded database was made").toEqual([]);
  });
});
