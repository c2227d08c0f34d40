// The open public view's endpoints (docs/decisions/007-public-view.md), each
// declared once: the open data (served as JSON and CSV by the routes under
// /offentlig/[slug]/data) and the administrator's switch that keeps one
// uppdrag out of the view. The pages are in src/server/entry/pages.ts.
import "server-only";
import { z } from "@/lib/validation/zod";
import { changeEndpoint, definePublicViewEndpoint } from "@/server/entry/endpoint";
import { uppdragScope } from "@/server/uppdrag/endpoints";
import { openData } from "./open-data";
import { setPubliclyHidden } from "./hide";

/** The municipality in the address; a malformed one is simply not found (the gate's lookup finds nothing). */
const slug = z.string().max(200);

export const publicPath = (s: string, uppdragId?: string) => `/offentlig/${s}${uppdragId ? `/uppdrag/${uppdragId}` : ""}`;

export const openDataEndpoint = definePublicViewEndpoint({
  id: "public.openData",
  input: z.object({ slug }),
  public:
    "Open data of a municipality that has turned its public view on: what it chose to show, the same to everyone, no session read; any other slug is not found.",
  // Each item's `web` is its page's path here; the route puts the site's address in front.
  run: async ({ db, view }) => ({ view, data: await openData(db, view, (id) => publicPath(view.slug, id)) }),
});

export const setPubliclyHiddenEndpoint = changeEndpoint(
  "public.setHidden",
  z.object({ uppdragId: z.uuid("Okänt uppdrag."), hidden: z.enum(["true", "false"], "Välj dölj eller visa.").transform((v) => v === "true") }),
  "admin:manage",
  (db, input) => uppdragScope(db, input.uppdragId),
  setPubliclyHidden,
);
