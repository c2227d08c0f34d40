"use server";
import { revalidatePath } from "next/cache";
import { serveAction } from "@/server/entry/action";
import { freezeEndpoint, saveReportBodiesEndpoint } from "@/server/report/endpoints";

export const freezeReportAction = serveAction(freezeEndpoint, ({ id }) => {
  revalidatePath("/rapporter");
  return { redirectTo: `/rapporter/arkiv/${id}` };
});

export const saveReportBodiesAction = serveAction(saveReportBodiesEndpoint, () => {
  revalidatePath("/rapporter");
  revalidatePath("/admin/installningar");
  return "Organen som redovisas som standard är sparade.";
});
