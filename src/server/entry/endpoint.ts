// What an endpoint is: one declaration of its input, who may call it and on
// what record, and what it does. The same declaration serves a server action
// (src/server/entry/action.ts) and a route handler (src/server/entry/route.ts);
// the gate (gate.ts) reads the session, checks the origin, validates the input,
// checks the permission against the scope and hands `run` a database already
// confined to the actor's municipality. Nothing else reaches `run`.
import type { z } from "zod";
import type { ScopedClient } from "@/server/db/scoped";
import type { Actor, Permission } from "@/server/permissions";
import type { PublicView } from "./public-view";

/** The record a permission is checked against (the municipality is always the actor's). */
export interface RecordScope {
  bodyId?: string;
  unitIds?: string[];
}

/**
 * What the permission is checked against:
 * - "municipality": the actor's own municipality (no record, or a rule that is the same for every record);
 * - "some-record": the actor holds it for the municipality, some body they serve or their own unit (a form that picks a body: `run` checks the one chosen);
 * - a function that loads the record(s) the input points at through the scoped database; null when there is none (answered as not found).
 */
export type Scope<I> = "municipality" | "some-record" | ((db: ScopedClient, input: I, actor: Actor) => Promise<RecordScope | RecordScope[] | null>);

export interface RunContext<I> {
  db: ScopedClient;
  actor: Actor;
  input: I;
}

export interface PublicRunContext<I> {
  /** A public endpoint never reads the session: whoever calls it, it does the same. */
  input: I;
}

export interface PublicViewRunContext<I> {
  input: I;
  /** Confined to the municipality the address names, which has its open view turned on. */
  db: ScopedClient;
  view: PublicView;
}

/** A refusal of the endpoint's own kind, mapped from an error `run` threw. */
export interface Refusal {
  status: number;
  message: string;
  fieldErrors?: Record<string, string[]>;
}

interface Common<S extends z.ZodType> {
  /** Stable name, `area.verb`: the audit log and the permission matrix know the endpoint by it. */
  id: string;
  input: S;
  /** True when the call changes something: refused unless it comes from this site (Origin / Sec-Fetch-Site). */
  mutates: boolean;
  /** Maps errors of this endpoint's own kind to a Swedish answer (the gate knows the common ones). */
  refusal?: (err: unknown, input: z.output<S>) => Refusal | undefined;
}

export interface ProtectedEndpoint<S extends z.ZodType = z.ZodType, R = unknown> extends Common<S> {
  permission: Permission;
  scope: Scope<z.output<S>>;
  run(ctx: RunContext<z.output<S>>): Promise<R>;
}

export interface PublicEndpoint<S extends z.ZodType = z.ZodType, R = unknown> extends Common<S> {
  /** Why anyone may call it; a public endpoint has no municipality to scope to. */
  public: string;
  run(ctx: PublicRunContext<z.output<S>>): Promise<R>;
}

/**
 * A part of a municipality's open public view (docs/decisions/007-public-view.md):
 * anyone may call it, no session is read, and the input's `slug` names the
 * municipality. The gate answers not found unless that municipality has turned
 * its view on; `run` gets the database confined to it and what it chose to show.
 */
export interface PublicViewEndpoint<S extends z.ZodType<{ slug: string }> = z.ZodType<{ slug: string }>, R = unknown> extends Common<S> {
  public: string;
  publicView: true;
  run(ctx: PublicViewRunContext<z.output<S>>): Promise<R>;
}

export type Endpoint<S extends z.ZodType = z.ZodType, R = unknown> = ProtectedEndpoint<S, R> | PublicEndpoint<S, R> | PublicViewEndpoint<S & z.ZodType<{ slug: string }>, R>;

export const isPublic = (e: Endpoint): e is PublicEndpoint | PublicViewEndpoint => "public" in e;
export const isPublicView = (e: Endpoint): e is PublicViewEndpoint => "publicView" in e;

export function defineEndpoint<S extends z.ZodType, R>(e: ProtectedEndpoint<S, R>): ProtectedEndpoint<S, R> {
  return e;
}

export function definePublicEndpoint<S extends z.ZodType, R>(e: PublicEndpoint<S, R>): PublicEndpoint<S, R> {
  if (e.public.trim().length < 20) throw new Error(`endpoint ${e.id}: say why it is public`);
  return e;
}

export function definePublicViewEndpoint<S extends z.ZodType<{ slug: string }>, R>(e: Omit<PublicViewEndpoint<S, R>, "publicView" | "mutates">): PublicViewEndpoint<S, R> {
  if (e.public.trim().length < 20) throw new Error(`endpoint ${e.id}: say why it is public`);
  // The open view only reads.
  return { ...e, publicView: true, mutates: false };
}

/** Marks a served function (a server action or a route handler) with the endpoint it serves. */
export const SERVES = Symbol.for("uppdragskollen.endpoint");

export function markServed<F extends object>(fn: F, endpoint: Endpoint): F {
  Object.defineProperty(fn, SERVES, { value: endpoint, enumerable: false });
  return fn;
}

/** The endpoint a served function serves, or undefined for a function that bypasses the gate. */
export const servedEndpoint = (fn: unknown): Endpoint | undefined =>
  typeof fn === "function" ? ((fn as unknown as Record<symbol, Endpoint | undefined>)[SERVES] ?? undefined) : undefined;

type DomainFunction<I, R> = (db: ScopedClient, actor: Actor, input: I) => Promise<R>;

/** The common case of a state-changing endpoint: its run is one domain function of (db, actor, input). */
export function changeEndpoint<S extends z.ZodType, R>(id: string, input: S, permission: Permission, scope: Scope<z.output<S>>, change: DomainFunction<z.output<S>, R>) {
  return defineEndpoint({ id, input, permission, scope, mutates: true, run: ({ db, actor, input }) => change(db, actor, input) });
}

/** The common case of a reading endpoint: its run is one domain function of (db, actor, input). */
export function readEndpoint<S extends z.ZodType, R>(id: string, input: S, permission: Permission, scope: Scope<z.output<S>>, read: DomainFunction<z.output<S>, R>) {
  return defineEndpoint({ id, input, permission, scope, mutates: false, run: ({ db, actor, input }) => read(db, actor, input) });
}
