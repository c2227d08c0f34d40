// The two database roles (README, "Running on PostgreSQL"): the owner runs the
// migrations, the app connects as a role that may not change history, audit or
// fastställda reports, nor drop or alter a table or its triggers.
//
// Needs PostgreSQL: it runs in `npm run test:unit` with TEST_DATABASE_URL (as
// .ci/run sets it), on a database and two roles of its own, and is left out of
// the PGlite run explicitly (package.json, test:pglite). Without
// TEST_DATABASE_URL it fails instead of passing unseen.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { execFile } from "node:child_process";
import { randomUUID } from "node:crypto";
import path from "node:path";
import { promisify } from "node:util";
import pg from "pg";
import { migratePostgres, openPostgres, pgRunner, type Database } from "@/server/db/connect";
import { applyMigrations, readMigrations } from "@/server/db/migrations";
import { changeStatus } from "@/server/uppdrag/change-status";
import { purgeSignInAttempts, recordSignInAttempt } from "@/server/auth/throttle";
import { actorForSession, endSession, startSession } from "@/server/auth/sessions";
import { buildWorld, type World } from "../support/world";
import { scopedFor } from "../support/db";
import { grantAppRole } from "../../scripts/db-grant";

const server = process.env.TEST_DATABASE_URL;
if (!server) {
  throw new Error(
    "tests/integration/database-roles.test.ts needs PostgreSQL: set TEST_DATABASE_URL to a server where this user may create " +
      "databases and roles (e.g. postgresql://postgres@127.0.0.1:5432/postgres, as .ci/run does). It is not a PGlite test.",
  );
}

const suffix = `${Date.now()}_${process.pid}_${randomUUID().slice(0, 6)}`;
const dbName = `uppdrag_roles_${suffix}`;
const ownerRole = `uppdrag_owner_${suffix}`;
const appRole = `uppdrag_app_${suffix}`;

function urlFor(role?: string): string {
  const u = new URL(server!);
  if (role) {
    u.username = role;
    u.password = ""; // the test server trusts local connections (as .ci/run's does)
  }
  u.pathname = `/${dbName}`;
  return u.toString();
}
const ownerUrl = urlFor(ownerRole);
const appUrl = urlFor(appRole);

const root = path.resolve(import.meta.dirname, "../..");
const run = promisify(execFile);
function script(name: string, args: string[], env: Record<string, string | undefined>) {
  const { MIGRATION_DATABASE_URL: _m, DATABASE_URL: _d, ...rest } = process.env;
  void _m;
  void _d;
  return run(path.join(root, "node_modules/.bin/tsx"), [path.join(root, "scripts", name), ...args], {
    cwd: root,
    env: { ...rest, ...env },
    timeout: 60_000,
  });
}

async function connect(url: string) {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  return c;
}

let admin: pg.Client; // the test server's superuser, on the new database
let owner: pg.Client;
let app: pg.Client;
let appDb: Database;
let w: World;
let migrated: { stdout: string };

beforeAll(async () => {
  const s = await connect(server);
  try {
    await s.query(`CREATE ROLE "${ownerRole}" LOGIN`);
    await s.query(`CREATE ROLE "${appRole}" LOGIN`);
    await s.query(`CREATE DATABASE "${dbName}" OWNER "${ownerRole}"`);
  } finally {
    await s.end();
  }
  migrated = await script("db-migrate.ts", [], { MIGRATION_DATABASE_URL: ownerUrl, DATABASE_URL: appUrl });
  admin = await connect(urlFor());
  owner = await connect(ownerUrl);
  app = await connect(appUrl);
}, 120_000);

