"use server";
import { revalidatePath } from "next/cache";
import { getActor } from "@/server/auth/actor";
import { getPrisma } from "@/server/db";
import { failureMessage } from "@/server/action";
import { DuplicateParagraphError, registerMeeting } from "@/server/meetings/register-meeting";
import { fieldErrorsOf, registerMeetingSchema } from "@/lib/validation/meeting";
import { formatDate } from "@/lib/dates";
import { CONTROL_CHARACTER_MESSAGE, controlCharacterPath } from "@/lib/validation/text";

export interface RegisterMeetingState {
  ok: boolean;
  message?: string;
  /** Keyed by path: "date", "paragraphs.0.number", "paragraphs.1.uppdrag.0.unitId". */
  fieldErrors?: Record<string, string>;
  meetingId?: string;
}

/**
 * Saves the reviewed form. The input is the form's state as it stands (strings);
 * it is validated here again with the form's schema. Nothing is saved unless
 * everything is valid and no § is taken.
 */
export async function registerMeetingAction(input: unknown): Promise<RegisterMeetingState> {
  const actor = await getActor();
  if (!actor) return { ok: false, message: "Du är inte inloggad längre. Logga in igen." };
  const control = controlCharacterPath(input);
  if (control !== null) return { ok: false, message: "Rätta uppgifterna som är markerade. Ingenting är sparat.", fieldErrors: { [control]: CONTROL_CHARACTER_MESSAGE } };
  const parsed = registerMeetingSchema.safeParse(input);
  if (!parsed.success) return { ok: false, message: "Rätta uppgifterna som är markerade. Ingenting är sparat.", fieldErrors: fieldErrorsOf(parsed.error) };
  try {
    const r = await registerMeeting(await getPrisma(), actor, parsed.data);
    revalidatePath("/moten");
    revalidatePath(`/moten/${r.meetingId}`);
    revalidatePath("/uppdrag");
    revalidatePath("/statusrunda");
    const p = r.paragraphIds.length;
    const u = r.uppdragIds.length;
    return {
      ok: true,
      meetingId: r.meetingId,
      message: `${r.meetingCreated ? "Sammanträdet är registrerat" : "Paragraferna är tillagda i sammanträdet"} med ${p} ${p === 1 ? "paragraf" : "paragrafer"} och ${u} ${u === 1 ? "uppdrag" : "uppdrag"}.`,
    };
  } catch (err) {
    if (err instanceof DuplicateParagraphError) {
      const fieldErrors: Record<string, string> = {};
      for (const t of err.taken) {
        const i = parsed.data.paragraphs.findIndex((p) => p.number === t.number);
        fieldErrors[`paragraphs.${i}.number`] = `§ ${t.number} är redan registrerad för ${err.bodyShortName} ${err.year} (sammanträdet ${formatDate(t.meetingDate)}).`;
      }
      const numbers = err.taken.map((t) => `§ ${t.number}`).join(", ");
      return { ok: false, message: `${numbers} är redan registrerad för ${err.bodyShortName} ${err.year}. Ändra numret eller ta bort paragrafen. Ingenting är sparat.`, fieldErrors };
    }
    return { ok: false, message: failureMessage(err) };
  }
}
