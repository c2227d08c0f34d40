"use server";
import { runAction, type ActionState } from "@/server/action";
import { z } from "@/lib/validation/zod";
import { changeOwnPasswordSchema, passwordLinkSchema } from "@/lib/validation/admin";
import { changeOwnPassword, signOutEverywhere, redeemPasswordLink } from "@/server/admin/users";
import { getSessionId } from "@/server/auth/actor";
import { getPrisma } from "@/server/db";
import { RefusedError } from "@/server/errors";

export async function changeOwnPasswordAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return runAction(changeOwnPasswordSchema, formData, async (prisma, actor, input) => {
    await changeOwnPassword(prisma, actor, { currentPassword: input.currentPassword, password: input.password, sessionId: await getSessionId() });
    return "Ditt lösenord är bytt. Du är utloggad på alla andra enheter.";
  });
}

export async function signOutEverywhereAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return runAction(z.object({}), formData, async (prisma, actor) => {
    await signOutEverywhere(prisma, actor);
    return { redirectTo: "/logga-in?utloggad=alla" };
  });
}

/** The one-time link's page: no one is signed in; the link itself authorises. */
export async function choosePasswordAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const input = Object.fromEntries([...formData.entries()].filter(([k, v]) => typeof v === "string" && !k.startsWith("$ACTION")));
  const parsed = passwordLinkSchema.safeParse(input);
  const answeredAt = Date.now();
  if (!parsed.success) {
    const fieldErrors: Record<string, string[]> = {};
    for (const issue of parsed.error.issues) (fieldErrors[String(issue.path[0] ?? "form")] ??= []).push(issue.message);
    return { ok: false, message: "Rätta uppgifterna som är markerade.", fieldErrors, answeredAt };
  }
  try {
    const { email } = await redeemPasswordLink(await getPrisma(), parsed.data.token, parsed.data.password);
    return { ok: true, message: `Lösenordet är sparat. Logga in med ${email} och ditt nya lösenord.`, answeredAt };
  } catch (err) {
    if (err instanceof RefusedError)
      return err.field ? { ok: false, message: "Rätta uppgifterna som är markerade.", fieldErrors: { [err.field]: [err.message] }, answeredAt } : { ok: false, message: err.message, answeredAt };
    console.error("password link failed", err);
    return { ok: false, message: "Något gick fel och ingenting sparades. Försök igen om en stund.", answeredAt };
  }
}