afterAll(async () => {
  await appDb?.close();
  await app?.end().catch(() => {});
  await owner?.end().catch(() => {});
  await admin?.end().catch(() => {});
  const s = await connect(server);
  try {
    await s.query(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`);
    await s.query(`DROP ROLE IF EXISTS "${appRole}"`);
    await s.query(`DROP ROLE IF EXISTS "${ownerRole}"`);
  } finally {
    await s.end();
  }
}, 60_000);

const refused = (c: pg.Client, sql: string) => expect(c.query(sql), sql).rejects.toMatchObject({ code: "42501" });

describe("the two database roles", () => {
  it("db:migrate migrates as the owner (MIGRATION_DATABASE_URL) and grants DATABASE_URL's role; db:grant again changes nothing", async () => {
    expect(migrated.stdout).toContain(`Migrerat: ${readMigrations().length} nya, 0 redan gjorda.`);
    expect(migrated.stdout).toContain(`Behörigheter för "${appRole}" (ägare "${ownerRole}"`);
    // The documented grant step, by the owner through DATABASE_URL (MIGRATION_DATABASE_URL unset).
    const granted = await script("db-grant.ts", [appRole], { DATABASE_URL: ownerUrl });
    expect(granted.stdout).toMatch(/bara läsa och lägga till: .*AuditEvent.*Correction.*FrozenReport.*StatusEntry/);
  }, 60_000);

  it("the app's role has exactly its privileges, owns nothing and may not create anything", async () => {
    const privs = await admin.query<{ t: string; privs: string[] }>(
      `SELECT c.relname AS t,
              array_remove(ARRAY[
                CASE WHEN has_table_privilege($1, c.oid, 'SELECT') THEN 'SELECT' END,
                CASE WHEN has_table_privilege($1, c.oid, 'INSERT') THEN 'INSERT' END,
                CASE WHEN has_table_privilege($1, c.oid, 'UPDATE') THEN 'UPDATE' END,
                CASE WHEN has_table_privilege($1, c.oid, 'DELETE') THEN 'DELETE' END,
                CASE WHEN has_table_privilege($1, c.oid, 'TRUNCATE') THEN 'TRUNCATE' END,
                CASE WHEN has_table_privilege($1, c.oid, 'REFERENCES') THEN 'REFERENCES' END,
                CASE WHEN has_table_privilege($1, c.oid, 'TRIGGER') THEN 'TRIGGER' END], NULL) AS privs
         FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = 'public' AND c.relkind = 'r'`,
      [appRole],
    );
    const by = Object.fromEntries(privs.rows.map((r) => [r.t, r.privs.join(",")]));
    for (const t of ["StatusEntry", "AuditEvent", "FrozenReport", "Correction", "MotionEvent"]) expect(by[t], t).toBe("SELECT,INSERT");
    for (const t of ["PlanOccasion", "PlanActivityStatusEntry", "PlanIndicatorValue", "PlanCommitmentSummary"]) expect(by[t], t).toBe("SELECT,INSERT,UPDATE");
    expect(by._prisma_migrations).toBe("SELECT");
    for (const t of ["Session", "SignInAttempt", "Uppdrag", "User", "UppdragView"]) expect(by[t], t).toBe("SELECT,INSERT,UPDATE,DELETE");
    expect(Object.values(by).every((p) => p.length > 0)).toBe(true); // every table is covered

    const owned = await admin.query(
      `SELECT relname FROM pg_class WHERE relowner = (SELECT oid FROM pg_roles WHERE rolname = $1)
       UNION ALL SELECT proname FROM pg_proc WHERE proowner = (SELECT oid FROM pg_roles WHERE rolname = $1)`,
      [appRole],
    );
    expect(owned.rows).toEqual([]);
    await refused(app, `CREATE TABLE "Sneaky" (id int)`);
    await refused(app, `CREATE OR REPLACE FUNCTION refuse_change_append_only() RETURNS trigger AS $$ BEGIN RETURN NEW; END; $$ LANGUAGE plpgsql`);
  });

  it("the app works as its role: the domain code writes status, audit, sessions and purges sign-in attempts", async () => {
    appDb = await openPostgres(appUrl);
    w = await buildWorld(appDb.prisma);
    const r = await changeStatus(scopedFor(appDb.prisma, w.actors.SEKRETERARE), w.actors.SEKRETERARE, {
      uppdragId: w.ksUppdrag.id, expectedVersion: 1, status: "IN_PROGRESS", comment: "Påbörjat", plannedCompletion: null, reportedAtMeetingId: null,
    });
    expect(r.uppdragId).toBe(w.ksUppdrag.id);
    expect(await appDb.prisma.statusEntry.count({ where: { uppdragId: w.ksUppdrag.id } })).toBe(2);
    expect(await appDb.prisma.auditEvent.count({ where: { entityId: w.ksUppdrag.id, action: "uppdrag.status.change" } })).toBe(1);

    const session = await startSession(appDb.prisma, w.actors.ADMINISTRATOR.userId, w.municipality.id);
    expect(await actorForSession(appDb.prisma, session.id)).toMatchObject({ userId: w.actors.ADMINISTRATOR.userId });
    expect(await endSession(appDb.prisma, session.id)).toMatchObject({ id: session.id });
    await appDb.prisma.session.delete({ where: { id: session.id } });

    const email = `gammal-${suffix}@example.se`;
    await recordSignInAttempt(appDb.prisma, email, "192.0.2.1", false, new Date(Date.now() - 3 * 86400_000));
    expect(await purgeSignInAttempts(appDb.prisma)).toBeGreaterThanOrEqual(1);

    // A fastställd report: inserted, as the app does when it freezes one.
    await app.query(
      `INSERT INTO "FrozenReport" (id, "municipalityId", "asOf", previous, "bodyKey", "bodyNames", "openCount", "closedCount", data, pdf, "pdfSha256")
       VALUES ($1, $2, '2024-06-30', '2023-12-31', 'ks', 'Kommunstyrelsen', 1, 0, '{}', '\\x00', 'x')`,
      [randomUUID(), w.municipality.id],
    );
    // The start-up migration check needs no privileges on an up-to-date database…
    await expect(migratePostgres(appUrl)).resolves.toEqual({ applied: [], alreadyApplied: readMigrations().length });
    // …and a pending migration says which role migrates.
    const pending = [...readMigrations(), { name: "29990101000000_not_the_app", sql: `CREATE TABLE "NotTheApp" (id int)`, checksum: "x" }];
    await expect(applyMigrations(pgRunner(app), pending)).rejects.toThrow(/permission denied.*npm run db:migrate. as the owner.*MIGRATION_DATABASE_URL/s);
  }, 60_000);

  it("refuses the app's role UPDATE, DELETE and TRUNCATE on history, audit and fastställda reports", async () => {
    for (const t of ["StatusEntry", "AuditEvent", "FrozenReport", "Correction", "MotionEvent"]) {
      await refused(app, `UPDATE "${t}" SET "municipalityId" = "municipalityId"`);
      await refused(app, `DELETE FROM "${t}"`);
      await refused(app, `TRUNCATE "${t}"`);
    }
    for (const t of ["PlanActivityStatusEntry", "PlanIndicatorValue", "PlanCommitmentSummary", "PlanOccasion"]) await refused(app, `DELETE FROM "${t}"`);
    await refused(app, `UPDATE "_prisma_migrations" SET checksum = checksum`);
    await refused(app, `DELETE FROM "_prisma_migrations"`);
    const entries = await app.query(`SELECT count(*)::int AS n FROM "StatusEntry" WHERE "uppdragId" = $1`, [w.ksUppdrag.id]);
    expect(entries.rows[0].n).toBe(2);
  });

  it("refuses the app's role dropping or disabling triggers, altering or dropping tables", async () => {
    const appendOnly = [["StatusEntry", "StatusEntry_append_only"], ["AuditEvent", "AuditEvent_append_only"], ["FrozenReport", "FrozenReport_append_only"], ["Correction", "Correction_append_only"], ["MotionEvent", "MotionEvent_append_only"]];
    for (const [t, trigger] of appendOnly) {
      await refused(app, `DROP TRIGGER "${trigger}" ON "${t}"`);
      await refused(app, `ALTER TABLE "${t}" DISABLE TRIGGER ALL`);
      await refused(app, `ALTER TABLE "${t}" ADD COLUMN sneaky int`);
      await refused(app, `ALTER TABLE "${t}" OWNER TO "${appRole}"`);
      await refused(app, `DROP TABLE "${t}"`);
      await refused(app, `CREATE TRIGGER sneaky BEFORE INSERT ON "${t}" FOR EACH ROW EXECUTE FUNCTION refuse_change_append_only()`);
    }
    await refused(app, `DROP FUNCTION refuse_change_append_only() CASCADE`);
    const triggers = await admin.query(`SELECT count(*)::int AS n FROM pg_trigger WHERE tgname = ANY($1) AND tgenabled = 'O'`, [appendOnly.map(([, trigger]) => trigger)]);
    expect(triggers.rows[0].n).toBe(appendOnly.length);
  });

  it("a table a later migration adds is readable and insertable at once, and gets its full privileges on the next db:grant", async () => {
    await owner.query(`CREATE TABLE "LaterTable" (id int)`);
    await app.query(`INSERT INTO "LaterTable" VALUES (1)`);
    await refused(app, `DELETE FROM "LaterTable"`);
    await grantAppRole(owner, appRole);
    await expect(app.query(`DELETE FROM "LaterTable"`)).resolves.toMatchObject({ rowCount: 1 });
  });

  it("db:grant refuses a role that privileges cannot hold back: the owner, a superuser, one that does not exist", async () => {
    await expect(grantAppRole(owner, ownerRole)).rejects.toThrow(/owner of .*tables, schema or database/);
    const superuser = (await admin.query<{ u: string }>(`SELECT current_user AS u`)).rows[0].u;
    await expect(grantAppRole(owner, superuser)).rejects.toThrow(/superuser/);
    await expect(grantAppRole(owner, `no_such_role_${suffix}`)).rejects.toThrow(/does not exist/);
    await expect(script("db-grant.ts", [], { DATABASE_URL: ownerUrl })).rejects.toMatchObject({ stderr: expect.stringContaining("usage: npm run db:grant -- <app role>") });
  }, 60_000);
});
