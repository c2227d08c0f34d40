// Where the browser may go after signing in: only a path on this site. A
// callbackUrl comes from the address bar, so it is hostile until shown
// otherwise: browsers read "/\evil.example" and "/<tab>/evil.example" as
// "//evil.example" (another origin), so those are refused outright, and what
// is left must resolve to this origin.

const FALLBACK = "/uppdrag";
/** Backslashes, whitespace and control characters: browsers strip or reinterpret them in URLs. */
const UNSAFE = /[\\\s\u0000-\u001f\u007f-\u009f\u2028\u2029]/;
const BASE = "https://uppdragskollen.invalid";

/**
 * The same-origin path (with query and fragment) that `p` names, or "/uppdrag".
 * `origin` is this site's origin (the browser's `window.location.origin`); an
 * absolute URL of that origin is made a path.
 */
export function safePath(p: unknown, origin: string = BASE): string {
  if (typeof p !== "string" || p.length === 0 || p.length > 2048 || UNSAFE.test(p)) return FALLBACK;
  let base: URL;
  try {
    base = new URL(origin);
  } catch {
    base = new URL(BASE);
  }
  let url: URL;
  try {
    url = new URL(p, base.origin);
  } catch {
    return FALLBACK;
  }
  if (url.origin !== base.origin) return FALLBACK;
  // A relative path without a leading slash ("evil.example") resolves here too,
  // but is not what a callbackUrl looks like: accept only rooted paths or this origin's URLs.
  if (!p.startsWith("/") && !p.startsWith(base.origin + "/") && p !== base.origin) return FALLBACK;
  const path = `${url.pathname}${url.search}${url.hash}`;
  return path.startsWith("/") && !path.startsWith("//") ? path : FALLBACK;
}
