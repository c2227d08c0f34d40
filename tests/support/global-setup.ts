// One fresh, migrated database per test run on the PostgreSQL server named by
// TEST_DATABASE_URL; dropped afterwards. Without it, each test file opens its
// own in-memory PGlite (tests/support/db.ts).
import type { TestProject } from "vitest/node";
import pg from "pg";
import { migratePostgres } from "../../src/server/db/connect";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string | null;
  }
}

export function withDatabase(serverUrl: string, name: string): string {
  const u = new URL(serverUrl);
  u.pathname = `/${name}`;
  return u.toString();
}

export default async function setup(project: TestProject) {
  const server = process.env.TEST_DATABASE_URL;
  if (!server) {
    project.provide("databaseUrl", null);
    return;
  }
  const name = `uppdrag_test_${Date.now()}_${process.pid}`;
  const admin = new pg.Client({ connectionString: server });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = withDatabase(server, name);
  await migratePostgres(url);
  project.provide("databaseUrl", url);
  return async () => {
    const c = new pg.Client({ connectionString: server });
    await c.connect();
    await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await c.end();
  };
}
