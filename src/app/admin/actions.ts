"use server";
// Server actions of the administration pages: each serves an endpoint declared
// in src/server/admin/endpoints.ts (admin:manage for the municipality).
import { revalidatePath } from "next/cache";
import { serveAction } from "@/server/entry/action";
import {
  addBodyAssignmentEndpoint,
  anonymizeUserEndpoint,
  createBodyEndpoint,
  createUnitEndpoint,
  deactivateUserEndpoint,
  inviteUserEndpoint,
  passwordLinkEndpoint,
  reactivateUserEndpoint,
  removeBodyAssignmentEndpoint,
  removeLogoEndpoint,
  resetTotpEndpoint,
  saveSettingsEndpoint,
  savePublicViewEndpoint,
  updateBodyEndpoint,
  updateUnitEndpoint,
  updateUserEndpoint,
  uploadLogoEndpoint,
} from "@/server/admin/endpoints";
import { PASSWORD_LINK_DAYS } from "@/server/admin/users";

/** The address of a one-time link, as the person will open it. */
function passwordLinkUrl(token: string) {
  const base = (process.env.NEXTAUTH_URL ?? "").replace(/\/$/, "");
  return `${base}/valj-losenord/${token}`;
}
const linkMessage = (token: string) =>
  `Skicka den här engångslänken till personen. Den gäller i ${PASSWORD_LINK_DAYS} dagar och visas bara nu: ${passwordLinkUrl(token)}`;

const refreshUser = (id: string) => {
  revalidatePath("/admin/anvandare");
  revalidatePath(`/admin/anvandare/${id}`);
};

export const createBodyAction = serveAction(createBodyEndpoint, (_r, input) => {
  revalidatePath("/admin/organ");
  return `Organet ${input.name} är skapat.`;
});

export const updateBodyAction = serveAction(updateBodyEndpoint, (_r, input) => {
  revalidatePath("/admin/organ");
  revalidatePath(`/admin/organ/${input.id}`);
  revalidatePath("/uppdrag");
  return "Organet är sparat.";
});

export const addBodyAssignmentAction = serveAction(addBodyAssignmentEndpoint, (_r, input) => {
  revalidatePath(`/admin/organ/${input.bodyId}`);
  return input.role === "SECRETARY" ? "Sekreteraren är tillagd." : "Ledamoten är tillagd.";
});

export const removeBodyAssignmentAction = serveAction(removeBodyAssignmentEndpoint, (_r, input) => {
  revalidatePath(`/admin/organ/${input.bodyId}`);
  return "Borttagen ur organet.";
});

export const createUnitAction = serveAction(createUnitEndpoint, (_r, input) => {
  revalidatePath("/admin/enheter");
  return `Enheten ${input.name} är skapad.`;
});

export const updateUnitAction = serveAction(updateUnitEndpoint, (_r, input) => {
  revalidatePath("/admin/enheter");
  revalidatePath(`/admin/enheter/${input.id}`);
  revalidatePath("/uppdrag");
  return "Enheten är sparad.";
});

export const inviteUserAction = serveAction(inviteUserEndpoint, ({ token }, input) => {
  revalidatePath("/admin/anvandare");
  return token ? `${input.name} har fått ett konto. ${linkMessage(token)}` : `${input.name} har fått ett konto med det angivna startlösenordet.`;
});

export const updateUserAction = serveAction(updateUserEndpoint, (_r, input) => {
  refreshUser(input.id);
  return "Uppgifterna är sparade.";
});

export const deactivateUserAction = serveAction(deactivateUserEndpoint, (_r, input) => {
  refreshUser(input.id);
  return "Kontot är inaktiverat och alla personens inloggningar har avslutats.";
});

export const reactivateUserAction = serveAction(reactivateUserEndpoint, (_r, input) => {
  refreshUser(input.id);
  return "Kontot är aktiverat igen.";
});

export const anonymizeUserAction = serveAction(anonymizeUserEndpoint, (_r, input) => {
  refreshUser(input.id);
  return "Personen är anonymiserad. Historiken finns kvar under namnet ”Anonymiserad användare”.";
});

export const passwordLinkAction = serveAction(passwordLinkEndpoint, (token) => `En ny engångslänk är skapad; tidigare länkar fungerar inte längre. ${linkMessage(token)}`);

export const resetTotpAction = serveAction(resetTotpEndpoint, (_r, input) => {
  refreshUser(input.id);
  return "Tvåstegsverifieringen är avstängd och reservkoderna borttagna. Personen lägger till appen på nytt: en administratör vid nästa inloggning, andra under Mitt konto.";
});

export const saveSettingsAction = serveAction(saveSettingsEndpoint, () => {
  revalidatePath("/", "layout");
  return "Inställningarna är sparade.";
});

export const savePublicViewAction = serveAction(savePublicViewEndpoint, (_r, input) => {
  revalidatePath("/admin/installningar");
  return input.publicView === "on" ? "Den öppna vyn är på och visar det som är valt." : "Den öppna vyn är avstängd: sidorna och öppna data svarar att de inte finns.";
});

export const uploadLogoAction = serveAction(uploadLogoEndpoint, () => {
  revalidatePath("/", "layout");
  return "Logotypen är sparad och visas i sidhuvudet.";
});

export const removeLogoAction = serveAction(removeLogoEndpoint, () => {
  revalidatePath("/", "layout");
  return "Logotypen är borttagen.";
});
