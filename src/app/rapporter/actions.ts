"use server";
import { revalidatePath } from "next/cache";
import { runAction, type ActionState } from "@/server/action";
import { RefusedError } from "@/server/errors";
import { AlreadyFrozenError, freezeReport } from "@/server/report/frozen";
import { setReportBodies } from "@/server/report/report-bodies";
import { PdfUnavailableError } from "@/server/report/pdf";
import { freezeReportSchema, reportBodiesSchema } from "@/lib/validation/report";
import { formatDate } from "@/lib/dates";

export async function freezeReportAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return runAction(freezeReportSchema, formData, async (prisma, actor, input) => {
    try {
      const { id } = await freezeReport(prisma, actor, { asOf: input.asOf, bodyIds: input.body, note: input.note });
      revalidatePath("/rapporter");
      return { redirectTo: `/rapporter/arkiv/${id}` };
    } catch (err) {
      if (err instanceof AlreadyFrozenError)
        throw new RefusedError(`Redovisningen per ${formatDate(input.asOf)} för de valda organen är redan fastställd. Den finns i listan över fastställda redovisningar.`);
      if (err instanceof PdfUnavailableError) throw new RefusedError(`Redovisningen kunde inte fastställas: ${err.message}`);
      throw err;
    }
  });
}

export async function saveReportBodiesAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return runAction(reportBodiesSchema, formData, async (prisma, actor, input) => {
    await setReportBodies(prisma, actor, input.body);
    revalidatePath("/rapporter");
    revalidatePath("/admin/installningar");
    return "Organen som redovisas som standard är sparade.";
  });
}
