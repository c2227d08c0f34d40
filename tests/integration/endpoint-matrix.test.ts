// The permission matrix of issue 7: every endpoint in tests/support/endpoints.ts
// is called as each role, as a signed-out visitor and as another municipality's
// administrator against this municipality's record. It must succeed exactly
// where the rules (src/server/permissions.ts) say, and be refused otherwise.
// A second test finds every endpoint on disk and fails when one is not listed.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { isValidElement, type ReactElement, type ReactNode } from "react";
import { openTestDatabase } from "../support/db";
import { buildFullWorld, type FullWorld } from "../support/world";
import { ENDPOINTS, OTHER_PUBLIC, endpointId, type Endpoint } from "../support/endpoints";
import { NotFoundSignal, RedirectSignal, ForbiddenSignal, request } from "../support/next-mocks";
import { Refusal } from "@/components/ui/refusal";
import { NotAdmin } from "@/components/admin/admin-frame";
import type { Database } from "@/server/db/connect";
import type { Actor } from "@/server/permissions";

vi.mock("@/server/auth/actor", async () => (await import("../support/next-mocks")).actorModule);
vi.mock("@/server/db", async () => (await import("../support/next-mocks")).dbModule);
vi.mock("next/cache", async () => (await import("../support/next-mocks")).cacheModule);
vi.mock("next/headers", async () => (await import("../support/next-mocks")).headersModule);
vi.mock("next/navigation", async (original) => ({ ...(await original<object>()), ...(await import("../support/next-mocks")).navigation }));
// Work scheduled after the response (starting the PDF browser early) is not run here.
vi.mock("next/server", async (original) => ({ ...(await original<object>()), after: () => undefined }));
// Fastställa prints a PDF through Chromium; the rules, not the printing, are tested here.
vi.mock("@/server/report/pdf", async (original) => ({ ...(await original<object>()), reportToPdf: async () => Buffer.from("%PDF-1.7 matrix") }));

const ROOT = path.resolve(import.meta.dirname, "../..");

let db: Database;
let a: FullWorld;
let b: FullWorld;
beforeAll(async () => {
  db = await openTestDatabase();
  request.db = db;
  a = await buildFullWorld(db.prisma, "Kommun A");
  b = await buildFullWorld(db.prisma, "Kommun B");
}, 120_000);
afterAll(async () => {
  request.actor = null;
  await db?.close();
});

interface Identity {
  label: string;
  actor: () => Actor | null;
}
const IDENTITIES: Identity[] = [
  { label: "LEDAMOT", actor: () => a.actors.LEDAMOT },
  { label: "HANDLAGGARE", actor: () => a.actors.HANDLAGGARE },
  { label: "SEKRETERARE", actor: () => a.actors.SEKRETERARE },
  { label: "ADMINISTRATOR", actor: () => a.actors.ADMINISTRATOR },
  { label: "utloggad", actor: () => null },
  { label: "administratör i annan kommun", actor: () => b.actors.ADMINISTRATOR },
];

const REFUSAL_MESSAGE = /behörighet|finns inte|inte inloggad/i;
const REFUSAL_COMPONENTS = new Set<unknown>([Refusal, NotAdmin]);

/** True when the element tree a page returned holds the shared refusal marker. */
function rendersRefusal(node: ReactNode): boolean {
  if (Array.isArray(node)) return node.some(rendersRefusal);
  if (!isValidElement(node)) return false;
  const el = node as ReactElement<Record<string, unknown>>;
  if (REFUSAL_COMPONENTS.has(el.type)) return true;
  return Object.values(el.props).some((v) => (Array.isArray(v) || isValidElement(v) ? rendersRefusal(v as ReactNode) : false));
}

type Outcome = { kind: "allowed" | "refused"; detail: string } | { kind: "broken"; detail: string };

async function outcomeOf(e: Endpoint, run: () => Promise<unknown>): Promise<Outcome> {
  let result: unknown;
  try {
    result = await run();
  } catch (err) {
    if (err instanceof NotFoundSignal) return e.kind === "action" ? { kind: "broken", detail: "notFound() in an action" } : { kind: "refused", detail: "notFound()" };
    if (err instanceof ForbiddenSignal) return { kind: "refused", detail: err.message };
    if (err instanceof RedirectSignal) {
      // runAction redirects only after success; a page sends a signed-out visitor to sign in.
      if (e.kind === "page" && err.url.startsWith("/logga-in?")) return { kind: "refused", detail: `redirect ${err.url}` };
      return { kind: "allowed", detail: `redirect ${err.url}` };
    }
    return { kind: "broken", detail: `threw ${err instanceof Error ? err.stack : String(err)}` };
  }
  if (e.kind === "action") {
    const r = result as { ok: boolean; message?: string; fieldErrors?: unknown };
    if (r.ok) return { kind: "allowed", detail: r.message ?? "ok" };
    if (r.message && REFUSAL_MESSAGE.test(r.message) && !r.fieldErrors) return { kind: "refused", detail: r.message };
    return { kind: "broken", detail: `ok:false ${r.message} ${JSON.stringify(r.fieldErrors ?? {})}` };
  }
  if (e.kind === "route") {
    const res = result as Response;
    const text = res.headers.get("content-type")?.includes("event-stream") ? "(stream)" : (await res.clone().text()).slice(0, 200);
    await res.body?.cancel().catch(() => {});
    if (res.status >= 200 && res.status < 400) return { kind: "allowed", detail: `${res.status}` };
    if ([401, 403, 404].includes(res.status)) return { kind: "refused", detail: `${res.status} ${text}` };
    return { kind: "broken", detail: `${res.status} ${text}` };
  }
  return rendersRefusal(result as ReactNode) ? { kind: "refused", detail: "renders the refusal" } : { kind: "allowed", detail: "renders" };
}

