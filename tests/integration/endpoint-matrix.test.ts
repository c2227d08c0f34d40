// The permission matrix, generated from the declarations: every server action
// and route handler on disk serves a declared endpoint (src/server/entry), every
// page has a rule (src/server/entry/pages.ts), and each is called as every role,
// as a signed-out visitor and as another municipality's administrator against
// this municipality's record (tests/support/endpoint-fixtures.ts says how to
// call it and which record it is about). It must succeed exactly where the
// declared permission, checked on that record, says, and be refused otherwise.
// A served function that bypasses the entry layer, an endpoint or page without
// a fixture, or a fixture with nothing on disk fails the discovery test.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { isValidElement, type ReactElement, type ReactNode } from "react";
import { openTestDatabase } from "../support/db";
import { buildFullWorld, type FullWorld } from "../support/world";
import { FIXTURES, OTHER_PUBLIC, PUBLIC_SECRETS, endpointId, loadExport, type Fixture, type PublicViewCase } from "../support/endpoint-fixtures";
import { HTTP_SLICE } from "../support/http-slice";
import { NotFoundSignal, RedirectSignal, ForbiddenSignal, request } from "../support/next-mocks";
import { PageRefusal, Refusal } from "@/components/ui/refusal";
import { NotAdmin } from "@/components/admin/admin-frame";
import { isPublic, servedEndpoint } from "@/server/entry/endpoint";
import { PAGES, type PageRule } from "@/server/entry/pages";
import { can, canForSomeRecord, type Actor, type Permission } from "@/server/permissions";
import type { Database } from "@/server/db/connect";

vi.mock("@/server/auth/actor", async () => (await import("../support/next-mocks")).actorModule);
vi.mock("@/server/db", async () => (await import("../support/next-mocks")).dbModule);
vi.mock("next/cache", async () => (await import("../support/next-mocks")).cacheModule);
vi.mock("next/headers", async () => (await import("../support/next-mocks")).headersModule);
vi.mock("next/navigation", async (original) => ({ ...(await original<object>()), ...(await import("../support/next-mocks")).navigation }));
// Work scheduled after the response (starting the PDF browser early) is not run here.
vi.mock("next/server", async (original) => ({ ...(await original<object>()), after: () => undefined }));
// Fastställa prints a PDF through Chromium; the rules, not the printing, are tested here.
vi.mock("@/server/report/pdf", async (original) => ({ ...(await original<object>()), reportToPdf: async () => Buffer.from("%PDF-1.7 matrix"), htmlToPdf: async () => Buffer.from("%PDF-1.7 matrix") }));

const ROOT = path.resolve(import.meta.dirname, "../..");

/** The one route outside the entry layer, and why (it is same-origin-checked in its own file). */
const OUTSIDE_THE_ENTRY_LAYER: Record<string, string> = {
  "route /api/auth/[...nextauth]/route.ts GET": "next-auth's own endpoints: its handler reads the request itself (CSRF token, callbacks).",
  "route /api/auth/[...nextauth]/route.ts POST": "next-auth's sign-in and sign-out posts: CSRF token checked by next-auth, Origin checked in the route file.",
};

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

/** The page route a page file serves: src/app/admin/organ/[id]/page.tsx → /admin/organ/[id]. */
const pagePath = (file: string) => file.replace(/^src\/app/, "").replace(/\/page\.tsx$/, "") || "/";

type Rule = { public: string } | { permission: Permission; scope: "municipality" | "some-record" | "record" };

/** What the endpoint (or the page) declares: read from the served function or the page list, never from the test. */
async function declaredRule(f: Fixture): Promise<Rule> {
  if (f.kind === "page") {
    const rule = (PAGES as Record<string, PageRule>)[pagePath(f.file)];
    if (!rule) throw new Error(`${f.file} has no rule in src/server/entry/pages.ts`);
    return "public" in rule ? rule : { permission: rule.permission, scope: typeof rule.scope === "function" ? "record" : rule.scope };
  }
  const e = servedEndpoint(await loadExport(f.file, f.name));
  if (!e) return { public: OUTSIDE_THE_ENTRY_LAYER[endpointId(f)] ?? "" };
  return isPublic(e) ? { public: e.public } : { permission: e.permission, scope: typeof e.scope === "function" ? "record" : e.scope };
}

