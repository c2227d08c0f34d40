"use server";
import { revalidatePath } from "next/cache";
import { serveAction } from "@/server/entry/action";
import { changeStatusEndpoint, linkDecisionEndpoint } from "@/server/uppdrag/endpoints";

const refreshLists = (uppdragId: string) => {
  revalidatePath(`/uppdrag/${uppdragId}`);
  revalidatePath("/uppdrag");
  revalidatePath("/statusrunda");
};

export const changeStatusAction = serveAction(changeStatusEndpoint, (_r, input) => {
  refreshLists(input.uppdragId);
  return "Statusen är sparad.";
});

export const linkDecisionAction = serveAction(linkDecisionEndpoint, (_r, input) => {
  refreshLists(input.uppdragId);
  return "Det senare beslutet är kopplat och statusen sparad.";
});
