import type { Metadata } from "next";
import Link from "next/link";
import { requirePermission } from "@/server/entry/page";
import { canManageSomePlan } from "@/server/permissions";
import { listPlans } from "@/server/plan/get-plan";
import { AppShell } from "@/components/ui/app-shell";
import { RollupSummary } from "@/components/plan/plan-badges";
import { formatDate } from "@/lib/dates";

export const metadata: Metadata = { title: "Verksamhetsplaner" };

export default async function PlansPage() {
  const page = await requirePermission("/planer");
  if (!page.allowed) return page.refuse("Verksamhetsplaner", "Du har inte behörighet att läsa verksamhetsplanerna.");
  const { actor, db } = page;
  const plans = await listPlans(db, actor);
  return (
    <AppShell actor={actor}>
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-bold text-brand-900">Verksamhetsplaner</h1>
        {canManageSomePlan(actor) && (
          <Link href="/planer/import" className="inline-flex min-h-11 items-center rounded-md border border-brand-700 bg-white px-4 font-medium text-brand-700 hover:bg-brand-50">
            Läs in plan från Excel
          </Link>
        )}
      </div>
      <p className="mt-1 max-w-3xl text-slate-700">
        Nämndernas planer: kommunmål, nämndåtaganden, aktiviteter och nyckeltal, med uppföljningen vid varje tillfälle.
      </p>
      {plans.length === 0 ? (
        <p className="mt-6 rounded-lg border border-slate-200 bg-white p-5">Det finns inga verksamhetsplaner ännu.</p>
      ) : (
        <ul className="mt-6 grid gap-4 md:grid-cols-2">
          {plans.map((p) => (
            <li key={p.id} className="rounded-lg border border-slate-200 bg-white p-5">
              <h2 className="text-lg font-semibold">
                <Link href={`/planer/${p.id}`} className="text-brand-700 underline decoration-1 underline-offset-2 hover:decoration-2">
                  {p.title}
                </Link>
              </h2>
              <p className="text-slate-700">
                {p.body.name} ({p.body.shortName}) · {p.year}
              </p>
              <p className="mt-2 text-sm">
                {p.latest
                  ? `Uppföljning ${p.latest.name} (${formatDate(p.latest.asOf)}), ${p.latest.closed ? "stängd" : "öppen"}. ${p.occasions} ${p.occasions === 1 ? "uppföljning" : "uppföljningar"} totalt.`
                  : "Ingen uppföljning ännu."}
              </p>
              <div className="mt-2">
                <RollupSummary rollup={p.rollup} compact />
              </div>
            </li>
          ))}
        </ul>
      )}
    </AppShell>
  );
}
