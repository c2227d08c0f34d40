// Collects, for one municipality and one day, what each person is to be
// reminded of (src/lib/reminders/rules.ts decides; this loads the records):
// - the handläggare of an uppdrag's responsible units (their membership's unit),
//   the named responsible person when the name is an active user's here, and
//   the secretaries of the body that gave it: near/passed dates, silent delays
//   and the report's cut-off;
// - the handläggare of a motion and the secretaries of kommunfullmäktige and of
//   the preparing body: a motion approaching its year;
// - those who follow an uppdrag or a motion: its status changes by others.
import type { ScopedClient } from "@/server/db/scoped";
import { STATUS_LABEL } from "@/lib/status";
import { stateAtEndOf } from "@/lib/report/point-in-time";
import { endOfSwedishDay } from "@/lib/report/report-dates";
import {
  cutoffRule,
  cutoffWindow,
  DEFAULT_PREFERENCES,
  DEFAULT_SETTINGS,
  motionRule,
  uppdragRules,
  type DigestItem,
  type Recipient,
  type ReminderSettings,
} from "@/lib/reminders/rules";

export interface MunicipalityInfo {
  id: string;
  slug: string;
  name: string;
  reportDayFirst: string;
  reportDaySecond: string;
}

const MOTION_STATE_LABEL: Record<string, string> = {
  VACKT: "Väckt",
  REMITTERAD: "Remitterad",
  UNDER_BEREDNING: "Under beredning",
  BESVARAD: "Besvarad",
  AVSKRIVEN: "Avskriven",
};

const iso = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);
const DAY_MS = 86_400_000;
/** How far back a followed record's changes are looked for (the item keys keep them from being sent twice). */
const FOLLOW_LOOKBACK_DAYS = 14;
const normalName = (s: string) => s.trim().replace(/\s+/g, " ").toLocaleLowerCase("sv");

export interface Collected {
  recipients: Map<string, Recipient>;
  items: Map<string, DigestItem[]>;
}

