// What the server refuses to start without. In production the secrets come from
// the environment only: a missing or weak one stops the start with a clear message
// rather than running with a guessable cookie signature.
export function startupProblems(env: NodeJS.ProcessEnv): string[] {
  if (env.NODE_ENV !== "production") return [];
  const problems: string[] = [];
  const secret = env.NEXTAUTH_SECRET ?? "";
  if (secret.length < 32) problems.push("NEXTAUTH_SECRET saknas eller är kortare än 32 tecken.");
  if (!env.NEXTAUTH_URL) problems.push("NEXTAUTH_URL saknas (appens publika adress).");
  if (env.OIDC_ISSUER && (!env.OIDC_CLIENT_ID || !env.OIDC_CLIENT_SECRET)) problems.push("OIDC_ISSUER är satt men OIDC_CLIENT_ID eller OIDC_CLIENT_SECRET saknas.");
  return problems;
}
