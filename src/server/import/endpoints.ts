// The list import's endpoint (POST /import/fil): preview ("granska") or confirm
// ("importera") an uploaded list, declared once (src/server/entry/endpoint.ts).
// The file is read again on every step; the gate has checked the origin, the
// session and the permission before it is read.
import "server-only";
import { z } from "@/lib/validation/zod";
import { importRequestSchema } from "@/lib/validation/import";
import { countPhrase, suggestMapping, type ImportField, type Mapping } from "@/lib/import/columns";
import { formatNumber } from "@/lib/dates";
import { defineEndpoint, type Refusal } from "@/server/entry/endpoint";
import { ForbiddenError, NotFoundError } from "@/server/permissions";
import { ConflictError } from "@/server/uppdrag/change-status";
import { FileRefused, MAX_IMPORT_BYTES, readTable } from "./read-file";
import { buildPlan, sha256, type PlanRow, type RowAction } from "./plan";
import { applyImport, StalePlanError, type ImportResult } from "./apply";

/** What POST /import/fil answers; a refusal is `{ ok: false, message, fieldErrors? }` (src/server/entry/route.ts). */
export type ImportResponse =
  | { ok: false; message: string; fieldErrors?: Record<string, string[]> }
  | {
      ok: true;
      step: "granska";
      fileName: string;
      note: string;
      headers: string[];
      mapping: Mapping;
      missing: ImportField[];
      counts: Record<RowAction, number>;
      rows: PlanRow[];
      token: string;
    }
  | { ok: true; step: "importera"; message: string; result: ImportResult };

const TOO_LARGE = "Filen är för stor. Största tillåtna storlek är 5 MB.";

/** A request the import refuses with its own status and words. */
class ImportRefused extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = "ImportRefused";
  }
}

export const importInputSchema = importRequestSchema.extend({
  // An empty token field is no token.
  token: z.preprocess((v) => (v === "" ? undefined : v), importRequestSchema.shape.token),
  file: z.instanceof(File, { error: "Välj en fil att importera." }).refine((f) => f.size > 0, "Välj en fil att importera."),
});

export const importEndpoint = defineEndpoint({
  id: "import.upload",
  input: importInputSchema,
  permission: "uppdrag:import",
  // Rows of a body the actor may not import into are refused row by row (plan.ts, apply.ts).
  scope: "some-record",
  mutates: true,
  run: async ({ db, actor, input }): Promise<Exclude<ImportResponse, { ok: false }>> => {
    const { file } = input;
    if (file.size > MAX_IMPORT_BYTES) throw new ImportRefused(413, TOO_LARGE);
    const bytes = new Uint8Array(await file.arrayBuffer());
    const table = await readTable(file.name, bytes);
    const hash = sha256(bytes);
    const mapping = input.mapping ?? suggestMapping(table.headers);
    for (const i of Object.values(mapping)) if (i >= table.headers.length) throw new ImportRefused(400, "Kolumnvalet passar inte filen. Läs in filen igen.");

    if (input.step === "granska") {
      const plan = await buildPlan(db, actor, table, mapping, hash);
      return {
        ok: true,
        step: "granska",
        fileName: file.name,
        note: table.note,
        headers: table.headers,
        mapping,
        missing: plan.missing,
        counts: plan.counts,
        rows: plan.rows,
        token: plan.token,
      };
    }
    if (!input.token) throw new ImportRefused(400, "Förhandsgranska filen innan du importerar.");
    const result = await applyImport(db, actor, { name: file.name, hash, table }, mapping, input.token);
    const parts = [
      countPhrase(result.created, "nytt uppdrag", "nya uppdrag"),
      countPhrase(result.statusChanged, "ny status", "nya statusar"),
      `${formatNumber(result.existing)} fanns redan`,
      countPhrase(result.invalid, "rad med fel importerades inte", "rader med fel importerades inte"),
    ];
    return { ok: true, step: "importera", message: `Importen är klar: ${parts.join(", ")}.`, result };
  },
  refusal: (err): Refusal | undefined => {
    if (err instanceof ImportRefused) return { status: err.status, message: err.message };
    if (err instanceof FileRefused) return { status: 400, message: err.message };
    if (err instanceof StalePlanError)
      return { status: 409, message: "Något har ändrats sedan förhandsgranskningen (filen, kolumnvalet eller uppdragen). Ingenting importerades. Granska igen och bekräfta på nytt." };
    if (err instanceof ConflictError) return { status: 409, message: "Någon annan ändrade ett av uppdragen under importen. Ingenting importerades. Granska igen och bekräfta på nytt." };
    if (err instanceof ForbiddenError) return { status: 403, message: "Du har inte behörighet att importera alla raderna. Ingenting importerades." };
    if (err instanceof NotFoundError) return { status: 404, message: "Ett uppdrag i filen finns inte längre. Ingenting importerades. Granska igen." };
    return undefined;
  },
});
