// The members' list: filters, Swedish search and sorting, overview, "changed since my last visit".
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase, scopedFor } from "../support/db";
import { buildWorld, type World } from "../support/world";
import type { Database } from "@/server/db/connect";
import { createMeeting, createParagraph, createUnit, createUppdrag } from "@/server/seed/factories";
import { listUppdrag, PAGE_SIZE, recordListVisit, recordUppdragView, searchUppdrag } from "@/server/uppdrag/list-uppdrag";
import { getOverview } from "@/server/uppdrag/overview";
import { generateUppdrag } from "@/server/seed/generate";
import { STATUSES } from "@/lib/status";
import { changeStatus } from "@/server/uppdrag/change-status";

let db: Database;
let w: World;
let other: World;
const ids: Record<string, string> = {};
const today = new Date(Date.UTC(2025, 5, 15));

beforeAll(async () => {
  db = await openTestDatabase();
  w = await buildWorld(db.prisma, "Listkommun");
  other = await buildWorld(db.prisma, "Annan kommun");
  const m = w.municipality.id;
  const child = await createUnit(db.prisma, m, { name: "Lokalenheten", kind: "ENHET", parentId: w.unitA.id });
  const meeting = await createMeeting(db.prisma, m, { bodyId: w.ks.id, date: "2023-02-06" });
  let n = 1;
  const add = async (key: string, title: string, o: { unitIds?: string[]; deadline?: string; dnr?: string; history?: Parameters<typeof createUppdrag>[2]["history"] } = {}) => {
    const p = await createParagraph(db.prisma, m, meeting, { number: n++, dnr: o.dnr, title, decision: `Kommunstyrelsen ger i uppdrag att ${title.toLowerCase()}.` });
    ids[key] = (await createUppdrag(db.prisma, m, { paragraph: p, decidedOn: "2023-02-06", title, text: title, unitIds: o.unitIds ?? [w.unitB.id], deadline: o.deadline, history: o.history })).id;
  };
  await add("forskola", "Utreda förskolans lokalbehov", { unitIds: [child.id], deadline: "2024-01-31" });
  await add("zon", "Zonplan för centrum", { deadline: "2030-01-01" });
  await add("atgard", "Åtgärda gatubelysningen");
  await add("oka", "Öka antalet laddplatser");
  await add("anlagg", "Anlägga en ny cykelväg", { dnr: "KS 2023/0457" });
  await add("klar", "Införa e-tjänst för bygglov", {
    history: [{ status: "NOT_STARTED", at: "2023-02-06" }, { status: "COMPLETED", at: "2024-03-01", comment: "Återrapporterat" }],
  });
});
afterAll(async () => db?.close());

const list = (f: Parameters<typeof listUppdrag>[2], lastVisit?: Date | null) => listUppdrag(scopedFor(db.prisma, w.actors.LEDAMOT), w.actors.LEDAMOT, f, { today, lastVisit });
const titles = async (f: Parameters<typeof listUppdrag>[2]) => (await list(f)).rows.map((r) => r.title);

