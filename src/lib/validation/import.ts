// The import form's fields besides the file: which step, the column mapping the
// secretary chose, and the preview's token when confirming.
import { z } from "@/lib/validation/zod";
import { IMPORT_FIELDS, type Mapping } from "@/lib/import/columns";

const mappingSchema = z.partialRecord(z.enum(IMPORT_FIELDS), z.number().int().min(0).max(500));

export const importRequestSchema = z.object({
  step: z.enum(["granska", "importera"], "Okänt steg."),
  mapping: z
    .string()
    .optional()
    .transform((s, ctx): Mapping | undefined => {
      if (!s) return undefined;
      try {
        const parsed = mappingSchema.safeParse(JSON.parse(s));
        if (parsed.success) return parsed.data;
      } catch {
        // fall through to the message
      }
      ctx.addIssue({ code: "custom", message: "Kolumnvalet kunde inte läsas. Läs in filen igen." });
      return z.NEVER;
    }),
  token: z
    .string()
    .regex(/^[0-9a-f]{64}$/, "Förhandsgranska filen innan du importerar.")
    .optional(),
});
export type ImportRequest = z.output<typeof importRequestSchema>;
