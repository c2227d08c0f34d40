// GET /api/live — server-sent events: one "uppdrag-changed" event per saved
// change in the signed-in user's municipality, and a heartbeat so proxies keep
// the connection open. EventSource reconnects by itself; the stream ends when
// the session does (src/server/live.ts).
import { serveRoute, refusalResponse } from "@/server/entry/route";
import { liveEndpoint } from "@/server/uppdrag/endpoints";
import { claimStream, liveStream } from "@/server/live";
import { sessionStillValid } from "@/server/auth/actor";

export const dynamic = "force-dynamic";

export const GET = serveRoute(liveEndpoint, {
  respond: ({ sessionId, municipalityId }, { request }) => {
    if (!sessionId || !claimStream(sessionId)) return refusalResponse(429, "Du har för många flikar med Uppdragskollen öppna. Stäng några och ladda om sidan.");
    const stream = liveStream({ municipalityId, sessionId, signal: request.signal, stillValid: () => sessionStillValid(sessionId) });
    return new Response(stream, {
      headers: {
        "Content-Type": "text/event-stream; charset=utf-8",
        "Cache-Control": "no-cache, no-transform",
        Connection: "keep-alive",
        "X-Accel-Buffering": "no",
      },
    });
  },
});
