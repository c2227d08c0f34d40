// Per Vitest project (vitest.config.ts): the "postgresql" project gets one
// fresh, migrated database on the server named by TEST_DATABASE_URL, dropped
// afterwards; every project gets a dump of a migrated in-memory PGlite, from
// which each test file that works on PGlite starts its own (tests/support/db.ts):
// loading the dump takes about a second, a fresh PGlite's initdb and migrations
// three to four.
import type { TestProject } from "vitest/node";
import { rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { PGlite } from "@electric-sql/pglite";
import { migratePostgres, pgliteRunner } from "../../src/server/db/connect";
import { applyMigrations } from "../../src/server/db/migrations";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string | null;
    pgliteSnapshot: string;
  }
}

export function withDatabase(serverUrl: string, name: string): string {
  const u = new URL(serverUrl);
  u.pathname = `/${name}`;
  return u.toString();
}

async function pgliteSnapshot(file: string) {
  const lite = new PGlite("memory://");
  await applyMigrations(pgliteRunner(lite));
  const dump = await lite.dumpDataDir("none");
  writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  await lite.close();
}

export default async function setup(project: TestProject) {
  const snapshot = path.join(os.tmpdir(), `uppdrag-pglite-${process.pid}-${project.name || "default"}.tar`);
  const server = project.name === "postgresql" ? process.env.TEST_DATABASE_URL : undefined;
  const name = `uppdrag_test_${Date.now()}_${process.pid}`;
  const url = server ? withDatabase(server, name) : null;
  const createDatabase = async () => {
    if (!server || !url) return;
    const admin = new pg.Client({ connectionString: server });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${name}"`);
    await admin.end();
    await migratePostgres(url);
  };
  await Promise.all([createDatabase(), pgliteSnapshot(snapshot)]);
  project.provide("databaseUrl", url);
  project.provide("pgliteSnapshot", snapshot);
  return async () => {
    rmSync(snapshot, { force: true });
    if (!server) return;
    const c = new pg.Client({ connectionString: server });
    await c.connect();
    await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await c.end();
  };
}
