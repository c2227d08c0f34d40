"use server";
import { headers } from "next/headers";
import { revalidatePath } from "next/cache";
import { serveAction, formInput, type ActionState } from "@/server/entry/action";
import { markServed } from "@/server/entry/endpoint";
import { passGate } from "@/server/entry/gate";
import { confirmImportEndpoint, previewImportEndpoint } from "@/server/plan/endpoints";
import type { ImportPreview } from "@/server/plan/import";

export interface PreviewState extends ActionState {
  preview?: ImportPreview;
}

async function requestHeaders(): Promise<Headers> {
  try {
    return new Headers(await headers());
  } catch {
    return new Headers();
  }
}

/**
 * Reads the uploaded workbook into a preview. Saves nothing. Served through the
 * gate like serveAction, but answers with the preview and, also on success, the
 * typed fields (the confirm form sends them back).
 */
export const previewImportAction = markServed(async (_prev: PreviewState, formData: FormData): Promise<PreviewState> => {
  const raw = formData instanceof FormData ? formInput(formData) : {};
  const values: Record<string, string> = {};
  for (const [k, v] of Object.entries(raw)) if (typeof v === "string") values[k] = v;
  const outcome = await passGate(previewImportEndpoint, raw, { headers: await requestHeaders(), where: `action ${previewImportEndpoint.id}` });
  const answeredAt = Date.now();
  if (!outcome.ok) return { ok: false, message: outcome.refusal.message, fieldErrors: outcome.refusal.fieldErrors, values, answeredAt };
  const preview = outcome.value;
  return {
    ok: preview.errors.length === 0,
    message: preview.errors.length ? `Filen har ${preview.errors.length} fel. Rätta filen och läs in den igen; ingenting är sparat.` : "Läs igenom förhandsgranskningen och spara planen. Ingenting är sparat ännu.",
    preview,
    values,
    answeredAt,
  };
}, previewImportEndpoint);

/** Saves the previewed plan (checked again in full) and opens it. */
export const confirmImportAction = serveAction(confirmImportEndpoint, ({ planId }) => {
  revalidatePath("/planer");
  return { redirectTo: `/planer/${planId}` };
});
