// GET /api/uppdrag?q=&status=&body=&page= — the list as JSON (same filters as the page).
import { serveRoute } from "@/server/entry/route";
import { listEndpoint } from "@/server/uppdrag/endpoints";

export const GET = serveRoute(listEndpoint);
