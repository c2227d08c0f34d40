// npm run db:migrate — applies pending migrations as the owner of the tables:
// MIGRATION_DATABASE_URL, or DATABASE_URL when that is unset (or the embedded
// database when both are). When both are set and name different roles, it then
// grants DATABASE_URL's role the app's privileges (as `npm run db:grant`), so
// the tables a migration adds are covered at once. README, "Running on PostgreSQL".
import pg from "pg";
import { embeddedDataDir, migratePostgres, openPglite } from "../src/server/db/connect";
import { describeGrant, grantAppRole } from "./db-grant";

const ownerUrl = process.env.MIGRATION_DATABASE_URL || process.env.DATABASE_URL;
const appUrl = process.env.MIGRATION_DATABASE_URL ? process.env.DATABASE_URL : undefined;

async function main() {
  if (!ownerUrl) {
    const db = await openPglite(embeddedDataDir());
    await db.close();
    console.log(`Inbäddad databas i ${embeddedDataDir()} är migrerad.`);
    return;
  }
  const r = await migratePostgres(ownerUrl);
  console.log(`Migrerat: ${r.applied.length} nya, ${r.alreadyApplied} redan gjorda.`);
  if (!appUrl) return;
  const appRole = decodeURIComponent(new URL(appUrl).username);
  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    const owner = (await client.query<{ u: string }>("SELECT current_user AS u")).rows[0].u;
    if (!appRole || appRole === owner) {
      console.log("DATABASE_URL har samma roll som MIGRATION_DATABASE_URL (eller ingen): inga behörigheter att ge.");
      return;
    }
    console.log(describeGrant(await grantAppRole(client, appRole)));
  } finally {
    await client.end();
  }
}

main().catch((err: unknown) => {
  console.error(`db:migrate: ${(err as Error).message}`);
  process.exit(1);
});
