// GET /api/live — server-sent events: one "uppdrag-changed" event per saved
// change in the signed-in user's municipality, and a heartbeat every 20 s so
// proxies keep the connection open. EventSource reconnects by itself.
import { getActor } from "@/server/auth/actor";
import { can } from "@/server/permissions";
import { subscribe } from "@/server/live";

export const dynamic = "force-dynamic";

export async function GET(req: Request) {
  const actor = await getActor();
  if (!actor) return new Response("Du är inte inloggad.", { status: 401 });
  if (!can(actor, "uppdrag:read")) return new Response("Du har inte behörighet.", { status: 403 });

  const encoder = new TextEncoder();
  let cleanup = () => {};
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      const send = (chunk: string) => {
        try {
          controller.enqueue(encoder.encode(chunk));
        } catch {
          cleanup();
        }
      };
      send("retry: 2000\n\n");
      const unsubscribe = subscribe(actor.municipalityId, (e) => send(`event: ${e.type}\ndata: ${JSON.stringify(e)}\n\n`));
      const heartbeat = setInterval(() => send(": ping\n\n"), 20_000);
      cleanup = () => {
        clearInterval(heartbeat);
        unsubscribe();
      };
      req.signal.addEventListener("abort", () => {
        cleanup();
        try {
          controller.close();
        } catch {}
      });
    },
    cancel() {
      cleanup();
    },
  });
  return new Response(stream, {
    headers: {
      "Content-Type": "text/event-stream; charset=utf-8",
      "Cache-Control": "no-cache, no-transform",
      Connection: "keep-alive",
      "X-Accel-Buffering": "no",
    },
  });
}
