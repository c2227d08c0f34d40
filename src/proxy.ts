// Runs before every page and route: sets the security headers and a fresh CSP
// nonce per request (Next.js reads the nonce from the request's CSP header and
// puts it on its own scripts). It is not an authorization check: every page,
// action and route checks the user itself (CVE-2025-29927). For the open
// public view (/offentlig) it also applies the rate limit per client address
// and marks the pages cacheable by a shared cache (docs/decisions/007).
import { NextResponse, type NextRequest } from "next/server";
import { contentSecurityPolicy, originOf, securityHeaders } from "@/lib/security/csp";
import { isPublicViewPath, PUBLIC_CACHE_CONTROL, rateLimited } from "@/server/public/rate-limit";

/**
 * The policy of /kommun/logotyp, a file shown on its own: nothing runs, nothing
 * loads. The proxy sends it itself because Next.js puts the headers set here on
 * top of a route's own (issue #15: the page policy used to replace it).
 */
export const LOGO_CSP = "default-src 'none'; style-src 'unsafe-inline'; sandbox";
/** Routes that serve files, not pages: their own policy, not the page's. */
const FILE_POLICIES: Record<string, string> = { "/kommun/logotyp": LOGO_CSP };

export function proxy(request: NextRequest) {
  const publicView = isPublicViewPath(request.nextUrl.pathname);
  const limited = publicView ? rateLimited(request.headers, request.nextUrl.pathname) : null;
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
  const https = (process.env.NEXTAUTH_URL ?? "").startsWith("https:");
  const csp = contentSecurityPolicy({
    nonce,
    dev: process.env.NODE_ENV === "development",
    identityProviderOrigin: originOf(process.env.OIDC_ISSUER),
    https,
  });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", csp);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", FILE_POLICIES[request.nextUrl.pathname.replace(/\/+$/, "")] ?? csp);
  for (const [k, v] of Object.entries(securityHeaders({ https: https && process.env.NODE_ENV === "production" }))) response.headers.set(k, v);
  if (limited) {
    for (const [k, v] of response.headers) if (k !== "x-middleware-next" && !k.startsWith("x-middleware-")) limited.headers.set(k, v);
    return limited;
  }
  // The public pages are the same for everyone: a shared cache may keep them a
  // minute (the open data routes set their own, with an ETag). Server errors
  // are still marked no-store by Next.js itself.
  if (publicView && !request.nextUrl.pathname.includes("/data/")) response.headers.set("Cache-Control", PUBLIC_CACHE_CONTROL);
  return response;
}

export const config = {
  // Static files carry no script to protect; next.config.js gives them the basic headers.
  matcher: [{ source: "/((?!_next/static|_next/image|favicon.ico|icon|apple-touch-icon|sw.js).*)" }],
};
