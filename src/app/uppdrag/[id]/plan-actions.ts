"use server";
import { revalidatePath } from "next/cache";
import { serveAction } from "@/server/entry/action";
import { linkUppdragEndpoint, unlinkUppdragEndpoint } from "@/server/plan/endpoints";

export const linkUppdragAction = serveAction(linkUppdragEndpoint, (_link, input) => {
  revalidatePath(`/uppdrag/${input.uppdragId}`);
  revalidatePath("/planer", "layout");
  return "Kopplingen är sparad.";
});

export const unlinkUppdragAction = serveAction(unlinkUppdragEndpoint, (_r, input) => {
  revalidatePath(`/uppdrag/${input.uppdragId}`);
  revalidatePath("/planer", "layout");
  return "Kopplingen är borttagen.";
});
