// Settings read from the environment (documented in .env.example).

/** Demo mode lists the demo users on the sign-in page: on by default on the embedded database. */
export function isDemoMode(): boolean {
  const v = process.env.DEMO_MODE;
  if (v === "true") return true;
  if (v === "false") return false;
  return !process.env.DATABASE_URL;
}
