// POST /import/fil: preview ("granska") or confirm ("importera") an uploaded
// list. Checks the actor, the origin, the size and the type of the file before
// reading it, and answers in Swedish.
import "server-only";
import { NextResponse } from "next/server";
import { getActor } from "@/server/auth/actor";
import { getPrisma } from "@/server/db";
import { scopedClient } from "@/server/db/scoped";
import { canImportSome, ForbiddenError, NotFoundError } from "@/server/permissions";
import { ConflictError } from "@/server/uppdrag/change-status";
import { importRequestSchema } from "@/lib/validation/import";
import { countPhrase, suggestMapping, type ImportField, type Mapping } from "@/lib/import/columns";
import { formatNumber } from "@/lib/dates";
import { FileRefused, MAX_IMPORT_BYTES, readTable } from "./read-file";
import { buildPlan, sha256, type PlanRow, type RowAction } from "./plan";
import { applyImport, StalePlanError, type ImportResult } from "./apply";

export type ImportResponse =
  | { ok: false; message: string }
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

const hostOf = (url: string) => {
  try {
    return new URL(url).host;
  } catch {
    return null;
  }
};

const refuse = (message: string, status = 400) => NextResponse.json<ImportResponse>({ ok: false, message }, { status });

export async function handleImportRequest(req: Request): Promise<Response> {
  const actor = await getActor();
  if (!actor) return refuse("Du är inte inloggad längre. Logga in igen.", 401);
  if (!canImportSome(actor)) return refuse("Du har inte behörighet att importera uppdrag.", 403);
  // Same origin only: the session cookie alone must not be enough.
  const origin = req.headers.get("origin");
  const host = req.headers.get("x-forwarded-host") ?? req.headers.get("host") ?? new URL(req.url).host;
  if (!origin || hostOf(origin) !== host) return refuse("Begäran kom inte från Uppdragskollen.", 403);
  const length = Number(req.headers.get("content-length") ?? "0");
  if (length > MAX_IMPORT_BYTES + 64 * 1024) return refuse("Filen är för stor. Största tillåtna storlek är 5 MB.", 413);

  let form: FormData;
  try {
    form = await req.formData();
  } catch {
    return refuse("Filen kom inte fram. Försök igen.");
  }
  const parsed = importRequestSchema.safeParse({
    step: form.get("step") ?? undefined,
    mapping: form.get("mapping") ?? undefined,
    token: form.get("token") || undefined,
  });
  if (!parsed.success) return refuse(parsed.error.issues.map((i) => i.message).join(" "));
  const file = form.get("file");
  if (!(file instanceof File) || file.size === 0) return refuse("Välj en fil att importera.");
  if (file.size > MAX_IMPORT_BYTES) return refuse("Filen är för stor. Största tillåtna storlek är 5 MB.", 413);

  try {
    const bytes = new Uint8Array(await file.arrayBuffer());
    const table = await readTable(file.name, bytes);
    const hash = sha256(bytes);
    const mapping = parsed.data.mapping ?? suggestMapping(table.headers);
    for (const i of Object.values(mapping)) if (i >= table.headers.length) return refuse("Kolumnvalet passar inte filen. Läs in filen igen.");
    const prisma = await getPrisma();

    if (parsed.data.step === "granska") {
      const plan = await buildPlan(scopedClient(prisma, actor.municipalityId), actor, table, mapping, hash);
      return NextResponse.json<ImportResponse>({
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
      });
    }
    if (!parsed.data.token) return refuse("Förhandsgranska filen innan du importerar.");
    const result = await applyImport(prisma, actor, { name: file.name, hash, table }, mapping, parsed.data.token);
    const parts = [
      countPhrase(result.created, "nytt uppdrag", "nya uppdrag"),
      countPhrase(result.statusChanged, "ny status", "nya statusar"),
      `${formatNumber(result.existing)} fanns redan`,
      countPhrase(result.invalid, "rad med fel importerades inte", "rader med fel importerades inte"),
    ];
    return NextResponse.json<ImportResponse>({ ok: true, step: "importera", message: `Importen är klar: ${parts.join(", ")}.`, result });
  } catch (err) {
    if (err instanceof FileRefused) return refuse(err.message);
    if (err instanceof StalePlanError) return refuse("Något har ändrats sedan förhandsgranskningen (filen, kolumnvalet eller uppdragen). Ingenting importerades. Granska igen och bekräfta på nytt.", 409);
    if (err instanceof ConflictError) return refuse("Någon annan ändrade ett av uppdragen under importen. Ingenting importerades. Granska igen och bekräfta på nytt.", 409);
    if (err instanceof ForbiddenError) return refuse("Du har inte behörighet att importera alla raderna. Ingenting importerades.", 403);
    if (err instanceof NotFoundError) return refuse("Ett uppdrag i filen finns inte längre. Ingenting importerades. Granska igen.", 404);
    console.error("import failed", err);
    return refuse("Något gick fel och ingenting importerades. Försök igen om en stund.", 500);
  }
}
