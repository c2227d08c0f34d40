"use server";
import { revalidatePath } from "next/cache";
import { runAction, type ActionState } from "@/server/action";
import { changeStatus } from "@/server/uppdrag/change-status";
import { linkLaterDecision } from "@/server/uppdrag/link-decision";
import { changeStatusSchema, linkDecisionSchema } from "@/lib/validation/uppdrag";

export async function changeStatusAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return runAction(changeStatusSchema, formData, async (prisma, actor, input) => {
    await changeStatus(prisma, actor, input);
    revalidatePath(`/uppdrag/${input.uppdragId}`);
    revalidatePath("/uppdrag");
    revalidatePath("/statusrunda");
    return "Statusen är sparad.";
  });
}

export async function linkDecisionAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return runAction(linkDecisionSchema, formData, async (prisma, actor, input) => {
    await linkLaterDecision(prisma, actor, input);
    revalidatePath(`/uppdrag/${input.uppdragId}`);
    revalidatePath("/uppdrag");
    revalidatePath("/statusrunda");
    return "Det senare beslutet är kopplat och statusen sparad.";
  });
}
