// The process-wide database. Everything else asks `getDb()`; the first call
// opens the connection (and, on the embedded database, migrates it and loads
// the demo data when it is empty).
import "server-only";
import { openPglite, openPostgres, embeddedDataDir, type Database } from "./connect";
import { ensureDemoData } from "@/server/seed/demo";

const globalForDb = globalThis as unknown as { uppdragDb?: Promise<Database> };

async function open(): Promise<Database> {
  const url = process.env.DATABASE_URL;
  if (url) return openPostgres(url);
  const db = await openPglite(embeddedDataDir());
  await ensureDemoData(db.prisma);
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
