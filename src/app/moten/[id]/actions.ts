"use server";
import { revalidatePath } from "next/cache";
import { serveAction } from "@/server/entry/action";
import { correctMeetingEndpoint, correctParagraphEndpoint, markJusteratEndpoint } from "@/server/meetings/endpoints";
import { addMissedEndpoint } from "@/server/uppdrag/endpoints";

/** A correction changes what the meeting page, the uppdrag pages and the lists show. */
const refresh = (meetingId?: string) => {
  if (meetingId) revalidatePath(`/moten/${meetingId}`);
  revalidatePath("/moten");
  revalidatePath("/uppdrag", "layout");
};

export const correctMeetingAction = serveAction(correctMeetingEndpoint, (_r, input) => {
  refresh(input.meetingId);
  return "Rättelsen av sammanträdet är sparad.";
});

export const markJusteratAction = serveAction(markJusteratEndpoint, (_r, input) => {
  refresh(input.meetingId);
  return "Protokollet är markerat som justerat.";
});

export const correctParagraphAction = serveAction(correctParagraphEndpoint, () => {
  refresh();
  revalidatePath("/moten/[id]", "page");
  return "Rättelsen av paragrafen är sparad.";
});

export const addMissedUppdragAction = serveAction(addMissedEndpoint, () => {
  refresh();
  revalidatePath("/moten/[id]", "page");
  return "Uppdraget är tillagt.";
});
