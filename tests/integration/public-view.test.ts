// The open public view (docs/decisions/007-public-view.md): what the read
// functions give (hidden uppdrag, comments and names only when chosen, search
// that never matches a hidden comment), the open data's JSON and CSV shapes and
// HTTP headers (cache, ETag, 304), the settings and hide switches with their
// audit events, and the rate limit in the proxy. The permission matrix has the
// leak rows for every identity (endpoint-matrix.test.ts).
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { NextRequest } from "next/server";
import { openTestDatabase, scopedFor } from "../support/db";
import { buildWorld, type World } from "../support/world";
import { request } from "../support/next-mocks";
import { createUppdrag } from "@/server/seed/factories";
import type { Database } from "@/server/db/connect";
import type { PublicView } from "@/server/entry/public-view";

vi.mock("@/server/auth/actor", async () => (await import("../support/next-mocks")).actorModule);
vi.mock("@/server/db", async () => (await import("../support/next-mocks")).dbModule);
vi.mock("next/cache", async () => (await import("../support/next-mocks")).cacheModule);
vi.mock("next/headers", async () => (await import("../support/next-mocks")).headersModule);

const { listPublicUppdrag, getPublicUppdrag, publicBodies } = await import("@/server/public/public-uppdrag");
const { openData, openDataCsv, CSV_COLUMNS } = await import("@/server/public/open-data");
const { setPubliclyHidden } = await import("@/server/public/hide");
const { updatePublicView } = await import("@/server/admin/settings");
const { openPublicView } = await import("@/server/entry/public-view");
const { TokenBuckets, rateLimited } = await import("@/server/public/rate-limit");

const PERSON = "Petra Namnsson";
const HIDDEN_COMMENT = "utredaren-sjukskriven";
let db: Database;
let w: World;
let hiddenId: string;
const view = (o: Partial<PublicView> = {}): PublicView => ({
  municipalityId: w.municipality.id,
  slug: w.municipality.slug,
  name: w.municipality.name,
  showComments: false,
  showNames: false,
  diariumUrlPattern: null,
  ...o,
});

beforeAll(async () => {
  db = await openTestDatabase();
  request.db = db;
  w = await buildWorld(db.prisma, "Öppna kommunen");
  const sek = w.actors.SEKRETERARE;
  await createUppdrag(db.prisma, w.municipality.id, {
    paragraph: w.p1,
    decidedOn: "2024-03-11",
    title: "Bygg en ny cykelbana",
    text: "Planera en cykelbana längs ån.",
    unitIds: [w.unitA.id],
    responsiblePerson: PERSON,
    history: [
      { status: "NOT_STARTED", at: "2024-03-11" },
      { status: "DELAYED", at: "2024-06-01", comment: `Försenat: ${HIDDEN_COMMENT}.`, authorId: sek.userId, plannedCompletion: "2025-06-30" },
    ],
  });
  const hidden = await createUppdrag(db.prisma, w.municipality.id, { paragraph: w.p1, decidedOn: "2024-03-11", title: "Hemlig markaffär", text: "Förhandla om marken.", unitIds: [w.unitA.id] });
  hiddenId = hidden.id;
  await setPubliclyHidden(scopedFor(db.prisma, w.actors.ADMINISTRATOR), w.actors.ADMINISTRATOR, { uppdragId: hiddenId, hidden: true });
}, 120_000);
afterAll(async () => {
  await db?.close();
});

