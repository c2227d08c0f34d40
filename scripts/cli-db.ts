// Opens the database for command-line tools: DATABASE_URL, or the embedded one.
import { embeddedDataDir, migratePostgres, openPglite, openPostgres, type Database } from "../src/server/db/connect";

export async function openCliDatabase(): Promise<Database> {
  const url = process.env.DATABASE_URL;
  if (url) {
    await migratePostgres(url);
    return openPostgres(url);
  }
  return openPglite(embeddedDataDir());
}
