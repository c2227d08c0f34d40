"use server";
// Keeping one uppdrag out of the open public view, or showing it again (administrators).
import { revalidatePath } from "next/cache";
import { serveAction } from "@/server/entry/action";
import { setPubliclyHiddenEndpoint } from "@/server/public/endpoints";

export const setPubliclyHiddenAction = serveAction(setPubliclyHiddenEndpoint, (_r, input) => {
  revalidatePath(`/uppdrag/${input.uppdragId}`);
  return input.hidden
    ? "Uppdraget är dolt i den öppna redovisningen. Det kan synas där i någon minut till (sidorna får sparas i cache)."
    : "Uppdraget visas i den öppna redovisningen igen.";
});
