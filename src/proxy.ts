// Runs before every page and route: sets the security headers and a fresh CSP
// nonce per request (Next.js reads the nonce from the request's CSP header and
// puts it on its own scripts). It is not an authorization check: every page,
// action and route checks the user itself (CVE-2025-29927).
import { NextResponse, type NextRequest } from "next/server";
import { contentSecurityPolicy, originOf, securityHeaders } from "@/lib/security/csp";

export function proxy(request: NextRequest) {
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
  response.headers.set("Content-Security-Policy", csp);
  for (const [k, v] of Object.entries(securityHeaders({ https: https && process.env.NODE_ENV === "production" }))) response.headers.set(k, v);
  return response;
}

export const config = {
  // Static files carry no script to protect; next.config.js gives them the basic headers.
  matcher: [{ source: "/((?!_next/static|_next/image|favicon.ico|icon|apple-touch-icon|sw.js).*)" }],
};
