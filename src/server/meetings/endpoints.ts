// The meeting registration's endpoints: each declared once
// (src/server/entry/endpoint.ts), served by src/app/moten/registrera.
import "server-only";
import { z } from "@/lib/validation/zod";
import { registerMeetingSchema } from "@/lib/validation/meeting";
import { formatDate } from "@/lib/dates";
import { extractProtocolText, MAX_PROTOCOL_BYTES, ProtocolFileError, TOO_LARGE_MESSAGE } from "@/lib/protocol/extract";
import { changeEndpoint, defineEndpoint, type RecordScope, type Refusal } from "@/server/entry/endpoint";
import type { ScopedClient } from "@/server/db/scoped";
import { correctMeetingSchema, correctParagraphSchema, markJusteratSchema } from "@/lib/validation/correction";
import { correctMeeting, markJusterat } from "./correct-meeting";
import { correctParagraph } from "./correct-paragraph";
import { DuplicateParagraphError, registerMeeting } from "./register-meeting";
import { proposeMeeting } from "./propose";

/** The longest pasted protocol, in characters. */
const MAX_PASTED_CHARS = 2_000_000;

/** A protocol refused before it is read, with the HTTP status the register form expects. */
class ProtocolRefused extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = "ProtocolRefused";
  }
}

export const registerMeetingEndpoint = defineEndpoint({
  id: "meetings.register",
  input: registerMeetingSchema,
  permission: "meeting:create",
  // The body chosen in the form; null (not found) when it is not the municipality's.
  scope: async (db, input) => {
    const body = await db.body.findFirst({ where: { id: input.bodyId }, select: { id: true } });
    return body && { bodyId: body.id };
  },
  mutates: true,
  run: ({ db, actor, input }) => registerMeeting(db, actor, input),
  // A § already registered for the body and year: an error on each such paragraph's number.
  refusal: (err, input): Refusal | undefined => {
    if (!(err instanceof DuplicateParagraphError)) return undefined;
    const fieldErrors: Record<string, string[]> = {};
    for (const t of err.taken) {
      const i = input.paragraphs.findIndex((p) => p.number === t.number);
      fieldErrors[`paragraphs.${i}.number`] = [`§ ${t.number} är redan registrerad för ${err.bodyShortName} ${err.year} (sammanträdet ${formatDate(t.meetingDate)}).`];
    }
    const numbers = err.taken.map((t) => `§ ${t.number}`).join(", ");
    return { status: 409, message: `${numbers} är redan registrerad för ${err.bodyShortName} ${err.year}. Ändra numret eller ta bort paragrafen. Ingenting är sparat.`, fieldErrors };
  },
});

export const proposeMeetingEndpoint = defineEndpoint({
  id: "meetings.propose",
  // Pasted text, or an uploaded .txt, .docx or .pdf (the file wins when both are sent).
  input: z.object({
    text: z.string().optional(),
    file: z.instanceof(File, { error: "Välj en fil." }).optional(),
  }),
  permission: "meeting:create",
  // Nothing is saved: the proposal offers only the bodies the actor registers meetings for.
  scope: "some-record",
  // Saves nothing, but a POST with the session: same-origin only.
  mutates: true,
  run: async ({ db, actor, input }) => {
    let text: string;
    if (input.file && input.file.size > 0) {
      if (input.file.size > MAX_PROTOCOL_BYTES) throw new ProtocolRefused(413, TOO_LARGE_MESSAGE);
      text = await extractProtocolText(new Uint8Array(await input.file.arrayBuffer()), input.file.name, { acceptWindows1252: true });
    } else if (input.text !== undefined && input.text.trim() !== "") {
      if (input.text.length > MAX_PASTED_CHARS) throw new ProtocolRefused(413, "Texten är för lång. Dela upp protokollet eller ladda upp det som fil.");
      text = input.text;
    } else {
      throw new ProtocolRefused(400, "Klistra in protokollets text eller välj en fil.");
    }
    return proposeMeeting(db, actor, text);
  },
  refusal: (err): Refusal | undefined => {
    if (err instanceof ProtocolRefused) return { status: err.status, message: err.message };
    if (err instanceof ProtocolFileError) return { status: err.reason === "type" ? 415 : err.reason === "size" ? 413 : 422, message: err.message };
    return undefined;
  },
});

/** A meeting's body: what corrections of it are checked against. Null when not in the municipality. */
export async function meetingScope(db: ScopedClient, meetingId: string): Promise<RecordScope | null> {
  const m = await db.meeting.findFirst({ where: { id: meetingId }, select: { bodyId: true } });
  return m && { bodyId: m.bodyId };
}

/** A paragraph's body. Null when not in the municipality. */
export async function paragraphScope(db: ScopedClient, paragraphId: string): Promise<RecordScope | null> {
  const p = await db.paragraph.findFirst({ where: { id: paragraphId }, select: { bodyId: true } });
  return p && { bodyId: p.bodyId };
}

export const correctMeetingEndpoint = changeEndpoint(
  "meetings.correct",
  correctMeetingSchema,
  "meeting:correct",
  // The meeting's body and the body it is corrected to: the corrector must hold both.
  async (db, input) => {
    const [from, to] = await Promise.all([meetingScope(db, input.meetingId), db.body.findFirst({ where: { id: input.bodyId }, select: { id: true } })]);
    return from && to && [from, { bodyId: to.id }];
  },
  correctMeeting,
);

export const markJusteratEndpoint = changeEndpoint("meetings.markJusterat", markJusteratSchema, "meeting:correct", (db, input) => meetingScope(db, input.meetingId), markJusterat);

export const correctParagraphEndpoint = changeEndpoint("meetings.correctParagraph", correctParagraphSchema, "meeting:correct", (db, input) => paragraphScope(db, input.paragraphId), correctParagraph);
