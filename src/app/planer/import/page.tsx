import { Refusal } from "@/components/ui/refusal";
import type { Metadata } from "next";
import { requirePermission } from "@/server/entry/page";
import { can } from "@/server/permissions";
import { AppShell } from "@/components/ui/app-shell";
import { ImportForm } from "@/components/plan/import-form";
import { compareSv } from "@/lib/dates";
import { BackLink } from "@/components/ui/back-link";

export const metadata: Metadata = { title: "Läs in plan från Excel" };

export default async function ImportPlanPage() {
  const page = await requirePermission("/planer/import");
  const { actor } = page;
  const bodies = page.allowed
    ? (await page.db.body.findMany({ select: { id: true, name: true, shortName: true } }))
        .filter((b) => can(actor, "plan:manage", { municipalityId: actor.municipalityId, bodyId: b.id }))
        .sort((a, b) => compareSv(a.name, b.name))
        .map((b) => ({ id: b.id, label: `${b.name} (${b.shortName})` }))
    : [];
  return (
    <AppShell actor={actor}>
      <BackLink href="/planer">Alla planer</BackLink>
      <h1 className="mt-1 text-2xl font-bold text-brand-900">Läs in plan från Excel</h1>
      {bodies.length === 0 ? (
        <Refusal className="mt-4 rounded-lg border border-slate-200 bg-white p-5">Planer läses in av sekreterare och administratörer.</Refusal>
      ) : (
        <>
          <p className="mt-1 max-w-3xl text-slate-700">Filen läses först in som en förhandsgranskning med eventuella fel per rad. Ingenting sparas förrän du väljer ”Spara planen”.</p>
          <div className="mt-4">
            <ImportForm bodies={bodies} />
          </div>
        </>
      )}
    </AppShell>
  );
}
