// Every server action goes through runAction: it reads the actor on the server,
// validates the input with the shared zod schema, runs the domain function and
// turns known failures into a Swedish message. A failed action changes nothing.
import "server-only";
import type { z } from "zod";
import type { PrismaClient } from "@/generated/prisma/client";
import { getActor } from "@/server/auth/actor";
import { getPrisma } from "@/server/db";
import { ForbiddenError, NotFoundError, type Actor } from "@/server/permissions";
import { ConflictError } from "@/server/uppdrag/change-status";
import { UserFacingError } from "@/server/user-error";
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

function formValues(formData: FormData): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of formData.entries()) if (typeof v === "string" && !k.startsWith("$ACTION")) out[k] = v;
  return out;
}

export async function runAction<S extends z.ZodType>(
  schema: S,
  formData: FormData,
  handler: (prisma: PrismaClient, actor: Actor, input: z.output<S>) => Promise<string>,
): Promise<ActionState> {
  return { ...(await answer(schema, formData, handler)), answeredAt: Date.now() };
}

async function answer<S extends z.ZodType>(
  schema: S,
  formData: FormData,
  handler: (prisma: PrismaClient, actor: Actor, input: z.output<S>) => Promise<string>,
): Promise<ActionState> {
  const values = formValues(formData);
  const actor = await getActor();
  if (!actor) return { ok: false, message: "Du är inte inloggad längre. Logga in igen.", values };
  const parsed = schema.safeParse(values);
  if (!parsed.success) {
    const fieldErrors: Record<string, string[]> = {};
    for (const issue of parsed.error.issues) (fieldErrors[String(issue.path[0] ?? "form")] ??= []).push(issue.message);
    return { ok: false, message: "Rätta uppgifterna som är markerade.", fieldErrors, values };
  }
  try {
    const message = await handler(await getPrisma(), actor, parsed.data);
    return { ok: true, message };
  } catch (err) {
    if (err instanceof ForbiddenError) return { ok: false, message: "Du har inte behörighet att göra den ändringen.", values };
    if (err instanceof NotFoundError) return { ok: false, message: "Uppgiften finns inte, eller så har du inte tillgång till den.", values };
    if (err instanceof UserFacingError) return { ok: false, message: err.message, values };
    if (err instanceof ConflictError) {
      const c = err.current;
      const who = c.authorName ? ` av ${c.authorName}` : "";
      const when = c.at ? ` ${formatDateTime(c.at)}` : "";
      return {
        ok: false,
        message: `Någon annan har ändrat uppdraget medan du arbetade: status är nu ”${STATUS_LABEL[c.status]}”${who}${when}${c.comment ? ` med kommentaren ”${c.comment}”` : ""}. Din ändring är inte sparad. Läs den nya uppgiften och spara igen om din ändring fortfarande gäller.`,
        values,
      };
    }
    console.error("action failed", err);
    return { ok: false, message: "Något gick fel och ingenting sparades. Försök igen om en stund.", values };
  }
}
