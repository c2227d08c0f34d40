// Calendar dates typed as "YYYY-MM-DD" (date inputs, URLs): shared by the schemas.
import { z } from "@/lib/validation/zod";
import { parseIsoDate } from "@/lib/dates";

/** An optional date: empty or missing is undefined, anything else must be a real date. */
export const optionalIsoDate = z
  .string()
  .trim()
  .optional()
  .transform((s, ctx) => {
    if (!s) return undefined;
    const d = parseIsoDate(s);
    if (!d) {
      ctx.addIssue({ code: "custom", message: "Ange datumet som ÅÅÅÅ-MM-DD." });
      return z.NEVER;
    }
    return d;
  });
