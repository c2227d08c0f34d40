"use server";
import { revalidatePath } from "next/cache";
import { runAction, type ActionState } from "@/server/action";
import { linkUppdragToPlan, unlinkUppdragFromPlan } from "@/server/plan/links";
import { linkUppdragSchema, unlinkUppdragSchema } from "@/lib/validation/plan";

export async function linkUppdragAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return runAction(linkUppdragSchema, formData, async (prisma, actor, input) => {
    await linkUppdragToPlan(prisma, actor, input);
    revalidatePath(`/uppdrag/${input.uppdragId}`);
    revalidatePath("/planer", "layout");
    return "Kopplingen är sparad.";
  });
}

export async function unlinkUppdragAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return runAction(unlinkUppdragSchema, formData, async (prisma, actor, input) => {
    await unlinkUppdragFromPlan(prisma, actor, input);
    revalidatePath(`/uppdrag/${input.uppdragId}`);
    revalidatePath("/planer", "layout");
    return "Kopplingen är borttagen.";
  });
}
