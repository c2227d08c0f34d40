// The reminders (issue #17) on a real database: one digest per person with what
// their unit, the bodies they serve and what they follow give them; sending is
// idempotent under two concurrent runs and a retry; preferences and follows are
// respected; another municipality's records never reach a digest; the handover
// on deactivation moves the person's open uppdrag and is audited.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "@/generated/prisma/client";
import { openTestDatabase, scopedFor } from "../support/db";
import { buildWorld, type World } from "../support/world";
import { createMotion, createUppdrag, createUser, day } from "@/server/seed/factories";
import { runReminders } from "@/server/reminders/run";
import { saveReminderPreferences, setFollowMotion, setFollowUppdrag } from "@/server/reminders/account";
import { handoverAndDeactivate, orphanedWork } from "@/server/admin/handover";
import { swedishCalendarDate } from "@/lib/report/report-dates";
import { mailerFromEnv, type Mailer, type OutgoingMail } from "@/server/reminders/mailer";
import type { Database } from "@/server/db/connect";

let db: Database;
let prisma: PrismaClient;
let a: World;
let b: World;
const ASOF = day("2026-06-10");

function fakeMailer(o: { failFirst?: number; delayMs?: number } = {}) {
  const sent: OutgoingMail[] = [];
  let failures = o.failFirst ?? 0;
  const mailer: Mailer = {
    describe: "test",
    async send(mail) {
      if (o.delayMs) await new Promise((r) => setTimeout(r, o.delayMs));
      if (failures > 0) {
        failures--;
        throw new Error("SMTP 451 försök igen");
      }
      sent.push(mail);
    },
  };
  return { mailer, sent };
}

const info = (w: World) => ({ id: w.municipality.id, slug: w.municipality.slug, name: w.municipality.name, reportDayFirst: "06-30", reportDaySecond: "12-31" });
const run = (w: World, mailer: Mailer | null, o: { asOf?: Date; now?: Date; dryRun?: boolean } = {}) =>
  runReminders(scopedFor(prisma, w.actors.ADMINISTRATOR), info(w), { asOf: o.asOf ?? ASOF, dryRun: o.dryRun ?? false, mailer, baseUrl: "https://uppdrag.test", now: o.now ?? new Date("2026-06-10T08:00:00Z") });

/** Each world: an uppdrag of KS for unit A due in ten days (near), and one passed in May without a new status. */
async function addDueUppdrag(w: World) {
  await createUppdrag(prisma, w.municipality.id, { paragraph: w.p1, decidedOn: "2026-01-12", title: `Nära ${w.municipality.slug}`, text: "Nära.", unitIds: [w.unitA.id], deadline: "2026-06-20", history: [{ status: "IN_PROGRESS", at: "2026-05-20" }] });
  await createUppdrag(prisma, w.municipality.id, { paragraph: w.p1, decidedOn: "2026-01-12", title: `Passerat ${w.municipality.slug}`, text: "Passerat.", unitIds: [w.unitA.id], deadline: "2026-05-15", history: [{ status: "IN_PROGRESS", at: "2026-05-01" }] });
}

beforeAll(async () => {
  db = await openTestDatabase();
  prisma = db.prisma;
  a = await buildWorld(prisma, "Påminnelsekommun A");
  b = await buildWorld(prisma, "Påminnelsekommun B");
  await addDueUppdrag(a);
  await addDueUppdrag(b);
}, 120_000);
afterAll(async () => {
  await db?.close();
});

