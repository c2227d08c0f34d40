// POST /import/fil — preview or confirm an import (src/server/import/endpoints.ts).
import { serveRoute } from "@/server/entry/route";
import { importEndpoint } from "@/server/import/endpoints";
import { MAX_IMPORT_BYTES } from "@/server/import/read-file";

// A little room for the multipart wrapping around the file.
export const POST = serveRoute(importEndpoint, { maxBodyBytes: MAX_IMPORT_BYTES + 64 * 1024 });