/** Allowed or refused, by the declared permission on the record the fixture is about. */
function expectedFor(rule: Extract<Rule, { permission: Permission }>, f: Fixture, actor: Actor | null): "allowed" | "refused" {
  if (!actor) return "refused";
  const target = f.target?.(a);
  if (!target) throw new Error(`${endpointId(f)}: the fixture says no target`);
  const allowed =
    target === "own"
      ? rule.scope === "some-record"
        ? canForSomeRecord(actor, rule.permission)
        : can(actor, rule.permission, { municipalityId: actor.municipalityId })
      : can(actor, rule.permission, { municipalityId: a.municipality.id, ...target });
  return allowed ? "allowed" : "refused";
}

const REFUSAL_MESSAGE = /behörighet|finns inte|inte inloggad/i;
const REFUSAL_COMPONENTS = new Set<unknown>([Refusal, PageRefusal, NotAdmin]);

/** True when the element tree a page returned holds the shared refusal marker. */
function rendersRefusal(node: ReactNode): boolean {
  if (Array.isArray(node)) return node.some(rendersRefusal);
  if (!isValidElement(node)) return false;
  const el = node as ReactElement<Record<string, unknown>>;
  if (REFUSAL_COMPONENTS.has(el.type)) return true;
  return Object.values(el.props).some((v) => (Array.isArray(v) || isValidElement(v) ? rendersRefusal(v as ReactNode) : false));
}

type Outcome = { kind: "allowed" | "refused"; detail: string } | { kind: "broken"; detail: string };

async function outcomeOf(f: Fixture, run: () => Promise<unknown>): Promise<Outcome> {
  let result: unknown;
  try {
    result = await run();
  } catch (err) {
    if (err instanceof NotFoundSignal) return f.kind === "action" ? { kind: "broken", detail: "notFound() in an action" } : { kind: "refused", detail: "notFound()" };
    if (err instanceof ForbiddenSignal) return { kind: "refused", detail: err.message };
    if (err instanceof RedirectSignal) {
      // An action redirects only after success; a page sends a signed-out visitor to sign in.
      if (f.kind === "page" && err.url.startsWith("/logga-in?")) return { kind: "refused", detail: `redirect ${err.url}` };
      return { kind: "allowed", detail: `redirect ${err.url}` };
    }
    return { kind: "broken", detail: `threw ${err instanceof Error ? err.stack : String(err)}` };
  }
  if (f.kind === "action") {
    const r = result as { ok: boolean; message?: string; fieldErrors?: unknown };
    if (r.ok) return { kind: "allowed", detail: r.message ?? "ok" };
    if (r.message && REFUSAL_MESSAGE.test(r.message) && !r.fieldErrors) return { kind: "refused", detail: r.message };
    return { kind: "broken", detail: `ok:false ${r.message} ${JSON.stringify(r.fieldErrors ?? {})}` };
  }
  if (f.kind === "route") {
    const res = result as Response;
    const text = res.headers.get("content-type")?.includes("event-stream") ? "(stream)" : (await res.clone().text()).slice(0, 200);
    await res.body?.cancel().catch(() => {});
    if (res.status >= 200 && res.status < 400) return { kind: "allowed", detail: `${res.status}` };
    if ([401, 403, 404].includes(res.status)) return { kind: "refused", detail: `${res.status} ${text}` };
    return { kind: "broken", detail: `${res.status} ${text}` };
  }
  return rendersRefusal(result as ReactNode) ? { kind: "refused", detail: "renders the refusal" } : { kind: "allowed", detail: "renders" };
}

describe("permission matrix (generated from the declared endpoints and page rules)", () => {
  it("has a size", async () => {
    const rules = await Promise.all(FIXTURES.map(declaredRule));
    const by = (k: string) => FIXTURES.filter((f) => f.kind === k).length;
    const permissions = new Set(rules.flatMap((r) => ("permission" in r ? [r.permission] : [])));
    console.info(
      `Endpoint matrix: ${FIXTURES.length} endpoints (${by("action")} server actions, ${by("route")} route handlers, ${by("page")} pages; ${rules.filter((r) => "public" in r).length} public; ${permissions.size} permissions) × ${IDENTITIES.length} identities = ${FIXTURES.length * IDENTITIES.length} cases`,
    );
    expect(new Set(FIXTURES.map(endpointId)).size).toBe(FIXTURES.length);
  });

  it.each(FIXTURES.map((f) => [endpointId(f), f] as const))("%s", async (_id, f) => {
    const rule = await declaredRule(f);
    if ("public" in rule) {
      expect(rule.public.length, "a public endpoint says why").toBeGreaterThan(20);
      for (const who of IDENTITIES) {
        request.actor = who.actor();
        const got = await outcomeOf(f, () => f.call({ prisma: db.prisma, w: a, actor: request.actor }));
        if (got.kind === "broken" && f.kind === "action") {
          // An action answers every caller in Swedish, even a refusal of its own kind (an invalid link).
          expect(got.detail, who.label).toMatch(/ok:false .*(Länken|länken|ogiltig|gått ut)/);
        } else {
          expect(got.kind, `${who.label}: ${got.detail}`).not.toBe("broken");
        }
      }
      return;
    }
    const wrong: string[] = [];
    const table: string[] = [];
    for (const who of IDENTITIES) {
      const actor = who.actor();
      request.actor = actor;
      const expected = expectedFor(rule, f, actor);
      const got = await outcomeOf(f, () => f.call({ prisma: db.prisma, w: a, actor }));
      table.push(`${who.label}: ${got.kind}`);
      if (got.kind !== expected) wrong.push(`${who.label}: expected ${expected} (${rule.permission}, ${rule.scope}), got ${got.kind} (${got.detail})`);
    }
    expect(wrong, table.join(", ")).toEqual([]);
    // Both outcomes occur for every protected endpoint: at least one role may use it and the visitor may not.
    expect(table.some((t) => t.endsWith("allowed")), table.join(", ")).toBe(true);
  });
});

