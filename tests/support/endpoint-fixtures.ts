// How to call every endpoint of the app with valid input, and which record of
// the target world the call is about: one fixture per served server action,
// route handler (keyed by file and export) and page. Who may call it is NOT
// written here: the permission matrix (tests/integration/endpoint-matrix.test.ts)
// reads the permission and scope the endpoint declares (src/server/entry) or
// the page's rule (src/server/entry/pages.ts), and fails on a served function
// or page without a fixture here. tests/integration/fuzz-actions.test.ts sends
// hostile input to every server action listed here.
import type { PrismaClient } from "@/generated/prisma/client";
import type { Actor } from "@/server/permissions";
import type { RecordScope } from "@/server/entry/endpoint";
import { createOccasion } from "@/server/plan/follow-up";
import { createMeeting, createMotion, createParagraph, createUppdrag, createUser, day } from "@/server/seed/factories";
import { linkUppdragToPlan } from "@/server/plan/links";
import { addBodyAssignment } from "@/server/admin/bodies";
import { hashPassword } from "@/server/auth/password";
import { enrolmentToken, newTotpSecret, totpCode, twoFactorKey } from "@/server/auth/totp";
import { planWorkbook, WORLD_PASSWORD, type FullWorld } from "./world";
import { scopedFor } from "./db";

export interface CallContext {
  prisma: PrismaClient;
  /** The municipality whose record is used (the actor may belong to another). */
  w: FullWorld;
  actor: Actor | null;
  /** The open public view: which case of the leak rows the call is (default "open"). */
  publicCase?: PublicViewCase;
}

/**
 * The leak rows of the open public view (docs/decisions/007-public-view.md),
 * each called as every identity:
 * - open: the municipality's view is on (comments and names off): answered, with no user's name or e-mail, no named official, no comment and no hidden uppdrag;
 * - names: the view shows comments and names: answered, the named official shown where the page shows one, still no user account;
 * - closed: the same municipality with its view off, and unknown: a slug no municipality has: both not found, alike;
 * - foreign: an uppdrag of another municipality (whose own view is on) under this slug, and hidden: an uppdrag kept out: not found.
 */
export type PublicViewCase = "open" | "names" | "closed" | "unknown" | "foreign" | "hidden";
export const PUBLIC_VIEW_CASES: PublicViewCase[] = ["open", "names", "closed", "unknown", "foreign", "hidden"];

/** What the leak rows look for in the target world's public output. */
export const PUBLIC_SECRETS = {
  person: "Hemliga Handläggaren Namnsson",
  comment: "HEMLIG-KOMMENTAR om förseningen",
  hiddenTitle: "Sekretessbelagt uppdrag i matrisen",
};

export type EndpointKind = "action" | "route" | "page";

export interface Fixture {
  kind: EndpointKind;
  /** Path from the repository root, e.g. "src/app/admin/actions.ts". */
  file: string;
  /** The export: a server action's name, an HTTP method, or "default" for a page. */
  name: string;
  /**
   * The record the call is about in the target world (its body and units), or
   * "own" when the call is about the actor's own municipality and no record of
   * the target world (settings, a new body, a list). Public endpoints: unused.
   */
  target?: (w: FullWorld) => RecordScope | "own";
  /** Calls the endpoint as the current actor; returns its raw answer (or throws what a page throws). */
  call: (c: CallContext) => Promise<unknown>;
  /** Server actions: the form field names (for the fuzz test). */
  fields?: string[];
  /** Server actions: valid input as form fields, hostile values are mixed in by the fuzz test. */
  validFields?: (c: CallContext) => Promise<Record<string, string>>;
  /** Server actions: calls the action with these fields (as the browser would send them). */
  send?: (fields: Record<string, unknown>) => Promise<unknown>;
  /** The open public view: the leak cases that apply, and whether the output names the responsible official when names are shown. */
  publicView?: { cases: PublicViewCase[]; showsPerson: boolean };
}

export const endpointId = (e: Pick<Fixture, "kind" | "file" | "name">) => `${e.kind} ${e.file.replace(/^src\/app/, "")}${e.kind === "page" ? "" : ` ${e.name}`}`;

