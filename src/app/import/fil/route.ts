// POST /import/fil — preview or confirm an import (see src/server/import/http.ts).
import { handleImportRequest } from "@/server/import/http";

export const POST = (req: Request) => handleImportRequest(req);
