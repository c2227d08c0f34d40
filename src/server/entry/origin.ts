// A state-changing request must come from this site: the session cookie alone
// is not enough (CSRF). Browsers send Origin on every POST and Sec-Fetch-Site on
// every request; neither can be set by a page of another site.

/**
 * The origins requests are expected from: NEXTAUTH_URL's, and the Host the
 * request was sent to (a browser on another site cannot set Host or Origin).
 */
function expectedOrigins(headers: Headers, env: NodeJS.ProcessEnv): string[] {
  const out: string[] = [];
  try {
    if (env.NEXTAUTH_URL) out.push(new URL(/^https?:\/\//.test(env.NEXTAUTH_URL) ? env.NEXTAUTH_URL : `https://${env.NEXTAUTH_URL}`).origin);
  } catch {
    // An invalid NEXTAUTH_URL stops the start in production (startup-checks); here it only matches nothing.
  }
  const host = headers.get("x-forwarded-host") ?? headers.get("host");
  if (host) for (const scheme of ["http", "https"]) out.push(`${scheme}://${host.split(",")[0].trim()}`);
  return out;
}

export function isSameOrigin(headers: Headers, env: NodeJS.ProcessEnv = process.env): boolean {
  const site = headers.get("sec-fetch-site");
  if (site && site !== "same-origin") return false;
  const origin = headers.get("origin");
  if (origin) return expectedOrigins(headers, env).includes(origin);
  // No Origin (an old browser on a same-origin request): Sec-Fetch-Site alone decides.
  return site === "same-origin";
}
