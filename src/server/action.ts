// Every server action goes through runAction: it reads the actor on the server,
// validates the input with the shared zod schema, runs the domain function and
// turns known failures into a Swedish message. A failed action changes nothing.
import "server-only";
import { redirect } from "next/navigation";
import { CONTROL_CHARACTER_MESSAGE, controlCharacterPath } from "@/lib/validation/text";
import { headers } from "next/headers";
import { recordRefusal } from "@/server/audit";
import type { z } from "zod";
import type { PrismaClient } from "@/generated/prisma/client";
import { getActor } from "@/server/auth/actor";
import { getPrisma } from "@/server/db";
import { ForbiddenError, NotFoundError, type Actor } from "@/server/permissions";
import { ConflictError } from "@/server/uppdrag/change-status";
import { RefusedError, StaleRecordError } from "@/server/errors";
import { STATUS_LABEL } from "@/lib/status";
import { formatDateTime } from "@/lib/dates";

export interface ActionState {
  ok: boolean;
  message?: string;
  fieldErrors?: Record<string, string[]>;
  /** Submitted values, to refill the form after an error. */
  values?: Record<string, string>;
  /** Changes on every answer: forms key their fields on it to re-mount with `values`. */
  answeredAt?: number;
}

/** The form's text fields; a name given more than once (checkboxes) becomes a list. */
function formInput(formData: FormData): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [k, v] of formData.entries()) {
    if (typeof v !== "string" || k.startsWith("$ACTION")) continue;
    const seen = out[k];
    out[k] = seen === undefined ? v : Array.isArray(seen) ? [...seen, v] : [seen, v];
  }
  return out;
}

/** Fields never sent back to the browser to refill a form. */
const SECRET_FIELD = /password/i;

/** The submitted values to refill the form with (lists joined with commas; passwords left out). */
function formValues(input: Record<string, string | string[]>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(input)
      .filter(([k]) => !SECRET_FIELD.test(k))
      .map(([k, v]) => [k, Array.isArray(v) ? v.join(",") : v]),
  );
}

/** Where a server action was called from (the page), for the log of refused requests. */
async function actionOrigin(): Promise<string> {
  try {
    const referer = (await headers()).get("referer");
    return `action ${referer ? new URL(referer).pathname : "okänd sida"}`;
  } catch {
    return "action";
  }
}

/** What a handler answers: a message, or a page to go to after success. */
type HandlerResult = string | { redirectTo: string };
type Handler<S extends z.ZodType> = (prisma: PrismaClient, actor: Actor, input: z.output<S>) => Promise<HandlerResult>;

export async function runAction<S extends z.ZodType>(schema: S, formData: FormData, handler: Handler<S>): Promise<ActionState> {
  const result = await answer(schema, formData, handler);
  // Outside answer's try: redirect() works by throwing.
  if (result.redirectTo) redirect(result.redirectTo);
  return { ...result, answeredAt: Date.now() };
}

async function answer<S extends z.ZodType>(schema: S, formData: FormData, handler: Handler<S>): Promise<ActionState & { redirectTo?: string }> {
  const input = formInput(formData);
  const values = formValues(input);
  const actor = await getActor();
  if (!actor) return { ok: false, message: "Du är inte inloggad längre. Logga in igen.", values };
  const control = controlCharacterPath(input);
  if (control !== null) {
    const field = control.split(".")[0];
    return { ok: false, message: "Rätta uppgifterna som är markerade.", fieldErrors: { [field]: [CONTROL_CHARACTER_MESSAGE] }, values: { ...values, [field]: "" } };
  }
  const parsed = schema.safeParse(input);
  if (!parsed.success) {
    const fieldErrors: Record<string, string[]> = {};
    for (const issue of parsed.error.issues) (fieldErrors[String(issue.path[0] ?? "form")] ??= []).push(issue.message);
    return { ok: false, message: "Rätta uppgifterna som är markerade.", fieldErrors, values };
  }
  try {
    const result = await handler(await getPrisma(), actor, parsed.data);
    return typeof result === "string" ? { ok: true, message: result } : { ok: true, redirectTo: result.redirectTo };
  } catch (err) {
    if (err instanceof RefusedError)
      return err.field
        ? { ok: false, message: "Rätta uppgifterna som är markerade.", fieldErrors: { [err.field]: [err.message] }, values }
        : { ok: false, message: err.message, values };
    if (err instanceof ForbiddenError || err instanceof NotFoundError) {
      const forbidden = err instanceof ForbiddenError;
      await recordRefusal(await getPrisma(), actor, { reason: forbidden ? "forbidden" : "not-found", permission: forbidden ? err.permission : undefined, where: await actionOrigin() });
    }
    return { ok: false, message: failureMessage(err), values };
  }
}

/** The Swedish message for a failed action; unexpected errors are logged. */
export function failureMessage(err: unknown): string {
  if (err instanceof ForbiddenError) return "Du har inte behörighet att göra den ändringen.";
  if (err instanceof NotFoundError) return "Uppgiften finns inte, eller så har du inte tillgång till den.";
  if (err instanceof RefusedError) return err.message;
  if (err instanceof StaleRecordError)
    return `Någon annan har ändrat ${err.what} medan du arbetade. Din ändring är inte sparad. Ladda om sidan, läs de nya uppgifterna och gör ändringen igen om den fortfarande behövs.`;
  if (err instanceof ConflictError) {
    const c = err.current;
    const who = c.authorName ? ` av ${c.authorName}` : "";
    const when = c.at ? ` ${formatDateTime(c.at)}` : "";
    return `Någon annan har ändrat uppdraget medan du arbetade: status är nu ”${STATUS_LABEL[c.status]}”${who}${when}${c.comment ? ` med kommentaren ”${c.comment}”` : ""}. Din ändring är inte sparad. Läs den nya uppgiften och spara igen om din ändring fortfarande gäller.`;
  }
  console.error("action failed", err);
  return "Något gick fel och ingenting sparades. Försök igen om en stund.";
}
