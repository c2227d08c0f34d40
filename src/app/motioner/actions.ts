"use server";
import { revalidatePath } from "next/cache";
import { serveAction } from "@/server/entry/action";
import {
  answerMotionEndpoint,
  changeMotionStateEndpoint,
  freezeMotionReportEndpoint,
  linkMotionUppdragEndpoint,
  motionUppdragEndpoint,
  registerMotionEndpoint,
} from "@/server/motions/endpoints";

export const registerMotionAction = serveAction(registerMotionEndpoint, ({ id }) => {
  revalidatePath("/motioner");
  return { redirectTo: `/motioner/${id}` };
});

export const changeMotionStateAction = serveAction(changeMotionStateEndpoint, ({ motionId }) => {
  revalidatePath("/motioner");
  revalidatePath(`/motioner/${motionId}`);
  return "Läget är sparat.";
});

export const answerMotionAction = serveAction(answerMotionEndpoint, ({ motionId }) => {
  revalidatePath("/motioner");
  revalidatePath(`/motioner/${motionId}`);
  return "Kommunfullmäktiges beslut är sparat.";
});

export const createMotionUppdragAction = serveAction(motionUppdragEndpoint, ({ motionId }) => {
  revalidatePath(`/motioner/${motionId}`);
  revalidatePath("/uppdrag");
  return "Uppdraget är skapat och kopplat till motionen.";
});

export const linkMotionUppdragAction = serveAction(linkMotionUppdragEndpoint, ({ motionId }) => {
  revalidatePath(`/motioner/${motionId}`);
  return "Uppdraget är kopplat till motionen.";
});

export const freezeMotionReportAction = serveAction(freezeMotionReportEndpoint, () => {
  revalidatePath("/motioner/rapport");
  return "Redovisningen är fastställd och finns i listan nedan.";
});
