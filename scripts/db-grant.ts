// npm run db:grant -- <app role>: gives the role the server connects with
// (DATABASE_URL) exactly the privileges the app needs, run by the owner of the
// tables (MIGRATION_DATABASE_URL, or DATABASE_URL when that is unset) after
// `npm run db:migrate`. Idempotent: it revokes what the role had on the tables
// and grants again from the tables there are now, so a new table gets its
// privileges on the next run (db:migrate runs it itself when both URLs are set).
//
// History, audit and fastställda reports are append-only: SELECT and INSERT
// only. Plan follow-up values and occasions are never deleted: no DELETE. The
// migrations table is read-only. Everything else: SELECT, INSERT, UPDATE,
// DELETE. Never TRUNCATE, REFERENCES or TRIGGER, and the role owns nothing, so
// it cannot drop or alter a table or its triggers. README, "Running on PostgreSQL".
import { pathToFileURL } from "node:url";
import pg from "pg";

/** Append-only tables (also: any table with a trigger on refuse_change_append_only). */
export const APPEND_ONLY_TABLES = ["StatusEntry", "AuditEvent", "FrozenReport"];
/** Updated while open, never deleted (also: any table with a trigger on the functions below). */
export const NO_DELETE_TABLES = ["PlanOccasion", "PlanActivityStatusEntry", "PlanIndicatorValue", "PlanCommitmentSummary"];
/** Read by the start-up migration check, written only by the owner. */
export const READ_ONLY_TABLES = ["_prisma_migrations"];
const APPEND_ONLY_FUNCTIONS = ["refuse_change_append_only"];
const NO_DELETE_FUNCTIONS = ["refuse_change_closed_plan_occasion", "refuse_change_closed_occasion_row"];

export type Access = "read" | "append" | "no-delete" | "full";
export const PRIVILEGES: Record<Access, string[]> = {
  read: ["SELECT"],
  append: ["SELECT", "INSERT"],
  "no-delete": ["SELECT", "INSERT", "UPDATE"],
  full: ["SELECT", "INSERT", "UPDATE", "DELETE"],
};
const ALL_TABLE_PRIVILEGES = ["SELECT", "INSERT", "UPDATE", "DELETE", "TRUNCATE", "REFERENCES", "TRIGGER"];

export interface GrantResult {
  role: string;
  owner: string;
  schema: string;
  tables: { table: string; access: Access }[];
}

const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** Grants `role` the app's privileges on the database `client` is connected to, as the owner of its tables. */
export async function grantAppRole(client: pg.ClientBase, role: string): Promise<GrantResult> {
  if (!role) throw new Error("name the app's role: npm run db:grant -- <role>");
  await client.query("BEGIN");
  try {
    const result = await grant(client, role);
    await client.query("COMMIT");
    return result;
  } catch (err) {
    await client.query("ROLLBACK").catch(() => {});
    throw err;
  }
}

