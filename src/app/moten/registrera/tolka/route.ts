// POST a protocol (pasted text or an uploaded .txt, .docx or .pdf) and get a
// proposal for the register form back. Nothing is saved.
import { NextResponse } from "next/server";
import { withActor } from "@/server/http";
import { getPrisma } from "@/server/db";
import { canRegisterSomeMeeting, ForbiddenError } from "@/server/permissions";
import { proposeMeeting } from "@/server/meetings/propose";
import { extractProtocolText, MAX_PROTOCOL_BYTES, ProtocolFileError, TOO_LARGE_MESSAGE } from "@/lib/protocol/extract";

export const dynamic = "force-dynamic";

const MAX_PASTED_CHARS = 2_000_000;
const refuse = (error: string, status: number) => NextResponse.json({ error }, { status });

export async function POST(request: Request): Promise<Response> {
  return withActor(async (actor) => {
    if (!canRegisterSomeMeeting(actor)) throw new ForbiddenError("meeting:create");
    // A little room for the multipart wrapping around the file.
    const length = Number(request.headers.get("content-length") ?? 0);
    if (length > MAX_PROTOCOL_BYTES + 64 * 1024) return refuse(TOO_LARGE_MESSAGE, 413);
    let form: FormData;
    try {
      form = await request.formData();
    } catch {
      return refuse("Det gick inte att läsa det som skickades. Försök igen.", 400);
    }
    const file = form.get("file");
    const pasted = form.get("text");
    let text: string;
    if (file instanceof File && file.size > 0) {
      if (file.size > MAX_PROTOCOL_BYTES) return refuse(TOO_LARGE_MESSAGE, 413);
      try {
        text = await extractProtocolText(new Uint8Array(await file.arrayBuffer()), file.name, { acceptWindows1252: true });
      } catch (err) {
        if (err instanceof ProtocolFileError) return refuse(err.message, err.reason === "type" ? 415 : err.reason === "size" ? 413 : 422);
        throw err;
      }
    } else if (typeof pasted === "string" && pasted.trim() !== "") {
      if (pasted.length > MAX_PASTED_CHARS) return refuse("Texten är för lång. Dela upp protokollet eller ladda upp det som fil.", 413);
      text = pasted;
    } else {
      return refuse("Klistra in protokollets text eller välj en fil.", 400);
    }
    return NextResponse.json(await proposeMeeting(await getPrisma(), actor, text));
  });
}
