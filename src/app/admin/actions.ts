"use server";
// Server actions of the administration pages. Each goes through runAction (the
// actor read on the server, the shared zod schema, Swedish messages) and a
// domain function in src/server/admin that checks admin:manage itself.
import { revalidatePath } from "next/cache";
import { runAction, type ActionState } from "@/server/action";
import { z } from "@/lib/validation/zod";
import {
  anonymizeUserSchema,
  bodyAssignmentSchema,
  createBodySchema,
  createUnitSchema,
  inviteUserSchema,
  logoSchema,
  settingsSchema,
  updateBodySchema,
  updateUnitSchema,
  updateUserSchema,
  userVersionSchema,
} from "@/lib/validation/admin";
import { addBodyAssignment, createBody, removeBodyAssignment, updateBody } from "@/server/admin/bodies";
import { createUnit, updateUnit } from "@/server/admin/units";
import { anonymizeUser, createPasswordLink, inviteUser, setUserActive, updateUser, PASSWORD_LINK_DAYS } from "@/server/admin/users";
import { removeLogo, setLogo, updateSettings } from "@/server/admin/settings";
import { RefusedError } from "@/server/errors";

/** The address of a one-time link, as the person will open it. */
function passwordLinkUrl(token: string) {
  const base = (process.env.NEXTAUTH_URL ?? "").replace(/\/$/, "");
  return `${base}/valj-losenord/${token}`;
}
const linkMessage = (token: string) =>
  `Skicka den här engångslänken till personen. Den gäller i ${PASSWORD_LINK_DAYS} dagar och visas bara nu: ${passwordLinkUrl(token)}`;

export async function createBodyAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return runAction(createBodySchema, formData, async (prisma, actor, input) => {
    await createBody(prisma, actor, input);
    revalidatePath("/admin/organ");
    return `Organet ${input.name} är skapat.`;
  });
}

export async function updateBodyAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return runAction(updateBodySchema, formData, async (prisma, actor, input) => {
    await updateBody(prisma, actor, input);
    revalidatePath("/admin/organ");
    revalidatePath(`/admin/organ/${input.id}`);
    revalidatePath("/uppdrag");
    return "Organet är sparat.";
  });
}

export async function addBodyAssignmentAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return runAction(bodyAssignmentSchema, formData, async (prisma, actor, input) => {
    await addBodyAssignment(prisma, actor, input);
    revalidatePath(`/admin/organ/${input.bodyId}`);
    return input.role === "SECRETARY" ? "Sekreteraren är tillagd." : "Ledamoten är tillagd.";
  });
}

export async function removeBodyAssignmentAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return runAction(bodyAssignmentSchema, formData, async (prisma, actor, input) => {
    await removeBodyAssignment(prisma, actor, input);
    revalidatePath(`/admin/organ/${input.bodyId}`);
    return "Borttagen ur organet.";
  });
}

export async function createUnitAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return runAction(createUnitSchema, formData, async (prisma, actor, input) => {
    await createUnit(prisma, actor, input);
    revalidatePath("/admin/enheter");
    return `Enheten ${input.name} är skapad.`;
  });
}

export async function updateUnitAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return runAction(updateUnitSchema, formData, async (prisma, actor, input) => {
    await updateUnit(prisma, actor, input);
    revalidatePath("/admin/enheter");
    revalidatePath(`/admin/enheter/${input.id}`);
    revalidatePath("/uppdrag");
    return "Enheten är sparad.";
  });
}

export async function inviteUserAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return runAction(inviteUserSchema, formData, async (prisma, actor, input) => {
    const { token } = await inviteUser(prisma, actor, input);
    revalidatePath("/admin/anvandare");
    return token ? `${input.name} har fått ett konto. ${linkMessage(token)}` : `${input.name} har fått ett konto med det angivna startlösenordet.`;
  });
}

export async function updateUserAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return runAction(updateUserSchema, formData, async (prisma, actor, input) => {
    await updateUser(prisma, actor, input);
    revalidatePath("/admin/anvandare");
    revalidatePath(`/admin/anvandare/${input.id}`);
    return "Uppgifterna är sparade.";
  });
}

export async function deactivateUserAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return runAction(userVersionSchema, formData, async (prisma, actor, input) => {
    await setUserActive(prisma, actor, input, false);
    revalidatePath("/admin/anvandare");
    revalidatePath(`/admin/anvandare/${input.id}`);
    return "Kontot är inaktiverat och alla personens inloggningar har avslutats.";
  });
}

export async function reactivateUserAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return runAction(userVersionSchema, formData, async (prisma, actor, input) => {
    await setUserActive(prisma, actor, input, true);
    revalidatePath("/admin/anvandare");
    revalidatePath(`/admin/anvandare/${input.id}`);
    return "Kontot är aktiverat igen.";
  });
}

export async function anonymizeUserAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return runAction(anonymizeUserSchema, formData, async (prisma, actor, input) => {
    await anonymizeUser(prisma, actor, input);
    revalidatePath("/admin/anvandare");
    revalidatePath(`/admin/anvandare/${input.id}`);
    return "Personen är anonymiserad. Historiken finns kvar under namnet ”Anonymiserad användare”.";
  });
}

export async function passwordLinkAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return runAction(z.object({ id: z.uuid("Okänd post.") }), formData, async (prisma, actor, input) => {
    const token = await createPasswordLink(prisma, actor, input);
    return `En ny engångslänk är skapad; tidigare länkar fungerar inte längre. ${linkMessage(token)}`;
  });
}

export async function saveSettingsAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return runAction(settingsSchema, formData, async (prisma, actor, input) => {
    await updateSettings(prisma, actor, input);
    revalidatePath("/", "layout");
    return "Inställningarna är sparade.";
  });
}

export async function uploadLogoAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return runAction(logoSchema, formData, async (prisma, actor, input) => {
    const file = formData.get("logo");
    if (!(file instanceof File) || file.size === 0) throw new RefusedError("Välj en PNG- eller SVG-fil.", "logo");
    await setLogo(prisma, actor, { expectedVersion: input.expectedVersion, bytes: new Uint8Array(await file.arrayBuffer()) });
    revalidatePath("/", "layout");
    return "Logotypen är sparad och visas i sidhuvudet.";
  });
}

export async function removeLogoAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return runAction(logoSchema, formData, async (prisma, actor, input) => {
    await removeLogo(prisma, actor, input);
    revalidatePath("/", "layout");
    return "Logotypen är borttagen.";
  });
}
