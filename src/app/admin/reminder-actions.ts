"use server";
// The administration's part of the reminders (issue #17): deactivating a person
// with a handover of their open uppdrag and motions, and, in demo mode, sending
// the reminders now. Each serves an endpoint of src/server/reminders/endpoints.ts.
import { revalidatePath } from "next/cache";
import { serveAction } from "@/server/entry/action";
import { handoverEndpoint, sendRemindersNowEndpoint } from "@/server/reminders/endpoints";

export const handoverAction = serveAction(handoverEndpoint, (moved, input) => {
  revalidatePath("/admin/anvandare");
  revalidatePath(`/admin/anvandare/${input.id}`);
  return `Kontot är inaktiverat. ${moved.uppdrag} uppdrag och ${moved.motions} motioner har lämnats över.`;
});

export const sendRemindersNowAction = serveAction(sendRemindersNowEndpoint, ({ sent, failed }) => {
  revalidatePath("/admin/utkorg");
  return `${sent} ${sent === 1 ? "sammanställning skickad" : "sammanställningar skickade"}${failed ? `, ${failed} misslyckades (försöks igen senare)` : ""}.`;
});