describe("search in Swedish", () => {
  it("finds inflected forms by prefix: 'förskola' finds 'förskolans'", async () => {
    expect(await titles({ q: "förskola" })).toContain("Utreda förskolans lokalbehov");
    expect(await titles({ q: "LOKALBEHOV förskol" })).toEqual(["Utreda förskolans lokalbehov"]);
  });
  it("'uppdrag' finds 'uppdraget' and 'förskola' finds förskolor and förskolornas", async () => {
    const m = w.municipality.id;
    const meeting = await createMeeting(db.prisma, m, { bodyId: w.ks.id, date: "2023-05-08" });
    const items = [
      ["Redovisa uppdraget om busskort", "x1"],
      ["Bygga nya förskolor", "x2"],
      ["Förbättra förskolornas gårdar", "x3"],
    ] as const;
    for (const [i, [title]] of items.entries()) {
      const p = await createParagraph(db.prisma, m, meeting, { number: 90 + i, title, decision: title });
      ids[title] = (await createUppdrag(db.prisma, m, { paragraph: p, decidedOn: "2023-05-08", title, text: title, unitIds: [w.unitB.id] })).id;
    }
    expect(await titles({ q: "uppdrag" })).toContain("Redovisa uppdraget om busskort");
    expect(await titles({ q: "förskola" })).toEqual(expect.arrayContaining(["Bygga nya förskolor", "Förbättra förskolornas gårdar", "Utreda förskolans lokalbehov"]));
  });

  it("searches the decision text and later comments", async () => {
    await changeStatus(scopedFor(db.prisma, w.actors.ADMINISTRATOR), w.actors.ADMINISTRATOR, {
      uppdragId: ids.zon, expectedVersion: 1, status: "DELAYED", comment: "Trafikverkets yttrande dröjer", plannedCompletion: null, reportedAtMeetingId: null,
    });
    expect(await titles({ q: "trafikverket" })).toEqual(["Zonplan för centrum"]);
    expect(await titles({ q: "kommunstyrelsen laddplatser" })).toEqual(["Öka antalet laddplatser"]);
  });
  it("finds a Dnr whatever the separators, exact match first", async () => {
    expect(await titles({ q: "ks 2023-0457" })).toEqual(["Anlägga en ny cykelväg"]);
    expect(await titles({ q: "KS 2023/0457" })).toEqual(["Anlägga en ny cykelväg"]);
  });
  it("keeps to the status filter: closed uppdrag only when asked for, with the other filters too", async () => {
    expect(await titles({ q: "bygglov" })).toEqual([]);
    expect(await titles({ q: "bygglov", showClosed: true })).toEqual(["Införa e-tjänst för bygglov"]);
    expect(await titles({ q: "bygglov", status: ["COMPLETED"] })).toEqual(["Införa e-tjänst för bygglov"]);
    expect(await titles({ q: "bygglov", status: ["IN_PROGRESS"] })).toEqual([]);
    expect(await titles({ q: "bygglov", showClosed: true, body: w.ks.id })).toEqual(["Införa e-tjänst för bygglov"]);
    expect(await titles({ q: "bygglov", showClosed: true, body: w.kf.id })).toEqual([]);
    const found = await list({ q: "förskola", unit: w.unitA.id });
    expect(found.rows.map((r) => r.title)).toEqual(["Utreda förskolans lokalbehov"]);
    expect(found.total).toBe(1);
  });
  it("never finds another municipality's records", async () => {
    // Both municipalities have an uppdrag titled "Ta fram en vägplan".
    expect([...(await searchUppdrag(scopedFor(db.prisma, w.municipality.id), w.municipality.id, "vägplan")).keys()]).toEqual([w.kfUppdrag.id]);
    expect([...(await searchUppdrag(scopedFor(db.prisma, other.municipality.id), other.municipality.id, "vägplan")).keys()]).toEqual([other.kfUppdrag.id]);
    expect([...(await searchUppdrag(scopedFor(db.prisma, w.municipality.id), w.municipality.id, "ks 2024/7")).keys()]).toEqual([w.kfUppdrag.id]);
  });
  it("the search predicate matches the GIN index on the swedish tsvector", async () => {
    // Which index the planner picks depends on data size (see npm run bench);
    // this proves the predicate, as written, is served by the search index.
    const plan = await db.prisma.$transaction(async (tx) => {
      await tx.$executeRawUnsafe("SET LOCAL enable_seqscan = off");
      return tx.$queryRawUnsafe<{ "QUERY PLAN": string }[]>(
        `EXPLAIN SELECT id FROM "Uppdrag", to_tsquery('swedish', 'förskol:*') query WHERE search @@ query`,
      );
    });
    expect(plan.map((r) => r["QUERY PLAN"]).join("\n")).toMatch(/Uppdrag_search_idx/);
  });
  it("a Dnr prefix is found through an index range, not by reading every paragraph", async () => {
    // LIKE 'prefix%' can use a B-tree only with the pattern operator class unless
    // the collation is C (migration 20261204170553_dnr_prefix_index). The exact-
    // lookup index is dropped inside a transaction that is rolled back, so the
    // plan shows what serves the prefix on this tiny table.
    let plan = "";
    await db.prisma
      .$transaction(async (tx) => {
        await tx.$executeRawUnsafe("SET LOCAL enable_seqscan = off");
        await tx.$executeRawUnsafe(`DROP INDEX "Paragraph_municipalityId_dnrKey_idx"`);
        const rows = await tx.$queryRawUnsafe<{ "QUERY PLAN": string }[]>(
          `EXPLAIN SELECT id FROM "Paragraph" WHERE "municipalityId" = $1::uuid AND "dnrKey" LIKE 'ks2024%'`,
          w.municipality.id,
        );
        plan = rows.map((r) => r["QUERY PLAN"]).join("\n");
        throw new Error("rollback");
      })
      .catch((e: Error) => {
        if (e.message !== "rollback") throw e;
      });
    expect(plan).toMatch(/Index Cond: .*"dnrKey" (~>=~|>=) 'ks2024'/);
  });
});

describe("filters", () => {
  it("hides closed uppdrag unless asked", async () => {
    expect(await titles({})).not.toContain("Införa e-tjänst för bygglov");
    expect(await titles({ showClosed: true })).toContain("Införa e-tjänst för bygglov");
    expect(await titles({ status: ["COMPLETED"] })).toEqual(["Införa e-tjänst för bygglov"]);
  });
  it("a unit includes its sub-units", async () => {
    expect(await titles({ unit: w.unitA.id })).toEqual(expect.arrayContaining(["Utreda förskolans lokalbehov", "Se över lokalerna"]));
  });
  it("overdue: open and past the deadline", async () => {
    expect(await titles({ overdue: true })).toEqual(["Utreda förskolans lokalbehov"]);
  });
  it("year of decision", async () => {
    expect(await titles({ year: 2024 })).toEqual(["Ta fram en vägplan", "Se över lokalerna"]);
  });
});

