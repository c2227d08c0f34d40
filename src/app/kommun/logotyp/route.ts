// The municipality's logo for the signed-in user's own municipality, from the
// database. An SVG is sandboxed by its CSP, so nothing in it can run even when
// the file is opened on its own.
import { serveRoute, refusalResponse } from "@/server/entry/route";
import { logoEndpoint } from "@/server/admin/endpoints";

export const GET = serveRoute(logoEndpoint, {
  respond: (logo) => {
    if (!logo) return refusalResponse(404, "Ingen logotyp.");
    return new Response(new Uint8Array(logo.bytes), {
      headers: {
        "Content-Type": logo.type,
        "Cache-Control": "private, max-age=86400",
        "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; sandbox",
        "X-Content-Type-Options": "nosniff",
      },
    });
  },
});
