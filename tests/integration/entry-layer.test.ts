// The entry layer attacked as a public endpoint: each call is what a caller can
// send (any body, any cookie, any header). Written against the gate, a served
// server action and a served route handler; refusals change nothing, come in
// Swedish in one shape, and are logged with the endpoint the server knows.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { openTestDatabase } from "../support/db";
import { buildWorld, type World } from "../support/world";
import { request, sameOriginHeaders } from "../support/next-mocks";
import { toFormData } from "../support/endpoint-fixtures";
import { z } from "@/lib/validation/zod";
import { defineEndpoint } from "@/server/entry/endpoint";
import { passGate } from "@/server/entry/gate";
import { isSameOrigin } from "@/server/entry/origin";
import { shouldAudit, REFUSAL_AUDIT_WINDOW_MS } from "@/server/entry/log";
import { MESSAGES } from "@/server/entry/answer";
import type { Database } from "@/server/db/connect";

vi.mock("@/server/auth/actor", async () => (await import("../support/next-mocks")).actorModule);
vi.mock("@/server/db", async () => (await import("../support/next-mocks")).dbModule);
vi.mock("next/cache", async () => (await import("../support/next-mocks")).cacheModule);
vi.mock("next/headers", async () => (await import("../support/next-mocks")).headersModule);
vi.mock("next/navigation", async (original) => ({ ...(await original<object>()), ...(await import("../support/next-mocks")).navigation }));

let db: Database;
let w: World;
let other: World;
beforeAll(async () => {
  db = await openTestDatabase();
  request.db = db;
  w = await buildWorld(db.prisma, "Grindkommun");
  other = await buildWorld(db.prisma, "Annan grindkommun");
}, 120_000);
afterAll(async () => {
  request.actor = null;
  request.headers = undefined;
  await db?.close();
});

const CROSS_SITE = () => new Headers({ host: "localhost:3000", origin: "https://evil.example", "sec-fetch-site": "cross-site", referer: "https://localhost:3000/admin/logg" });

async function statusOf(id: string) {
  return db.prisma.uppdrag.findUniqueOrThrow({ where: { id }, select: { status: true, version: true } });
}
const changeStatusForm = (uppdragId: string, over: Record<string, string> = {}) =>
  toFormData({ uppdragId, expectedVersion: "1", status: "IN_PROGRESS", comment: "Påbörjat.", plannedCompletion: "", reportedAtMeetingId: "", ...over });

describe("the origin check", () => {
  it("accepts this site's requests and refuses another site's, a missing Origin without Sec-Fetch-Site, and a lying Sec-Fetch-Site", () => {
    const env = { NEXTAUTH_URL: "https://uppdrag.kommun.se" } as unknown as NodeJS.ProcessEnv;
    expect(isSameOrigin(new Headers({ host: "uppdrag.kommun.se", origin: "https://uppdrag.kommun.se" }), env)).toBe(true);
    expect(isSameOrigin(new Headers({ host: "uppdrag.kommun.se", "sec-fetch-site": "same-origin" }), env)).toBe(true);
    expect(isSameOrigin(new Headers({ host: "uppdrag.kommun.se", origin: "https://evil.example" }), env)).toBe(false);
    expect(isSameOrigin(new Headers({ host: "uppdrag.kommun.se", origin: "https://uppdrag.kommun.se.evil.example" }), env)).toBe(false);
    expect(isSameOrigin(new Headers({ host: "uppdrag.kommun.se", origin: "null" }), env)).toBe(false);
    expect(isSameOrigin(new Headers({ host: "uppdrag.kommun.se" }), env)).toBe(false);
    expect(isSameOrigin(new Headers({ host: "uppdrag.kommun.se", origin: "https://uppdrag.kommun.se", "sec-fetch-site": "cross-site" }), env)).toBe(false);
    expect(isSameOrigin(new Headers({ host: "uppdrag.kommun.se", origin: "https://uppdrag.kommun.se", "sec-fetch-site": "same-site" }), env)).toBe(false);
  });
});

