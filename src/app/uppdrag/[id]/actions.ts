"use server";
import { revalidatePath } from "next/cache";
import { serveAction } from "@/server/entry/action";
import { changeStatusEndpoint, correctEndpoint, linkDecisionEndpoint } from "@/server/uppdrag/endpoints";

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

export const correctUppdragAction = serveAction(correctEndpoint, (_r, input) => {
  refreshLists(input.uppdragId);
  revalidatePath("/moten/[id]", "page");
  return "Rättelsen av uppdraget är sparad.";
});
