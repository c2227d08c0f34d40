"use server";
import { revalidatePath } from "next/cache";
import { runAction, type ActionState } from "@/server/action";
import { closeOccasion, createOccasion, saveFollowUp } from "@/server/plan/follow-up";
import { closeOccasionSchema, createOccasionSchema, followUpSchema } from "@/lib/validation/plan";

export async function saveFollowUpAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return runAction(followUpSchema, formData, async (prisma, actor, input) => {
    const { changed } = await saveFollowUp(prisma, actor, input);
    revalidatePath("/planer", "layout");
    return changed === 0 ? "Inga ändringar att spara." : `Sparat (${changed} ${changed === 1 ? "ändring" : "ändringar"}).`;
  });
}

export async function closeOccasionAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return runAction(closeOccasionSchema, formData, async (prisma, actor, input) => {
    await closeOccasion(prisma, actor, input);
    revalidatePath("/planer", "layout");
    return "Uppföljningen är stängd. Uppgifterna kan inte längre ändras.";
  });
}

export async function createOccasionAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return runAction(createOccasionSchema, formData, async (prisma, actor, input) => {
    const occ = await createOccasion(prisma, actor, input);
    revalidatePath("/planer", "layout");
    return `Uppföljningen ”${occ.name}” är skapad.`;
  });
}