async function grant(client: pg.ClientBase, role: string): Promise<GrantResult> {
  const me = (
    await client.query<{ user: string; schema: string | null; db: string; dbowner: string; nspowner: string | null }>(
      `SELECT current_user AS user, current_schema() AS schema, current_database() AS db,
              pg_get_userbyid(d.datdba) AS dbowner,
              (SELECT pg_get_userbyid(nspowner) FROM pg_namespace WHERE nspname = current_schema()) AS nspowner
         FROM pg_database d WHERE d.datname = current_database()`,
    )
  ).rows[0];
  if (!me.schema) throw new Error("no current schema (search_path): run db:grant on the app's database");
  const schema = me.schema;

  const r = (await client.query<{ rolsuper: boolean; rolcreaterole: boolean }>(`SELECT rolsuper, rolcreaterole FROM pg_roles WHERE rolname = $1`, [role])).rows[0];
  if (!r) throw new Error(`role "${role}" does not exist: create it first (CREATE ROLE ${ident(role)} LOGIN PASSWORD '…')`);
  if (r.rolsuper) throw new Error(`role "${role}" is a superuser: privileges cannot limit it; give the app a role of its own`);
  if (r.rolcreaterole) throw new Error(`role "${role}" has CREATEROLE: it could make itself the owner; give the app a role without it`);

  const tables = (
    await client.query<{ name: string; owner: string }>(
      `SELECT c.relname AS name, pg_get_userbyid(c.relowner) AS owner
         FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = $1 AND c.relkind IN ('r', 'p') ORDER BY c.relname`,
      [schema],
    )
  ).rows;
  if (tables.length === 0) throw new Error(`no tables in schema "${schema}" of ${me.db}: run npm run db:migrate first`);

  // The app's role must own nothing the tables depend on, nor be (a member of) their owner:
  // an owner, or the schema's or database's owner, can drop triggers and tables.
  const owners = [...new Set([...tables.map((t) => t.owner), me.dbowner, ...(me.nspowner ? [me.nspowner] : [])])];
  for (const owner of owners) {
    const { rows } = await client.query<{ member: boolean }>(`SELECT pg_has_role($1, $2, 'MEMBER') AS member`, [role, owner]);
    if (rows[0].member)
      throw new Error(
        `role "${role}" is ${owner === role ? "" : "a member of "}"${owner}", the owner of ${me.db}'s tables, schema or database: ` +
          "it could drop the append-only triggers; the app needs a role of its own (README, \"Running on PostgreSQL\")",
      );
  }
  for (const owner of new Set(tables.map((t) => t.owner))) {
    const { rows } = await client.query<{ member: boolean }>(`SELECT pg_has_role(current_user, $1, 'USAGE') AS member`, [owner]);
    if (!rows[0].member) throw new Error(`the tables belong to "${owner}", not "${me.user}": run db:grant as the role that ran db:migrate`);
  }
  const owned = await client.query<{ n: string }>(
    `SELECT (SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
              WHERE n.nspname = $1 AND c.relowner = r.oid)
          + (SELECT count(*) FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
              WHERE n.nspname = $1 AND p.proowner = r.oid) AS n
       FROM pg_roles r WHERE r.rolname = $2`,
    [schema, role],
  );
  if (Number(owned.rows[0].n) > 0) throw new Error(`role "${role}" owns ${owned.rows[0].n} objects in schema "${schema}": reassign them to the owner first`);

  // Which tables the triggers make append-only or undeletable.
  const triggers = (
    await client.query<{ table: string; fn: string }>(
      `SELECT c.relname AS table, p.proname AS fn
         FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace
         JOIN pg_proc p ON p.oid = t.tgfoid
        WHERE NOT t.tgisinternal AND n.nspname = $1`,
      [schema],
    )
  ).rows;
  const appendOnly = new Set([...APPEND_ONLY_TABLES, ...triggers.filter((t) => APPEND_ONLY_FUNCTIONS.includes(t.fn)).map((t) => t.table)]);
  const noDelete = new Set([...NO_DELETE_TABLES, ...triggers.filter((t) => NO_DELETE_FUNCTIONS.includes(t.fn)).map((t) => t.table)]);
  const access = (table: string): Access =>
    READ_ONLY_TABLES.includes(table) ? "read" : appendOnly.has(table) ? "append" : noDelete.has(table) ? "no-delete" : "full";

  const s = ident(schema);
  const to = ident(role);
  const statements = [
    `GRANT CONNECT ON DATABASE ${ident(me.db)} TO ${to}`,
    `GRANT USAGE ON SCHEMA ${s} TO ${to}`,
    `REVOKE CREATE ON SCHEMA ${s} FROM ${to}`,
    `REVOKE ALL ON ALL TABLES IN SCHEMA ${s} FROM ${to}`,
    `REVOKE ALL ON ALL SEQUENCES IN SCHEMA ${s} FROM ${to}`,
    ...tables.map((t) => `GRANT ${PRIVILEGES[access(t.name)].join(", ")} ON TABLE ${s}.${ident(t.name)} TO ${to}`),
    `GRANT USAGE ON ALL SEQUENCES IN SCHEMA ${s} TO ${to}`,
    // Tables a later migration creates (as this role): readable and insertable at
    // once; UPDATE and DELETE wait for the next db:grant, which decides per table.
    `ALTER DEFAULT PRIVILEGES IN SCHEMA ${s} REVOKE ALL ON TABLES FROM ${to}`,
    `ALTER DEFAULT PRIVILEGES IN SCHEMA ${s} GRANT SELECT, INSERT ON TABLES TO ${to}`,
    `ALTER DEFAULT PRIVILEGES IN SCHEMA ${s} REVOKE ALL ON SEQUENCES FROM ${to}`,
    `ALTER DEFAULT PRIVILEGES IN SCHEMA ${s} GRANT USAGE ON SEQUENCES TO ${to}`,
  ];
  for (const sql of statements) await client.query(sql);

  // Check what the role can do now, whichever way (PUBLIC, other roles) it got it.
  const wrong: string[] = [];
  for (const t of tables) {
    const want = PRIVILEGES[access(t.name)];
    for (const p of ALL_TABLE_PRIVILEGES) {
      const { rows } = await client.query<{ has: boolean }>(`SELECT has_table_privilege($1, $2, $3) AS has`, [role, `${s}.${ident(t.name)}`, p]);
      if (rows[0].has !== want.includes(p)) wrong.push(`${t.name}: ${rows[0].has ? "has" : "lacks"} ${p}`);
    }
  }
  const create = await client.query<{ has: boolean }>(`SELECT has_schema_privilege($1, $2, 'CREATE') AS has`, [role, schema]);
  if (create.rows[0].has) wrong.push(`schema ${schema}: has CREATE (e.g. through PUBLIC: REVOKE CREATE ON SCHEMA ${s} FROM PUBLIC)`);
  if (wrong.length > 0)
    throw new Error(`role "${role}" still has other privileges than the app's, through PUBLIC or another role:\n  ${wrong.join("\n  ")}`);

  return { role, owner: me.user, schema, tables: tables.map((t) => ({ table: t.name, access: access(t.name) })) };
}

export function describeGrant(r: GrantResult): string {
  const by = (a: Access) => r.tables.filter((t) => t.access === a).map((t) => t.table).join(", ");
  return [
    `Behörigheter för "${r.role}" (ägare "${r.owner}", schema ${r.schema}):`,
    `  bara läsa och lägga till: ${by("append")}`,
    `  läsa, lägga till, ändra (aldrig ta bort): ${by("no-delete")}`,
    `  bara läsa: ${by("read")}`,
    `  läsa, lägga till, ändra, ta bort: ${r.tables.filter((t) => t.access === "full").length} tabeller`,
  ].join("\n");
}

async function main() {
  const role = process.argv[2];
  const url = process.env.MIGRATION_DATABASE_URL || process.env.DATABASE_URL;
  if (!role || process.argv.length > 3) throw new Error("usage: npm run db:grant -- <app role>");
  if (!url) throw new Error("set MIGRATION_DATABASE_URL (or DATABASE_URL) to the owner's connection");
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    console.log(describeGrant(await grantAppRole(client, role)));
  } finally {
    await client.end();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((err: unknown) => {
    console.error(`db:grant: ${(err as Error).message}`);
    process.exit(1);
  });
}
