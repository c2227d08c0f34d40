"use server";
// Följ / Sluta följa on the motion page (issue #17): serves reminders.followMotion.
import { revalidatePath } from "next/cache";
import { serveAction } from "@/server/entry/action";
import { followMotionEndpoint } from "@/server/reminders/endpoints";

export const followMotionAction = serveAction(followMotionEndpoint, (following, input) => {
  revalidatePath(`/motioner/${input.motionId}`);
  return following ? "Du följer motionen. Ändringar kommer i din veckosammanställning." : "Du följer inte längre motionen.";
});
