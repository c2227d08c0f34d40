// A short-lived cache of per-municipality figures that every list render needs
// (the overview, the filter options). Any saved change in the municipality
// clears it at once (the live-update bus, which on PostgreSQL carries the saves
// of every server instance), so readers never see it lag behind a change; the
// TTL bounds staleness from writes that publish nothing (a bulk load).
import { subscribe } from "@/server/live";

const TTL_MS = 60_000;
type Entry = { at: number; value: Promise<unknown> };

const g = globalThis as unknown as { uppdragCache?: Map<string, Map<string, Entry>> };
const store = (g.uppdragCache ??= new Map());

export async function cachedForMunicipality<T>(municipalityId: string, key: string, load: () => Promise<T>, now = Date.now()): Promise<T> {
  let entries = store.get(municipalityId);
  if (!entries) {
    entries = new Map();
    store.set(municipalityId, entries);
    subscribe(municipalityId, () => store.get(municipalityId)?.clear());
  }
  const hit = entries.get(key);
  if (hit && now - hit.at < TTL_MS) return hit.value as Promise<T>;
  const value = load();
  entries.set(key, { at: now, value });
  value.catch(() => entries.delete(key)); // never keep a failure
  return value;
}
