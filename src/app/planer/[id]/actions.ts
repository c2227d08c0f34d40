"use server";
import { revalidatePath } from "next/cache";
import { serveAction } from "@/server/entry/action";
import { closeOccasionEndpoint, createOccasionEndpoint, saveFollowUpEndpoint } from "@/server/plan/endpoints";

export const saveFollowUpAction = serveAction(saveFollowUpEndpoint, ({ changed }) => {
  revalidatePath("/planer", "layout");
  return changed === 0 ? "Inga ändringar att spara." : `Sparat (${changed} ${changed === 1 ? "ändring" : "ändringar"}).`;
});

export const closeOccasionAction = serveAction(closeOccasionEndpoint, () => {
  revalidatePath("/planer", "layout");
  return "Uppföljningen är stängd. Uppgifterna kan inte längre ändras.";
});

export const createOccasionAction = serveAction(createOccasionEndpoint, (occ) => {
  revalidatePath("/planer", "layout");
  return `Uppföljningen ”${occ.name}” är skapad.`;
});
