// One run of the reminders for one municipality: collect → plan one digest per
// person → claim each digest by inserting its key (INSERT … ON CONFLICT DO
// NOTHING: the unique key decides which run sends it, so a retry or a second
// instance never sends it twice) → send → mark sent, or failed with the next
// try. Failed digests whose time has come are sent again from what they said
// then. A dry run only plans. docs/decisions/009-reminders.md.
import type { ScopedClient } from "@/server/db/scoped";
import { renderDigest, itemUrl } from "@/lib/reminders/mail";
import { DEFAULT_SETTINGS, nextAttemptAfter, planDigests, type Digest, type DigestItem, type ReminderSettings } from "@/lib/reminders/rules";
import { collectReminders, sentItemKeys, type MunicipalityInfo } from "./collect";
import { registerOutbox } from "./catcher";
import type { Mailer } from "./mailer";

/** A digest still SENDING this long after its claim was left by a run that died: it may be taken again. */
export const STALE_CLAIM_MS = 30 * 60_000;

export interface RunOptions {
  asOf: Date;
  dryRun: boolean;
  /** null: mail cannot be sent (no SMTP_HOST): nothing is claimed or sent. */
  mailer: Mailer | null;
  baseUrl: string;
  now?: Date;
  settings?: ReminderSettings;
}

export interface DigestReport {
  to: string;
  name: string;
  key: string;
  subject: string;
  items: (Pick<DigestItem, "rule" | "kind" | "title" | "date" | "detail"> & { url: string })[];
  /** What this run did with it. */
  outcome: "planned" | "sent" | "already-claimed" | "failed";
  error?: string;
}

export interface MunicipalityRun {
  slug: string;
  name: string;
  week: string | null;
  digests: DigestReport[];
  retried: { key: string; outcome: "sent" | "failed" | "already-claimed"; error?: string }[];
}

interface Payload {
  name: string;
  municipalityName: string;
  week: string;
  items: DigestItem[];
}

const message = (err: unknown) => (err instanceof Error ? err.message : String(err)).slice(0, 500);

async function send(db: ScopedClient, mailer: Mailer, m: MunicipalityInfo, key: string, to: string, payload: Payload, baseUrl: string, attempts: number, now: Date) {
  const mail = renderDigest({ ...payload, baseUrl });
  try {
    await mailer.send({ to, subject: mail.subject, text: mail.text, html: mail.html, municipalityId: m.id });
    await db.reminderDelivery.updateMany({ where: { key }, data: { status: "SENT", sentAt: new Date(), lastError: null, nextAttemptAt: null } });
    return { outcome: "sent" as const };
  } catch (err) {
    await db.reminderDelivery.updateMany({ where: { key }, data: { status: "FAILED", lastError: message(err), nextAttemptAt: nextAttemptAfter(attempts, now) } });
    return { outcome: "failed" as const, error: message(err) };
  }
}

/** Claims a digest: true when this run inserted its key (and so is the one to send it). */
async function claim(db: ScopedClient, d: Digest, subject: string, payload: Payload, now: Date): Promise<boolean> {
  const { count } = await db.reminderDelivery.createMany({
    data: [{ municipalityId: d.municipalityId, userId: d.userId, key: d.key, week: d.week, email: d.email, subject, payload: payload as object, itemKeys: d.items.map((i) => i.itemKey), status: "SENDING", attempts: 1, claimedAt: now }],
    skipDuplicates: true,
  });
  return count === 1;
}

/** Failed digests due for another try, and claims left by a run that died; each taken by one run only. */
async function retryDue(db: ScopedClient, mailer: Mailer, m: MunicipalityInfo, baseUrl: string, now: Date): Promise<MunicipalityRun["retried"]> {
  const due = await db.reminderDelivery.findMany({
    where: { OR: [{ status: "FAILED", nextAttemptAt: { lte: now } }, { status: "SENDING", claimedAt: { lt: new Date(now.getTime() - STALE_CLAIM_MS) } }] },
    select: { id: true, key: true, email: true, payload: true, attempts: true, status: true, claimedAt: true },
    orderBy: { createdAt: "asc" },
    take: 200,
  });
  const out: MunicipalityRun["retried"] = [];
  for (const r of due) {
    // Taken only if nobody took it since it was read (the attempt count and status are the check).
    const { count } = await db.reminderDelivery.updateMany({
      where: { id: r.id, status: r.status, attempts: r.attempts, claimedAt: r.claimedAt },
      data: { status: "SENDING", attempts: r.attempts + 1, claimedAt: now },
    });
    if (count !== 1) {
      out.push({ key: r.key, outcome: "already-claimed" });
      continue;
    }
    const res = await send(db, mailer, m, r.key, r.email, r.payload as unknown as Payload, baseUrl, r.attempts + 1, now);
    out.push({ key: r.key, ...res });
  }
  return out;
}

export async function runReminders(db: ScopedClient, m: MunicipalityInfo, o: RunOptions): Promise<MunicipalityRun> {
  const now = o.now ?? new Date();
  const settings = o.settings ?? DEFAULT_SETTINGS;
  const { recipients, items } = await collectReminders(db, m, o.asOf, settings);
  const digests = planDigests({ municipalityId: m.id, asOf: o.asOf, recipients, items, sent: await sentItemKeys(db) });
  const run: MunicipalityRun = { slug: m.slug, name: m.name, week: digests[0]?.week ?? null, digests: [], retried: [] };
  const sending = !o.dryRun && o.mailer;
  if (sending) registerOutbox(m.id, db);
  for (const d of digests) {
    const payload: Payload = { name: d.name, municipalityName: m.name, week: d.week, items: d.items };
    const mail = renderDigest({ ...payload, baseUrl: o.baseUrl });
    const report: DigestReport = {
      to: d.email,
      name: d.name,
      key: d.key,
      subject: mail.subject,
      items: d.items.map((i) => ({ rule: i.rule, kind: i.kind, title: i.title, date: i.date, detail: i.detail, url: itemUrl(o.baseUrl, i) })),
      outcome: "planned",
    };
    if (sending) {
      if (!(await claim(db, d, mail.subject, payload, now))) report.outcome = "already-claimed";
      else Object.assign(report, await send(db, o.mailer!, m, d.key, d.email, payload, o.baseUrl, 1, now));
    }
    run.digests.push(report);
  }
  if (sending) run.retried = await retryDue(db, o.mailer!, m, o.baseUrl, now);
  return run;
}

/** The app's public address for links in mail: APP_BASE_URL, else NEXTAUTH_URL. */
export function appBaseUrl(env: Record<string, string | undefined> = process.env): string {
  return (env.APP_BASE_URL || env.NEXTAUTH_URL || "http://localhost:3000").replace(/\/$/, "");
}
