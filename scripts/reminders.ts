// npm run reminders -- [--dry-run] [--as-of YYYY-MM-DD] [--municipality SLUG] [--json]
//
// Runs the reminders job once (docs/decisions/009-reminders.md), on DATABASE_URL
// or the embedded database: plans one digest per person and week and, unless
// --dry-run, sends each that no earlier run (or another instance) has claimed,
// and retries failed sends that are due. What the hourly tick in the server
// does; a cron line may run this instead (README, "Påminnelser").
// Exit 1 for wrong arguments, 2 when a send failed (it is retried later).
import { parseArgs } from "node:util";
import { parseIsoDate } from "../src/lib/dates";
import { openCliDatabase } from "./cli-db";
import { runReminderJob, NO_SMTP } from "../src/server/reminders/job";
import { mailerFromEnv } from "../src/server/reminders/mailer";

const USAGE = `Användning: npm run reminders -- [--dry-run] [--as-of ÅÅÅÅ-MM-DD] [--municipality KOMMUN] [--json]

  --dry-run       visa vad som skulle skickas, skicka inget
  --as-of         dagen reglerna räknas från (standard: i dag)
  --municipality  bara den här kommunen (kortnamn, t.ex. exempelstad)
  --json          skriv resultatet som JSON`;

let args;
try {
  args = parseArgs({
    args: process.argv.slice(2),
    options: { "dry-run": { type: "boolean" }, "as-of": { type: "string" }, municipality: { type: "string" }, json: { type: "boolean" }, help: { type: "boolean" } },
  }).values;
} catch (err) {
  console.error(`${(err as Error).message}\n\n${USAGE}`);
  process.exit(1);
}
if (args.help) {
  console.log(USAGE);
  process.exit(0);
}
const asOf = args["as-of"] !== undefined ? parseIsoDate(args["as-of"].trim()) : undefined;
if (asOf === null) {
  console.error(`Ogiltigt datum för --as-of: ${args["as-of"]}. Ange datumet som ÅÅÅÅ-MM-DD.`);
  process.exit(1);
}

const dryRun = args["dry-run"] === true;
const mailer = dryRun ? null : await mailerFromEnv();
if (!dryRun && !mailer) console.error(NO_SMTP);
const db = await openCliDatabase();
let failed = false;
try {
  const result = await runReminderJob(db.prisma, { asOf, dryRun, municipalitySlug: args.municipality, mailer });
  failed = result.totals.failed > 0;
  if (args.json) console.log(JSON.stringify(result, null, 2));
  else {
    console.log(`Påminnelser per ${result.asOf} (${result.week}), ${result.mail}`);
    for (const m of result.municipalities) {
      console.log(`\n${m.name} (${m.slug})`);
      for (const d of m.digests) {
        console.log(`  ${d.name} <${d.to}>: ${d.items.length} st, ${d.outcome}${d.error ? ` (${d.error})` : ""}`);
        for (const i of d.items) console.log(`    - [${i.rule}] ${i.title} ${i.url}`);
      }
      for (const r of m.retried) console.log(`  nytt försök ${r.key}: ${r.outcome}${r.error ? ` (${r.error})` : ""}`);
    }
    const t = result.totals;
    console.log(`\n${t.digests} sammanställningar med ${t.items} påminnelser; skickade ${t.sent}, misslyckade ${t.failed}, redan tagna ${t.alreadyClaimed}.`);
  }
} catch (err) {
  console.error((err as Error).message);
  failed = true;
} finally {
  await db.close();
}
process.exit(failed ? 2 : 0);
