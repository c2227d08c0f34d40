// The migration runner (src/server/db/migrations.ts) on fresh in-memory PGlite
// databases of its own; the same runner interface serves node-postgres (the
// global setup migrates the PostgreSQL test database with it). Its result cannot
// depend on the test project's database, so it runs once (vitest.config.ts).
import { describe, expect, it } from "vitest";
import { PGlite } from "@electric-sql/pglite";
import { applyMigrations, readMigrations } from "@/server/db/migrations";
import { pgliteRunner } from "@/server/db/connect";

describe("migrations", () => {
  it("take an empty database to the current schema, record themselves like Prisma, and are idempotent", async () => {
    const lite = new PGlite("memory://");
    const first = await applyMigrations(pgliteRunner(lite));
    expect(first.applied).toEqual(readMigrations().map((m) => m.name));
    const again = await applyMigrations(pgliteRunner(lite));
    expect(again).toEqual({ applied: [], alreadyApplied: first.applied.length });
    const rows = await lite.query<{ migration_name: string; checksum: string; finished_at: Date }>(
      `SELECT migration_name, checksum, finished_at FROM "_prisma_migrations" ORDER BY migration_name`,
    );
    expect(rows.rows.map((r) => r.checksum)).toEqual(readMigrations().map((m) => m.checksum));
    expect(rows.rows.every((r) => r.finished_at)).toBe(true);
    await lite.close();
  });

  it("refuse a migration that was edited after it was applied", async () => {
    const lite = new PGlite("memory://");
    const ms = readMigrations();
    await applyMigrations(pgliteRunner(lite), ms);
    const edited = ms.map((m, i) => (i === 0 ? { ...m, checksum: "0".repeat(64) } : m));
    await expect(applyMigrations(pgliteRunner(lite), edited)).rejects.toThrow(/changed after it was applied/);
    await lite.close();
  });

  it("roll back a failing migration whole", async () => {
    const lite = new PGlite("memory://");
    const bad = [{ name: "20990101000000_bad", sql: "CREATE TABLE half_done (id int); SELECT * FROM no_such_table;", checksum: "x" }];
    await expect(applyMigrations(pgliteRunner(lite), bad)).rejects.toThrow(/no_such_table/);
    const t = await lite.query(`SELECT to_regclass('half_done') AS t`);
    expect((t.rows[0] as { t: string | null }).t).toBeNull();
    await lite.close();
  });
});