// ---------------------------------------------------------------- modules
// Static imports (so the bundler resolves them); keyed by file.
const MODULES: Record<string, () => Promise<Record<string, unknown>>> = {
  "src/app/admin/actions.ts": () => import("@/app/admin/actions"),
  "src/app/admin/reminder-actions.ts": () => import("@/app/admin/reminder-actions"),
  "src/app/konto/reminder-actions.ts": () => import("@/app/konto/reminder-actions"),
  "src/app/uppdrag/[id]/follow-actions.ts": () => import("@/app/uppdrag/[id]/follow-actions"),
  "src/app/motioner/[id]/follow-actions.ts": () => import("@/app/motioner/[id]/follow-actions"),
  "src/app/konto/actions.ts": () => import("@/app/konto/actions"),
  "src/app/logga-in/actions.ts": () => import("@/app/logga-in/actions"),
  "src/app/moten/registrera/actions.ts": () => import("@/app/moten/registrera/actions"),
  "src/app/motioner/actions.ts": () => import("@/app/motioner/actions"),
  "src/app/moten/[id]/actions.ts": () => import("@/app/moten/[id]/actions"),
  "src/app/planer/[id]/actions.ts": () => import("@/app/planer/[id]/actions"),
  "src/app/planer/import/actions.ts": () => import("@/app/planer/import/actions"),
  "src/app/rapporter/actions.ts": () => import("@/app/rapporter/actions"),
  "src/app/uppdrag/[id]/actions.ts": () => import("@/app/uppdrag/[id]/actions"),
  "src/app/uppdrag/[id]/plan-actions.ts": () => import("@/app/uppdrag/[id]/plan-actions"),
  "src/app/uppdrag/[id]/public-actions.ts": () => import("@/app/uppdrag/[id]/public-actions"),

  "src/app/admin/logg/csv/route.ts": () => import("@/app/admin/logg/csv/route"),
  "src/app/api/auth/[...nextauth]/route.ts": () => import("@/app/api/auth/[...nextauth]/route"),
  "src/app/api/health/route.ts": () => import("@/app/api/health/route"),
  "src/app/api/live/route.ts": () => import("@/app/api/live/route"),
  "src/app/api/uppdrag/[id]/route.ts": () => import("@/app/api/uppdrag/[id]/route"),
  "src/app/api/uppdrag/route.ts": () => import("@/app/api/uppdrag/route"),
  "src/app/import/fil/route.ts": () => import("@/app/import/fil/route"),
  "src/app/kommun/logotyp/route.ts": () => import("@/app/kommun/logotyp/route"),
  "src/app/moten/registrera/tolka/route.ts": () => import("@/app/moten/registrera/tolka/route"),
  "src/app/motioner/rapport/fil/route.ts": () => import("@/app/motioner/rapport/fil/route"),
  "src/app/motioner/rapport/utskrift/route.ts": () => import("@/app/motioner/rapport/utskrift/route"),
  "src/app/motioner/rapport/arkiv/[id]/fil/route.ts": () => import("@/app/motioner/rapport/arkiv/[id]/fil/route"),
  "src/app/planer/[id]/rapport/fil/route.ts": () => import("@/app/planer/[id]/rapport/fil/route"),
  "src/app/planer/[id]/rapport/route.ts": () => import("@/app/planer/[id]/rapport/route"),
  "src/app/rapporter/arkiv/[id]/fil/route.ts": () => import("@/app/rapporter/arkiv/[id]/fil/route"),
  "src/app/rapporter/arkiv/[id]/utskrift/route.ts": () => import("@/app/rapporter/arkiv/[id]/utskrift/route"),
  "src/app/rapporter/fil/route.ts": () => import("@/app/rapporter/fil/route"),
  "src/app/rapporter/utskrift/route.ts": () => import("@/app/rapporter/utskrift/route"),
  "src/app/uppdrag/fil/route.ts": () => import("@/app/uppdrag/fil/route"),
  "src/app/offentlig/[slug]/data/uppdrag.json/route.ts": () => import("@/app/offentlig/[slug]/data/uppdrag.json/route"),
  "src/app/offentlig/[slug]/data/uppdrag.csv/route.ts": () => import("@/app/offentlig/[slug]/data/uppdrag.csv/route"),

  "src/app/admin/anvandare/[id]/page.tsx": () => import("@/app/admin/anvandare/[id]/page"),
  "src/app/admin/anvandare/page.tsx": () => import("@/app/admin/anvandare/page"),
  "src/app/admin/enheter/[id]/page.tsx": () => import("@/app/admin/enheter/[id]/page"),
  "src/app/admin/enheter/page.tsx": () => import("@/app/admin/enheter/page"),
  "src/app/admin/installningar/page.tsx": () => import("@/app/admin/installningar/page"),
  "src/app/admin/logg/page.tsx": () => import("@/app/admin/logg/page"),
  "src/app/admin/utkorg/page.tsx": () => import("@/app/admin/utkorg/page"),
  "src/app/admin/organ/[id]/page.tsx": () => import("@/app/admin/organ/[id]/page"),
  "src/app/admin/organ/page.tsx": () => import("@/app/admin/organ/page"),
  "src/app/admin/page.tsx": () => import("@/app/admin/page"),
  "src/app/import/page.tsx": () => import("@/app/import/page"),
  "src/app/konto/page.tsx": () => import("@/app/konto/page"),
  "src/app/logga-in/page.tsx": () => import("@/app/logga-in/page"),
  "src/app/moten/[id]/page.tsx": () => import("@/app/moten/[id]/page"),
  "src/app/moten/page.tsx": () => import("@/app/moten/page"),
  "src/app/moten/registrera/page.tsx": () => import("@/app/moten/registrera/page"),
  "src/app/motioner/page.tsx": () => import("@/app/motioner/page"),
  "src/app/motioner/ny/page.tsx": () => import("@/app/motioner/ny/page"),
  "src/app/motioner/[id]/page.tsx": () => import("@/app/motioner/[id]/page"),
  "src/app/motioner/rapport/page.tsx": () => import("@/app/motioner/rapport/page"),
  "src/app/motioner/rapport/jamfor/page.tsx": () => import("@/app/motioner/rapport/jamfor/page"),
  "src/app/page.tsx": () => import("@/app/page"),
  "src/app/planer/[id]/page.tsx": () => import("@/app/planer/[id]/page"),
  "src/app/planer/[id]/uppfoljning/page.tsx": () => import("@/app/planer/[id]/uppfoljning/page"),
  "src/app/planer/import/page.tsx": () => import("@/app/planer/import/page"),
  "src/app/planer/page.tsx": () => import("@/app/planer/page"),
  "src/app/rapporter/arkiv/[id]/page.tsx": () => import("@/app/rapporter/arkiv/[id]/page"),
  "src/app/rapporter/jamfor/page.tsx": () => import("@/app/rapporter/jamfor/page"),
  "src/app/rapporter/page.tsx": () => import("@/app/rapporter/page"),
  "src/app/statusrunda/page.tsx": () => import("@/app/statusrunda/page"),
  "src/app/uppdrag/[id]/page.tsx": () => import("@/app/uppdrag/[id]/page"),
  "src/app/uppdrag/page.tsx": () => import("@/app/uppdrag/page"),
  "src/app/valj-losenord/[token]/page.tsx": () => import("@/app/valj-losenord/[token]/page"),
  "src/app/offentlig/[slug]/page.tsx": () => import("@/app/offentlig/[slug]/page"),
  "src/app/offentlig/[slug]/uppdrag/[id]/page.tsx": () => import("@/app/offentlig/[slug]/uppdrag/[id]/page"),
};

export async function loadExport(file: string, name: string): Promise<(...args: unknown[]) => unknown> {
  const load = MODULES[file];
  if (!load) throw new Error(`no module loader for ${file}`);
  const fn = (await load())[name];
  if (typeof fn !== "function") throw new Error(`${file} has no function export ${name}`);
  return fn as (...args: unknown[]) => unknown;
}

// ---------------------------------------------------------------- helpers
let counter = 0;
/** WORLD_PASSWORD hashed once (scrypt is slow on purpose). */
let WORLD_PASSWORD_HASH: string | undefined;
/** A number unique within this test process (names, years, § numbers). */
export const next = () => ++counter;

/** A record of the target world that is not a body's or a unit's (the rule depends only on the municipality). */
const anyRecord = () => ({});
const own = () => "own" as const;
const ksUppdragTarget = (w: FullWorld): RecordScope => ({ bodyId: w.ks.id, unitIds: [w.unitA.id] });
const planTarget = (w: FullWorld): RecordScope => ({ bodyId: w.plan.bodyId });

export function toFormData(fields: Record<string, string | string[] | Blob>, files: Record<string, File> = {}): FormData {
  const fd = new FormData();
  for (const [k, v] of Object.entries(fields)) for (const x of Array.isArray(v) ? v : [v]) fd.append(k, x);
  for (const [k, f] of Object.entries(files)) fd.append(k, f);
  return fd;
}

const INITIAL = { ok: false };

/** A server action taking (previousState, formData), called with the fields `form` builds. */
function action(
  file: string,
  name: string,
  o: { target?: Fixture["target"]; fields: string[]; form: (c: CallContext) => Promise<Record<string, string | string[]>>; files?: (c: CallContext) => Promise<Record<string, File>> },
): Fixture {
  return {
    kind: "action",
    file,
    name,
    target: o.target,
    fields: o.fields,
    validFields: async (c) => Object.fromEntries(Object.entries(await o.form(c)).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v])),
    call: async (c) => (await loadExport(file, name))(INITIAL, toFormData(await o.form(c), o.files ? await o.files(c) : {})),
    send: async (fields) => (await loadExport(file, name))(INITIAL, toFormData(fields as Record<string, string>)),
  };
}