describe("a served server action", () => {
  it("refuses a state-changing call from another site, changes nothing, and logs it under the action, not the Referer it was sent", async () => {
    const { changeStatusAction } = await import("@/app/uppdrag/[id]/actions");
    request.actor = w.actors.ADMINISTRATOR;
    request.headers = CROSS_SITE();
    const before = await statusOf(w.ksUppdrag.id);
    const r = await changeStatusAction({ ok: false }, changeStatusForm(w.ksUppdrag.id));
    request.headers = undefined;
    expect(r).toMatchObject({ ok: false, message: MESSAGES.foreignOrigin });
    expect(r.values?.comment).toBe("Påbörjat.");
    expect(await statusOf(w.ksUppdrag.id)).toEqual(before);
    const logged = await db.prisma.auditEvent.findFirst({ where: { municipalityId: w.municipality.id, action: "access.refused" }, orderBy: { at: "desc" } });
    expect(logged?.entityId).toBe("action uppdrag.changeStatus");
    expect(logged?.after).toMatchObject({ reason: "foreign-origin" });
  });

  it("refuses a signed-out caller, a tampered id of another municipality (404) and a role without the permission on the record (403)", async () => {
    const { changeStatusAction } = await import("@/app/uppdrag/[id]/actions");
    request.actor = null;
    expect(await changeStatusAction({ ok: false }, changeStatusForm(w.ksUppdrag.id))).toMatchObject({ ok: false, message: MESSAGES.signedOut });
    // A hidden field changed to another municipality's uppdrag.
    request.actor = w.actors.ADMINISTRATOR;
    const foreign = await statusOf(other.ksUppdrag.id);
    expect(await changeStatusAction({ ok: false }, changeStatusForm(other.ksUppdrag.id))).toMatchObject({ ok: false, message: MESSAGES.notFound });
    expect(await statusOf(other.ksUppdrag.id)).toEqual(foreign);
    // A ledamot reads but never writes.
    request.actor = w.actors.LEDAMOT;
    expect(await changeStatusAction({ ok: false }, changeStatusForm(w.ksUppdrag.id))).toMatchObject({ ok: false, message: MESSAGES.forbidden });
  });

  it("answers bad input field by field in Swedish and keeps what was typed", async () => {
    const { changeStatusAction } = await import("@/app/uppdrag/[id]/actions");
    request.actor = w.actors.ADMINISTRATOR;
    const r = await changeStatusAction({ ok: false }, changeStatusForm(w.ksUppdrag.id, { status: "HACKED", comment: "Min text" }));
    expect(r.ok).toBe(false);
    expect(r.fieldErrors?.status?.[0]).toBe("Välj en status.");
    expect(r.values).toMatchObject({ comment: "Min text", status: "HACKED" });
  });
});

describe("an outage", () => {
  it("answers a status save while PostgreSQL cannot be reached in the form: what was typed stays, and it says nothing was saved", async () => {
    const { openPostgres } = await import("@/server/db/connect");
    const { changeStatusAction } = await import("@/app/uppdrag/[id]/actions");
    // Nothing listens on port 9: every query is refused as when the server is down.
    const down = await openPostgres("postgresql://postgres@127.0.0.1:9/uppdrag");
    const up = request.db;
    request.db = down;
    request.actor = w.actors.ADMINISTRATOR;
    try {
      const r = await changeStatusAction({ ok: false }, changeStatusForm(w.ksUppdrag.id, { comment: "Skrivet under avbrottet" }));
      expect(r).toMatchObject({ ok: false, message: MESSAGES.databaseDown });
      expect(r.values?.comment).toBe("Skrivet under avbrottet");
    } finally {
      request.db = up;
      await down.close();
    }
  });
});

describe("a served route handler", () => {
  it("refuses a POST without Origin and from another site before reading the body", async () => {
    const { POST } = await import("@/app/moten/registrera/tolka/route");
    const { NextRequest } = await import("next/server");
    request.actor = w.actors.ADMINISTRATOR;
    for (const headers of [new Headers({ host: "localhost:3000" }), CROSS_SITE()]) {
      const res = await POST(new NextRequest("http://localhost:3000/moten/registrera/tolka", { method: "POST", body: toFormData({ text: "§ 1 Test" }), headers }), { params: Promise.resolve({}) });
      expect(res.status).toBe(403);
      expect(await res.json()).toEqual({ ok: false, message: MESSAGES.foreignOrigin });
    }
  });

  it("answers a GET refusal in the same words and shape as an action", async () => {
    const { GET } = await import("@/app/api/uppdrag/[id]/route");
    const { NextRequest } = await import("next/server");
    request.actor = null;
    const res = await GET(new NextRequest(`http://localhost:3000/api/uppdrag/${w.ksUppdrag.id}`), { params: Promise.resolve({ id: w.ksUppdrag.id }) });
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({ ok: false, message: MESSAGES.signedOut });
    request.actor = w.actors.ADMINISTRATOR;
    const foreign = await GET(new NextRequest(`http://localhost:3000/api/uppdrag/${other.ksUppdrag.id}`), { params: Promise.resolve({ id: other.ksUppdrag.id }) });
    expect(foreign.status).toBe(404);
    expect(await foreign.json()).toEqual({ ok: false, message: MESSAGES.notFound });
  });
});

