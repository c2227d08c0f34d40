// Every seed's records are loaded, as real records in their municipality.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/server/db/connect";
import { loadDemoData, ensureDemoData, DEMO_USERS } from "@/server/seed/demo";
import { openTestPglite } from "../support/db";

// The demo data uses fixed slugs, so it gets a database of its own.
let db: Database;
beforeAll(async () => {
  db = await openTestPglite();
  await loadDemoData(db.prisma);
});
afterAll(async () => db?.close());

const paragraphs = (slug: string) =>
  db.prisma.paragraph.findMany({
    where: { municipality: { slug } },
    select: { number: true, dnr: true, title: true, sentTo: true, basis: true, body: { select: { shortName: true } }, meeting: { select: { date: true, place: true } } },
    orderBy: [{ meeting: { date: "asc" } }, { number: "asc" }],
  });

describe("demo data from the seeds", () => {
  it("has four municipalities with URL-safe slugs", async () => {
    const ms = await db.prisma.municipality.findMany({ select: { slug: true }, orderBy: { slug: "asc" } });
    expect(ms.map((m) => m.slug)).toEqual(["alingsas", "exempelstad", "mjolby", "vimmerby"]);
  });

  it("seed 001: Vimmerby KSAU 2020-02-25 §§ 14, 15, 34, 35 with Dnr and sent-to", async () => {
    const ps = (await paragraphs("vimmerby")).filter((p) => p.meeting.date.toISOString().startsWith("2020-02-25"));
    expect(ps.map((p) => [p.body.shortName, p.number, p.dnr])).toEqual([
      ["KSAU", 14, "2020/000003 004"],
      ["KSAU", 15, "2020/000008 101"],
      ["KSAU", 34, "2020/000053 000"],
      ["KSAU", 35, "2020/000018 101"],
    ]);
    expect(ps[0].meeting.place).toBe("Tunasalen");
    const p34 = ps[2];
    expect(p34.title).toBe("Uppföljning av uppdrag från KS och dess utskott");
    expect(p34.sentTo).toEqual(["Kommunstyrelseförvaltningens avdelningar", "Utskottssekreterare", "Kommunstyrelsen och dess utskott för kännedom"]);
    expect(p34.basis).toContain("Protokollsutdrag 2020-01-21 § 11 Uppföljning av uppdrag från KSAU och KS");
    expect(ps[3].sentTo).toEqual(["Jacob Käll", "Helen Nilsson", "Liselott Frejd"]);
  });

  it("seed 001: the uppdrag of KSAU 2020-01-21 § 11 is reported back in § 34", async () => {
    const u = await db.prisma.uppdrag.findFirstOrThrow({
      where: { municipality: { slug: "vimmerby" }, paragraph: { number: 11 } },
      select: { status: true, units: { select: { unit: { select: { name: true } } } }, links: { select: { kind: true, paragraph: { select: { number: true } } } }, history: { select: { status: true }, orderBy: { at: "asc" } } },
    });
    expect(u.status).toBe("COMPLETED");
    expect(u.units.map((x) => x.unit.name)).toEqual(["Administrativa avdelningen"]);
    expect(u.links).toEqual([{ kind: "REPORTED", paragraph: { number: 34 } }]);
    expect(u.history.map((h) => h.status)).toEqual(["NOT_STARTED", "IN_PROGRESS", "COMPLETED"]);
  });

  it("seed 002: KS 2020-04-20 § 54 about ärendebalanslistor and its återrapportering", async () => {
    const u = await db.prisma.uppdrag.findFirstOrThrow({
      where: { municipality: { slug: "exempelstad" }, paragraph: { number: 54, year: 2020 } },
      select: { title: true, status: true, text: true, body: { select: { shortName: true } }, units: { select: { unit: { select: { name: true } } } }, links: { select: { kind: true, paragraph: { select: { title: true } } } } },
    });
    expect(u.body.shortName).toBe("KS");
    expect(u.text).toMatch(/ärendebalanslistor/);
    expect(u.units[0].unit.name).toBe("Kommunledningskontoret");
    expect(u.status).toBe("COMPLETED");
    expect(u.links[0].kind).toBe("REPORTED");
    expect(u.links[0].paragraph.title).toMatch(/^Återrapportering om uppdrag att införa kontinuerligt uppdaterade ärendebalanslistor/);
  });

  it("seed 004: Alingsås' chain KF 2017 § 142 → KS § 159 → KS § 93 → KS § 197 → KF 2018 § 205 genomförs ej", async () => {
    const u = await db.prisma.uppdrag.findFirstOrThrow({
      where: { municipality: { slug: "alingsas" }, paragraph: { number: 142 } },
      select: {
        status: true,
        paragraph: { select: { number: true, body: { select: { shortName: true } } } },
        links: { select: { kind: true, paragraph: { select: { number: true, dnr: true, body: { select: { shortName: true } }, meeting: { select: { date: true } } } } } },
      },
    });
    expect(u.paragraph).toEqual({ number: 142, body: { shortName: "KF" } });
    expect(u.status).toBe("NOT_CARRIED_OUT");
    const chain = u.links
      .sort((a, b) => a.paragraph.meeting.date.getTime() - b.paragraph.meeting.date.getTime())
      .map((l) => `${l.paragraph.body.shortName} ${l.paragraph.meeting.date.toISOString().slice(0, 10)} § ${l.paragraph.number} ${l.kind}`);
    expect(chain).toEqual([
      "KS 2017-09-11 § 159 CHANGED",
      "KS 2018-05-28 § 93 POSTPONED",
      "KS 2018-11-12 § 197 REPORTED",
      "KF 2018-11-28 § 205 CANCELLED",
    ]);
    expect(u.links.find((l) => l.paragraph.number === 205)?.paragraph.dnr).toBe("2018.303 KS");
  });

  it("seed 003: Mjölby's bodies and units", async () => {
    const bodies = await db.prisma.body.findMany({ where: { municipality: { slug: "mjolby" } }, select: { shortName: true } });
    expect(bodies.map((b) => b.shortName).sort()).toEqual(["KF", "KLN", "KS", "KSAU", "TN"]);
    const units = await db.prisma.unit.findMany({ where: { municipality: { slug: "mjolby" } }, select: { name: true, parent: { select: { name: true } } } });
    const names = units.map((u) => u.name);
    for (const n of ["Kommunledningskontoret", "Tillväxtkontoret", "Kostservice", "Miljökontoret", "Byggnadskontoret", "Personalavdelningen"]) expect(names).toContain(n);
    expect(units.find((u) => u.name === "Tillväxtkontoret")?.parent?.name).toBe("Kommunstyrelseförvaltningen");
  });

  it("seed 003: kommunstyrelsen's verksamhetsplan 2016, whole, with its follow-up per 30 april", async () => {
    const plan = await db.prisma.plan.findFirstOrThrow({
      where: { municipality: { slug: "mjolby" } },
      select: {
        year: true,
        body: { select: { shortName: true } },
        occasions: { select: { name: true, closedAt: true }, orderBy: { asOf: "asc" } },
        _count: { select: { goals: true, commitments: true, activities: true, indicators: true } },
      },
    });
    expect(plan.year).toBe(2016);
    expect(plan.body.shortName).toBe("KS");
    expect(plan._count).toEqual({ goals: 9, commitments: 9, activities: 57, indicators: 30 });
    expect(plan.occasions.map((o) => [o.name, o.closedAt !== null])).toEqual([
      ["per 30 april", true],
      ["per 31 augusti", false],
    ]);
    const april = { occasion: { name: "per 30 april", plan: { municipality: { slug: "mjolby" } } } };
    const statuses = await db.prisma.planActivityStatusEntry.groupBy({ by: ["status"], where: april, _count: true });
    expect(Object.fromEntries(statuses.map((s) => [s.status, s._count]))).toEqual({ COMPLETED: 4, IN_PROGRESS: 43, STARTED: 2, NOT_STARTED: 8 });
    expect(await db.prisma.planCommitmentSummary.count({ where: april })).toBe(9);
    // 30 indicators: two (budget i balans) have no status in the document.
    expect(await db.prisma.planIndicatorValue.count({ where: april })).toBe(28);
    expect(await db.prisma.planIndicatorValue.count({ where: { ...april, noNewData: true } })).toBe(16);
    const link = await db.prisma.planUppdragLink.findFirstOrThrow({
      where: { municipality: { slug: "mjolby" } },
      select: { uppdrag: { select: { title: true } }, activity: { select: { name: true } } },
    });
    expect(link.activity?.name).toBe(link.uppdrag.title);
  });

  it("motioner och medborgarförslag in Exempelstad and Alingsås: some over a year, one anonymised, one bifallen with its uppdrag", async () => {
    const { motionClock, isOpenMotion } = await import("@/lib/motions/clock");
    const today = new Date(Date.UTC(2026, 11, 6));
    for (const slug of ["exempelstad", "alingsas"]) {
      const motions = await db.prisma.motion.findMany({ where: { municipality: { slug } }, select: { state: true, raisedOn: true, anonymised: true, proposers: true, kind: true, _count: { select: { events: true } } } });
      expect(motions.length, slug).toBeGreaterThanOrEqual(5);
      const open = motions.filter((m) => isOpenMotion(m.state));
      expect(open.filter((m) => motionClock(m.raisedOn, today).overAYear).length, slug).toBeGreaterThanOrEqual(2);
      const anonymised = motions.filter((m) => m.anonymised);
      expect(anonymised.length, slug).toBe(1);
      expect(anonymised[0].kind).toBe("MEDBORGARFORSLAG");
      expect(anonymised[0].proposers).toEqual([]);
      for (const m of motions) expect(m._count.events).toBeGreaterThanOrEqual(1);
    }
    const bifallen = await db.prisma.motion.findFirstOrThrow({
      where: { municipality: { slug: "alingsas" }, outcome: "BIFALLEN" },
      select: { state: true, answeredOn: true, answeredAtParagraph: { select: { number: true, body: { select: { shortName: true } } } }, uppdrag: { select: { title: true, status: true, paragraph: { select: { number: true } } } } },
    });
    expect(bifallen.state).toBe("BESVARAD");
    expect(bifallen.answeredAtParagraph).toEqual({ number: 148, body: { shortName: "KF" } });
    expect(bifallen.uppdrag).toEqual([{ title: "Bygga ut laddinfrastrukturen vid kommunens anläggningar", status: "IN_PROGRESS", paragraph: { number: 148 } }]);
    // Each motion's columns mirror its latest event.
    const rows = await db.prisma.$queryRaw<{ n: bigint }[]>`
      SELECT count(*) AS n FROM "Motion" m
      WHERE m."state" <> (SELECT e."state" FROM "MotionEvent" e WHERE e."motionId" = m."id" ORDER BY e."on" DESC, e."at" DESC, e."id" DESC LIMIT 1)`;
    expect(Number(rows[0].n)).toBe(0);
  });

  it("has one demo user per role in every municipality, and loads only once", async () => {
    expect(await db.prisma.user.count()).toBe(DEMO_USERS.length);
    const roles = await db.prisma.membership.groupBy({ by: ["municipalityId", "role"], _count: true });
    expect(roles).toHaveLength(16);
    expect(await ensureDemoData(db.prisma)).toBe(false);
  });

  it("every uppdrag's current status equals its latest history entry", async () => {
    const rows = await db.prisma.$queryRawUnsafe<{ n: bigint }[]>(`
      SELECT count(*) AS n FROM "Uppdrag" u
      WHERE u.status IS DISTINCT FROM (SELECT s.status FROM "StatusEntry" s WHERE s."uppdragId" = u.id ORDER BY s."at" DESC, s.id DESC LIMIT 1)`);
    expect(Number(rows[0].n)).toBe(0);
    expect(await db.prisma.uppdrag.count()).toBeGreaterThan(60);
  });
});
