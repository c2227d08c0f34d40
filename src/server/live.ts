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

const g = globalThis as unknown as { uppdragLive?: EventEmitter };
const bus = (g.uppdragLive ??= new EventEmitter().setMaxListeners(0));

export function publish(municipalityId: string, event: LiveEvent): void {
  bus.emit(municipalityId, event);
}

/** Calls `listener` for each event of the municipality until the returned function is called. */
export function subscribe(municipalityId: string, listener: (e: LiveEvent) => void): () => void {
  bus.on(municipalityId, listener);
  return () => bus.off(municipalityId, listener);
}