describe("sorting", () => {
  it("sorts titles in Swedish order: å, ä, ö after z, on PostgreSQL and PGlite alike", async () => {
    const sorted = (await titles({ sort: "titel", dir: "asc", year: 2023 })).filter((t) => /^(Anlägga|Zonplan|Åtgärda|Öka)/.test(t));
    expect(sorted).toEqual(["Anlägga en ny cykelväg", "Zonplan för centrum", "Åtgärda gatubelysningen", "Öka antalet laddplatser"]);
    const desc = (await titles({ sort: "titel", dir: "desc", year: 2023 })).filter((t) => /^(Anlägga|Zonplan|Åtgärda|Öka)/.test(t));
    expect(desc).toEqual([...sorted].reverse());
  });
  it("sorts by deadline with undated last", async () => {
    const rows = (await list({ sort: "klart", dir: "asc", year: 2023 })).rows;
    expect(rows[0].title).toBe("Utreda förskolans lokalbehov");
    expect(rows.at(-1)!.deadline).toBeNull();
  });
});

describe("paging", () => {
  it("pages through every uppdrag once, in order, past the depth where a page is found by its ids first", async () => {
    const big = await buildWorld(db.prisma, "Sidkommun");
    await generateUppdrag(db.prisma, { municipalityId: big.municipality.id, count: 170, seed: 7, today });
    const reader = big.actors.LEDAMOT;
    for (const [sort, dir] of [["beslut", "desc"], ["titel", "asc"], ["klart", "asc"], ["status", "desc"]] as const) {
      const seen: { id: string; decidedOn: Date; number: number; status: string }[] = [];
      const first = await listUppdrag(scopedFor(db.prisma, reader), reader, { showClosed: true, sort, dir }, { today });
      expect(first.pageCount).toBeGreaterThan(6); // beyond the 100 rows where the deep path starts
      for (let page = 1; page <= first.pageCount; page++) {
        const r = await listUppdrag(scopedFor(db.prisma, reader), reader, { showClosed: true, sort, dir, page }, { today });
        expect(r.rows.length).toBe(page < first.pageCount ? PAGE_SIZE : first.total - PAGE_SIZE * (first.pageCount - 1));
        seen.push(...r.rows.map((u) => ({ id: u.id, decidedOn: u.decidedOn, number: u.paragraph.number, status: u.status })));
      }
      expect(seen.length).toBe(first.total);
      expect(new Set(seen.map((u) => u.id)).size).toBe(first.total);
      for (let i = 1; i < seen.length; i++) {
        const [a, b] = [seen[i - 1], seen[i]];
        if (sort === "beslut") expect(a.decidedOn.getTime() > b.decidedOn.getTime() || (a.decidedOn.getTime() === b.decidedOn.getTime() && a.number >= b.number)).toBe(true);
        // Status sorts in the enum's order (as declared in the schema, which STATUSES follows).
        if (sort === "status") expect(STATUSES.indexOf(a.status as never)).toBeGreaterThanOrEqual(STATUSES.indexOf(b.status as never));
      }
    }
  });
});

describe("changed since my last visit", () => {
  it("marks rows changed after the previous visit until the reader opens them", async () => {
    const actor = w.actors.LEDAMOT;
    const t0 = new Date(Date.UTC(2025, 5, 1, 8));
    expect(await recordListVisit(scopedFor(db.prisma, actor), actor, t0)).toBeNull();
    expect(await recordListVisit(scopedFor(db.prisma, actor), actor, new Date(t0.getTime() + 10 * 60_000)), "a reload is the same visit").toBeNull();
    const t1 = new Date(Date.UTC(2025, 5, 2, 8));
    const last = await recordListVisit(scopedFor(db.prisma, actor), actor, t1);
    expect(last).toEqual(t0);
    // Something changes after t0 (the zon uppdrag changed "now", i.e. after 2025-06-01).
    const marked = (await list({ changed: "senaste-besok" }, last)).rows;
    expect(marked.map((r) => r.title)).toContain("Zonplan för centrum");
    expect(marked.every((r) => r.changedForReader)).toBe(true);
    await recordUppdragView(scopedFor(db.prisma, actor), actor, ids.zon);
    const after = (await list({}, last)).rows.find((r) => r.id === ids.zon)!;
    expect(after.changedForReader).toBe(false);
  });
});

describe("overview", () => {
  it("counts by status, overdue and by body, within the municipality", async () => {
    const o = await getOverview(scopedFor(db.prisma, w.actors.LEDAMOT), w.actors.LEDAMOT, today);
    const all = await db.prisma.uppdrag.count({ where: { municipalityId: w.municipality.id } });
    expect(Object.values(o.byStatus).reduce((a, b) => a + b, 0)).toBe(all);
    expect(o.byStatus.COMPLETED).toBe(1);
    expect(o.byStatus.DELAYED).toBe(1);
    expect(o.overdue).toBe(1);
    expect(o.byBody.reduce((n, b) => n + b.total, 0)).toBe(o.open);
    expect(o.medianOpenAgeDays).toBeGreaterThan(365);
  });
});
