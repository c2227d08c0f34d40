// npm run db:migrate — applies pending migrations to DATABASE_URL (or the embedded database).
import { embeddedDataDir, migratePostgres, openPglite } from "../src/server/db/connect";

const url = process.env.DATABASE_URL;
if (url) {
  const r = await migratePostgres(url);
  console.log(`Migrerat: ${r.applied.length} nya, ${r.alreadyApplied} redan gjorda.`);
} else {
  const db = await openPglite(embeddedDataDir());
  await db.close();
  console.log(`Inbäddad databas i ${embeddedDataDir()} är migrerad.`);
}