describe("the public read functions", () => {
  it("list every uppdrag but the hidden one, without comments unless chosen", async () => {
    const s = scopedFor(db.prisma, w.municipality.id);
    const list = await listPublicUppdrag(s, view(), {});
    expect(list.rows.map((r) => r.title).sort()).toEqual(["Bygg en ny cykelbana", "Se över lokalerna", "Ta fram en vägplan"]);
    expect(list.rows.every((r) => r.comment === null)).toBe(true);
    const withComments = await listPublicUppdrag(s, view({ showComments: true }), {});
    expect(withComments.rows.find((r) => r.title === "Bygg en ny cykelbana")?.comment).toContain(HIDDEN_COMMENT);
  });

  it("filter by status and body, and search only what is shown", async () => {
    const s = scopedFor(db.prisma, w.municipality.id);
    expect((await listPublicUppdrag(s, view(), { status: "DELAYED" })).rows.map((r) => r.title)).toEqual(["Bygg en ny cykelbana"]);
    expect((await listPublicUppdrag(s, view(), { organ: w.kf.id })).rows.map((r) => r.title)).toEqual(["Ta fram en vägplan"]);
    expect((await listPublicUppdrag(s, view(), { q: "cykelbana" })).rows.map((r) => r.title)).toEqual(["Bygg en ny cykelbana"]);
    expect((await listPublicUppdrag(s, view(), { q: "KS 2024/7" })).rows.map((r) => r.title)).toEqual(["Ta fram en vägplan"]);
    // A hidden uppdrag is not found by its words, nor a comment that is not shown.
    expect((await listPublicUppdrag(s, view(), { q: "markaffär" })).total).toBe(0);
    expect((await listPublicUppdrag(s, view(), { q: HIDDEN_COMMENT })).total).toBe(0);
    expect((await listPublicUppdrag(s, view({ showComments: true }), { q: HIDDEN_COMMENT })).total).toBe(1);
    expect((await publicBodies(s)).map((b) => b.shortName).sort()).toEqual(["KF", "KS"]);
  });

  it("give one uppdrag without authors, comments or the named official unless chosen; a hidden or foreign one is not found", async () => {
    const s = scopedFor(db.prisma, w.municipality.id);
    const id = (await db.prisma.uppdrag.findFirstOrThrow({ where: { municipalityId: w.municipality.id, title: "Bygg en ny cykelbana" } })).id;
    const u = await getPublicUppdrag(s, view(), id);
    expect(u.responsiblePerson).toBeNull();
    expect(u.statusComment).toBeNull();
    expect(u.history.map((h) => h.comment)).toEqual([null, null]);
    expect(JSON.stringify(u)).not.toContain(w.actors.SEKRETERARE.name);
    expect(Object.keys(u.history[0]).sort()).toEqual(["at", "comment", "id", "plannedCompletion", "reportedAtMeeting", "status"]);
    const all = await getPublicUppdrag(s, view({ showComments: true, showNames: true }), id);
    expect(all.responsiblePerson).toBe(PERSON);
    expect(all.history[0].comment).toContain(HIDDEN_COMMENT);
    await expect(getPublicUppdrag(s, view(), hiddenId)).rejects.toThrow(/not found/);
    const other = await buildWorld(db.prisma, "Annan kommun");
    await expect(getPublicUppdrag(s, view(), other.ksUppdrag.id)).rejects.toThrow(/not found/);
    await expect(getPublicUppdrag(s, view(), "inte-ett-id")).rejects.toThrow(/not found/);
  });
});

