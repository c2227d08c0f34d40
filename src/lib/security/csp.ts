// The Content Security Policy and the other security headers, as plain functions
// (the proxy applies them; tests/unit/security-headers.test.ts reads them).
// Scripts run only with the request's nonce (and what they load: 'strict-dynamic');
// styles may be inline because React writes style attributes, which a nonce
// cannot cover; nothing may be framed, and forms post only to this site (and to
// the identity provider, when single sign-on is configured).

export interface CspOptions {
  nonce: string;
  /** Development needs eval for React's debugging and hot reload. */
  dev?: boolean;
  /** Origin of the OpenID Connect provider, allowed as a form target. */
  identityProviderOrigin?: string | null;
  /** Served over HTTPS: upgrade any stray http: request. */
  https?: boolean;
}

export function contentSecurityPolicy(o: CspOptions): string {
  const formAction = ["'self'", o.identityProviderOrigin].filter(Boolean).join(" ");
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${o.nonce}' 'strict-dynamic'${o.dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "worker-src 'self'",
    "manifest-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    `form-action ${formAction}`,
    "frame-ancestors 'none'",
    ...(o.https ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
}

/** Headers for every response besides the CSP. */
export function securityHeaders(o: { https?: boolean }): Record<string, string> {
  return {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "X-Frame-Options": "DENY",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
    "Cross-Origin-Opener-Policy": "same-origin",
    ...(o.https ? { "Strict-Transport-Security": "max-age=63072000; includeSubDomains" } : {}),
  };
}

/** The origin of a URL, or null when it is not one. */
export function originOf(url: string | undefined | null): string | null {
  if (!url) return null;
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}
