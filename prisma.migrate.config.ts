/* eslint-disable @typescript-eslint/no-explicit-any -- shims over untyped internals of the Prisma 6 CLI and its adapters (see ../shared/notes/prisma-offline.md) */
// Config for the Prisma 6.19.3 CLI (installed as npm alias "prisma-migrate"), which can run
// migrations through its bundled WASM schema engine + a JS driver adapter — no native binary.
// Target: PGLITE_DIR=<dir> (embedded PGlite; "memory://" for in-memory) or DATABASE_URL=postgresql://...
// Do NOT import "prisma/config" here: in this project that resolves to Prisma 7's config package.
import { randomUUID } from "node:crypto";
import { createRequire } from "node:module";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { PrismaPg } from "@prisma/adapter-pg"; // 7.10.1 (adapter-pg 6.19.x can't read `name` columns)
import { PGlite } from "@electric-sql/pglite";
import { PrismaPGlite } from "pglite-prisma-adapter";

// Prisma 6.19's wasm schema engine reads catalog columns of type `name` (oid 19) and `"char"` (oid 18),
// which adapter-pg rejects ("Column type 'char' could not be deserialized from the database").
// Report them as text (oid 25). Only affects the CLI process that loads this file.
const require_ = createRequire(import.meta.url);
const PgResult = require_("pg/lib/result.js");
const origAddFields = PgResult.prototype.addFields;
PgResult.prototype.addFields = function (fields: unknown) {
  origAddFields.call(this, fields);
  for (const f of this.fields) if (f.dataTypeID === 18 || f.dataTypeID === 19) f.dataTypeID = 25;
};

// Prisma 7 forbids `url` in the datasource block, Prisma 6 requires it (P1012). Feed Prisma 6 a copy of
// prisma/schema.prisma with a dummy url (ignored: the adapter below is used instead).
const SCHEMA_SRC = "prisma/schema.prisma";
const SCHEMA_COPY = "node_modules/.cache/prisma-migrate/schema.prisma";
mkdirSync("node_modules/.cache/prisma-migrate", { recursive: true });
const schemaText = readFileSync(SCHEMA_SRC, "utf8");
const patched = schemaText.replace(/(datasource\s+\w+\s*\{)/, '$1\n  url = "postgresql://ignored-see-prisma.migrate.config.ts"');
if (patched === schemaText) throw new Error(`no datasource block found in ${SCHEMA_SRC}`);
writeFileSync(SCHEMA_COPY, patched);

type PgCfg = { host: string; port: number; user: string; password: string; database: string };

// Discrete fields, NOT connectionString: a connectionString would override `database`
// when a shadow database is opened.
function pgConfig(url: string): PgCfg {
  const u = new URL(url);
  return {
    host: u.hostname,
    port: Number(u.port || 5432),
    user: decodeURIComponent(u.username),
    password: decodeURIComponent(u.password),
    database: decodeURIComponent(u.pathname.slice(1)),
  };
}

// adapter-pg 7.10.1's own connectToShadowDb() drops the shadow DB while its pool is still open
// ("database ... is being accessed by other users"), so create/drop it ourselves.
class PrismaPgMigrate extends PrismaPg {
  constructor(private cfg: PgCfg) {
    super(cfg);
  }
  override async connectToShadowDb() {
    const admin = await new PrismaPg(this.cfg).connect();
    const name = `prisma_shadow_${randomUUID().replace(/-/g, "")}`;
    await admin.executeScript(`CREATE DATABASE "${name}"`);
    const shadow = await new PrismaPg({ ...this.cfg, database: name }).connect();
    const dispose = shadow.dispose.bind(shadow);
    shadow.dispose = async () => {
      await dispose();
      await admin.executeScript(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await admin.dispose();
    };
    return shadow;
  }
}

// pglite-prisma-adapter 0.7.2 bugs hit by the schema engine:
//  - the engine applies migration scripts to the shadow DB via executeRaw(sql, no args); PGlite's
//    query() uses the extended protocol -> "cannot insert multiple commands into a prepared statement" (P3006)
//  - executeScript() does not await PGlite.exec(), so SQL errors are lost
// Route both through PGlite.exec() (simple protocol, multi-statement) and await it.
function fixPglite<T>(adapter: T, pg: PGlite): T {
  const a = adapter as any;
  const executeRaw = a.executeRaw.bind(a);
  a.executeRaw = async (q: { sql: string; args: unknown[] }) => {
    if (q.args.length > 0) return executeRaw(q);
    try {
      const results = await pg.exec(q.sql);
      return results.at(-1)?.affectedRows ?? 0;
    } catch (e) {
      a.onError(e); // rethrows as DriverAdapterError
    }
  };
  a.executeScript = async (script: string) => {
    try {
      await pg.exec(script);
    } catch (e) {
      a.onError(e);
    }
  };
  return adapter;
}

// The Prisma 6 CLI never disposes adapters and relies on the event loop draining after a successful
// command; PGlite keeps re-arming Postgres itimers (setTimeout) while open, so `migrate status`,
// no-op `migrate dev` etc. would hang forever after printing their result. Unref PGlite's timers.
function unrefPgliteTimers() {
  const orig = globalThis.setTimeout;
  (globalThis as any).setTimeout = (...args: Parameters<typeof setTimeout>) => {
    const t = orig(...args);
    if (new Error().stack?.includes("__setitimer_js")) (t as any).unref?.();
    return t;
  };
}

class PrismaPGliteMigrate extends PrismaPGlite {
  constructor(private pg: PGlite) {
    super(pg);
  }
  override async connect() {
    return fixPglite(await super.connect(), this.pg);
  }
  override async connectToShadowDb() {
    const shadowPg = new PGlite("memory://");
    const shadow = fixPglite(await new PrismaPGlite(shadowPg).connect(), shadowPg);
    // shadowPg is never closed (the CLI never calls dispose on it); it is in-memory and discarded on exit.
    return shadow;
  }
}

const config = {
  experimental: { adapter: true },
  engine: "js",
  schema: SCHEMA_COPY,
  migrations: { path: "prisma/migrations" },
  async adapter() {
    if (process.env.PGLITE_DIR) {
      unrefPgliteTimers();
      return new PrismaPGliteMigrate(new PGlite(process.env.PGLITE_DIR));
    }
    if (!process.env.DATABASE_URL) throw new Error("set PGLITE_DIR or DATABASE_URL");
    return new PrismaPgMigrate(pgConfig(process.env.DATABASE_URL));
  },
};

export default config;
