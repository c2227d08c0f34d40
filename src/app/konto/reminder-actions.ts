"use server";
// Mitt konto → Påminnelser (issue #17): serves account.saveReminderPreferences.
import { revalidatePath } from "next/cache";
import { serveAction } from "@/server/entry/action";
import { saveReminderPreferencesEndpoint } from "@/server/reminders/endpoints";

export const saveReminderPreferencesAction = serveAction(saveReminderPreferencesEndpoint, () => {
  revalidatePath("/konto");
  return "Dina val av påminnelser är sparade.";
});
