// What the server refuses to start without. In production the secrets come from
// the environment only: a missing or weak one stops the start with a clear message
// rather than running with a guessable cookie signature, and production without
// DATABASE_URL does not fall back to the embedded demo database.
import { NO_DATABASE_IN_PRODUCTION } from "./config";

export function startupProblems(env: NodeJS.ProcessEnv): string[] {
  if (env.NODE_ENV !== "production") return [];
  const problems: string[] = [];
  const secret = env.NEXTAUTH_SECRET ?? "";
  if (secret.length < 32) problems.push("NEXTAUTH_SECRET saknas eller är kortare än 32 tecken.");
  if (!env.NEXTAUTH_URL) problems.push("NEXTAUTH_URL saknas (appens publika adress).");
  if (!env.DATABASE_URL?.trim() && env.DEMO_MODE !== "true") problems.push(NO_DATABASE_IN_PRODUCTION);
  const hops = env.TRUSTED_PROXY_HOPS?.trim();
  if (hops && !/^\d{1,2}$/.test(hops)) problems.push("TRUSTED_PROXY_HOPS ska vara ett heltal: antalet egna proxyservrar framför appen (0 om ingen).");
  if (env.OIDC_ISSUER && (!env.OIDC_CLIENT_ID || !env.OIDC_CLIENT_SECRET)) problems.push("OIDC_ISSUER är satt men OIDC_CLIENT_ID eller OIDC_CLIENT_SECRET saknas.");
  return problems;
}
