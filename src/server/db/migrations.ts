// Applies prisma/migrations/*/migration.sql in order, each in its own
// transaction, and records them in Prisma's own `_prisma_migrations` table
// (same columns and checksum), so `prisma migrate deploy` elsewhere sees them
// as applied. Works on node-postgres and PGlite alike; no Prisma engine needed.
// Why: docs/decisions/001-migrations-offline.md.
import { createHash, randomUUID } from "node:crypto";
import { readdirSync, readFileSync, existsSync } from "node:fs";
import path from "node:path";

/** The two calls we need from either driver (pg.Client or PGlite). */
export interface SqlRunner {
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<{ rows: T[] }>;
  /** Runs a multi-statement script (simple query protocol). */
  exec(sql: string): Promise<unknown>;
}

export interface Migration {
  name: string;
  sql: string;
  checksum: string;
}

export function defaultMigrationsDir(): string {
  return path.join(process.cwd(), "prisma", "migrations");
}

export function readMigrations(dir = defaultMigrationsDir()): Migration[] {
  if (!existsSync(/*turbopackIgnore: true*/ dir)) throw new Error(`migrations folder not found: ${dir}`);
  return readdirSync(/*turbopackIgnore: true*/ dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && /^\d+_/.test(d.name))
    .map((d) => d.name)
    .sort()
    .map((name) => {
      const sql = readFileSync(/*turbopackIgnore: true*/ path.join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    });
}

const CREATE_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id" VARCHAR(36) PRIMARY KEY NOT NULL,
  "checksum" VARCHAR(64) NOT NULL,
  "finished_at" TIMESTAMPTZ,
  "migration_name" VARCHAR(255) NOT NULL,
  "logs" TEXT,
  "rolled_back_at" TIMESTAMPTZ,
  "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
  "applied_steps_count" INTEGER NOT NULL DEFAULT 0
)`;

// Same key Prisma's migrate uses, so our runner and `prisma migrate deploy`
// never run at once against one PostgreSQL database.
const ADVISORY_LOCK_KEY = 72707369;

export interface MigrateResult {
  applied: string[];
  alreadyApplied: number;
}

export async function applyMigrations(
  db: SqlRunner,
  migrations: Migration[] = readMigrations(),
  opts: { advisoryLock?: boolean } = {},
): Promise<MigrateResult> {
  if (opts.advisoryLock) await db.query(`SELECT pg_advisory_lock(${ADVISORY_LOCK_KEY})`);
  try {
    // Created only when missing: the app's own role (README, "Running on
    // PostgreSQL") may read this table but not create anything, so on an
    // up-to-date database it gets through this check without privileges.
    const table = await db.query<{ t: string | null }>(`SELECT to_regclass('"_prisma_migrations"')::text AS t`);
    if (!table.rows[0]?.t) await db.exec(CREATE_TABLE).catch(explainPrivileges("creating _prisma_migrations"));
    const done = await db.query<{ migration_name: string; checksum: string; finished_at: Date | null }>(
      `SELECT migration_name, checksum, finished_at FROM "_prisma_migrations" WHERE rolled_back_at IS NULL`,
    );
    const byName = new Map(done.rows.map((r) => [r.migration_name, r]));
    const applied: string[] = [];
    for (const m of migrations) {
      const prior = byName.get(m.name);
      if (prior) {
        if (!prior.finished_at) throw new Error(`migration ${m.name} failed earlier; fix the database by hand`);
        if (prior.checksum !== m.checksum) throw new Error(`migration ${m.name} was changed after it was applied`);
        continue;
      }
      const id = randomUUID();
      // Escaping by doubling quotes: the values are our own file names and hex digests.
      const record = `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, finished_at, applied_steps_count)
        VALUES ('${id}', '${m.checksum}', '${m.name.replace(/'/g, "''")}', now(), now(), 1);`;
      await db.exec(`BEGIN;\n${m.sql}\n;\n${record}\nCOMMIT;`).catch(async (err: unknown) => {
        await db.exec("ROLLBACK").catch(() => {});
        explainPrivileges(`migration ${m.name}`)(err);
      });
      applied.push(m.name);
    }
    return { applied, alreadyApplied: migrations.length - applied.length };
  } finally {
    if (opts.advisoryLock) await db.query(`SELECT pg_advisory_unlock(${ADVISORY_LOCK_KEY})`);
  }
}

/** Rethrows a failed step; "permission denied" / "must be owner" (42501) says which role migrates. */
function explainPrivileges(step: string) {
  return (err: unknown): never => {
    const e = err as { code?: string; message?: string };
    const hint =
      e.code === "42501"
        ? " (this database role may not change the schema: run `npm run db:migrate` as the owner of the tables," +
          " with MIGRATION_DATABASE_URL, then `npm run db:grant -- <app role>`; see README, \"Running on PostgreSQL\")"
        : "";
    throw new Error(`${step} failed: ${e.message ?? String(err)}${hint}`, { cause: err });
  };
}