describe("the open data", () => {
  it("holds every public uppdrag with OParl's names; the CSV has a BOM, semicolons and the same columns", async () => {
    const s = scopedFor(db.prisma, w.municipality.id);
    const data = await openData(s, view(), (id) => `/offentlig/x/uppdrag/${id}`);
    expect(data.items).toHaveLength(3);
    const item = data.items.find((i) => i.name === "Bygg en ny cykelbana")!;
    expect(item).toMatchObject({
      reference: "KS 2024/101",
      organization: { shortName: "KS", name: "Kommunstyrelsen" },
      meeting: { start: "2024-03-11" },
      agendaItem: { number: "41", name: "Översyn av lokaler" },
      status: "DELAYED",
      statusLabel: "Försenad",
      statusComment: null,
      responsibleUnits: ["Kommunledningskontoret"],
      responsiblePerson: null,
      plannedCompletion: "2025-06-30",
    });
    expect(item.web).toBe(`/offentlig/x/uppdrag/${item.id}`);
    const csv = openDataCsv(data);
    expect(csv.startsWith("\uFEFFid;web;name;text;reference;")).toBe(true);
    const lines = csv.slice(1).trimEnd().split("\r\n");
    expect(lines).toHaveLength(4);
    expect(lines[0].split(";")).toEqual(CSV_COLUMNS.map(([n]) => n));
    expect(csv).not.toContain("Hemlig markaffär");
    expect(csv).not.toContain(PERSON);
  });

  it("is served with public cache headers, an ETag answered with 304, Last-Modified and no cookie; 404 when the view is off", async () => {
    const { GET } = await import("@/app/offentlig/[slug]/data/uppdrag.json/route");
    const { GET: CSV } = await import("@/app/offentlig/[slug]/data/uppdrag.csv/route");
    const slug = w.municipality.slug;
    const get = (handler: typeof GET, path: string, headers: Record<string, string> = {}) =>
      handler(new NextRequest(new URL(path, "http://localhost:3000"), { headers }), { params: Promise.resolve({ slug }) });
    await db.prisma.municipality.update({ where: { id: w.municipality.id }, data: { publicView: false } });
    expect((await get(GET, `/offentlig/${slug}/data/uppdrag.json`)).status).toBe(404);
    await db.prisma.municipality.update({ where: { id: w.municipality.id }, data: { publicView: true } });
    const res = await get(GET, `/offentlig/${slug}/data/uppdrag.json`);
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("public, max-age=60, stale-while-revalidate=300");
    expect(res.headers.get("content-type")).toBe("application/json; charset=utf-8");
    expect(res.headers.get("last-modified")).toMatch(/GMT$/);
    expect(res.headers.get("set-cookie")).toBeNull();
    const etag = res.headers.get("etag")!;
    expect(etag).toMatch(/^"[\w-]{27}"$/);
    const json = (await res.json()) as { schemaVersion: string; body: { name: string }; count: number; data: { web: string }[] };
    expect(json).toMatchObject({ schemaVersion: "1.0", body: { name: "Öppna kommunen" }, count: 3 });
    expect(json.data[0].web).toMatch(/^https?:\/\/[^/]+\/offentlig\/.+\/uppdrag\/[0-9a-f-]{36}$/);
    const again = await get(GET, `/offentlig/${slug}/data/uppdrag.json`, { "if-none-match": etag });
    expect(again.status).toBe(304);
    expect(again.headers.get("etag")).toBe(etag);
    const csv = await get(CSV, `/offentlig/${slug}/data/uppdrag.csv`);
    expect(csv.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(new Uint8Array(await csv.arrayBuffer()).slice(0, 3)).toEqual(new Uint8Array([0xef, 0xbb, 0xbf]));
  });
});

describe("the switches", () => {
  it("turn the view on and off with the options, audited; a stale form is refused", async () => {
    const admin = w.actors.ADMINISTRATOR;
    const s = scopedFor(db.prisma, admin);
    const v = (await db.prisma.municipality.findUniqueOrThrow({ where: { id: w.municipality.id } })).version;
    await updatePublicView(s, admin, { expectedVersion: v, publicView: "on", show: ["names"] });
    const opened = await openPublicView(w.municipality.slug);
    expect(opened?.view).toMatchObject({ showNames: true, showComments: false });
    await expect(updatePublicView(s, admin, { expectedVersion: v, publicView: "off", show: [] })).rejects.toThrow();
    await updatePublicView(s, admin, { expectedVersion: v + 1, publicView: "off", show: [] });
    expect(await openPublicView(w.municipality.slug)).toBeNull();
    expect(await openPublicView("finns-inte")).toBeNull();
    expect(await openPublicView("../x")).toBeNull();
    const audits = await db.prisma.auditEvent.findMany({ where: { municipalityId: w.municipality.id, action: { in: ["municipality.public-view.update", "uppdrag.public.hide"] } } });
    expect(audits.map((a) => a.action).sort()).toEqual(["municipality.public-view.update", "municipality.public-view.update", "uppdrag.public.hide"]);
    await expect(updatePublicView(scopedFor(db.prisma, w.actors.SEKRETERARE), w.actors.SEKRETERARE, { expectedVersion: v + 2, publicView: "on", show: [] })).rejects.toThrow(/forbidden/);
  });
});

describe("the rate limit", () => {
  it("allows a burst of the limit per client address, then answers 429 in Swedish with Retry-After; other addresses go on", () => {
    const buckets = new TokenBuckets(() => ({ perMinute: 3, sharedPerMinute: 30 }));
    const h = (ip: string) => new Headers({ "x-forwarded-for": ip });
    vi.stubEnv("TRUSTED_PROXY_HOPS", "1");
    try {
      const now = 1_000_000;
      for (let i = 0; i < 3; i++) expect(rateLimited(h("192.0.2.1"), "/offentlig/x", buckets, now)).toBeNull();
      const refused = rateLimited(h("192.0.2.1"), "/offentlig/x/data/uppdrag.json", buckets, now)!;
      expect(refused.status).toBe(429);
      expect(refused.headers.get("retry-after")).toBe("20");
      expect(refused.headers.get("cache-control")).toBe("no-store");
      expect(rateLimited(h("192.0.2.2"), "/offentlig/x", buckets, now)).toBeNull();
      // A token comes back after 20 s (3 a minute).
      expect(rateLimited(h("192.0.2.1"), "/offentlig/x", buckets, now + 20_000)).toBeNull();
    } finally {
      vi.unstubAllEnvs();
    }
  });

  it("is applied by the proxy to /offentlig only, which it never sends to sign-in and marks cacheable", async () => {
    vi.stubEnv("PUBLIC_RATE_LIMIT", "2");
    vi.stubEnv("TRUSTED_PROXY_HOPS", "1");
    try {
      const { proxy } = await import("@/proxy");
      const call = (path: string) => proxy(new NextRequest(new URL(path, "http://localhost:3000"), { headers: { "x-forwarded-for": "198.51.100.7" } }));
      const first = call("/offentlig/exempelstad");
      expect(first.status).toBe(200);
      expect(first.headers.get("location")).toBeNull();
      expect(first.headers.get("cache-control")).toBe("public, max-age=60, stale-while-revalidate=300");
      expect(first.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
      call("/offentlig/exempelstad/data/uppdrag.csv");
      const third = call("/offentlig/exempelstad");
      expect(third.status).toBe(429);
      expect(await third.text()).toContain("För många förfrågningar");
      expect(third.headers.get("content-security-policy")).toContain("default-src");
      // The app's own pages are not limited nor marked public.
      const app = call("/uppdrag");
      expect(app.status).toBe(200);
      expect(app.headers.get("cache-control")).toBeNull();
    } finally {
      vi.unstubAllEnvs();
    }
  });
});
