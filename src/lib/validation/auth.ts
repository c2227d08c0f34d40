import { z } from "@/lib/validation/zod";

export const signInSchema = z.object({
  email: z.string().trim().min(1, "Ange din e-postadress.").max(320).pipe(z.email("Ange en giltig e-postadress.")),
  password: z.string().min(1, "Ange ditt lösenord.").max(1024, "Lösenordet är för långt."),
});
export type SignInInput = z.infer<typeof signInSchema>;
