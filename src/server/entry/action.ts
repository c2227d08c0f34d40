// An endpoint served as a server action: `export const saveX = serveAction(xEndpoint, { done })`
// in a "use server" file. The form's fields (and files) are the raw input; the
// answer is an ActionState the form shows. A refused or failed call changes
// nothing and gives back what was typed (passwords left out).
import "server-only";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import type { z } from "zod";
import { markServed, type Endpoint } from "./endpoint";
import { passGate, type RawInput } from "./gate";
import type { ActionState } from "./answer";

export type { ActionState } from "./answer";
export { fieldErrorsOf } from "./gate";

/** What a successful action answers: a message, or a page to go to. */
export type Done<R, I> = (value: R, input: I) => string | { redirectTo: string };

/** The form's fields; a name given more than once (checkboxes) becomes a list. Files are kept as files. */
export function formInput(formData: FormData): RawInput {
  const out: Record<string, unknown> = {};
  for (const [k, v] of formData.entries()) {
    if (k.startsWith("$ACTION")) continue;
    const seen = out[k];
    out[k] = seen === undefined ? v : Array.isArray(seen) ? [...seen, v] : [seen, v];
  }
  return out;
}

/** Fields never sent back to the browser to refill a form. */
const SECRET_FIELD = /password|token|code/i;

/** The submitted text values to refill the form with (lists joined with commas; secrets and files left out). */
function formValues(input: RawInput): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(input)) {
    if (SECRET_FIELD.test(k)) continue;
    if (typeof v === "string") out[k] = v;
    else if (Array.isArray(v) && v.every((x) => typeof x === "string")) out[k] = v.join(",");
  }
  return out;
}

async function requestHeaders(): Promise<Headers> {
  try {
    return new Headers(await headers());
  } catch {
    return new Headers();
  }
}

async function answer<S extends z.ZodType, R>(endpoint: Endpoint<S, R>, raw: RawInput, done: Done<R, z.output<S>>): Promise<ActionState & { redirectTo?: string }> {
  const outcome = await passGate(endpoint, raw, { headers: await requestHeaders(), where: `action ${endpoint.id}` });
  if (!outcome.ok) {
    const { message, fieldErrors } = outcome.refusal;
    return { ok: false, message, fieldErrors, values: formValues(raw) };
  }
  const result = done(outcome.value, outcome.input);
  return typeof result === "string" ? { ok: true, message: result } : { ok: true, redirectTo: result.redirectTo };
}

/** A server action taking (previous state, form data), as useActionState calls it. */
export function serveAction<S extends z.ZodType, R>(endpoint: Endpoint<S, R>, done: Done<R, z.output<S>>) {
  const action = async (_prev: ActionState, formData: FormData): Promise<ActionState> => {
    const result = await answer(endpoint, formData instanceof FormData ? formInput(formData) : {}, done);
    // Outside answer: redirect() works by throwing.
    if (result.redirectTo) redirect(result.redirectTo);
    return { ...result, answeredAt: Date.now() };
  };
  return markServed(action, endpoint);
}

/**
 * A server action called with the form's state as an object (a form built in
 * React state, such as the meeting registration), answered with field errors
 * keyed by their whole path ("paragraphs.0.title").
 */
export function serveObjectAction<S extends z.ZodType, R>(endpoint: Endpoint<S, R>, done: (value: R, input: z.output<S>) => ActionState & { redirectTo?: string }) {
  const action = async (input: unknown): Promise<ActionState> => {
    const raw: RawInput = input && typeof input === "object" && !Array.isArray(input) ? (input as RawInput) : {};
    const outcome = await passGate(endpoint, raw, { headers: await requestHeaders(), where: `action ${endpoint.id}`, fieldPaths: "full" });
    if (!outcome.ok) return { ok: false, message: outcome.refusal.message, fieldErrors: outcome.refusal.fieldErrors, answeredAt: Date.now() };
    const result = done(outcome.value, outcome.input);
    if (result.redirectTo) redirect(result.redirectTo);
    return { ...result, answeredAt: Date.now() };
  };
  return markServed(action, endpoint);
}