describe("reminders", () => {
  it("plans one digest per person: the unit's handläggare and the body's secretary, nobody else, nothing of another municipality", async () => {
    const r = await run(a, null, { dryRun: true });
    expect(r.digests.map((d) => d.to).sort()).toEqual([`handlaggare@${a.municipality.slug}.test`, `sekreterare@${a.municipality.slug}.test`]);
    const hans = r.digests.find((d) => d.to.startsWith("handlaggare"))!;
    const titles = hans.items.map((i) => `${i.rule} ${i.title}`);
    expect(titles).toContain(`DEADLINE_NEAR Nära ${a.municipality.slug}`);
    expect(titles).toContain(`DEADLINE_PASSED Passerat ${a.municipality.slug}`);
    // The world's KS uppdrag of 2024 has had no status since: silent, and in the cut-off window.
    expect(titles).toContain("SILENT Se över lokalerna");
    expect(titles).toContain("REPORT_CUTOFF Se över lokalerna");
    expect(JSON.stringify(r)).not.toContain(b.municipality.slug);
    expect(hans.items.every((i) => i.url.startsWith("https://uppdrag.test/uppdrag/"))).toBe(true);
    expect(await prisma.reminderDelivery.count({ where: { municipalityId: a.municipality.id } })).toBe(0);
  });

  it("two runs at once send each digest once", async () => {
    const one = fakeMailer({ delayMs: 50 });
    const two = fakeMailer({ delayMs: 50 });
    const [r1, r2] = await Promise.all([run(b, one.mailer), run(b, two.mailer)]);
    const sent = [...one.sent, ...two.sent];
    expect(sent.map((m) => m.to).sort()).toEqual([`handlaggare@${b.municipality.slug}.test`, `sekreterare@${b.municipality.slug}.test`]);
    // The later run either finds the key claimed or, reading the claimed items, plans nothing for that person.
    expect([...r1.digests, ...r2.digests].filter((d) => d.outcome === "sent")).toHaveLength(2);
    expect([...r1.digests, ...r2.digests].filter((d) => d.outcome !== "sent" && d.outcome !== "already-claimed")).toHaveLength(0);
    const rows = await prisma.reminderDelivery.findMany({ where: { municipalityId: b.municipality.id } });
    expect(rows).toHaveLength(2);
    expect(rows.every((x) => x.status === "SENT" && x.attempts === 1 && x.week === "2026-W24")).toBe(true);
    expect(sent[0].text).toContain("https://uppdrag.test/uppdrag/");
    // A third run the same week sends nothing again.
    const three = fakeMailer();
    await run(b, three.mailer);
    expect(three.sent).toHaveLength(0);
  });

  it("retries a failed send later, once, from what it said, and never duplicates it", async () => {
    const failing = fakeMailer({ failFirst: 10 });
    const first = await run(a, failing.mailer);
    expect(first.digests.map((d) => d.outcome)).toEqual(["failed", "failed"]);
    const rows = await prisma.reminderDelivery.findMany({ where: { municipalityId: a.municipality.id } });
    expect(rows.every((x) => x.status === "FAILED" && x.nextAttemptAt && x.lastError?.includes("451"))).toBe(true);
    // Before the next try: nothing is sent, nothing new is claimed.
    const early = fakeMailer();
    await run(a, early.mailer, { now: new Date("2026-06-10T08:05:00Z") });
    expect(early.sent).toHaveLength(0);
    // After it: each is sent once; a concurrent retry takes none of them twice.
    const later1 = fakeMailer({ delayMs: 30 });
    const later2 = fakeMailer({ delayMs: 30 });
    const now = new Date("2026-06-10T08:20:00Z");
    await Promise.all([run(a, later1.mailer, { now }), run(a, later2.mailer, { now })]);
    expect([...later1.sent, ...later2.sent]).toHaveLength(2);
    const after = await prisma.reminderDelivery.findMany({ where: { municipalityId: a.municipality.id } });
    expect(after).toHaveLength(2);
    expect(after.every((x) => x.status === "SENT" && x.attempts === 2)).toBe(true);
  });

  it("respects what each person chose, and a follow is opt in", async () => {
    const w = await buildWorld(prisma, "Påminnelsekommun C");
    await addDueUppdrag(w);
    const hans = w.actors.HANDLAGGARE;
    await saveReminderPreferences(scopedFor(prisma, hans), hans, { deadlines: false, silent: false, reportCutoff: true, motionYear: true, followed: true });
    const r = await run(w, null, { dryRun: true });
    const mine = r.digests.find((d) => d.to.startsWith("handlaggare"))!;
    expect(new Set(mine.items.map((i) => i.rule))).toEqual(new Set(["REPORT_CUTOFF"]));
    expect(await prisma.auditEvent.count({ where: { municipalityId: w.municipality.id, action: "user.reminder-preferences", entityId: hans.userId } })).toBe(1);

    // The member gets nothing until following; then the status changes others make.
    const siv = w.actors.LEDAMOT;
    const today = swedishCalendarDate(new Date());
    const change = (status: "DELAYED" | "IN_PROGRESS", authorId: string) =>
      prisma.statusEntry.create({ data: { municipalityId: w.municipality.id, uppdragId: w.ksUppdrag.id, status, comment: "Ändrat.", authorId, at: new Date() } });
    await change("IN_PROGRESS", w.actors.SEKRETERARE.userId);
    expect((await run(w, null, { dryRun: true, asOf: today, now: new Date() })).digests.some((d) => d.to.startsWith("ledamot"))).toBe(false);
    await setFollowUppdrag(scopedFor(prisma, siv), siv, { uppdragId: w.ksUppdrag.id, follow: "ja" });
    await new Promise((r) => setTimeout(r, 5));
    await change("DELAYED", w.actors.SEKRETERARE.userId);
    const followed = (await run(w, null, { dryRun: true, asOf: today, now: new Date() })).digests.find((d) => d.to.startsWith("ledamot"));
    expect(followed?.items.map((i) => [i.rule, i.detail])).toEqual([["FOLLOWED_CHANGED", "Ny status: Försenad"]]);
    await setFollowUppdrag(scopedFor(prisma, siv), siv, { uppdragId: w.ksUppdrag.id, follow: "nej" });
    expect((await run(w, null, { dryRun: true, asOf: today, now: new Date() })).digests.some((d) => d.to.startsWith("ledamot"))).toBe(false);
    expect((await prisma.auditEvent.findMany({ where: { municipalityId: w.municipality.id, entityId: w.ksUppdrag.id, action: { in: ["uppdrag.follow", "uppdrag.unfollow"] } }, orderBy: { at: "asc" } })).map((e) => e.action)).toEqual([
      "uppdrag.follow",
      "uppdrag.unfollow",
    ]);
    // Another municipality's uppdrag cannot be followed.
    await expect(setFollowUppdrag(scopedFor(prisma, siv), siv, { uppdragId: b.ksUppdrag.id, follow: "ja" })).rejects.toThrow(/not found/);
  });

  it("hands a leaving person's open uppdrag over in the deactivation's transaction, audited; the admin sees what has no one", async () => {
    const w = await buildWorld(prisma, "Påminnelsekommun D");
    const admin = w.actors.ADMINISTRATOR;
    const per = await createUser(prisma, w.municipality.id, { email: `per@${w.municipality.slug}.test`, name: "Per Persson", role: "HANDLAGGARE", passwordHash: null, unitId: w.unitA.id });
    const eva = await createUser(prisma, w.municipality.id, { email: `eva@${w.municipality.slug}.test`, name: "Eva Ek", role: "HANDLAGGARE", passwordHash: null, unitId: w.unitA.id });
    const open = await createUppdrag(prisma, w.municipality.id, { paragraph: w.p1, decidedOn: "2026-01-12", title: "Pers öppna uppdrag", text: ".", unitIds: [w.unitA.id], responsiblePerson: "per  persson" });
    const done = await createUppdrag(prisma, w.municipality.id, { paragraph: w.p1, decidedOn: "2026-01-12", title: "Pers klara uppdrag", text: ".", unitIds: [w.unitA.id], responsiblePerson: "Per Persson", history: [{ status: "COMPLETED", at: "2026-02-01" }] });
    const evas = await createUppdrag(prisma, w.municipality.id, { paragraph: w.p1, decidedOn: "2026-01-12", title: "Evas uppdrag", text: ".", unitIds: [w.unitA.id], responsiblePerson: "Eva Ek" });

    const moved = await handoverAndDeactivate(scopedFor(prisma, admin), admin, { id: per.id, expectedVersion: 1, successorId: w.actors.HANDLAGGARE.userId });
    expect(moved).toEqual({ uppdrag: 1, motions: 0 });
    const after = await prisma.uppdrag.findMany({ where: { id: { in: [open.id, done.id] } }, select: { id: true, responsiblePerson: true } });
    expect(Object.fromEntries(after.map((x) => [x.id, x.responsiblePerson]))).toEqual({ [open.id]: w.actors.HANDLAGGARE.name, [done.id]: "Per Persson" });
    expect((await prisma.user.findUniqueOrThrow({ where: { id: per.id } })).active).toBe(false);
    const audits = await prisma.auditEvent.findMany({ where: { municipalityId: w.municipality.id, action: { in: ["uppdrag.handover", "user.deactivate"] } }, orderBy: { at: "asc" } });
    expect(audits.map((e) => [e.action, e.entityId])).toEqual([
      ["uppdrag.handover", open.id],
      ["user.deactivate", per.id],
    ]);
    expect(JSON.stringify(audits)).not.toContain("Persson");

    // A successor of another municipality, or the leaving person, is refused and nothing changes.
    await expect(handoverAndDeactivate(scopedFor(prisma, admin), admin, { id: eva.id, expectedVersion: 1, successorId: b.actors.HANDLAGGARE.userId })).rejects.toThrow(/aktiv person/);
    expect((await prisma.user.findUniqueOrThrow({ where: { id: eva.id } })).active).toBe(true);

    // Deactivated without a handover: the list shows Eva's open uppdrag.
    await prisma.user.update({ where: { id: eva.id }, data: { active: false } });
    const orphaned = await orphanedWork(scopedFor(prisma, admin), admin);
    expect(orphaned.uppdrag.map((x) => x.id)).toEqual([evas.id]);
  });

  it("in demo mode without SMTP_HOST, mail goes over SMTP to the app's local server and lands in the municipality's outbox", async () => {
    expect(await mailerFromEnv({ NODE_ENV: "production" })).toBeNull();
    const mailer = await mailerFromEnv({ DEMO_MODE: "true" });
    expect(mailer?.describe).toMatch(/lokal SMTP-server \(demo\) på 127\.0\.0\.1:\d+/);
    const w = await buildWorld(prisma, "Påminnelsekommun E");
    await addDueUppdrag(w);
    const r = await run(w, mailer);
    expect(r.digests.map((d) => d.outcome)).toEqual(["sent", "sent"]);
    const mails = await prisma.outboxMail.findMany({ where: { municipalityId: w.municipality.id }, orderBy: { to: "asc" } });
    expect(mails.map((m) => m.to)).toEqual([`handlaggare@${w.municipality.slug}.test`, `sekreterare@${w.municipality.slug}.test`]);
    expect(mails[0].subject).toMatch(/^Påminnelser från Uppdragskollen, vecka 24/);
    expect(mails[0].text).toContain(`Nära ${w.municipality.slug}`);
    expect(mails[0].text).toContain("https://uppdrag.test/uppdrag/");
    expect(await prisma.outboxMail.count({ where: { municipalityId: { not: w.municipality.id }, subject: { contains: w.municipality.slug } } })).toBe(0);
  });

  it("motions: the year reminds KF's secretaries and the handläggare; a followed motion's new state reaches the follower", async () => {
    const w = await buildWorld(prisma, "Påminnelsekommun F");
    await prisma.bodyAssignment.create({ data: { membershipId: (await prisma.membership.findFirstOrThrow({ where: { userId: w.actors.SEKRETERARE.userId } })).id, bodyId: w.kf.id, role: "SECRETARY" } });
    const near = await createMotion(prisma, w.municipality.id, { title: "Motion om cykelbanor", proposers: [{ name: "Anna Ek", party: "S" }], raisedOn: "2025-07-01", handlaggareId: w.actors.HANDLAGGARE.userId });
    await createMotion(prisma, w.municipality.id, { title: "Ny motion", proposers: [{ name: "Bo Lind" }], raisedOn: "2026-03-01" });
    const r = await run(w, null, { dryRun: true });
    const motionItems = r.digests.flatMap((d) => d.items.filter((i) => i.rule === "MOTION_YEAR").map((i) => `${d.to.split("@")[0]} ${i.title} ${i.url.replace(/[0-9a-f-]{36}$/, "ID")}`));
    expect(motionItems.sort()).toEqual(["handlaggare Motion om cykelbanor https://uppdrag.test/motioner/ID", "sekreterare Motion om cykelbanor https://uppdrag.test/motioner/ID"]);

    const siv = w.actors.LEDAMOT;
    await setFollowMotion(scopedFor(prisma, siv), siv, { motionId: near.id, follow: "ja" });
    await new Promise((res) => setTimeout(res, 5));
    await prisma.motionEvent.create({ data: { municipalityId: w.municipality.id, motionId: near.id, state: "UNDER_BEREDNING", on: day("2026-06-01"), authorId: w.actors.SEKRETERARE.userId, at: new Date() } });
    const today = swedishCalendarDate(new Date());
    const followed = (await run(w, null, { dryRun: true, asOf: today, now: new Date() })).digests.find((d) => d.to.startsWith("ledamot"));
    expect(followed?.items.map((i) => [i.rule, i.title, i.detail])).toEqual([["FOLLOWED_CHANGED", "Motion om cykelbanor", "Nytt läge: Under beredning"]]);
    await expect(setFollowMotion(scopedFor(prisma, siv), siv, { motionId: "00000000-0000-4000-8000-000000000000", follow: "ja" })).rejects.toThrow(/not found/);
  });
});
