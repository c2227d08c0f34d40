"use server";
import { revalidatePath } from "next/cache";
import { serveObjectAction, type ActionState } from "@/server/entry/action";
import { registerMeetingEndpoint } from "@/server/meetings/endpoints";

/** The answer to the register form; field errors are keyed by path: "date", "paragraphs.0.number", "paragraphs.1.uppdrag.0.unitId". */
export type RegisterMeetingState = ActionState & { meetingId?: string };

/**
 * Saves the reviewed form. The input is the form's state as it stands (strings);
 * it is validated here again with the form's schema. Nothing is saved unless
 * everything is valid and no § is taken.
 */
export const registerMeetingAction = serveObjectAction(registerMeetingEndpoint, (r) => {
  revalidatePath("/moten");
  revalidatePath(`/moten/${r.meetingId}`);
  revalidatePath("/uppdrag");
  revalidatePath("/statusrunda");
  const p = r.paragraphIds.length;
  const u = r.uppdragIds.length;
  const answer: RegisterMeetingState = {
    ok: true,
    meetingId: r.meetingId,
    message: `${r.meetingCreated ? "Sammanträdet är registrerat" : "Paragraferna är tillagda i sammanträdet"} med ${p} ${p === 1 ? "paragraf" : "paragrafer"} och ${u} ${u === 1 ? "uppdrag" : "uppdrag"}.`,
  };
  return answer;
}) as (input: unknown) => Promise<RegisterMeetingState>;
