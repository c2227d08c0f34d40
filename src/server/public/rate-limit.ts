// Rate limit of the open public view (/offentlig/...): a token bucket per
// client address, in this process's memory. Each instance counts on its own,
// so behind N instances a client gets up to N times the limit (README, "The
// open public view"); a shared cache in front takes most of the load anyway.
// The client address is clientAddress()'s (TRUSTED_PROXY_HOPS): without
// trusted proxies every visitor is "unknown" and they share one bucket of
// PUBLIC_RATE_LIMIT_SHARED instead.
import { clientAddress } from "@/server/auth/throttle";

const int = (v: string | undefined, fallback: number) => {
  const n = Number(v);
  return v !== undefined && v.trim() !== "" && Number.isInteger(n) && n > 0 ? n : fallback;
};

export interface RateLimit {
  /** Requests a client address may make per minute (also the burst). */
  perMinute: number;
  /** The same for the one bucket all "unknown" addresses share. */
  sharedPerMinute: number;
}

export const rateLimitFromEnv = (env: Record<string, string | undefined> = process.env): RateLimit => {
  const perMinute = int(env.PUBLIC_RATE_LIMIT, 120);
  return { perMinute, sharedPerMinute: int(env.PUBLIC_RATE_LIMIT_SHARED, perMinute * 10) };
};

interface Bucket {
  tokens: number;
  at: number;
}

/** Buckets kept at most; beyond it the full ones (idle clients) are forgotten first. */
const MAX_BUCKETS = 50_000;

export class TokenBuckets {
  private buckets = new Map<string, Bucket>();
  constructor(private readonly limit: () => RateLimit = rateLimitFromEnv) {}

  /** Takes one token for the address: 0 when the request may go ahead, else the seconds until it may. */
  take(address: string, now = Date.now()): number {
    const { perMinute, sharedPerMinute } = this.limit();
    const capacity = address === "unknown" ? sharedPerMinute : perMinute;
    const perMs = capacity / 60_000;
    const b = this.buckets.get(address) ?? { tokens: capacity, at: now };
    b.tokens = Math.min(capacity, b.tokens + Math.max(0, now - b.at) * perMs);
    b.at = now;
    if (b.tokens >= 1) {
      b.tokens -= 1;
      this.buckets.set(address, b);
      if (this.buckets.size > MAX_BUCKETS) this.sweep(now);
      return 0;
    }
    this.buckets.set(address, b);
    return Math.max(1, Math.ceil((1 - b.tokens) / perMs / 1000));
  }

  private sweep(now: number) {
    for (const [k, b] of this.buckets) {
      const capacity = k === "unknown" ? this.limit().sharedPerMinute : this.limit().perMinute;
      if (b.tokens + (now - b.at) * (capacity / 60_000) >= capacity) this.buckets.delete(k);
    }
    // Still too many (an address spray): forget the oldest.
    for (const k of this.buckets.keys()) {
      if (this.buckets.size <= MAX_BUCKETS) break;
      this.buckets.delete(k);
    }
  }

  clear() {
    this.buckets.clear();
  }
}

/** This process's buckets for the public view. */
export const publicViewBuckets = new TokenBuckets();

/** How long a shared cache may serve the view, and serve it stale while it fetches a new one. */
export const PUBLIC_CACHE_CONTROL = "public, max-age=60, stale-while-revalidate=300";

export const isPublicViewPath = (pathname: string) => pathname === "/offentlig" || pathname.startsWith("/offentlig/");

export const TOO_MANY_MESSAGE = "För många förfrågningar från din adress. Vänta en stund och försök igen.";

/** The 429 answer, or null when the request may go ahead. */
export function rateLimited(headers: Headers, pathname: string, buckets = publicViewBuckets, now = Date.now()): Response | null {
  const wait = buckets.take(clientAddress(Object.fromEntries(headers.entries())), now);
  if (wait === 0) return null;
  const common = { "Retry-After": String(wait), "Cache-Control": "no-store" };
  if (pathname.endsWith(".json")) {
    return new Response(JSON.stringify({ ok: false, message: TOO_MANY_MESSAGE }), { status: 429, headers: { ...common, "Content-Type": "application/json; charset=utf-8" } });
  }
  if (pathname.endsWith(".csv")) return new Response(TOO_MANY_MESSAGE, { status: 429, headers: { ...common, "Content-Type": "text/plain; charset=utf-8" } });
  const html = `<!doctype html><html lang="sv"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>För många förfrågningar</title></head><body><main><h1>För många förfrågningar</h1><p>${TOO_MANY_MESSAGE} Du kan försöka igen om ${wait} sekunder.</p></main></body></html>`;
  return new Response(html, { status: 429, headers: { ...common, "Content-Type": "text/html; charset=utf-8" } });
}
