// The municipality's logo for the signed-in user's own municipality, from the
// database: a PNG the server has decoded (an uploaded SVG is drawn to a PNG).
// Sandboxed by its CSP all the same, so nothing in it could run even when the
// file is opened on its own; the proxy sends the same policy (LOGO_CSP).
import { LOGO_CSP } from "@/proxy";
import { serveRoute, refusalResponse } from "@/server/entry/route";
import { logoEndpoint } from "@/server/admin/endpoints";

export const GET = serveRoute(logoEndpoint, {
  respond: (logo) => {
    if (!logo) return refusalResponse(404, "Ingen logotyp.");
    return new Response(new Uint8Array(logo.bytes), {
      headers: {
        "Content-Type": logo.type,
        "Cache-Control": "private, max-age=86400",
        "Content-Security-Policy": LOGO_CSP,
        "X-Content-Type-Options": "nosniff",
      },
    });
  },
});
