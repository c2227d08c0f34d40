import { z } from "@/lib/validation/zod";

export const signInSchema = z.object({
  email: z.string().trim().min(1, "Ange din e-postadress.").max(320).pipe(z.email("Ange en giltig e-postadress.")),
  password: z.string().min(1, "Ange ditt lösenord.").max(1024, "Lösenordet är för långt."),
});
export type SignInInput = z.infer<typeof signInSchema>;

/** A code from the authenticator app (6 digits) or a recovery code ("xxxxx-xxxxx"); spaces and hyphens allowed. */
const secondFactorCode = z
  .string()
  .trim()
  .min(1, "Skriv koden från appen.")
  .max(40, "Koden är för lång.")
  .refine((c) => /^\d{6}$/.test(c.replace(/[\s-]/g, "")) || /^[a-z0-9]{10}$/i.test(c.replace(/[\s-]/g, "")), "Skriv den sexsiffriga koden från appen, eller en reservkod (tio tecken).");

/** The second sign-in step. callbackUrl is where to go next (checked by safePath). */
export const secondFactorSchema = z.object({
  code: secondFactorCode,
  callbackUrl: z.string().max(2000).optional(),
});

/** Confirming a new authenticator app: the sealed enrolment token of the form and the code the app shows. */
export const totpEnrolSchema = z.object({
  enrolment: z.string().min(1, "Ladda om sidan och försök igen.").max(1000, "Ladda om sidan och försök igen."),
  code: z
    .string()
    .trim()
    .min(1, "Skriv koden från appen.")
    .max(20, "Koden är för lång.")
    .refine((c) => /^\d{6}$/.test(c.replace(/[\s-]/g, "")), "Skriv den sexsiffriga koden som appen visar."),
});

/** An administrator resets another person's TOTP. */
export const totpResetSchema = z.object({
  id: z.uuid("Okänd post."),
  confirm: z.literal("ja", "Bekräfta att du har kontrollerat att det är personen själv som ber om det."),
});

// The recovery codes travel to the browser once, in the answer of the action that
// made them (an ActionState carries a message only); the form shows them as a list.

export const RECOVERY_CODES_INTRO = "Tvåstegsverifiering är på. Spara reservkoderna nu, de visas bara en gång. Varje kod fungerar en gång om du inte har telefonen:";

export const recoveryCodesMessage = (codes: string[]) => `${RECOVERY_CODES_INTRO} ${codes.join(", ")}.`;

/** The codes in an answer made by recoveryCodesMessage, or [] for any other message. */
export function recoveryCodesIn(message: string | undefined): string[] {
  if (!message?.startsWith(RECOVERY_CODES_INTRO)) return [];
  return message.slice(RECOVERY_CODES_INTRO.length).match(/[a-z0-9]{5}-[a-z0-9]{5}/g) ?? [];
}
