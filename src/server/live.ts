// Live updates: a change saved in this server process is pushed to every open
// list and uppdrag page of the same municipality (server-sent events, see
// src/app/api/live/route.ts). In-process: a deployment with several server
// processes needs a shared channel (PostgreSQL LISTEN/NOTIFY) here instead.
import { EventEmitter } from "node:events";

export interface LiveEvent {
  type: "uppdrag-changed";
  uppdragId: string;
  at: string;
}

const g = globalThis as unknown as { uppdragLive?: EventEmitter; uppdragStreams?: Map<string, number> };
const bus = (g.uppdragLive ??= new EventEmitter().setMaxListeners(0));
const openStreams = (g.uppdragStreams ??= new Map<string, number>());

export const LIVE = {
  /** Open streams one session may hold on one server (tabs of one person). */
  maxStreamsPerSession: Number(process.env.LIVE_MAX_STREAMS_PER_SESSION ?? 5),
  /** How often an open stream checks that its session is still valid. */
  recheckMs: 30_000,
  heartbeatMs: 20_000,
};

export function publish(municipalityId: string, event: LiveEvent): void {
  bus.emit(municipalityId, event);
}

/** Calls `listener` for each event of the municipality until the returned function is called. */
export function subscribe(municipalityId: string, listener: (e: LiveEvent) => void): () => void {
  bus.on(municipalityId, listener);
  return () => bus.off(municipalityId, listener);
}

/** Takes one of the session's stream places; false when it holds them all. */
export function claimStream(sessionId: string): boolean {
  const n = openStreams.get(sessionId) ?? 0;
  if (n >= LIVE.maxStreamsPerSession) return false;
  openStreams.set(sessionId, n + 1);
  return true;
}

export function releaseStream(sessionId: string): void {
  const n = (openStreams.get(sessionId) ?? 1) - 1;
  if (n <= 0) openStreams.delete(sessionId);
  else openStreams.set(sessionId, n);
}

/**
 * The server-sent event stream of one session: the municipality's events, a
 * heartbeat, and a check of the session every `recheckMs` and before each event,
 * so a stream ends when its session does (sign-out, deactivation, timeout).
 */
export function liveStream(o: { municipalityId: string; sessionId: string; signal: AbortSignal; stillValid: () => Promise<boolean> }): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let cleanup = () => {};
  return new ReadableStream<Uint8Array>({
    start(controller) {
      let closed = false;
      const close = () => {
        if (closed) return;
        closed = true;
        cleanup();
        try {
          controller.close();
        } catch {}
      };
      const send = (chunk: string) => {
        if (closed) return;
        try {
          controller.enqueue(encoder.encode(chunk));
        } catch {
          close();
        }
      };
      /** Sends only while the session holds; otherwise tells the page and ends. */
      const checked = async (chunk?: string) => {
        const valid = await o.stillValid().catch(() => true); // a database hiccup does not end the stream
        if (!valid) {
          send("event: session-ended\ndata: {}\n\n");
          close();
        } else if (chunk) send(chunk);
      };
      send("retry: 2000\n\n");
      const unsubscribe = subscribe(o.municipalityId, (e) => void checked(`event: ${e.type}\ndata: ${JSON.stringify(e)}\n\n`));
      const heartbeat = setInterval(() => send(": ping\n\n"), LIVE.heartbeatMs);
      const recheck = setInterval(() => void checked(), LIVE.recheckMs);
      cleanup = () => {
        clearInterval(heartbeat);
        clearInterval(recheck);
        unsubscribe();
        releaseStream(o.sessionId);
      };
      o.signal.addEventListener("abort", close);
    },
    cancel() {
      cleanup();
    },
  });
}
