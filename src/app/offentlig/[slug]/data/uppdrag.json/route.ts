// GET /offentlig/SLUG/data/uppdrag.json — the municipality's public uppdrag as
// open data (docs/open-data.md); not found unless its public view is on.
import { serveRoute } from "@/server/entry/route";
import { openDataEndpoint } from "@/server/public/endpoints";
import { openDataResponse } from "@/server/public/open-data-response";

export const GET = serveRoute(openDataEndpoint, { respond: (value, { request }) => openDataResponse(value, request, "json") });
