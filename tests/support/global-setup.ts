// Per database of the Vitest projects (vitest.config.ts): the "postgresql"
// projects get one fresh, migrated database on the server named by
// TEST_DATABASE_URL, dropped afterwards; the "pglite" projects get a dump of a
// migrated in-memory PGlite, from which each of their test files starts its own
// (tests/support/db.ts): loading the dump takes about a second, a fresh
// PGlite's initdb and migrations three to four.
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

interface Prepared {
  url: string | null;
  snapshot: string;
  teardown: () => Promise<void>;
}

// A database's two projects ("postgresql" and "postgresql:isolated", likewise
// for PGlite; vitest.config.ts) share one database, made once for the run.
const prepared = new Map<string, { users: number; ready: Promise<Prepared> }>();

async function prepare(kind: string): Promise<Prepared> {
  const server = kind === "postgresql" ? process.env.TEST_DATABASE_URL : undefined;
  if (!server) {
    // Only the PGlite projects start files from the dump.
    const snapshot = path.join(os.tmpdir(), `uppdrag-pglite-${process.pid}-${kind}.tar`);
    await pgliteSnapshot(snapshot);
    return { url: null, snapshot, teardown: async () => rmSync(snapshot, { force: true }) };
  }
  const name = `uppdrag_test_${Date.now()}_${process.pid}`;
  const url = withDatabase(server, name);
  const admin = new pg.Client({ connectionString: server });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  await migratePostgres(url);
  return {
    url,
    snapshot: "",
    teardown: async () => {
      const c = new pg.Client({ connectionString: server });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await c.end();
    },
  };
}

export default async function setup(project: TestProject) {
  const kind = project.name.split(":")[0] || "default";
  const entry = prepared.get(kind) ?? { users: 0, ready: prepare(kind) };
  entry.users++;
  prepared.set(kind, entry);
  const { url, snapshot } = await entry.ready;
  project.provide("databaseUrl", url);
  project.provide("pgliteSnapshot", snapshot);
  return async () => {
    if (--entry.users > 0) return;
    prepared.delete(kind);
    await (await entry.ready).teardown();
  };
}
