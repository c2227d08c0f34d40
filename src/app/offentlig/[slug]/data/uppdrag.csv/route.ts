// GET /offentlig/SLUG/data/uppdrag.csv — the same open data as uppdrag.json as
// CSV (UTF-8 with BOM, semicolons; docs/open-data.md); not found unless the public view is on.
import { serveRoute } from "@/server/entry/route";
import { openDataEndpoint } from "@/server/public/endpoints";
import { openDataResponse } from "@/server/public/open-data-response";

export const GET = serveRoute(openDataEndpoint, { respond: (value, { request }) => openDataResponse(value, request, "csv") });
