// An endpoint served as a route handler: `export const GET = serveRoute(xEndpoint, { respond })`.
// The raw input is the query string (GET) or the form / JSON body, plus the
// route's own parameters; refusals are JSON `{ ok: false, message, fieldErrors }`
// with the HTTP status, the same words a server action answers with.
import "server-only";
import { NextResponse } from "next/server";
import type { z } from "zod";
import type { Actor } from "@/server/permissions";
import { markServed, type Endpoint } from "./endpoint";
import { isDatabaseUnavailable, passGate, type RawInput } from "./gate";
import { formInput } from "./action";
import { MESSAGES } from "./answer";

type Params = Record<string, string | string[] | undefined>;
interface RouteContext {
  params?: Promise<Params>;
}

export interface RespondContext<I> {
  input: I;
  actor: Actor | null;
  request: Request;
}

export interface RouteOptions<R, I> {
  /** Builds the response to a successful call (default: the value as JSON). */
  respond?: (value: R, ctx: RespondContext<I>) => Response | Promise<Response>;
  /** The largest body accepted, in bytes (default 256 kB); larger ones are refused before they are read. */
  maxBodyBytes?: number;
}

/** The query string as input: a name given more than once becomes a list. */
export function queryInput(url: URL): RawInput {
  const out: RawInput = {};
  for (const key of new Set(url.searchParams.keys())) {
    const all = url.searchParams.getAll(key);
    out[key] = all.length > 1 ? all : all[0];
  }
  return out;
}

class BodyRefused extends Error {
  constructor(
    public readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

async function bodyInput(request: Request, maxBytes: number): Promise<RawInput> {
  const length = Number(request.headers.get("content-length") ?? "0");
  if (length > maxBytes) throw new BodyRefused(413, MESSAGES.tooLarge);
  const type = request.headers.get("content-type") ?? "";
  try {
    if (type.includes("application/json")) {
      const json = (await request.json()) as unknown;
      return json && typeof json === "object" && !Array.isArray(json) ? (json as RawInput) : {};
    }
    if (type.includes("multipart/form-data") || type.includes("application/x-www-form-urlencoded")) return formInput(await request.formData());
  } catch {
    throw new BodyRefused(400, "Det gick inte att läsa det som skickades. Försök igen.");
  }
  return {};
}

export const refusalResponse = (status: number, message: string, fieldErrors?: Record<string, string[]>) =>
  NextResponse.json({ ok: false, message, ...(fieldErrors ? { fieldErrors } : {}) }, { status, headers: { "Cache-Control": "private, no-store" } });

export function serveRoute<S extends z.ZodType, R>(endpoint: Endpoint<S, R>, options: RouteOptions<R, z.output<S>> = {}) {
  const handler = async (request: Request, context?: RouteContext): Promise<Response> => {
    const url = new URL(request.url);
    let raw: RawInput;
    try {
      const params = (await context?.params) ?? {};
      const body = request.method === "GET" || request.method === "HEAD" ? {} : await bodyInput(request, options.maxBodyBytes ?? 256 * 1024);
      raw = { ...queryInput(url), ...body, ...params };
    } catch (err) {
      if (err instanceof BodyRefused) return refusalResponse(err.status, err.message);
      throw err;
    }
    const outcome = await passGate(endpoint, raw, { headers: request.headers, where: `${request.method} ${url.pathname}` });
    if (!outcome.ok) return refusalResponse(outcome.refusal.status, outcome.refusal.message, outcome.refusal.fieldErrors);
    if (!options.respond) return NextResponse.json(outcome.value);
    try {
      return await options.respond(outcome.value, { input: outcome.input, actor: outcome.actor, request });
    } catch (err) {
      if (isDatabaseUnavailable(err)) return refusalResponse(503, MESSAGES.databaseDown);
      console.error("route failed", err);
      return refusalResponse(500, MESSAGES.failed);
    }
  };
  return markServed(handler, endpoint);
}
