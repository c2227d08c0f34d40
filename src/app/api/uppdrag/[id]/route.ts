// GET /api/uppdrag/:id — one uppdrag with decision, links and history.
import { serveRoute } from "@/server/entry/route";
import { getEndpoint } from "@/server/uppdrag/endpoints";

export const GET = serveRoute(getEndpoint);
