// Opens the database the app runs on: the PostgreSQL server in DATABASE_URL,
// or, when it is unset, an embedded PGlite kept in PGLITE_DIR (default
// .data/pglite). Both get the same migrations; see migrations.ts.
import path from "node:path";
import { mkdirSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "@/generated/prisma/client";
import { applyMigrations, type SqlRunner } from "./migrations";

// Prisma's defaults give a transaction 2 s to get a pooled connection and 5 s to
// finish. A burst of saves on a busy server (50 at once on a pool of 10 with
// the cores shared) waits longer than that in the queue, and a save would then
// fail with an error instead of waiting its turn; the version checks, not
// these limits, decide which concurrent save wins.
const TRANSACTION_OPTIONS = { maxWait: 15_000, timeout: 30_000 };

export interface Database {
  prisma: PrismaClient;
  kind: "postgresql" | "pglite";
  close(): Promise<void>;
}

export function pgRunner(client: pg.Client | pg.Pool): SqlRunner {
  return {
    query: async (sql, params) => client.query(sql, params as unknown[]) as never,
    exec: (sql) => client.query(sql),
  };
}

export function pgliteRunner(db: PGlite): SqlRunner {
  return { query: (sql, params) => db.query(sql, params) as never, exec: (sql) => db.exec(sql) };
}

/** Migrates a PostgreSQL database (with Prisma's advisory lock). */
export async function migratePostgres(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await applyMigrations(pgRunner(client), undefined, { advisoryLock: true });
  } finally {
    await client.end();
  }
}

export function embeddedDataDir(): string {
  return path.resolve(/*turbopackIgnore: true*/ process.env.PGLITE_DIR || path.join(process.cwd(), ".data", "pglite"));
}

// The pools open in this process, by URL: the live channel (src/server/live.ts)
// sends its notifications through the app's pool instead of a connection of its own.
const openPools = ((globalThis as unknown as { uppdragPools?: Map<string, pg.Pool> }).uppdragPools ??= new Map());

/** The pool `openPostgres(url)` opened in this process, while it is open. */
export function openPostgresPool(url: string): pg.Pool | undefined {
  return openPools.get(url);
}

export async function openPostgres(url: string): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: Number(process.env.DATABASE_POOL_SIZE ?? 10) });
  const prisma = new PrismaClient({ adapter: new PrismaPg(pool), transactionOptions: TRANSACTION_OPTIONS });
  openPools.set(url, pool);
  return {
    prisma,
    kind: "postgresql",
    close: async () => {
      if (openPools.get(url) === pool) openPools.delete(url);
      await prisma.$disconnect();
      await pool.end().catch(() => {});
    },
  };
}

/**
 * Opens (and migrates) an embedded PGlite; dataDir "memory://" keeps it in memory.
 * `from` starts it from a dump of an already migrated database (PGlite's
 * dumpDataDir), which skips initdb: the tests open one per file.
 */
export async function openPglite(dataDir: string, options: { from?: Blob } = {}): Promise<Database> {
  if (dataDir !== "memory://") mkdirSync(/*turbopackIgnore: true*/ dataDir, { recursive: true });
  const lite = new PGlite({ dataDir, loadDataDir: options.from });
  await applyMigrations(pgliteRunner(lite));
  const prisma = new PrismaClient({ adapter: new PrismaPGlite(lite), transactionOptions: TRANSACTION_OPTIONS });
  return {
    prisma,
    kind: "pglite",
    close: async () => {
      await prisma.$disconnect();
      await lite.close();
    },
  };
}