const protectedEndpoints = ENDPOINTS.filter((e) => !e.public);
const publicEndpoints = ENDPOINTS.filter((e) => e.public);

describe("permission matrix", () => {
  it("has a size", () => {
    const cases = ENDPOINTS.length * IDENTITIES.length;
    const by = (k: string) => ENDPOINTS.filter((e) => e.kind === k).length;
    console.info(
      `Endpoint matrix: ${ENDPOINTS.length} endpoints (${by("action")} server actions, ${by("route")} route handlers, ${by("page")} pages; ${publicEndpoints.length} public) × ${IDENTITIES.length} identities = ${cases} cases`,
    );
    expect(new Set(ENDPOINTS.map(endpointId)).size).toBe(ENDPOINTS.length);
  });

  it.each(protectedEndpoints.map((e) => [endpointId(e), e] as const))("%s", async (_id, e) => {
    const wrong: string[] = [];
    const table: string[] = [];
    for (const who of IDENTITIES) {
      const actor = who.actor();
      request.actor = actor;
      const expected = actor ? (e.may(actor, a) ? "allowed" : "refused") : "refused";
      const got = await outcomeOf(e, () => e.call({ prisma: db.prisma, w: a, actor }));
      table.push(`${who.label}: ${got.kind}`);
      if (got.kind !== expected) wrong.push(`${who.label}: expected ${expected}, got ${got.kind} (${got.detail})`);
    }
    expect(wrong, table.join(", ")).toEqual([]);
    // Both outcomes occur for every protected endpoint: at least one role may use it and the visitor may not.
    expect(table.some((t) => t.endsWith("allowed")), table.join(", ")).toBe(true);
  });

  it.each(publicEndpoints.map((e) => [endpointId(e), e] as const))("%s (public)", async (_id, e) => {
    expect(e.public!.length).toBeGreaterThan(20);
    for (const who of IDENTITIES) {
      const actor = who.actor();
      request.actor = actor;
      const got = await outcomeOf(e, () => e.call({ prisma: db.prisma, w: a, actor }));
      if (got.kind === "broken" && e.kind === "action") {
        // An action answers every caller in Swedish, even a refusal of its own kind (an invalid link).
        expect(got.detail, who.label).toMatch(/ok:false .*(Länken|länken|ogiltig|gått ut)/);
      } else {
        expect(got.kind, `${who.label}: ${got.detail}`).not.toBe("broken");
      }
    }
  });
});

// ---------------------------------------------------------------- discovery
function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    return statSync(p).isDirectory() ? filesUnder(p) : [p];
  });
}
const HTTP_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"];
const METADATA_ROUTES = /^(manifest|sitemap|robots|icon|apple-icon|opengraph-image|twitter-image)\.(ts|tsx|js)$/;

describe("every endpoint on disk is in the registry", () => {
  it("finds every server action, route handler, page and metadata route, and fails on one without a rule", async () => {
    const rel = (p: string) => path.relative(ROOT, p).split(path.sep).join("/");
    const all = filesUnder(path.join(ROOT, "src"));
    const found: string[] = [];
    for (const abs of all) {
      const file = rel(abs);
      const base = path.basename(abs);
      const source = /\.(ts|tsx)$/.test(base) ? readFileSync(abs, "utf8") : "";
      if (/^\s*(\/\/[^\n]*\n\s*)*["']use server["']/.test(source)) {
        const mod = (await import(/* @vite-ignore */ abs)) as Record<string, unknown>;
        for (const [name, v] of Object.entries(mod)) if (typeof v === "function") found.push(endpointId({ kind: "action", file, name }));
      } else if (file.startsWith("src/app/") && /^route\.(ts|tsx|js)$/.test(base)) {
        const mod = (await import(/* @vite-ignore */ abs)) as Record<string, unknown>;
        const methods = HTTP_METHODS.filter((m) => typeof mod[m] === "function");
        expect(methods.length, file).toBeGreaterThan(0);
        for (const name of methods) found.push(endpointId({ kind: "route", file, name }));
      } else if (file.startsWith("src/app/") && /^page\.(tsx|ts|jsx|js)$/.test(base)) {
        found.push(endpointId({ kind: "page", file, name: "default" }));
      } else if (file.startsWith("src/app/") && METADATA_ROUTES.test(base)) {
        found.push(`metadata ${file}`);
      }
    }
    const listed = new Set([...ENDPOINTS.map(endpointId), ...Object.keys(OTHER_PUBLIC).map((f) => `metadata ${f}`)]);
    const missing = found.filter((id) => !listed.has(id));
    const stale = [...listed].filter((id) => !found.includes(id));
    expect(missing, "endpoints on disk without an entry (and so without a rule) in tests/support/endpoints.ts").toEqual([]);
    expect(stale, "entries in tests/support/endpoints.ts with nothing on disk").toEqual([]);
    expect(found.length).toBeGreaterThan(40);
  }, 60_000);
});
