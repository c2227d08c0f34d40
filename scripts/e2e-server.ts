// Starts the production build for the end-to-end tests on a database of its own:
// a fresh PostgreSQL database on TEST_DATABASE_URL's server, or a fresh embedded
// PGlite folder. Loads the demo data, then serves with `next start`.
import { spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { migratePostgres, openPglite, openPostgres } from "../src/server/db/connect";
import { readdirSync, readFileSync } from "node:fs";
import type { PrismaClient } from "../src/generated/prisma/client";
import { hashPassword } from "../src/server/auth/password";
import { DEMO_MUNICIPALITIES, DEMO_PASSWORD, ensureDemoData, loadDemoMunicipalityCopy } from "../src/server/seed/demo";
import { e2eSlug } from "../tests/support/e2e-worlds";

/**
 * Each end-to-end test file gets its own copy of every demo municipality it names
 * (tests/support/e2e-worlds.ts), so the files run in parallel and none sees
 * another's changes. The four demo municipalities stay as they are.
 */
async function loadTestFileWorlds(prisma: PrismaClient) {
  const started = Date.now();
  const dir = path.join(process.cwd(), "tests", "e2e");
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  let copies = 0;
  for (const file of readdirSync(dir).filter((f) => f.endsWith(".spec.ts")).sort()) {
    const text = readFileSync(path.join(dir, file), "utf8");
    for (const template of DEMO_MUNICIPALITIES) {
      if (!text.includes(`"${template}"`)) continue;
      await loadDemoMunicipalityCopy(prisma, template, e2eSlug(template, file), passwordHash);
      copies++;
    }
  }
  console.log(`e2e: ${copies} demo municipality copies for the test files in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

const port = process.env.PORT ?? "3111";
// REQUIRE_ADMIN_TOTP=false: the demo administrators sign in with the password alone (tests/e2e/totp.spec.ts enrols on its own).
// REMINDERS_SCHEDULE=off: the hourly job would otherwise mail every test file's municipality mid-run (tests/e2e/reminders.spec.ts sends on its own).
const env: NodeJS.ProcessEnv = { ...process.env, DEMO_MODE: "true", REQUIRE_ADMIN_TOTP: "false", REMINDERS_SCHEDULE: "off", NEXTAUTH_URL: `http://localhost:${port}` };
env.NEXTAUTH_SECRET ??= "e2e-only-secret-not-for-production-0123456789";

const server = process.env.TEST_DATABASE_URL;
let dropDatabase = async () => {};
if (server) {
  const admin = new pg.Client({ connectionString: server });
  await admin.connect();
  // Databases of earlier runs that were killed before they could clean up.
  // Only those over six hours old: another checkout may be running its own suite now.
  const old = await admin.query<{ datname: string }>(`SELECT datname FROM pg_database WHERE datname LIKE 'uppdrag_e2e_%'`);
  const cutoff = Date.now() - 6 * 3600_000;
  for (const { datname } of old.rows) {
    const started = Number(datname.split("_").pop());
    if (Number.isFinite(started) && started < cutoff) await admin.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
  }
  const name = `uppdrag_e2e_${Date.now()}`;
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const u = new URL(server);
  u.pathname = `/${name}`;
  env.DATABASE_URL = u.toString();
  dropDatabase = async () => {
    const c = new pg.Client({ connectionString: server });
    await c.connect();
    await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await c.end();
  };
  await migratePostgres(env.DATABASE_URL);
  const db = await openPostgres(env.DATABASE_URL);
  await ensureDemoData(db.prisma);
  await loadTestFileWorlds(db.prisma);
  await db.close();
} else {
  delete env.DATABASE_URL;
  env.PGLITE_DIR = mkdtempSync(path.join(os.tmpdir(), "uppdrag-e2e-"));
  const db = await openPglite(env.PGLITE_DIR);
  await ensureDemoData(db.prisma);
  await loadTestFileWorlds(db.prisma);
  await db.close();
}

const next = spawn(path.join(process.cwd(), "node_modules", ".bin", "next"), ["start", "-p", port], { stdio: "inherit", env });
for (const sig of ["SIGINT", "SIGTERM"] as const) process.on(sig, () => next.kill(sig));
next.on("exit", (code) => {
  dropDatabase()
    .catch(() => {})
    .finally(() => process.exit(code ?? 0));
});
