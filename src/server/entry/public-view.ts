// The open public view (docs/decisions/007-public-view.md): who is asking does
// not matter, the municipality named in the address does. Its pages and open
// data are served only when that municipality has turned the view on; an
// unknown slug and a municipality without the view get the same answer (not
// found) from the same single query. The database handed on is confined to
// that municipality like a signed-in user's; the session is never read.
import "server-only";
import { getPrisma } from "@/server/db";
import { scopedClient, type ScopedClient } from "@/server/db/scoped";

/** What the municipality has chosen to show, and who it is. */
export interface PublicView {
  municipalityId: string;
  slug: string;
  name: string;
  /** Status comments (the latest and the history's) are shown. */
  showComments: boolean;
  /** The named responsible official (Uppdrag.responsiblePerson) is shown. */
  showNames: boolean;
  diariumUrlPattern: string | null;
}

export interface OpenedPublicView {
  db: ScopedClient;
  view: PublicView;
}

/** A slug as the municipality table holds them; anything else is simply not found. */
const SLUG = /^[a-z0-9][a-z0-9-]{0,79}$/;

/** The municipality's open view, or null when there is none (unknown slug, or the view is off). */
export async function openPublicView(slug: unknown): Promise<OpenedPublicView | null> {
  if (typeof slug !== "string" || !SLUG.test(slug)) return null;
  const prisma = await getPrisma();
  // The municipality is the tenant itself: looked up by its slug, only when its view is on.
  const m = await prisma.municipality.findFirst({
    where: { slug, publicView: true },
    select: { id: true, slug: true, name: true, publicShowComments: true, publicShowNames: true, diariumUrlPattern: true },
  });
  if (!m) return null;
  return {
    db: scopedClient(prisma, m.id),
    view: { municipalityId: m.id, slug: m.slug, name: m.name, showComments: m.publicShowComments, showNames: m.publicShowNames, diariumUrlPattern: m.diariumUrlPattern },
  };
}
