// POST a protocol (pasted text or an uploaded .txt, .docx or .pdf) and get a
// proposal for the register form back. Nothing is saved.
import { serveRoute } from "@/server/entry/route";
import { proposeMeetingEndpoint } from "@/server/meetings/endpoints";
import { MAX_PROTOCOL_BYTES } from "@/lib/protocol/extract";

export const dynamic = "force-dynamic";

// A little room for the multipart wrapping around the file.
export const POST = serveRoute(proposeMeetingEndpoint, { maxBodyBytes: MAX_PROTOCOL_BYTES + 64 * 1024 });