const BASE = "http://localhost:3000";
/**
 * next-auth's route handler reads next/headers with require() (outside Vitest's
 * module mocks); its exports are swapped for empty ones during the call.
 */
async function withEmptyNextHeaders<T>(fn: () => Promise<T>): Promise<T> {
  const { createRequire } = await import("node:module");
  const mod = createRequire(import.meta.url)("next/headers") as Record<string, unknown>;
  const saved = { ...mod };
  mod.cookies = async () => ({ getAll: () => [], get: () => undefined, has: () => false });
  mod.headers = async () => new Headers({ host: "localhost:3000" });
  try {
    return await fn();
  } finally {
    Object.assign(mod, saved);
  }
}

function route(
  file: string,
  method: string,
  o: { target?: Fixture["target"]; url: (c: CallContext) => Promise<string> | string; params?: (c: CallContext) => Params | Promise<Params>; init?: (c: CallContext) => Promise<RequestInit> | RequestInit },
): Fixture {
  return {
    kind: "route",
    file,
    name: method,
    target: o.target,
    call: async (c) => {
      const { NextRequest } = await import("next/server");
      const init = o.init ? await o.init(c) : {};
      // As a browser on this site sends it: the entry layer refuses a state-changing call from another site.
      const headers = new Headers({ host: "localhost:3000", origin: BASE, "sec-fetch-site": "same-origin", ...Object.fromEntries(new Headers(init.headers).entries()) });
      const req = new NextRequest(new URL(await o.url(c), BASE), { method, ...init, headers } as ConstructorParameters<typeof NextRequest>[1]);
      const handler = await loadExport(file, method);
      const run = async () => handler(req, { params: Promise.resolve(o.params ? o.params(c) : {}) });
      return file.includes("[...nextauth]") ? withEmptyNextHeaders(run) : run();
    },
  };
}

/** A route's or page's params; a fixture may build them (a record made for the call). */
type Params = Record<string, string | string[]>;

function page(file: string, o: { target?: Fixture["target"]; params?: (c: CallContext) => Params | Promise<Params>; searchParams?: (c: CallContext) => Record<string, string> | Promise<Record<string, string>> }): Fixture {
  return {
    kind: "page",
    file,
    name: "default",
    target: o.target,
    call: async (c) => (await loadExport(file, "default"))({ params: Promise.resolve(o.params ? o.params(c) : {}), searchParams: Promise.resolve(o.searchParams ? o.searchParams(c) : {}) }),
  };
}

/** A fresh uppdrag of KS (unit A) in the target world: each success may change it. */
async function freshUppdrag(c: CallContext) {
  const { w, prisma } = c;
  return createUppdrag(prisma, w.municipality.id, { paragraph: w.p1, decidedOn: "2024-03-11", title: `Matrisuppdrag ${next()}`, text: "Ett uppdrag för behörighetstestet.", unitIds: [w.unitA.id] });
}

/** A fresh KS meeting of the target world, not justerat, with one paragraph: each correction changes its version. */
async function freshMeeting(c: CallContext, date = `${2100 + next()}-03-11`) {
  const meeting = await createMeeting(c.prisma, c.w.municipality.id, { bodyId: c.w.ks.id, date, approved: false });
  const paragraph = await createParagraph(c.prisma, c.w.municipality.id, meeting, { number: 5000 + next(), dnr: "KS 2100/1", title: "Rättelse i matrisen", decision: "KS ger KLK i uppdrag att rätta." });
  return { meeting, paragraph };
}

/** The register is kept by kommunfullmäktige's secretaries: KF is the record. */
const kfTarget = (w: FullWorld): RecordScope => ({ bodyId: w.kf.id });

/** A fresh motion of the target world, väckt before KF's meeting of 2024-03-25 (§ 12, w.p2); bifallen there when asked. */
async function freshMotion(c: CallContext, o: { bifallen?: boolean } = {}) {
  return createMotion(c.prisma, c.w.municipality.id, {
    title: `Matrismotion ${next()}`,
    proposers: [{ name: "Anna Ek", party: "S" }],
    raisedOn: "2024-01-15",
    ...(o.bifallen ? { answer: { paragraphId: c.w.p2.id, on: "2024-03-25", outcome: "BIFALLEN" as const } } : {}),
  });
}

/** Two fastställda lists of obesvarade motioner in the target world (made once per world). */
async function frozenMotionReports(c: CallContext): Promise<[string, string]> {
  const where = { municipalityId: c.w.municipality.id, kind: "MOTIONER" as const };
  const found = await c.prisma.frozenReport.findMany({ where, select: { id: true }, orderBy: { asOf: "asc" } });
  if (found.length >= 2) return [found[0].id, found[1].id];
  const { freezeMotionReport } = await import("@/server/report/motions/frozen");
  const admin = c.w.actors.ADMINISTRATOR;
  const renderPdf = async () => Buffer.from("%PDF-1.7 matrix");
  const a = await freezeMotionReport(scopedFor(c.prisma, admin), admin, { asOf: day("2024-06-30") }, { renderPdf });
  const b = await freezeMotionReport(scopedFor(c.prisma, admin), admin, { asOf: day("2024-12-31") }, { renderPdf });
  return [a.id, b.id];
}

/** A fresh user of the target world (to edit, deactivate or anonymise). */
async function freshUser(c: CallContext) {
  const n = next();
  return createUser(c.prisma, c.w.municipality.id, { email: `person-${n}@${c.w.municipality.slug}.test`, name: `Person ${n}`, role: "LEDAMOT", passwordHash: null });
}

/** A fresh open follow-up occasion of the target world's plan. */
async function freshOccasion(c: CallContext) {
  return createOccasion(scopedFor(c.prisma, c.w.actors.ADMINISTRATOR), c.w.actors.ADMINISTRATOR, { planId: c.w.plan.id, name: `Uppföljning ${next()}`, asOf: day("2026-08-31") });
}

/** The version of the actor's own municipality (settings and logo are always the actor's own). */
const version = async (c: CallContext) =>
  String((await c.prisma.municipality.findUniqueOrThrow({ where: { id: c.actor?.municipalityId ?? c.w.municipality.id }, select: { version: true } })).version);
/** Gives the actor's municipality a logo (an earlier call may have removed it). */
async function ensureLogo(c: CallContext) {
  const id = c.actor?.municipalityId ?? c.w.municipality.id;
  await c.prisma.municipality.update({ where: { id }, data: { logo: Buffer.from(await PNG.arrayBuffer()), logoType: "image/png", logoUpdatedAt: new Date() } });
}
const bodyVersion = async (c: CallContext, id: string) => String((await c.prisma.body.findUniqueOrThrow({ where: { id }, select: { version: true } })).version);
const unitVersion = async (c: CallContext, id: string) => String((await c.prisma.unit.findUniqueOrThrow({ where: { id }, select: { version: true } })).version);

