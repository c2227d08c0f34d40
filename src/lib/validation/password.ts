// The password policy, one place for every form that sets a password (an
// administrator's initial password, the one-time link, Mitt konto) and for the
// server: at least 12 characters, not the e-mail address or the name, not in
// the common-password list that @zxcvbn-ts/language-common ships (offline),
// and not easy to guess from such words (zxcvbn score 3 of 4 or more).
import { ZxcvbnFactory } from "@zxcvbn-ts/core";
import { adjacencyGraphs, dictionary } from "@zxcvbn-ts/language-common";
import { z } from "@/lib/validation/zod";

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 256;
/** zxcvbn's score (0–4) a password must reach. */
export const PASSWORD_MIN_SCORE = 3;

let checker: ZxcvbnFactory | undefined;
let commonSet: Set<string> | undefined;
function zxcvbn() {
  checker ??= new ZxcvbnFactory({ dictionary, graphs: adjacencyGraphs });
  commonSet ??= new Set(dictionary["passwords-common"].map((p) => p.toLowerCase()));
  return { checker, commonSet };
}

/** The Swedish reason a password is refused, or null when it meets the policy. */
export function passwordProblem(password: string, personal: { email?: string | null; name?: string | null } = {}): string | null {
  if (password.length < PASSWORD_MIN_LENGTH) return `Lösenordet måste ha minst ${PASSWORD_MIN_LENGTH} tecken.`;
  if (password.length > PASSWORD_MAX_LENGTH) return `Lösenordet får ha högst ${PASSWORD_MAX_LENGTH} tecken.`;
  const lower = password.toLowerCase();
  const email = personal.email?.trim().toLowerCase();
  if (email && (lower === email || lower.includes(email) || (email.split("@")[0].length >= 4 && lower.includes(email.split("@")[0]))))
    return "Lösenordet får inte vara eller innehålla din e-postadress.";
  const { checker, commonSet } = zxcvbn();
  if (commonSet.has(lower)) return "Lösenordet finns i listan över vanliga och läckta lösenord. Välj ett annat.";
  const inputs = [email, ...(personal.name ?? "").split(/\s+/)].filter((s): s is string => !!s && s.length >= 3);
  const result = checker.check(password.slice(0, 100), inputs);
  if (result.score < PASSWORD_MIN_SCORE) {
    const common = result.sequence.some((m) => m.pattern === "dictionary" && m.dictionaryName === "passwords-common");
    return common
      ? "Lösenordet bygger på vanliga och läckta lösenord och är lätt att gissa. Välj ett längre lösenord, gärna flera ovanliga ord."
      : "Lösenordet är för lätt att gissa. Välj ett längre lösenord, gärna flera ovanliga ord.";
  }
  return null;
}

/**
 * A new password: the policy as a zod schema, used by every form that sets one.
 * The server checks again with the person's e-mail and name (setUserPassword).
 */
export const newPasswordSchema = z
  .string("Ange ett lösenord.")
  .max(PASSWORD_MAX_LENGTH * 4, "Lösenordet är för långt.")
  .superRefine((pw, ctx) => {
    const problem = passwordProblem(pw);
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  });

/** Choosing a password with a confirmation field (the one-time link and Mitt konto). */
export const choosePasswordFields = {
  password: newPasswordSchema,
  passwordRepeat: z.string("Upprepa lösenordet."),
};
export const repeatMatches = (v: { password: string; passwordRepeat: string }, ctx: z.RefinementCtx) => {
  if (v.passwordRepeat !== v.password) ctx.addIssue({ code: "custom", message: "Lösenorden är inte lika.", path: ["passwordRepeat"] });
};
