"use server";
// Följ / Sluta följa on the uppdrag page (issue #17): serves reminders.followUppdrag.
import { revalidatePath } from "next/cache";
import { serveAction } from "@/server/entry/action";
import { followUppdragEndpoint } from "@/server/reminders/endpoints";

export const followUppdragAction = serveAction(followUppdragEndpoint, (following, input) => {
  revalidatePath(`/uppdrag/${input.uppdragId}`);
  return following ? "Du följer uppdraget. Ändringar kommer i din veckosammanställning." : "Du följer inte längre uppdraget.";
});
