// Issue 7, part 6: every server action in tests/support/endpoint-fixtures.ts gets hostile
// input (XSS and SQL fragments, control characters, 1 MB strings) in its own
// field names, as an administrator (the most permissive role), sometimes mixed
// into otherwise valid input so that it reaches the domain code. Each call must
// answer (never throw), in Swedish, without the "something went wrong" of an
// unexpected error, and a refused call must change nothing.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import fc from "fast-check";
import { openTestDatabase } from "../support/db";
import { buildFullWorld, type FullWorld } from "../support/world";
import { FIXTURES, endpointId } from "../support/endpoint-fixtures";
import { hostileFormFields, hostileObject } from "../support/hostile";
import { RedirectSignal, request } from "../support/next-mocks";
import type { Database } from "@/server/db/connect";

vi.mock("@/server/auth/actor", async () => (await import("../support/next-mocks")).actorModule);
vi.mock("@/server/db", async () => (await import("../support/next-mocks")).dbModule);
vi.mock("next/cache", async () => (await import("../support/next-mocks")).cacheModule);
vi.mock("next/headers", async () => (await import("../support/next-mocks")).headersModule);
vi.mock("next/navigation", async (original) => ({ ...(await original<object>()), ...(await import("../support/next-mocks")).navigation }));
// Work scheduled after the response (starting the PDF browser early) is not run here.
vi.mock("next/server", async (original) => ({ ...(await original<object>()), after: () => undefined }));
vi.mock("@/server/report/pdf", async (original) => ({ ...(await original<object>()), reportToPdf: async () => Buffer.from("%PDF-1.7 fuzz"), htmlToPdf: async () => Buffer.from("%PDF-1.7 fuzz") }));

const RUNS = Number(process.env.FUZZ_RUNS ?? 25);
/** English words zod uses in its default messages (as in tests/unit/fuzz-schemas.test.ts): none may reach a user. */
const ENGLISH = /\b(invalid|expected|required|received|too (big|small)|must (be|have|contain)|string|number|object|array)\b/i;
/** What an action answers when something unexpected failed: the 500 of a server action. */
const UNEXPECTED = /Något gick fel/;

let db: Database;
let w: FullWorld;
let fuzzedInputs = 0;
beforeAll(async () => {
  db = await openTestDatabase();
  request.db = db;
  w = await buildFullWorld(db.prisma, "Fuzzkommun");
  request.actor = w.actors.ADMINISTRATOR;
}, 120_000);
afterAll(async () => {
  request.actor = null;
  console.info(`Fuzzed server actions: ${actions.length} actions × ${RUNS} runs = ${fuzzedInputs} hostile inputs`);
  await db?.close();
});

/** Rows of the municipality a write would add or change (refusals logged as access.refused do not count). */
async function footprint() {
  const m = { municipalityId: w.municipality.id };
  const p = db.prisma;
  const [audit, status, uppdrag, bodies, units, users, meetings, plans, occasions, municipality] = await Promise.all([
    p.auditEvent.count({ where: { ...m, NOT: { action: "access.refused" } } }),
    p.statusEntry.count({ where: m }),
    p.uppdrag.count({ where: m }),
    p.body.count({ where: m }),
    p.unit.count({ where: m }),
    p.membership.count({ where: m }),
    p.meeting.count({ where: m }),
    p.plan.count({ where: m }),
    p.planOccasion.count({ where: m }),
    p.municipality.findUniqueOrThrow({ where: { id: w.municipality.id }, select: { version: true } }),
  ]);
  return { audit, status, uppdrag, bodies, units, users, meetings, plans, occasions, municipalityVersion: municipality.version };
}

function messagesOf(r: { message?: string; fieldErrors?: Record<string, string[] | string> }): string[] {
  return [r.message ?? "", ...Object.values(r.fieldErrors ?? {}).flat()];
}

const actions = FIXTURES.filter((e) => e.kind === "action");

describe("server actions with hostile input", () => {
  it("covers every server action of the registry", () => {
    expect(actions.length).toBeGreaterThan(25);
    for (const e of actions) expect(e.fields && e.send && e.validFields, endpointId(e)).toBeTruthy();
  });

  it.each(actions.map((e) => [endpointId(e), e] as const))("%s", async (_id, e) => {
    const keys = e.fields!;
    const hostile = e.name === "registerMeetingAction" ? hostileObject(keys) : hostileFormFields(keys);
    await fc.assert(
      fc.asyncProperty(fc.boolean(), hostile, async (fromValid, fields) => {
        fuzzedInputs++;
        const c = { prisma: db.prisma, w, actor: w.actors.ADMINISTRATOR };
        // Half the inputs start from valid ones (fresh records) so the hostile value reaches the domain code.
        const input = { ...(fromValid ? await e.validFields!(c) : {}), ...fields };
        const before = await footprint();
        let answer: { ok: boolean; message?: string; fieldErrors?: Record<string, string[] | string> };
        try {
          answer = (await e.send!(input)) as typeof answer;
        } catch (err) {
          // runAction redirects only after a successful save.
          if (err instanceof RedirectSignal) return;
          throw err;
        }
        expect(typeof answer.ok).toBe("boolean");
        for (const m of messagesOf(answer)) {
          expect(m, "not Swedish").not.toMatch(ENGLISH);
          expect(m, "unexpected error").not.toMatch(UNEXPECTED);
        }
        if (!answer.ok) {
          expect(answer.message, "a refusal says why").toBeTruthy();
          expect(await footprint(), "a refused call changes nothing").toEqual(before);
        }
      }),
      { numRuns: RUNS },
    );
  }, 120_000);
});
