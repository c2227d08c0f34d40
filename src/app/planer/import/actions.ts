"use server";
import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { getActor } from "@/server/auth/actor";
import { runAction, type ActionState } from "@/server/action";
import { canManageSomePlan } from "@/server/permissions";
import { importPlan, readPlanWorkbook, type ImportPreview } from "@/server/plan/import";
import { confirmImportSchema, importPlanFormSchema } from "@/lib/validation/plan-import";

export interface PreviewState extends ActionState {
  preview?: ImportPreview;
}

// Server actions accept 1 MB bodies (Next.js default); a plan sheet is far smaller.
const MAX_BYTES = 900 * 1024;

/** Reads the uploaded workbook into a preview. Saves nothing. */
export async function previewImportAction(_prev: PreviewState, formData: FormData): Promise<PreviewState> {
  const values: Record<string, string> = {};
  for (const [k, v] of formData.entries()) if (typeof v === "string" && !k.startsWith("$ACTION")) values[k] = v;
  const answeredAt = Date.now();
  const actor = await getActor();
  if (!actor) return { ok: false, message: "Du är inte inloggad längre. Logga in igen.", values, answeredAt };
  if (!canManageSomePlan(actor)) return { ok: false, message: "Du har inte behörighet att läsa in planer.", values, answeredAt };
  const fieldErrors: Record<string, string[]> = {};
  const form = importPlanFormSchema.safeParse(values);
  if (!form.success) for (const i of form.error.issues) (fieldErrors[String(i.path[0])] ??= []).push(i.message);
  const file = formData.get("file");
  if (!(file instanceof File) || file.size === 0) fieldErrors.file = ["Välj en Excel-fil (.xlsx)."];
  else if (file.size > MAX_BYTES) fieldErrors.file = ["Filen är större än 900 kB."];
  if (Object.keys(fieldErrors).length) return { ok: false, message: "Rätta uppgifterna som är markerade.", fieldErrors, values, answeredAt };
  const preview = await readPlanWorkbook(Buffer.from(await (file as File).arrayBuffer()));
  return {
    ok: preview.errors.length === 0,
    message: preview.errors.length ? `Filen har ${preview.errors.length} fel. Rätta filen och läs in den igen; ingenting är sparat.` : "Läs igenom förhandsgranskningen och spara planen. Ingenting är sparat ännu.",
    preview,
    values,
    answeredAt,
  };
}

/** Saves the previewed plan (checked again in full) and opens it. */
export async function confirmImportAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  let planId: string | undefined;
  const state = await runAction(confirmImportSchema, formData, async (prisma, actor, input) => {
    ({ planId } = await importPlan(prisma, actor, { bodyId: input.bodyId, year: input.year, title: input.title, plan: input.plan }));
    revalidatePath("/planer");
    return "Planen är sparad.";
  });
  if (state.ok && planId) redirect(`/planer/${planId}`);
  return state;
}