describe("the gate", () => {
  const probe = (run: () => Promise<unknown>) =>
    defineEndpoint({ id: "test.probe", input: z.object({ text: z.string().max(10, "Högst 10 tecken.") }), permission: "uppdrag:read", scope: "municipality", mutates: true, run });

  it("answers a database outage with 503 and a message that nothing was saved, for an action as for a route", async () => {
    request.actor = w.actors.LEDAMOT;
    const down = Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" });
    const outcome = await passGate(probe(async () => Promise.reject(down)), { text: "hej" }, { headers: sameOriginHeaders(), where: "test" });
    expect(outcome).toMatchObject({ ok: false, refusal: { status: 503, message: MESSAGES.databaseDown, reason: "unavailable" } });
  });

  it("answers when reading the session itself fails (the database is down) instead of throwing", async () => {
    const actorModule = (await import("../support/next-mocks")).actorModule;
    const saved = actorModule.getActor;
    actorModule.getActor = async () => Promise.reject(Object.assign(new Error("Can't reach database server"), { code: "P1001" }));
    try {
      const outcome = await passGate(probe(async () => "never"), { text: "hej" }, { headers: sameOriginHeaders(), where: "test" });
      expect(outcome).toMatchObject({ ok: false, refusal: { status: 503, message: MESSAGES.databaseDown } });
    } finally {
      actorModule.getActor = saved;
    }
  });

  it("never runs on input that fails its schema or carries control characters", async () => {
    request.actor = w.actors.LEDAMOT;
    let ran = 0;
    const e = probe(async () => ++ran);
    expect(await passGate(e, { text: "för lång text här" }, { headers: sameOriginHeaders(), where: "test" })).toMatchObject({ ok: false, refusal: { status: 400, fieldErrors: { text: ["Högst 10 tecken."] } } });
    expect(await passGate(e, { text: "a\u0000b" }, { headers: sameOriginHeaders(), where: "test" })).toMatchObject({ ok: false, refusal: { status: 400 } });
    expect(await passGate(e, { text: ["a", "b"] }, { headers: sameOriginHeaders(), where: "test" })).toMatchObject({ ok: false, refusal: { status: 400 } });
    expect(ran).toBe(0);
    expect(await passGate(e, { text: "ok" }, { headers: sameOriginHeaders(), where: "test" })).toMatchObject({ ok: true, value: 1 });
  });

  it("writes at most one audit event per person, endpoint and reason in its window", () => {
    const t = 1_000_000;
    expect(shouldAudit("u|e|forbidden", t)).toBe(true);
    expect(shouldAudit("u|e|forbidden", t + 1000)).toBe(false);
    expect(shouldAudit("u|e|not-found", t + 1000)).toBe(true);
    expect(shouldAudit("u|e|forbidden", t + REFUSAL_AUDIT_WINDOW_MS + 1)).toBe(true);
  });
});

describe("the live stream", () => {
  it("is capped per session and ends when its session does", async () => {
    const { claimStream, releaseStream, liveStream, publish, LIVE } = await import("@/server/live");
    const sid = `cap-${Date.now()}`;
    for (let i = 0; i < LIVE.maxStreamsPerSession; i++) expect(claimStream(sid)).toBe(true);
    expect(claimStream(sid)).toBe(false);
    releaseStream(sid);
    expect(claimStream(sid)).toBe(true);

    // A stream whose session has ended: the next event tells the page and closes the stream.
    let valid = true;
    const abort = new AbortController();
    const stream = liveStream({ municipalityId: "m-live", sessionId: sid, signal: abort.signal, stillValid: async () => valid });
    const reader = stream.getReader();
    const text = async () => new TextDecoder().decode((await reader.read()).value);
    expect(await text()).toContain("retry:");
    publish("m-live", { type: "uppdrag-changed", uppdragId: "u1", at: new Date().toISOString() });
    expect(await text()).toContain("event: uppdrag-changed");
    valid = false;
    publish("m-live", { type: "uppdrag-changed", uppdragId: "u2", at: new Date().toISOString() });
    expect(await text()).toContain("event: session-ended");
    expect((await reader.read()).done).toBe(true);
    // Its place is given back when it ends.
    expect(claimStream(sid)).toBe(true);
  });

  it("gives its place back when the request was dropped before the stream started, and when the client stops reading", async () => {
    vi.useFakeTimers({ toFake: ["setInterval", "clearInterval"] });
    try {
      const { claimStream, liveStream, LIVE } = await import("@/server/live");
      const sid = `dropped-${Date.now()}`;
      // Twice the cap of requests that were aborted before their stream started (a page left at once).
      for (let i = 0; i < 2 * LIVE.maxStreamsPerSession; i++) {
        expect(claimStream(sid), `request ${i + 1}`).toBe(true);
        liveStream({ municipalityId: "m-live", sessionId: sid, signal: AbortSignal.abort(), stillValid: async () => true });
      }
      // A client that is gone without the server being told: nothing reads the stream.
      for (let i = 0; i < LIVE.maxStreamsPerSession; i++) {
        expect(claimStream(sid)).toBe(true);
        liveStream({ municipalityId: "m-live", sessionId: sid, signal: new AbortController().signal, stillValid: async () => true });
      }
      expect(claimStream(sid)).toBe(false);
      vi.advanceTimersByTime(LIVE.heartbeatMs * (LIVE.unreadChunksLimit + 2));
      expect(claimStream(sid)).toBe(true);
    } finally {
      vi.useRealTimers();
    }
  });
});
