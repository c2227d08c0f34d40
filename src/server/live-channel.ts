// The live channel between server instances on one PostgreSQL database:
// LISTEN/NOTIFY on the channel "uppdrag_live". Each instance holds one
// dedicated listening connection (a pg.Client of its own, not from the pool),
// re-opened with backoff when it is lost (the database restarted, the backend
// was terminated, the network broke). A save is announced with pg_notify
// through the app's pool after its transaction has committed; every instance,
// the sender included, hears it once through its listener (src/server/live.ts).
import pg from "pg";
import type { LiveEvent } from "./live";

export const LIVE_CHANNEL = "uppdrag_live";
/** PostgreSQL refuses a NOTIFY payload of 8000 bytes or more. */
export const MAX_PAYLOAD_BYTES = 7999;

/** What travels in a notification: short keys, ids and a time (well under the limit). */
interface Wire {
  m: string; // municipality id
  t: "uppdrag-changed";
  u: string; // uppdrag id
  at: string;
}

export function encodeLiveMessage(municipalityId: string, event: Extract<LiveEvent, { type: "uppdrag-changed" }>): string {
  const wire: Wire = { m: municipalityId, t: event.type, u: event.uppdragId, at: event.at };
  const payload = JSON.stringify(wire);
  if (Buffer.byteLength(payload) > MAX_PAYLOAD_BYTES) throw new Error(`live notification too large (${Buffer.byteLength(payload)} bytes)`);
  return payload;
}

export function decodeLiveMessage(payload: string | undefined): { municipalityId: string; event: LiveEvent } | null {
  if (!payload) return null;
  try {
    const w = JSON.parse(payload) as Partial<Wire>;
    if (typeof w.m !== "string" || w.t !== "uppdrag-changed" || typeof w.u !== "string") return null;
    return { municipalityId: w.m, event: { type: "uppdrag-changed", uppdragId: w.u, at: typeof w.at === "string" ? w.at : new Date().toISOString() } };
  } catch {
    return null;
  }
}

/** Sends one notification (through a pool or any client); delivered by PostgreSQL to every listener once it commits. */
export async function notifyLive(db: pg.Pool | pg.Client, municipalityId: string, event: Extract<LiveEvent, { type: "uppdrag-changed" }>): Promise<void> {
  await db.query("SELECT pg_notify($1, $2)", [LIVE_CHANNEL, encodeLiveMessage(municipalityId, event)]);
}

export interface ListenerOptions {
  url: string;
  /** Each notification on the channel. */
  onMessage: (municipalityId: string, event: LiveEvent) => void;
  /** The connection was lost (or could not be made) and is listening again: events in between may have been missed. */
  onResync: () => void;
  log?: (message: string) => void;
  /** Backoff between attempts: first wait, doubling up to the cap. */
  retryMinMs?: number;
  retryMaxMs?: number;
  /** How often the listener checks its connection with a query (catches a half-open connection). */
  pingMs?: number;
}

/**
 * One listening connection, kept open until `stop()`. `ready` resolves once the
 * first LISTEN is in place (and again after each reconnect: see `whenListening`).
 */
export class LiveListener {
  private client: pg.Client | null = null;
  private stopped = false;
  private attempt = 0;
  private missed = false; // a connection was lost or could not be made since the last LISTEN
  private timer: NodeJS.Timeout | null = null;
  private ping: NodeJS.Timeout | null = null;
  private listening = false;
  private waiters: (() => void)[] = [];
  /** Times the connection was (re)established; for tests and logs. */
  connections = 0;

  constructor(private readonly o: ListenerOptions) {}

  start(): void {
    void this.connect();
  }

  /** Resolves when the listener is listening (now, or after the current reconnect). */
  whenListening(): Promise<void> {
    if (this.listening) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  get isListening(): boolean {
    return this.listening;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    if (this.ping) clearInterval(this.ping);
    const c = this.client;
    this.client = null;
    this.listening = false;
    await c?.end().catch(() => {});
  }

  private log(message: string) {
    (this.o.log ?? ((m) => console.warn(m)))(`[live] ${message}`);
  }

  private async connect(): Promise<void> {
    if (this.stopped) return;
    const client = new pg.Client({ connectionString: this.o.url, keepAlive: true, application_name: "uppdragskollen-live" });
    this.client = client;
    let lost = false;
    const onLost = (why: string) => {
      if (lost || this.client !== client) return;
      lost = true;
      this.listening = false;
      this.missed = true;
      if (this.ping) clearInterval(this.ping);
      this.client = null;
      client.removeAllListeners("notification");
      void client.end().catch(() => {});
      if (!this.stopped) {
        this.log(`listening connection lost (${why}); reconnecting`);
        this.scheduleRetry();
      }
    };
    client.on("error", (err) => onLost(err.message));
    client.on("end", () => onLost("connection ended"));
    client.on("notification", (msg) => {
      if (msg.channel !== LIVE_CHANNEL) return;
      const decoded = decodeLiveMessage(msg.payload);
      if (decoded) this.o.onMessage(decoded.municipalityId, decoded.event);
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${LIVE_CHANNEL}`);
    } catch (err) {
      onLost(`could not listen: ${(err as Error).message}`);
      return;
    }
    if (lost || this.stopped) return;
    this.attempt = 0;
    this.listening = true;
    this.connections++;
    const pingMs = this.o.pingMs ?? 30_000;
    this.ping = setInterval(() => {
      client.query("SELECT 1").catch((err: Error) => onLost(`ping failed: ${err.message}`));
    }, pingMs);
    this.ping.unref?.();
    if (this.missed) {
      this.missed = false;
      this.log("listening again; telling open pages to refresh");
      this.o.onResync();
    }
    for (const w of this.waiters.splice(0)) w();
  }

  private scheduleRetry() {
    if (this.timer) clearTimeout(this.timer);
    const min = this.o.retryMinMs ?? 250;
    const max = this.o.retryMaxMs ?? 5_000;
    const wait = Math.min(max, min * 2 ** this.attempt++) * (0.8 + Math.random() * 0.4);
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.connect();
    }, wait);
    this.timer.unref?.();
  }
}