const PNG = new File([Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==", "base64")], "logo.png", { type: "image/png" });

/** The target world's public view as the case needs it; returns the slug and the uppdrag id to ask for. */
async function publicViewCase(c: CallContext): Promise<{ slug: string; id: string }> {
  const { prisma, w } = c;
  const k = c.publicCase ?? "open";
  // Once per world: a named official and a secret comment on KS's uppdrag, and a hidden uppdrag.
  let hidden = await prisma.uppdrag.findFirst({ where: { municipalityId: w.municipality.id, title: PUBLIC_SECRETS.hiddenTitle }, select: { id: true } });
  if (!hidden) {
    const sek = w.actors.SEKRETERARE;
    await prisma.statusEntry.create({
      data: { municipalityId: w.municipality.id, uppdragId: w.ksUppdrag.id, status: "DELAYED", comment: PUBLIC_SECRETS.comment, authorId: sek.userId, at: new Date() },
    });
    await prisma.uppdrag.update({ where: { id: w.ksUppdrag.id }, data: { responsiblePerson: PUBLIC_SECRETS.person, status: "DELAYED", statusComment: PUBLIC_SECRETS.comment } });
    hidden = await createUppdrag(prisma, w.municipality.id, { paragraph: w.p1, decidedOn: "2024-03-11", title: PUBLIC_SECRETS.hiddenTitle, text: "Ska inte synas.", unitIds: [w.unitA.id] });
    await prisma.uppdrag.update({ where: { id: hidden.id }, data: { publiclyHidden: true } });
  }
  const names = k === "names";
  await prisma.municipality.update({ where: { id: w.municipality.id }, data: { publicView: k !== "closed", publicShowComments: names, publicShowNames: names } });
  let id = w.ksUppdrag.id;
  if (k === "hidden") id = hidden.id;
  if (k === "foreign") {
    // Another municipality's uppdrag, in a municipality whose own view is on.
    const other = await prisma.uppdrag.findFirstOrThrow({ where: { municipalityId: { not: w.municipality.id } }, select: { id: true, municipalityId: true } });
    await prisma.municipality.update({ where: { id: other.municipalityId }, data: { publicView: true } });
    id = other.id;
  }
  return { slug: k === "unknown" ? `finns-inte-${next()}` : w.municipality.slug, id };
}

/** A route of the open data: the slug in the address and in the route's parameters, from the case. */
function publicDataRoute(format: "json" | "csv"): Fixture {
  const file = `src/app/offentlig/[slug]/data/uppdrag.${format}/route.ts`;
  return {
    kind: "route",
    file,
    name: "GET",
    publicView: { cases: ["open", "names", "closed", "unknown"], showsPerson: true },
    call: async (c) => {
      const { NextRequest } = await import("next/server");
      const { slug } = await publicViewCase(c);
      const req = new NextRequest(new URL(`/offentlig/${slug}/data/uppdrag.${format}`, BASE), { method: "GET", headers: { host: "localhost:3000" } });
      return (await loadExport(file, "GET"))(req, { params: Promise.resolve({ slug }) });
    },
  };
}

// ---------------------------------------------------------------- server actions
const ADMIN = "src/app/admin/actions.ts";

const ACTIONS: Fixture[] = [
  action("src/app/uppdrag/[id]/actions.ts", "changeStatusAction", {
    target: ksUppdragTarget,
    fields: ["uppdragId", "expectedVersion", "status", "comment", "plannedCompletion", "reportedAtMeetingId"],
    form: async (c) => ({ uppdragId: (await freshUppdrag(c)).id, expectedVersion: "1", status: "IN_PROGRESS", comment: "Arbetet har börjat.", plannedCompletion: "2026-12-31", reportedAtMeetingId: "" }),
  }),
  action("src/app/uppdrag/[id]/actions.ts", "linkDecisionAction", {
    target: ksUppdragTarget,
    fields: ["uppdragId", "expectedVersion", "paragraphId", "kind", "status", "comment", "note", "plannedCompletion"],
    form: async (c) => {
      const u = await freshUppdrag(c);
      const p = await createParagraph(c.prisma, c.w.municipality.id, c.w.meeting, { number: 100 + next(), dnr: "KS 2024/101", title: "Senare beslut", decision: "KS förlänger tiden." });
      return { uppdragId: u.id, expectedVersion: "1", paragraphId: p.id, kind: "POSTPONED", status: "DELAYED", comment: "Tiden är förlängd.", note: "", plannedCompletion: "2027-06-30" };
    },
  }),
  action("src/app/uppdrag/[id]/actions.ts", "correctUppdragAction", {
    target: ksUppdragTarget,
    fields: ["uppdragId", "expectedVersion", "title", "text", "unitIds", "responsiblePerson", "deadline", "reason"],
    form: async (c) => ({
      uppdragId: (await freshUppdrag(c)).id,
      expectedVersion: "1",
      title: "Rättad rubrik",
      text: "Rättad uppdragstext.",
      unitIds: [c.w.unitA.id],
      responsiblePerson: "",
      deadline: "2027-03-31",
      reason: "Fel i protokollet.",
    }),
  }),
  action("src/app/moten/[id]/actions.ts", "correctMeetingAction", {
    target: (w) => ({ bodyId: w.ks.id }),
    fields: ["meetingId", "expectedVersion", "bodyId", "date", "place", "startTime", "endTime", "reason"],
    form: async (c) => ({
      meetingId: (await freshMeeting(c)).meeting.id,
      expectedVersion: "1",
      bodyId: c.w.ks.id,
      date: `${2100 + next()}-03-12`,
      place: "Sessionssalen",
      startTime: "13:00",
      endTime: "",
      reason: "Fel datum i protokollet.",
    }),
  }),
  action("src/app/moten/[id]/actions.ts", "markJusteratAction", {
    target: (w) => ({ bodyId: w.ks.id }),
    fields: ["meetingId", "expectedVersion", "approvedOn", "approvedBy", "reason"],
    form: async (c) => ({ meetingId: (await freshMeeting(c, "2020-01-10")).meeting.id, expectedVersion: "1", approvedOn: "2020-01-20", approvedBy: "Anna Ek, Bo Lind", reason: "" }),
  }),
  action("src/app/moten/[id]/actions.ts", "correctParagraphAction", {
    target: (w) => ({ bodyId: w.ks.id }),
    fields: ["paragraphId", "expectedVersion", "number", "dnr", "title", "decision", "basis", "sentTo", "reason"],
    form: async (c) => ({
      paragraphId: (await freshMeeting(c)).paragraph.id,
      expectedVersion: "1",
      number: String(6000 + next()),
      dnr: "KS 2100/2",
      title: "Rättad rubrik",
      decision: "KS ger KLK i uppdrag att rätta.",
      basis: "Kommunledningskontorets skrivelse",
      sentTo: "KLK",
      reason: "Tolkningen läste fel.",
    }),
  }),
  action("src/app/moten/[id]/actions.ts", "addMissedUppdragAction", {
    target: (w) => ({ bodyId: w.ks.id }),
    fields: ["paragraphId", "title", "text", "unitId", "responsiblePerson", "deadline", "reason"],
    form: async (c) => ({ paragraphId: c.w.p1.id, title: `Missat uppdrag ${next()}`, text: "", unitId: c.w.unitA.id, responsiblePerson: "", deadline: "", reason: "Tolkningen missade uppdraget." }),
  }),
  action("src/app/uppdrag/[id]/plan-actions.ts", "linkUppdragAction", {
    target: planTarget,
    fields: ["uppdragId", "target"],
    form: async (c) => ({ uppdragId: (await freshUppdrag(c)).id, target: `c:${c.w.plan.commitment.id}` }),
  }),
  action("src/app/uppdrag/[id]/plan-actions.ts", "unlinkUppdragAction", {
    target: planTarget,
    fields: ["linkId", "uppdragId"],
    form: async (c) => {
      const u = await freshUppdrag(c);
      await linkUppdragToPlan(scopedFor(c.prisma, c.w.actors.ADMINISTRATOR), c.w.actors.ADMINISTRATOR, { uppdragId: u.id, target: { kind: "commitment", id: c.w.plan.commitment.id } });
      const link = await c.prisma.planUppdragLink.findFirstOrThrow({ where: { uppdragId: u.id }, select: { id: true } });
      return { linkId: link.id, uppdragId: u.id };
    },
  }),
  {
    kind: "action",
    file: "src/app/moten/registrera/actions.ts",
    name: "registerMeetingAction",
    target: (w) => ({ bodyId: w.ks.id }),
    fields: ["bodyId", "date", "place", "startTime", "endTime", "paragraphs"],
    validFields: async (c) => ({ bodyId: c.w.ks.id, date: "2025-05-05", place: "Sessionssalen", startTime: "18:00", endTime: "20:00" }),
    // Takes the form's state as an object, not FormData.
    send: async (fields) => (await loadExport("src/app/moten/registrera/actions.ts", "registerMeetingAction"))(fields),
    call: async (c) =>
      (await loadExport("src/app/moten/registrera/actions.ts", "registerMeetingAction"))({
        bodyId: c.w.ks.id,
        date: `2025-${String((next() % 12) + 1).padStart(2, "0")}-${String((next() % 27) + 1).padStart(2, "0")}`,
        place: "Sessionssalen",
        startTime: "18:00",
        endTime: "20:00",
        paragraphs: [{ number: String(next()), dnr: "KS 2025/1", title: "Ny skolskjuts", decision: "KS ger KLK i uppdrag att utreda skolskjutsen.", sentTo: "KLK", uppdrag: [{ title: "Utred skolskjutsen", text: "", unitId: c.w.unitA.id, responsiblePerson: "", deadline: "" }] }],
      }),
  },
  action("src/app/rapporter/actions.ts", "freezeReportAction", {
    target: (w) => ({ bodyId: w.ks.id }),
    fields: ["asOf", "body", "note", "confirm"],
    form: async (c) => ({ asOf: `20${10 + (next() % 10)}-0${1 + (next() % 9)}-15`, body: c.w.ks.id, note: "Anmäld till KF", confirm: "ja" }),
  }),
  action("src/app/motioner/actions.ts", "registerMotionAction", {
    // The actor's own kommunfullmäktige (the test world's secretary serves KS only).
    target: own,
    fields: ["kind", "title", "proposers", "anonymised", "raisedOn", "raisedAtNumber", "dnr", "preparingBodyId", "handlaggareId", "handlaggareName", "preparationNote"],
    form: async () => ({ kind: "MOTION", title: `Motion om cykelbanor ${next()}`, proposers: "Anna Ek (S)", raisedOn: "2024-03-25", raisedAtNumber: "12", dnr: "KS 2024/90", preparingBodyId: "", handlaggareName: "Bo Lind", preparationNote: "" }),
  }),
  action("src/app/motioner/actions.ts", "changeMotionStateAction", {
    target: kfTarget,
    fields: ["motionId", "expectedVersion", "state", "on", "preparingBodyId", "handlaggareId", "handlaggareName", "preparationNote", "comment"],
    form: async (c) => ({ motionId: (await freshMotion(c)).id, expectedVersion: "1", state: "REMITTERAD", on: "2024-02-01", preparingBodyId: c.w.ks.id, preparationNote: "Remitterad till kommunstyrelsen.", comment: "" }),
  }),
  action("src/app/motioner/actions.ts", "answerMotionAction", {
    target: kfTarget,
    fields: ["motionId", "expectedVersion", "decision", "paragraphId", "comment"],
    form: async (c) => ({ motionId: (await freshMotion(c)).id, expectedVersion: "1", decision: "AVSLAGEN", paragraphId: c.w.p2.id, comment: "" }),
  }),
  action("src/app/motioner/actions.ts", "createMotionUppdragAction", {
    target: kfTarget,
    fields: ["motionId", "title", "text", "unitId", "responsiblePerson", "deadline"],
    form: async (c) => ({ motionId: (await freshMotion(c, { bifallen: true })).id, title: "Bygga cykelbanor", text: "", unitId: c.w.unitB.id, responsiblePerson: "", deadline: "2025-06-30" }),
  }),
  action("src/app/motioner/actions.ts", "linkMotionUppdragAction", {
    target: kfTarget,
    fields: ["motionId", "uppdragId"],
    form: async (c) => ({ motionId: (await freshMotion(c, { bifallen: true })).id, uppdragId: (await freshUppdrag(c)).id }),
  }),
  action("src/app/motioner/actions.ts", "freezeMotionReportAction", {
    target: own,
    fields: ["asOf", "note", "confirm"],
    form: async () => ({ asOf: `${2030 + (next() % 60)}-0${1 + (next() % 9)}-1${next() % 10}`, note: "Anmäld till KF", confirm: "ja" }),
  }),
  action("src/app/rapporter/actions.ts", "saveReportBodiesAction", { target: anyRecord, fields: ["body"], form: async (c) => ({ body: [c.w.ks.id, c.w.kf.id] }) }),
  action("src/app/planer/[id]/actions.ts", "saveFollowUpAction", {
    target: (w) => ({ bodyId: w.plan.bodyId, unitIds: [w.unitA.id] }),
    fields: ["occasionId", "commitmentId", "summary", "summaryVersion"],
    form: async (c) => {
      const occ = await freshOccasion(c);
      const a = c.w.plan.activity.id;
      return { occasionId: occ.id, commitmentId: c.w.plan.commitment.id, [`a.${a}.status`]: "IN_PROGRESS", [`a.${a}.comment`]: "Pågår enligt plan.", [`a.${a}.version`]: "0" };
    },
  }),
  action("src/app/planer/[id]/actions.ts", "closeOccasionAction", {
    target: planTarget,
    fields: ["occasionId", "expectedVersion", "confirm"],
    form: async (c) => ({ occasionId: (await freshOccasion(c)).id, expectedVersion: "1", confirm: "on" }),
  }),
  action("src/app/planer/[id]/actions.ts", "createOccasionAction", {
    target: planTarget,
    fields: ["planId", "name", "asOf"],
    form: async (c) => ({ planId: c.w.plan.id, name: `Delår ${next()}`, asOf: "2026-08-31" }),
  }),
  action("src/app/planer/import/actions.ts", "previewImportAction", {
    target: own,
    fields: ["bodyId", "year", "title", "file"],
    form: async (c) => ({ bodyId: c.w.ks.id, year: "2031", title: "Verksamhetsplan 2031" }),
    files: async () => ({ file: new File([new Uint8Array(await planWorkbook(2031))], "plan.xlsx") }),
  }),
  action("src/app/planer/import/actions.ts", "confirmImportAction", {
    target: planTarget,
    fields: ["bodyId", "year", "title", "plan"],
    form: async (c) => {
      const { readPlanWorkbook } = await import("@/server/plan/import");
      const year = 2040 + (next() % 60);
      return { bodyId: c.w.ks.id, year: String(year), title: `Verksamhetsplan ${year}`, plan: JSON.stringify((await readPlanWorkbook(await planWorkbook(year))).plan) };
    },
  }),
  action("src/app/konto/actions.ts", "changeOwnPasswordAction", {
    target: own,
    fields: ["currentPassword", "password", "passwordRepeat"],
    // The actor's password is set to the world's first, so that every call starts from a known one.
    form: async (c) => {
      if (c.actor) await c.prisma.user.update({ where: { id: c.actor.userId }, data: { passwordHash: await hashPassword(WORLD_PASSWORD) } });
      const password = `${WORLD_PASSWORD}-ny-${next()}`;
      return { currentPassword: WORLD_PASSWORD, password, passwordRepeat: password };
    },
  }),
  action("src/app/konto/actions.ts", "enrolTotpAction", {
    target: own,
    fields: ["enrolment", "code"],
    // The actor starts with a password and without TOTP; the code is the current one for the new secret.
    form: async (c) => {
      const secret = newTotpSecret();
      const now = new Date();
      if (c.actor) await c.prisma.user.update({ where: { id: c.actor.userId }, data: { passwordHash: WORLD_PASSWORD_HASH ??= await hashPassword(WORLD_PASSWORD), totpSecret: null, totpEnrolledAt: null, totpLastStep: null } });
      return { enrolment: enrolmentToken(c.actor?.userId ?? "00000000-0000-4000-8000-000000000000", secret, twoFactorKey(), now), code: totpCode(secret, now) };
    },
  }),
  action("src/app/logga-in/actions.ts", "secondFactorAction", {
    fields: ["code", "callbackUrl"],
    // Public to the gate: without a half-signed-in session (none here) it answers that the sign-in has expired.
    form: async () => ({ code: "123456", callbackUrl: "/uppdrag" }),
  }),
  action("src/app/logga-in/actions.ts", "enrolAtSignInAction", {
    fields: ["enrolment", "code", "callbackUrl"],
    form: async () => ({ enrolment: "v1.aaaa.bbbb.cccc", code: "123456", callbackUrl: "/uppdrag" }),
  }),
  action("src/app/konto/actions.ts", "signOutEverywhereAction", { target: own, fields: [], form: async () => ({}) }),
  action("src/app/konto/actions.ts", "choosePasswordAction", {
    fields: ["token", "password", "passwordRepeat"],
    form: async () => ({ token: "A".repeat(43), password: "Ett-långt-nytt-lösenord-för-länken-9", passwordRepeat: "Ett-långt-nytt-lösenord-för-länken-9" }),
  }),

  action(ADMIN, "createBodyAction", { target: own, fields: ["name", "shortName", "kind", "parentId"], form: async () => ({ name: `Utskott ${next()}`, shortName: `U${next()}`, kind: "UTSKOTT", parentId: "" }) }),
  action(ADMIN, "updateBodyAction", {
    target: anyRecord,
    fields: ["id", "expectedVersion", "name", "shortName", "kind", "parentId"],
    form: async (c) => ({ id: c.w.kf.id, expectedVersion: await bodyVersion(c, c.w.kf.id), name: "Kommunfullmäktige", shortName: "KF", kind: "FULLMAKTIGE", parentId: "" }),
  }),
  action(ADMIN, "addBodyAssignmentAction", {
    target: anyRecord,
    fields: ["bodyId", "userId", "role"],
    form: async (c) => ({ bodyId: c.w.kf.id, userId: (await freshUser(c)).id, role: "MEMBER" }),
  }),
  action(ADMIN, "removeBodyAssignmentAction", {
    target: anyRecord,
    fields: ["bodyId", "userId", "role"],
    form: async (c) => {
      const u = await freshUser(c);
      await addBodyAssignment(scopedFor(c.prisma, c.w.actors.ADMINISTRATOR), c.w.actors.ADMINISTRATOR, { bodyId: c.w.kf.id, userId: u.id, role: "MEMBER" });
      return { bodyId: c.w.kf.id, userId: u.id, role: "MEMBER" };
    },
  }),
  action(ADMIN, "createUnitAction", { target: own, fields: ["name", "shortName", "kind", "parentId"], form: async () => ({ name: `Enhet ${next()}`, shortName: "", kind: "ENHET", parentId: "" }) }),
  action(ADMIN, "updateUnitAction", {
    target: anyRecord,
    fields: ["id", "expectedVersion", "name", "shortName", "kind", "parentId"],
    form: async (c) => ({ id: c.w.unitB.id, expectedVersion: await unitVersion(c, c.w.unitB.id), name: "Tekniska förvaltningen", shortName: "TF", kind: "FORVALTNING", parentId: "" }),
  }),
  action(ADMIN, "inviteUserAction", {
    target: own,
    fields: ["name", "email", "role", "unitId", "password"],
    form: async () => {
      const n = next();
      return { name: `Ny person ${n}`, email: `ny-${n}-${Date.now()}@matris.test`, role: "LEDAMOT", unitId: "", password: "" };
    },
  }),
  action(ADMIN, "updateUserAction", {
    target: anyRecord,
    fields: ["id", "expectedVersion", "name", "role", "unitId", "secretaryOf", "memberOf"],
    form: async (c) => ({ id: (await freshUser(c)).id, expectedVersion: "1", name: "Nytt namn", role: "LEDAMOT", unitId: "", memberOf: c.w.kf.id }),
  }),
  // Reminders and handover (issue #17).
  action("src/app/uppdrag/[id]/follow-actions.ts", "followUppdragAction", {
    target: ksUppdragTarget,
    fields: ["uppdragId", "follow"],
    form: async (c) => ({ uppdragId: (await freshUppdrag(c)).id, follow: "ja" }),
  }),
  action("src/app/motioner/[id]/follow-actions.ts", "followMotionAction", {
    target: kfTarget,
    fields: ["motionId", "follow"],
    form: async (c) => ({ motionId: (await freshMotion(c)).id, follow: "ja" }),
  }),
  action("src/app/konto/reminder-actions.ts", "saveReminderPreferencesAction", { target: own, fields: ["rules"], form: async () => ({ rules: ["deadlines", "silent"] }) }),
  action("src/app/admin/reminder-actions.ts", "handoverAction", {
    target: anyRecord,
    fields: ["id", "expectedVersion", "successorId"],
    form: async (c) => ({ id: (await freshUser(c)).id, expectedVersion: "1", successorId: c.w.actors.HANDLAGGARE.userId }),
  }),
  // Demo mode (as in the tests: no DATABASE_URL outside production): the reminders of the actor's own municipality, to the in-process catcher.
  action("src/app/admin/reminder-actions.ts", "sendRemindersNowAction", { target: own, fields: [], form: async () => ({}) }),
  action(ADMIN, "deactivateUserAction", { target: anyRecord, fields: ["id", "expectedVersion"], form: async (c) => ({ id: (await freshUser(c)).id, expectedVersion: "1" }) }),
  action(ADMIN, "reactivateUserAction", {
    target: anyRecord,
    fields: ["id", "expectedVersion"],
    form: async (c) => {
      const u = await freshUser(c);
      const { version } = await c.prisma.user.update({ where: { id: u.id }, data: { active: false, version: { increment: 1 } }, select: { version: true } });
      return { id: u.id, expectedVersion: String(version) };
    },
  }),
  action(ADMIN, "anonymizeUserAction", {
    target: anyRecord,
    fields: ["id", "expectedVersion", "confirm"],
    form: async (c) => ({ id: (await freshUser(c)).id, expectedVersion: "1", confirm: "ja" }),
  }),
  action(ADMIN, "resetTotpAction", {
    target: anyRecord,
    fields: ["id", "confirm"],
    // A person of the target world with TOTP on (the secret need not be readable to be reset).
    form: async (c) => {
      const u = await freshUser(c);
      await c.prisma.user.update({ where: { id: u.id }, data: { totpSecret: "v1.a.b.c", totpEnrolledAt: new Date(), totpLastStep: 1 } });
      return { id: u.id, confirm: "ja" };
    },
  }),
  action(ADMIN, "passwordLinkAction", { target: anyRecord, fields: ["id"], form: async (c) => ({ id: (await freshUser(c)).id }) }),
  action(ADMIN, "saveSettingsAction", {
    target: own,
    fields: ["expectedVersion", "name", "diariumUrlPattern", "reportDayFirst", "reportDaySecond"],
    form: async (c) => ({ expectedVersion: await version(c), name: c.actor?.municipalityId === c.w.municipality.id ? c.w.municipality.name : "Annan kommun", diariumUrlPattern: "", reportDayFirst: "06-30", reportDaySecond: "12-31" }),
  }),
  action(ADMIN, "savePublicViewAction", {
    target: own,
    fields: ["expectedVersion", "publicView", "show"],
    form: async (c) => ({ expectedVersion: await version(c), publicView: "on", show: ["comments"] }),
  }),
  action("src/app/uppdrag/[id]/public-actions.ts", "setPubliclyHiddenAction", {
    target: ksUppdragTarget,
    fields: ["uppdragId", "hidden"],
    form: async (c) => ({ uppdragId: (await freshUppdrag(c)).id, hidden: "true" }),
  }),
  action(ADMIN, "uploadLogoAction", { target: own, fields: ["expectedVersion", "logo"], form: async (c) => ({ expectedVersion: await version(c) }), files: async () => ({ logo: PNG }) }),
  action(ADMIN, "removeLogoAction", { target: own, fields: ["expectedVersion"], form: async (c) => ({ expectedVersion: await version(c) }) }),
];

// ---------------------------------------------------------------- route handlers
const ROUTES: Fixture[] = [
  route("src/app/api/health/route.ts", "GET", { url: () => "/api/health" }),
  route("src/app/api/auth/[...nextauth]/route.ts", "GET", {
    url: () => "/api/auth/csrf",
    params: () => ({ nextauth: ["csrf"] }),
  }),
  route("src/app/api/auth/[...nextauth]/route.ts", "POST", {
    url: () => "/api/auth/signout",
    params: () => ({ nextauth: ["signout"] }),
    init: () => ({ body: new URLSearchParams({ csrfToken: "wrong" }), headers: { "content-type": "application/x-www-form-urlencoded" } }),
  }),
  route("src/app/api/uppdrag/route.ts", "GET", { target: own, url: () => "/api/uppdrag?status=NOT_STARTED" }),
  route("src/app/api/uppdrag/[id]/route.ts", "GET", { target: ksUppdragTarget, url: (c) => `/api/uppdrag/${c.w.ksUppdrag.id}`, params: (c) => ({ id: c.w.ksUppdrag.id }) }),
  route("src/app/api/live/route.ts", "GET", { target: own, url: () => "/api/live" }),
  route("src/app/kommun/logotyp/route.ts", "GET", {
    target: own,
    url: async (c) => {
      await ensureLogo(c);
      return "/kommun/logotyp";
    },
  }),
  route("src/app/uppdrag/fil/route.ts", "GET", { target: own, url: () => "/uppdrag/fil?format=csv" }),
  route("src/app/import/fil/route.ts", "POST", {
    target: own,
    url: () => "/import/fil",
    init: () => {
      const csv = "Organ;Datum;Paragraf;Diarienummer;Rubrik;Uppdrag;Ansvarig enhet;Status\nKS;2024-03-11;41;KS 2024/101;Översyn av lokaler;Se över lokalerna;Kommunledningskontoret;Påbörjat\n";
      return { body: toFormData({ step: "granska" }, { file: new File([csv], "lista.csv", { type: "text/csv" }) }), headers: { origin: BASE, host: "localhost:3000" } };
    },
  }),
  route("src/app/moten/registrera/tolka/route.ts", "POST", {
    target: own,
    url: () => "/moten/registrera/tolka",
    init: () => ({ body: toFormData({ text: "Kommunstyrelsen\nSammanträdesdatum 2025-05-05\n§ 12 Ny skolskjuts\nDnr KS 2025/1\nBeslut\nKS ger KLK i uppdrag att utreda skolskjutsen.\n" }) }),
  }),
  route("src/app/rapporter/fil/route.ts", "GET", { target: (w) => ({ bodyId: w.ks.id }), url: (c) => `/rapporter/fil?format=json&asOf=2024-06-30&body=${c.w.ks.id}` }),
  route("src/app/rapporter/utskrift/route.ts", "GET", { target: (w) => ({ bodyId: w.ks.id }), url: (c) => `/rapporter/utskrift?asOf=2024-06-30&body=${c.w.ks.id}` }),
  route("src/app/rapporter/arkiv/[id]/fil/route.ts", "GET", {
    target: anyRecord,
    url: (c) => `/rapporter/arkiv/${c.w.frozen[0]}/fil?format=json`,
    params: (c) => ({ id: c.w.frozen[0] }),
  }),
  route("src/app/rapporter/arkiv/[id]/utskrift/route.ts", "GET", { target: anyRecord, url: (c) => `/rapporter/arkiv/${c.w.frozen[0]}/utskrift`, params: (c) => ({ id: c.w.frozen[0] }) }),
  route("src/app/planer/[id]/rapport/route.ts", "GET", {
    target: planTarget,
    url: (c) => `/planer/${c.w.plan.id}/rapport?tillfalle=${c.w.plan.occasionId}`,
    params: (c) => ({ id: c.w.plan.id }),
  }),
  route("src/app/planer/[id]/rapport/fil/route.ts", "GET", {
    target: planTarget,
    url: (c) => `/planer/${c.w.plan.id}/rapport/fil?tillfalle=${c.w.plan.occasionId}&format=docx`,
    params: (c) => ({ id: c.w.plan.id }),
  }),
  route("src/app/admin/logg/csv/route.ts", "GET", { target: own, url: () => "/admin/logg/csv" }),
  route("src/app/motioner/rapport/fil/route.ts", "GET", { target: own, url: () => "/motioner/rapport/fil?format=json&asOf=2024-06-30" }),
  route("src/app/motioner/rapport/utskrift/route.ts", "GET", { target: own, url: () => "/motioner/rapport/utskrift?asOf=2024-06-30" }),
  route("src/app/motioner/rapport/arkiv/[id]/fil/route.ts", "GET", {
    target: anyRecord,
    url: async (c) => `/motioner/rapport/arkiv/${(await frozenMotionReports(c))[0]}/fil?format=json`,
    params: async (c) => ({ id: (await frozenMotionReports(c))[0] }),
  }),
  ...(["json", "csv"] as const).map((format) => publicDataRoute(format)),
];

// ---------------------------------------------------------------- pages
const PAGES: Fixture[] = [
  page("src/app/motioner/page.tsx", { target: own }),
  page("src/app/motioner/ny/page.tsx", { target: own }),
  page("src/app/motioner/rapport/page.tsx", { target: own }),
  page("src/app/motioner/[id]/page.tsx", { target: anyRecord, params: async (c) => ({ id: (await freshMotion(c, { bifallen: true })).id }) }),
  page("src/app/motioner/rapport/jamfor/page.tsx", {
    target: anyRecord,
    searchParams: async (c) => {
      const [a, b] = await frozenMotionReports(c);
      return { a, b };
    },
  }),
  page("src/app/page.tsx", {}),
  page("src/app/logga-in/page.tsx", {}),
  page("src/app/valj-losenord/[token]/page.tsx", {
    params: () => ({ token: "A".repeat(43) }),
  }),
  page("src/app/uppdrag/page.tsx", { target: own }),
  page("src/app/uppdrag/[id]/page.tsx", { target: ksUppdragTarget, params: (c) => ({ id: c.w.ksUppdrag.id }) }),
  page("src/app/statusrunda/page.tsx", { target: own }),
  page("src/app/import/page.tsx", { target: own }),
  page("src/app/moten/page.tsx", { target: own }),
  page("src/app/moten/[id]/page.tsx", { target: (w) => ({ bodyId: w.ks.id }), params: (c) => ({ id: c.w.meeting.id }) }),
  page("src/app/moten/registrera/page.tsx", { target: own }),
  page("src/app/planer/page.tsx", { target: own }),
  page("src/app/planer/import/page.tsx", { target: own }),
  page("src/app/planer/[id]/page.tsx", { target: planTarget, params: (c) => ({ id: c.w.plan.id }), searchParams: (c) => ({ tillfalle: c.w.plan.occasionId }) }),
  page("src/app/planer/[id]/uppfoljning/page.tsx", {
    // Open to everyone who follows up something in the plan: the handläggare of a responsible unit, its secretaries, administrators.
    target: (w) => ({ bodyId: w.plan.bodyId, unitIds: [w.unitA.id] }),
    params: (c) => ({ id: c.w.plan.id }),
    searchParams: (c) => ({ tillfalle: c.w.plan.occasionId }),
  }),
  // The page lists the fastställda reports for all readers; producing is offered to those who may.
  page("src/app/rapporter/page.tsx", { target: own }),
  page("src/app/rapporter/arkiv/[id]/page.tsx", { target: anyRecord, params: (c) => ({ id: c.w.frozen[0] }) }),
  page("src/app/rapporter/jamfor/page.tsx", { target: anyRecord, searchParams: (c) => ({ a: c.w.frozen[0], b: c.w.frozen[1] }) }),
  page("src/app/konto/page.tsx", { target: own }),
  page("src/app/admin/page.tsx", { target: own }),
  page("src/app/admin/organ/page.tsx", { target: own }),
  page("src/app/admin/organ/[id]/page.tsx", { target: anyRecord, params: (c) => ({ id: c.w.ks.id }) }),
  page("src/app/admin/enheter/page.tsx", { target: own }),
  page("src/app/admin/enheter/[id]/page.tsx", { target: anyRecord, params: (c) => ({ id: c.w.unitA.id }) }),
  page("src/app/admin/anvandare/page.tsx", { target: own }),
  page("src/app/admin/anvandare/[id]/page.tsx", { target: anyRecord, params: (c) => ({ id: c.w.actors.LEDAMOT.userId }) }),
  page("src/app/admin/installningar/page.tsx", { target: own }),
  page("src/app/admin/logg/page.tsx", { target: own }),
  page("src/app/admin/utkorg/page.tsx", { target: own }),
  {
    ...page("src/app/offentlig/[slug]/page.tsx", {}),
    call: async (c) => {
      const { slug } = await publicViewCase(c);
      return (await loadExport("src/app/offentlig/[slug]/page.tsx", "default"))({ params: Promise.resolve({ slug }), searchParams: Promise.resolve({}) });
    },
    publicView: { cases: ["open", "names", "closed", "unknown"], showsPerson: false },
  },
  {
    ...page("src/app/offentlig/[slug]/uppdrag/[id]/page.tsx", {}),
    call: async (c) => {
      const { slug, id } = await publicViewCase(c);
      return (await loadExport("src/app/offentlig/[slug]/uppdrag/[id]/page.tsx", "default"))({ params: Promise.resolve({ slug, id }), searchParams: Promise.resolve({}) });
    },
    publicView: { cases: PUBLIC_VIEW_CASES, showsPerson: true },
  },
];

export const FIXTURES: Fixture[] = [...ACTIONS, ...ROUTES, ...PAGES];

/** Files that are neither actions, routes nor pages but answer requests; listed so the discovery test knows them. */
export const OTHER_PUBLIC = {
  "src/app/manifest.ts": "The web app manifest (name, icons, colours): the same for everyone, no data.",
} as const;
