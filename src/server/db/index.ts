// The process-wide database. Everything else asks `getDb()`; the first call
// opens the connection (and, on the embedded database, migrates it and loads
// the demo data when it is empty).
import "server-only";
import { openPglite, openPostgres, embeddedDataDir, type Database } from "./connect";
import { ensureDemoData } from "@/server/seed/demo";
import { mayLoadDemoData, NO_DATABASE_IN_PRODUCTION } from "@/server/config";

const globalForDb = globalThis as unknown as { uppdragDb?: Promise<Database> };

async function open(): Promise<Database> {
  const url = process.env.DATABASE_URL;
  if (url) return openPostgres(url);
  // Production never falls back to the embedded demo (the start-up check stops
  // the server first; this holds for any other way in). `next build` runs as
  // production too and may render a page: it is not a server start.
  const building = process.env.NEXT_PHASE === "phase-production-build";
  if (process.env.NODE_ENV === "production" && process.env.DEMO_MODE !== "true" && !building) throw new Error(NO_DATABASE_IN_PRODUCTION);
  const db = await openPglite(embeddedDataDir());
  if (mayLoadDemoData()) await ensureDemoData(db.prisma);
  return db;
}

export async function getDb(): Promise<Database> {
  globalForDb.uppdragDb ??= open().catch((err) => {
    globalForDb.uppdragDb = undefined;
    throw err;
  });
  return globalForDb.uppdragDb;
}

export async function getPrisma() {
  return (await getDb()).prisma;
}
