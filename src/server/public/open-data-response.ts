// The open data as an HTTP answer: stable URLs, cacheable by any proxy
// (Cache-Control public, a strong ETag answered with 304, Last-Modified), and
// each item's `web` made absolute with the app's public address.
import "server-only";
import { etagOf, notModified, openDataCsv, openDataJson, PUBLIC_CACHE_CONTROL, type OpenData } from "./open-data";
import type { PublicView } from "@/server/entry/public-view";

/** The site's public address (NEXTAUTH_URL), else the address the request came to. */
export function siteOrigin(request: Request): string {
  const configured = process.env.NEXTAUTH_URL?.trim();
  if (configured) {
    try {
      return new URL(configured).origin;
    } catch {
      /* not a URL: fall back to the request's */
    }
  }
  return new URL(request.url).origin;
}

export function openDataResponse(value: { view: PublicView; data: OpenData }, request: Request, format: "json" | "csv"): Response {
  const origin = siteOrigin(request);
  const data = { ...value.data, items: value.data.items.map((i) => ({ ...i, web: origin + i.web })) };
  const body = format === "json" ? openDataJson(data, value.view, `${origin}/offentlig/${value.view.slug}`) : openDataCsv(data);
  const etag = etagOf(body);
  const headers = new Headers({
    "Cache-Control": PUBLIC_CACHE_CONTROL,
    ETag: etag,
    "Access-Control-Allow-Origin": "*",
    "X-Content-Type-Options": "nosniff",
  });
  if (data.lastModified) headers.set("Last-Modified", data.lastModified.toUTCString());
  if (notModified(request, etag)) return new Response(null, { status: 304, headers });
  headers.set("Content-Type", format === "json" ? "application/json; charset=utf-8" : "text/csv; charset=utf-8");
  if (format === "csv") headers.set("Content-Disposition", `inline; filename="uppdrag-${value.view.slug}.csv"`);
  return new Response(body, { headers });
}
