// Settings read from the environment (documented in .env.example).

/**
 * Demo mode lists the demo users, with their known password, on the sign-in
 * page. DEMO_MODE=true turns it on; unset, it is on only on the embedded
 * database outside production. In production the server does not even start
 * on the embedded database without DEMO_MODE=true (startup-checks.ts).
 */
export function isDemoMode(env: Record<string, string | undefined> = process.env): boolean {
  const v = env.DEMO_MODE;
  if (v === "true") return true;
  if (v === "false") return false;
  return !env.DATABASE_URL && env.NODE_ENV !== "production";
}

/** The demo data (users with a known password) may be loaded: never in production unless DEMO_MODE=true. */
export function mayLoadDemoData(env: Record<string, string | undefined> = process.env): boolean {
  return env.NODE_ENV !== "production" || env.DEMO_MODE === "true";
}

/** Why production without DATABASE_URL does not start (Swedish, then English). */
export const NO_DATABASE_IN_PRODUCTION =
  "DATABASE_URL saknas: i produktion krävs en PostgreSQL-databas (DATABASE_URL is required in production). " +
  "Den inbyggda databasen med demodata och kända lösenord används i produktion bara med DEMO_MODE=true (som `npm run demo` sätter).";

/** Demo data and users with a known password are refused in production (Swedish, then English). */
export const NO_DEMO_IN_PRODUCTION =
  "Demodata läses inte in i en produktionsdatabas (NODE_ENV=production; demo data is never loaded into a production database). " +
  "Sätt DEMO_MODE=true om det verkligen är en demo.";

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
