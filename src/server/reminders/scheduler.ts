// The scheduled job inside the server: once an hour (07–18 Swedish time) every
// instance ticks, and the one that gets the advisory lock runs the job exactly
// as `npm run reminders` would. Nothing is kept in memory: ReminderDelivery
// says what was sent, so a restart neither loses nor repeats a digest, and the
// claim on each digest's key keeps two instances from sending it twice even if
// both ran. REMINDERS_SCHEDULE=off turns the tick off (a cron line runs the CLI instead).
import type { Database } from "@/server/db/connect";
import { runReminderJob, NO_SMTP } from "./job";
import { mailerFromEnv } from "./mailer";

/** The advisory lock key of the reminders job (any constant unique in the app). */
export const REMINDER_LOCK_KEY = 4_217_017;
const HOUR_MS = 3_600_000;
const swedishHour = new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/Stockholm", hour: "2-digit", hourCycle: "h23" });

const g = globalThis as unknown as { uppdragReminderTimer?: NodeJS.Timeout };

/** Runs the job once if this instance gets the lock; returns whether it ran. */
export async function tickOnce(db: Database, now = new Date()): Promise<boolean> {
  const mailer = await mailerFromEnv();
  if (!mailer) return false;
  const run = async () => {
    const result = await runReminderJob(db.prisma, { mailer, now });
    if (result.totals.digests || result.totals.retried) {
      console.log(`[påminnelser] ${result.asOf}: ${result.totals.sent} skickade, ${result.totals.failed} misslyckade, ${result.totals.alreadyClaimed} redan tagna (${result.mail})`);
    }
  };
  // The embedded database has one connection and one instance: no lock needed (a transaction would hold the only connection).
  if (db.kind === "pglite") {
    await run();
    return true;
  }
  return db.prisma.$transaction(
    async (tx) => {
      const [{ locked }] = await tx.$queryRaw<{ locked: boolean }[]>`SELECT pg_try_advisory_xact_lock(${REMINDER_LOCK_KEY}) AS locked`;
      if (!locked) return false;
      await run();
      return true;
    },
    { timeout: 30 * 60_000, maxWait: 10_000 },
  );
}

export function startReminderSchedule(open: () => Promise<Database>, env: Record<string, string | undefined> = process.env): void {
  if (env.REMINDERS_SCHEDULE === "off" || g.uppdragReminderTimer) return;
  void mailerFromEnv(env).then((m) => console.log(m ? `[påminnelser] schemalagda varje timme, e-post via ${m.describe}` : `[påminnelser] ${NO_SMTP}`));
  const tick = async () => {
    const hour = Number(swedishHour.format(new Date()));
    if (hour < 7 || hour > 18) return;
    try {
      await tickOnce(await open());
    } catch (err) {
      console.error(`[påminnelser] körningen misslyckades: ${(err as Error).message}`);
    }
  };
  const first = setTimeout(() => void tick(), Number(env.REMINDERS_FIRST_TICK_MS ?? 10 * 60_000));
  first.unref();
  g.uppdragReminderTimer = setInterval(() => void tick(), HOUR_MS);
  g.uppdragReminderTimer.unref();
}
