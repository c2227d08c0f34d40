// What a page may show, checked with the same rules and scopes as the
// endpoints (endpoint.ts). Each page.tsx starts with one call:
//   const page = await requirePermission("/uppdrag/[id]", { id });
//   if (!page.allowed) return page.refuse("Rubrik", "Varför sidan inte visas.");
// The rule of every page is declared once in pages.ts; a signed-out visitor is
// sent to sign in, a record that is not there (or another municipality's) is
// not found, and a refusal is logged like an endpoint's.
import "server-only";
import type { ReactElement } from "react";
import { notFound, redirect } from "next/navigation";
import { PageRefusal } from "@/components/ui/refusal";
import { getActor } from "@/server/auth/actor";
import { getPrisma } from "@/server/db";
import { scopedClient, type ScopedClient } from "@/server/db/scoped";
import { can, canForSomeRecord, type Actor } from "@/server/permissions";
import { logRefusal } from "./log";
import { PAGES, type PagePath, type PublicViewPagePath } from "./pages";
import { openPublicView, type OpenedPublicView } from "./public-view";

export type PageAccess =
  | { allowed: true; actor: Actor; db: ScopedClient }
  | { allowed: false; actor: Actor; /** The whole page that refuses, in the app's frame: `return page.refuse("Rubrik", "Varför.")`. */ refuse: (title: string, why: string) => ReactElement };

/** The page's path with its parameters filled in (for the sign-in's way back). */
function filled(path: string, params: Record<string, string>): string {
  return path.replace(/\[(\w+)\]/g, (_, k: string) => encodeURIComponent(params[k] ?? ""));
}

export async function requirePermission(path: PagePath, params: Record<string, string> = {}): Promise<PageAccess> {
  const rule = PAGES[path];
  if ("public" in rule) throw new Error(`${path} is public: use optionalActor() or openPublicPage()`);
  const actor = await getActor();
  if (!actor) redirect(`/logga-in?callbackUrl=${encodeURIComponent(filled(path, params))}`);
  const db = scopedClient(await getPrisma(), actor.municipalityId);
  let allowed: boolean;
  if (rule.scope === "municipality") allowed = can(actor, rule.permission, { municipalityId: actor.municipalityId });
  else if (rule.scope === "some-record") allowed = canForSomeRecord(actor, rule.permission);
  else {
    const found = await rule.scope(db, params);
    if (found === null) {
      await logRefusal({ actor, endpoint: `page ${path}`, where: `page ${path}`, reason: "not-found", permission: rule.permission });
      notFound();
    }
    allowed = (Array.isArray(found) ? found : [found]).every((r) => can(actor, rule.permission, { municipalityId: actor.municipalityId, ...r }));
  }
  if (!allowed) {
    await logRefusal({ actor, endpoint: `page ${path}`, where: `page ${path}`, reason: "forbidden", permission: rule.permission });
    return { allowed: false, actor, refuse: (title, why) => <PageRefusal actor={actor} title={title}>{why}</PageRefusal> };
  }
  return { allowed: true, actor, db };
}

/** For public pages (sign-in, the one-time link): who is signed in, if anyone. */
export async function optionalActor(): Promise<Actor | null> {
  return getActor();
}

/**
 * For the pages of the open public view (docs/decisions/007-public-view.md):
 * the municipality the address names, with the database confined to it, when
 * it has turned its view on; otherwise the page is not found (an unknown slug
 * the same). Never reads the session: the page is the same for everyone.
 */
export async function openPublicPage(path: PublicViewPagePath, params: { slug: string }): Promise<OpenedPublicView> {
  if (!("publicView" in PAGES[path])) throw new Error(`${path} is not a page of the public view`);
  const opened = await openPublicView(params.slug);
  if (!opened) notFound();
  return opened;
}