export async function collectReminders(db: ScopedClient, m: MunicipalityInfo, asOf: Date, settings: ReminderSettings = DEFAULT_SETTINGS): Promise<Collected> {
  const end = endOfSwedishDay(asOf);
  const members = await db.membership.findMany({
    select: {
      userId: true,
      unitId: true,
      bodies: { select: { bodyId: true, role: true } },
      user: { select: { name: true, email: true, active: true, anonymizedAt: true } },
    },
  });
  const prefs = new Map((await db.reminderPreference.findMany({ select: { userId: true, deadlines: true, silent: true, reportCutoff: true, motionYear: true, followed: true } })).map((p) => [p.userId, p]));
  const recipients = new Map<string, Recipient>();
  const byUnit = new Map<string, string[]>();
  const secretariesOf = new Map<string, string[]>();
  const byName = new Map<string, string>();
  for (const mb of members) {
    if (!mb.user.active || mb.user.anonymizedAt) continue;
    const p = prefs.get(mb.userId);
    recipients.set(mb.userId, {
      userId: mb.userId,
      name: mb.user.name,
      email: mb.user.email,
      preferences: p ? { deadlines: p.deadlines, silent: p.silent, reportCutoff: p.reportCutoff, motionYear: p.motionYear, followed: p.followed } : { ...DEFAULT_PREFERENCES },
    });
    if (mb.unitId) byUnit.set(mb.unitId, [...(byUnit.get(mb.unitId) ?? []), mb.userId]);
    for (const b of mb.bodies) if (b.role === "SECRETARY") secretariesOf.set(b.bodyId, [...(secretariesOf.get(b.bodyId) ?? []), mb.userId]);
    byName.set(normalName(mb.user.name), mb.userId);
  }

  const items = new Map<string, DigestItem[]>();
  const give = (userIds: Iterable<string>, item: DigestItem) => {
    for (const u of new Set(userIds)) if (recipients.has(u)) items.set(u, [...(items.get(u) ?? []), item]);
  };

  // ---------------------------------------------------------------- uppdrag
  const window = cutoffWindow(asOf, [m.reportDayFirst, m.reportDaySecond], settings);
  const uppdrag = await db.uppdrag.findMany({
    where: { decidedOn: { lte: asOf } },
    select: {
      id: true,
      title: true,
      bodyId: true,
      deadline: true,
      decidedOn: true,
      responsiblePerson: true,
      units: { select: { unitId: true } },
      history: { where: { at: { lt: end } }, select: { status: true, comment: true, plannedCompletion: true, at: true } },
    },
  });
  for (const u of uppdrag) {
    const state = stateAtEndOf(u.history, asOf);
    const asOfState = { id: u.id, title: u.title, status: state.status, deadline: u.deadline, plannedCompletion: state.plannedCompletion, lastStatusAt: state.since, decidedOn: u.decidedOn };
    const hits = uppdragRules(asOfState, asOf, settings);
    const cut = window ? cutoffRule(asOfState, window) : null;
    if (cut) hits.push(cut);
    if (!hits.length) continue;
    const people = [
      ...u.units.flatMap((x) => byUnit.get(x.unitId) ?? []),
      ...(secretariesOf.get(u.bodyId) ?? []),
      ...(u.responsiblePerson && byName.has(normalName(u.responsiblePerson)) ? [byName.get(normalName(u.responsiblePerson))!] : []),
    ];
    for (const h of hits) give(people, { rule: h.rule, kind: "uppdrag", recordId: u.id, title: u.title, date: iso(h.date), detail: `Status: ${STATUS_LABEL[state.status]}`, itemKey: h.itemKey });
  }

  // ---------------------------------------------------------------- motions
  const council = await db.body.findMany({ where: { kind: "FULLMAKTIGE" }, select: { id: true } });
  const motions = await db.motion.findMany({
    where: { state: { in: ["VACKT", "REMITTERAD", "UNDER_BEREDNING"] }, raisedOn: { lte: asOf } },
    select: { id: true, title: true, state: true, raisedOn: true, handlaggareId: true, preparingBodyId: true },
  });
  for (const mo of motions) {
    const hit = motionRule(mo, asOf, settings);
    if (!hit) continue;
    const people = [
      ...(mo.handlaggareId ? [mo.handlaggareId] : []),
      ...council.flatMap((b) => secretariesOf.get(b.id) ?? []),
      ...(mo.preparingBodyId ? (secretariesOf.get(mo.preparingBodyId) ?? []) : []),
    ];
    give(people, { rule: "MOTION_YEAR", kind: "motion", recordId: mo.id, title: mo.title, date: iso(hit.date), detail: `Läge: ${MOTION_STATE_LABEL[mo.state] ?? mo.state}`, itemKey: hit.itemKey });
  }

  // ---------------------------------------------------------------- follows
  const follows = await db.follow.findMany({ select: { userId: true, uppdragId: true, motionId: true, createdAt: true } });
  if (follows.length) {
    const from = new Date(end.getTime() - FOLLOW_LOOKBACK_DAYS * DAY_MS);
    const uppdragIds = [...new Set(follows.flatMap((f) => (f.uppdragId ? [f.uppdragId] : [])))];
    const motionIds = [...new Set(follows.flatMap((f) => (f.motionId ? [f.motionId] : [])))];
    const entries = uppdragIds.length
      ? await db.statusEntry.findMany({
          where: { uppdragId: { in: uppdragIds }, at: { gte: from, lt: end } },
          select: { id: true, uppdragId: true, status: true, at: true, authorId: true, uppdrag: { select: { title: true } } },
        })
      : [];
    const events = motionIds.length
      ? await db.motionEvent.findMany({
          where: { motionId: { in: motionIds }, at: { gte: from, lt: end } },
          select: { id: true, motionId: true, state: true, at: true, authorId: true, motion: { select: { title: true } } },
        })
      : [];
    for (const f of follows) {
      for (const e of entries) {
        if (e.uppdragId !== f.uppdragId || e.at < f.createdAt || e.authorId === f.userId) continue;
        give([f.userId], { rule: "FOLLOWED_CHANGED", kind: "uppdrag", recordId: e.uppdragId, title: e.uppdrag.title, date: iso(e.at), detail: `Ny status: ${STATUS_LABEL[e.status]}`, itemKey: `followed:${e.id}` });
      }
      for (const e of events) {
        if (e.motionId !== f.motionId || e.at < f.createdAt || e.authorId === f.userId) continue;
        give([f.userId], { rule: "FOLLOWED_CHANGED", kind: "motion", recordId: e.motionId, title: e.motion.title, date: iso(e.at), detail: `Nytt läge: ${MOTION_STATE_LABEL[e.state] ?? e.state}`, itemKey: `followed-motion:${e.id}` });
      }
    }
  }
  return { recipients, items };
}

/** Item keys already in a digest to each person (sent, being sent or to be retried): never sent again. */
export async function sentItemKeys(db: ScopedClient): Promise<Map<string, Set<string>>> {
  const rows = await db.reminderDelivery.findMany({
    where: { OR: [{ status: { in: ["SENT", "SENDING"] } }, { status: "FAILED", nextAttemptAt: { not: null } }] },
    select: { userId: true, itemKeys: true },
  });
  const out = new Map<string, Set<string>>();
  for (const r of rows) {
    const s = out.get(r.userId) ?? new Set<string>();
    for (const k of r.itemKeys) s.add(k);
    out.set(r.userId, s);
  }
  return out;
}
