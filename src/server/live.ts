// Live updates: a saved change is pushed to every open list and uppdrag page
// of the same municipality (server-sent events, see src/app/api/live/route.ts).
//
// On PostgreSQL (DATABASE_URL set) the change travels through the database:
// publish() sends a NOTIFY on the channel "uppdrag_live" through the app's pool
// (after the save has committed: the domain functions call it then), and each
// server instance delivers to its own open pages only what its one listening
// connection hears (src/server/live-channel.ts). So any number of instances,
// the sender included, get each change exactly once. When the listening
// connection was lost and is back (the database restarted), every open page is
// sent one "resync" event and refreshes, since changes may have been missed.
// On the embedded PGlite (the demo: one process) the channel is in-process.
import { EventEmitter } from "node:events";
import pg from "pg";
import { openPostgresPool } from "./db/connect";
import { LiveListener, notifyLive } from "./live-channel";

export type LiveEvent =
  | { type: "uppdrag-changed"; uppdragId: string; at: string }
  /** The channel was interrupted: changes may have been missed, so refresh (names no uppdrag). */
  | { type: "resync"; uppdragId?: undefined; at: string };

const g = globalThis as unknown as {
  uppdragLive?: EventEmitter;
  uppdragStreams?: Map<string, number>;
  uppdragLiveListener?: { url: string; listener: LiveListener };
  uppdragLivePool?: { url: string; pool: pg.Pool };
};
const bus = (g.uppdragLive ??= new EventEmitter().setMaxListeners(0));
const openStreams = (g.uppdragStreams ??= new Map<string, number>());

export const LIVE = {
  /** Open streams one session may hold on one server (tabs of one person). */
  maxStreamsPerSession: Number(process.env.LIVE_MAX_STREAMS_PER_SESSION ?? 5),
  /** How often an open stream checks that its session is still valid. */
  recheckMs: 30_000,
  heartbeatMs: 20_000,
  /** Heartbeats left unread before a stream counts as gone (about two minutes). */
  unreadChunksLimit: 6,
};

/** The PostgreSQL database the live channel runs through, or null on the embedded one (same rule as getDb()). */
function channelUrl(): string | null {
  // `next build` may render a page: it is not a server and holds no listener.
  if (process.env.NEXT_PHASE === "phase-production-build") return null;
  return process.env.DATABASE_URL || null;
}

function deliver(municipalityId: string, event: LiveEvent): void {
  bus.emit(municipalityId, event);
}

/** Tells every open stream and cache of this instance to start over. */
function resyncAll(): void {
  const at = new Date().toISOString();
  for (const name of bus.eventNames()) if (typeof name === "string") deliver(name, { type: "resync", at });
}

/** This instance's listening connection, opened on first use. */
function listener(url: string): LiveListener {
  if (g.uppdragLiveListener?.url !== url) {
    void g.uppdragLiveListener?.listener.stop();
    const l = new LiveListener({ url, onMessage: deliver, onResync: resyncAll, retryMinMs: 250, retryMaxMs: Number(process.env.LIVE_RETRY_MAX_MS ?? 5_000) });
    g.uppdragLiveListener = { url, listener: l };
    l.start();
  }
  return g.uppdragLiveListener.listener;
}

/** The app's pool (or, in a process that has not opened one, a small one of the channel's own). */
function notifyPool(url: string): pg.Pool {
  const app = openPostgresPool(url);
  if (app) return app;
  if (g.uppdragLivePool?.url !== url) {
    const pool = new pg.Pool({ connectionString: url, max: 2 });
    pool.on("error", () => {}); // an idle connection lost with the server: the next query opens another
    g.uppdragLivePool = { url, pool };
  }
  return g.uppdragLivePool.pool;
}

/**
 * Announces a change, after its transaction has committed. On PostgreSQL it is
 * delivered here, too, only when the notification comes back; if it cannot be
 * sent, this instance's own pages are told directly.
 */
export function publish(municipalityId: string, event: Extract<LiveEvent, { type: "uppdrag-changed" }>): void {
  const url = channelUrl();
  if (!url) return deliver(municipalityId, event);
  listener(url); // the sender hears its own notification too
  notifyLive(notifyPool(url), municipalityId, event).catch((err: Error) => {
    console.warn(`[live] could not send the notification (${err.message}); only this instance's pages are told`);
    deliver(municipalityId, event);
  });
}

/** Resolves when this instance hears the shared channel (at once on the embedded database). */
export async function liveReady(): Promise<void> {
  const url = channelUrl();
  if (url) await listener(url).whenListening();
}

/** Calls `listener` for each event of the municipality until the returned function is called. */
export function subscribe(municipalityId: string, onEvent: (e: LiveEvent) => void): () => void {
  const url = channelUrl();
  if (url) listener(url);
  bus.on(municipalityId, onEvent);
  return () => bus.off(municipalityId, onEvent);
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
  let closed = false;
  // Ends the stream once, whichever comes first: the client gone (abort or
  // cancel), the session ended, or the heartbeats unread.
  let close = () => {};
  return new ReadableStream<Uint8Array>({
    start(controller) {
      close = () => {
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
      const heartbeat = setInterval(() => {
        // Nobody has read the last heartbeats: the connection is gone without
        // the server having been told, so the stream gives its place back.
        if ((controller.desiredSize ?? 0) < -LIVE.unreadChunksLimit) close();
        else send(": ping\n\n");
      }, LIVE.heartbeatMs);
      const recheck = setInterval(() => void checked(), LIVE.recheckMs);
      cleanup = () => {
        clearInterval(heartbeat);
        clearInterval(recheck);
        unsubscribe();
        releaseStream(o.sessionId);
      };
      // A request dropped before its answer started (a page left at once, a
      // network lost) is already aborted here, and "abort" will not fire again:
      // without this check its place was never given back, and after five such
      // drops the person's live updates were refused until the server restarted.
      if (o.signal.aborted) close();
      else o.signal.addEventListener("abort", close, { once: true });
    },
    cancel() {
      close();
    },
  });
}
