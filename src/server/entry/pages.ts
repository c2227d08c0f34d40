// Who may open each page, declared once: the page calls requirePermission with
// its path (page.ts), and the permission matrix test reads this list. A page
// reading records every role may read is scoped to the municipality: its own
// query finds nothing in another municipality and the page answers not found.
import "server-only";
import type { ScopedClient } from "@/server/db/scoped";
import type { Permission } from "@/server/permissions";
import type { RecordScope } from "./endpoint";
import { councilScope } from "@/server/motions/access";

export type PageRule =
  | { permission: Permission; scope: "municipality" | "some-record" | ((db: ScopedClient, params: Record<string, string>) => Promise<RecordScope | RecordScope[] | null>) }
  | { public: string }
  /** A page of a municipality's open public view: `openPublicPage` answers not found unless the municipality has turned it on. */
  | { public: string; publicView: true };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The plan's body and every unit responsible for an activity of it: who may follow it up. */
async function planFollowUpScope(db: ScopedClient, params: Record<string, string>): Promise<RecordScope | null> {
  if (!UUID.test(params.id ?? "")) return null;
  const plan = await db.plan.findFirst({ where: { id: params.id }, select: { bodyId: true } });
  if (!plan) return null;
  const units = await db.planActivity.findMany({ where: { planId: params.id }, select: { units: { select: { unitId: true } } } });
  return { bodyId: plan.bodyId, unitIds: [...new Set(units.flatMap((a) => a.units.map((u) => u.unitId)))] };
}

const own = (permission: Permission): PageRule => ({ permission, scope: "municipality" });
const some = (permission: Permission): PageRule => ({ permission, scope: "some-record" });

export const PAGES = {
  "/": { public: "Only redirects to /uppdrag, which checks the actor itself." },
  "/logga-in": { public: "The sign-in page (a signed-in person is sent on to /uppdrag)." },
  "/valj-losenord/[token]": { public: "The one-time password link: the token is the authorisation; an unknown token shows that the link is invalid." },
  "/uppdrag": own("uppdrag:read"),
  "/uppdrag/[id]": own("uppdrag:read"),
  "/statusrunda": some("uppdrag:change-status"),
  "/import": some("uppdrag:import"),
  "/moten": own("meeting:read"),
  "/moten/[id]": own("meeting:read"),
  "/moten/registrera": some("meeting:create"),
  "/planer": own("plan:read"),
  "/planer/import": some("plan:manage"),
  "/planer/[id]": own("plan:read"),
  "/planer/[id]/uppfoljning": { permission: "plan:follow-up", scope: planFollowUpScope },
  "/rapporter": own("report:read-frozen"),
  "/rapporter/arkiv/[id]": own("report:read-frozen"),
  "/rapporter/jamfor": own("report:read-frozen"),
  "/motioner": own("motion:read"),
  "/motioner/ny": { permission: "motion:manage", scope: (db) => councilScope(db) },
  "/motioner/[id]": own("motion:read"),
  "/motioner/rapport": own("report:read-frozen"),
  "/motioner/rapport/jamfor": own("report:read-frozen"),
  "/konto": own("account:own"),
  "/admin": own("admin:manage"),
  "/admin/organ": own("admin:manage"),
  "/admin/organ/[id]": own("admin:manage"),
  "/admin/enheter": own("admin:manage"),
  "/admin/enheter/[id]": own("admin:manage"),
  "/admin/anvandare": own("admin:manage"),
  "/admin/anvandare/[id]": own("admin:manage"),
  "/admin/installningar": own("admin:manage"),
  "/admin/logg": own("audit:read"),
  // Demo mode only (the page is not found otherwise): the demo's caught reminder mail.
  "/admin/utkorg": own("admin:manage"),
  "/offentlig/[slug]": { public: "The municipality's open public view, when it has turned it on: only what it chose to show, to anyone, no session read.", publicView: true },
  "/offentlig/[slug]/uppdrag/[id]": { public: "One uppdrag of the municipality's open public view (not a hidden one): only what it chose to show, to anyone.", publicView: true },
} satisfies Record<string, PageRule>;

/** The pages of the open public view. */
export type PublicViewPagePath = { [P in keyof typeof PAGES]: (typeof PAGES)[P] extends { publicView: true } ? P : never }[keyof typeof PAGES];

export type PagePath = keyof typeof PAGES;
