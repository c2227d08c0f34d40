// Settings read from the environment (documented in .env.example).

/** Demo mode lists the demo users on the sign-in page: on by default on the embedded database. */
export function isDemoMode(): boolean {
  const v = process.env.DEMO_MODE;
  if (v === "true") return true;
  if (v === "false") return false;
  return !process.env.DATABASE_URL;
}

/**
 * How many proxies of the operator's own stand in front of the app
 * (TRUSTED_PROXY_HOPS, default 0): the client address for sign-in throttling is
 * read from X-Forwarded-For only that far (see clientAddress in auth/throttle.ts).
 */
export function trustedProxyHops(env: Record<string, string | undefined> = process.env): number {
  const v = env.TRUSTED_PROXY_HOPS?.trim();
  if (!v) return 0;
  const n = Number(v);
  return Number.isInteger(n) && n >= 0 && n <= 20 ? n : 0;
}
