// The whole job: every municipality (or one), as of a day. Used by the hourly
// tick inside the server (./scheduler.ts) and by `npm run reminders`; both do
// exactly this. Nothing here is kept in memory between runs: what was sent is
// in ReminderDelivery, so a restart loses nothing and repeats nothing.
import type { PrismaClient } from "@/generated/prisma/client";
import { municipalityScopes } from "@/server/db/system";
import { swedishCalendarDate } from "@/lib/report/report-dates";
import { isoWeek } from "@/lib/reminders/rules";
import { runReminders, appBaseUrl, type MunicipalityRun } from "./run";
import type { Mailer } from "./mailer";

export interface JobOptions {
  asOf?: Date;
  dryRun?: boolean;
  municipalitySlug?: string;
  mailer: Mailer | null;
  now?: Date;
  baseUrl?: string;
}

export interface JobResult {
  asOf: string;
  week: string;
  dryRun: boolean;
  /** Where mail went, or why none was sent. */
  mail: string;
  municipalities: MunicipalityRun[];
  totals: { digests: number; items: number; sent: number; failed: number; alreadyClaimed: number; retried: number };
}

export const NO_SMTP = "SMTP_HOST saknas: inga påminnelser skickas (bara planeras). Se .env.example.";

export async function runReminderJob(prisma: PrismaClient, o: JobOptions): Promise<JobResult> {
  const now = o.now ?? new Date();
  const asOf = o.asOf ?? swedishCalendarDate(now);
  const dryRun = o.dryRun === true || !o.mailer;
  const scopes = await municipalityScopes(prisma, o.municipalitySlug);
  if (o.municipalitySlug && !scopes.length) throw new Error(`Ingen kommun med kortnamnet ${o.municipalitySlug}.`);
  const municipalities: MunicipalityRun[] = [];
  for (const { municipality, db } of scopes) {
    municipalities.push(await runReminders(db, municipality, { asOf, dryRun, mailer: o.mailer, baseUrl: o.baseUrl ?? appBaseUrl(), now }));
  }
  const digests = municipalities.flatMap((m) => m.digests);
  return {
    asOf: asOf.toISOString().slice(0, 10),
    week: isoWeek(asOf),
    dryRun,
    mail: o.dryRun ? "torrkörning: inget skickas" : (o.mailer?.describe ?? NO_SMTP),
    municipalities: municipalities.filter((m) => m.digests.length || m.retried.length),
    totals: {
      digests: digests.length,
      items: digests.reduce((n, d) => n + d.items.length, 0),
      sent: digests.filter((d) => d.outcome === "sent").length + municipalities.flatMap((m) => m.retried).filter((r) => r.outcome === "sent").length,
      failed: digests.filter((d) => d.outcome === "failed").length + municipalities.flatMap((m) => m.retried).filter((r) => r.outcome === "failed").length,
      alreadyClaimed: digests.filter((d) => d.outcome === "already-claimed").length,
      retried: municipalities.flatMap((m) => m.retried).length,
    },
  };
}