// ---------------------------------------------------------------- the open public view
/**
 * The text a page's element tree shows: function components are called (the
 * public pages' own are plain functions; a client component that needs React's
 * render, like next/link, is read from its props instead).
 */
function textOf(node: ReactNode): string {
  if (node === null || node === undefined || typeof node === "boolean") return "";
  if (typeof node === "string" || typeof node === "number") return String(node);
  if (Array.isArray(node)) return node.map(textOf).join(" ");
  if (!isValidElement(node)) return "";
  const el = node as ReactElement<Record<string, unknown>>;
  if (typeof el.type === "function") {
    try {
      const out = (el.type as (p: unknown) => ReactNode)(el.props);
      if (!(out instanceof Promise)) return textOf(out);
    } catch {
      /* needs React's render: read its props */
    }
  }
  return Object.entries(el.props)
    .map(([k, v]) => (k === "children" || isValidElement(v) || Array.isArray(v) ? textOf(v as ReactNode) : typeof v === "string" && (k === "href" || k === "value") ? v : ""))
    .join(" ");
}

/** Pages and open data of the public view: who asks makes no difference; what the municipality did not publish never shows. */
describe("the open public view (leak rows, generated from the fixtures that say publicView)", () => {
  const viewFixtures = FIXTURES.filter((f) => f.publicView);
  it("covers both pages and both open data files", () => expect(viewFixtures.map(endpointId).sort()).toHaveLength(4));

  const rows = viewFixtures.flatMap((f) => f.publicView!.cases.map((k) => [`${endpointId(f)} (${k})`, f, k] as const));
  it.each(rows)("%s", async (_id, f, k: PublicViewCase) => {
    const answers: string[] = [];
    for (const who of IDENTITIES) {
      request.actor = who.actor();
      let text = "";
      let outcome: "allowed" | "not-found" | string;
      try {
        const result = await f.call({ prisma: db.prisma, w: a, actor: request.actor, publicCase: k });
        if (f.kind === "route") {
          const res = result as Response;
          text = await res.text();
          outcome = res.status === 200 ? "allowed" : res.status === 404 ? "not-found" : `status ${res.status}`;
          if (res.status === 200) expect(res.headers.get("cache-control"), who.label).toMatch(/^public, max-age=\d+/);
          expect(res.headers.get("set-cookie"), who.label).toBeNull();
        } else {
          text = textOf(result as ReactNode);
          outcome = "allowed";
        }
      } catch (err) {
        outcome = err instanceof NotFoundSignal ? "not-found" : `threw ${err instanceof Error ? err.message : String(err)}`;
      }
      const expected = k === "open" || k === "names" ? "allowed" : "not-found";
      expect(outcome, `${who.label}: ${text.slice(0, 200)}`).toBe(expected);
      answers.push(`${outcome}|${text.replace(/finns-inte-\d+/g, "SLUG")}`);
      if (outcome !== "allowed") continue;
      // Never: a user account's name or e-mail (the history's authors), nor a hidden uppdrag.
      for (const actor of Object.values(a.actors)) {
        expect(text, `${who.label}: a user's name`).not.toContain(actor.name);
        expect(text, `${who.label}: a user's e-mail`).not.toContain(`@${a.municipality.slug}.test`);
      }
      expect(text, `${who.label}: a hidden uppdrag`).not.toContain(PUBLIC_SECRETS.hiddenTitle);
      expect(text.length, `${who.label}: shows something`).toBeGreaterThan(100);
      if (k === "open") {
        expect(text, `${who.label}: the named official, names off`).not.toContain(PUBLIC_SECRETS.person);
        expect(text, `${who.label}: a comment, comments off`).not.toContain(PUBLIC_SECRETS.comment);
      } else if (f.publicView!.showsPerson) {
        expect(text, `${who.label}: the named official, names on`).toContain(PUBLIC_SECRETS.person);
        expect(text, `${who.label}: the comment, comments on`).toContain(PUBLIC_SECRETS.comment);
      }
    }
    // The same answer to everyone: signed in or not, this municipality's or another's.
    expect(new Set(answers).size, "one answer for every identity").toBe(1);
  });

  it("answers a municipality with its view off exactly as one that does not exist", async () => {
    for (const f of viewFixtures.filter((x) => x.kind === "route")) {
      request.actor = null;
      const closed = (await f.call({ prisma: db.prisma, w: a, actor: null, publicCase: "closed" })) as Response;
      const unknown = (await f.call({ prisma: db.prisma, w: a, actor: null, publicCase: "unknown" })) as Response;
      expect([closed.status, unknown.status]).toEqual([404, 404]);
      expect(await closed.text()).toBe(await unknown.text());
      expect([...closed.headers.keys()].sort()).toEqual([...unknown.headers.keys()].sort());
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

describe("every endpoint on disk is declared and has a fixture", () => {
  it("finds every server action, route handler, page and metadata route; each action and route serves a declared endpoint, each page has a rule", async () => {
    const rel = (p: string) => path.relative(ROOT, p).split(path.sep).join("/");
    const found: string[] = [];
    const bypassing: string[] = [];
    for (const abs of filesUnder(path.join(ROOT, "src"))) {
      const file = rel(abs);
      const base = path.basename(abs);
      const source = /\.(ts|tsx)$/.test(base) ? readFileSync(abs, "utf8") : "";
      const served = (id: string, fn: unknown) => {
        found.push(id);
        if (!servedEndpoint(fn) && !OUTSIDE_THE_ENTRY_LAYER[id]) bypassing.push(id);
      };
      if (/^\s*(\/\/[^\n]*\n\s*)*["']use server["']/.test(source)) {
        const mod = (await import(/* @vite-ignore */ abs)) as Record<string, unknown>;
        for (const [name, v] of Object.entries(mod)) if (typeof v === "function") served(endpointId({ kind: "action", file, name }), v);
      } else if (file.startsWith("src/app/") && /^route\.(ts|tsx|js)$/.test(base)) {
        const mod = (await import(/* @vite-ignore */ abs)) as Record<string, unknown>;
        const methods = HTTP_METHODS.filter((m) => typeof mod[m] === "function");
        expect(methods.length, file).toBeGreaterThan(0);
        for (const name of methods) served(endpointId({ kind: "route", file, name }), mod[name]);
      } else if (file.startsWith("src/app/") && /^page\.(tsx|ts|jsx|js)$/.test(base)) {
        found.push(endpointId({ kind: "page", file, name: "default" }));
        expect(Object.keys(PAGES), `${file}: declare its rule in src/server/entry/pages.ts`).toContain(pagePath(file));
      } else if (file.startsWith("src/app/") && METADATA_ROUTES.test(base)) {
        found.push(`metadata ${file}`);
      }
    }
    const listed = new Set([...FIXTURES.map(endpointId), ...Object.keys(OTHER_PUBLIC).map((f) => `metadata ${f}`)]);
    expect(bypassing, "server actions or route handlers that do not serve a declared endpoint (use serveAction / serveRoute)").toEqual([]);
    expect(found.filter((id) => !listed.has(id)), "endpoints on disk without a fixture in tests/support/endpoint-fixtures.ts").toEqual([]);
    expect([...listed].filter((id) => !found.includes(id)), "fixtures with nothing on disk").toEqual([]);
    expect(Object.keys(PAGES).filter((p) => !found.some((id) => id.startsWith("page ") && pagePath(`src/app${id.slice(5)}`) === p)), "page rules without a page").toEqual([]);
    expect(found.length).toBeGreaterThan(40);
  }, 60_000);
});

describe("the HTTP slice (tests/e2e/entry-http.spec.ts) says what the endpoints declare", () => {
  it.each(HTTP_SLICE.map((r) => [`${r.method} ${r.path}`, r] as const))("%s", async (_id, row) => {
    const f = FIXTURES.find((x) => x.file === row.file && (row.kind === "page" ? x.kind === "page" : x.kind === "route" && x.name === row.method));
    expect(f, `a fixture for ${row.file}`).toBeDefined();
    expect(await declaredRule(f!)).toEqual({ permission: row.permission, scope: row.scope });
  });
});
