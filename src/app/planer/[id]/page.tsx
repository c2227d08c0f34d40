import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { requirePermission } from "@/server/entry/page";
import { getPlanTree } from "@/server/plan/get-plan";
import { AppShell } from "@/components/ui/app-shell";
import { ActivityStatusBadge, IndicatorOutcomeBadge, RollupSummary } from "@/components/plan/plan-badges";
import { StatusBadge } from "@/components/uppdrag/status-badge";
import { CloseOccasionForm, NewOccasionForm } from "@/components/plan/occasion-forms";
import { formatDate } from "@/lib/dates";
import { rollupSentence } from "@/lib/plan/status";
import type { LinkedUppdrag } from "@/server/plan/get-plan";
import { BackLink } from "@/components/ui/back-link";

export const metadata: Metadata = { title: "Verksamhetsplan" };

function UppdragLinks({ items }: { items: LinkedUppdrag[] }) {
  if (!items.length) return null;
  return (
    <ul className="mt-1 space-y-1 text-sm">
      {items.map((u) => (
        <li key={u.linkId} className="flex flex-wrap items-center gap-2">
          <span className="text-slate-700">Uppdrag:</span>
          <Link href={`/uppdrag/${u.id}`} className="inline-flex min-h-11 items-center text-brand-700 underline">
            {u.title}
          </Link>
          <StatusBadge status={u.status} />
        </li>
      ))}
    </ul>
  );
}

export default async function PlanPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ tillfalle?: string }> }) {
  const { id } = await params;
  const { tillfalle } = await searchParams;
  const page = await requirePermission("/planer/[id]", { id });
  if (!page.allowed) return page.refuse("Verksamhetsplan", "Du har inte behörighet att läsa planen.");
  const { actor, db } = page;
  if (!z.uuid().safeParse(id).success) notFound();
  if (tillfalle !== undefined && !z.uuid().safeParse(tillfalle).success) notFound();
  const plan = await getPlanTree(db, actor, id, tillfalle);
  if (!plan) notFound();
  const occ = plan.occasion;
  const q = occ ? `?tillfalle=${occ.id}` : "";
  return (
    <AppShell actor={actor}>
      <BackLink href="/planer">Alla planer</BackLink>
      <h1 className="mt-1 text-2xl font-bold text-brand-900">{plan.title}</h1>
      <p className="text-slate-700">
        {plan.body.name} ({plan.body.shortName}) · {plan.year}
      </p>

      <section aria-labelledby="uppfoljning" className="mt-4 rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="uppfoljning" className="font-semibold">
          Uppföljning
        </h2>
        {plan.occasions.length === 0 ? (
          <p className="mt-1">Planen har ingen uppföljning ännu.</p>
        ) : (
          <nav aria-label="Uppföljningstillfällen" className="mt-2">
            <ul className="flex flex-wrap gap-2">
              {plan.occasions.map((o) => (
                <li key={o.id}>
                  <Link
                    href={`/planer/${plan.id}?tillfalle=${o.id}`}
                    aria-current={o.id === occ?.id ? "page" : undefined}
                    className={`inline-flex min-h-11 items-center rounded-md border px-3 ${o.id === occ?.id ? "border-brand-700 bg-brand-700 font-semibold text-white" : "border-slate-300 bg-white text-brand-700 hover:bg-brand-50"}`}
                  >
                    {o.name} · {o.closedAt ? "stängd" : "öppen"}
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
        )}
        {occ && (
          <>
            <p className="mt-3">
              <span className="font-medium">{occ.name}</span> ({formatDate(occ.asOf)}):{" "}
              {occ.closedAt ? `stängd ${formatDate(occ.closedAt)}${occ.closedBy ? ` av ${occ.closedBy}` : ""}. Uppgifterna kan inte ändras.` : "öppen för uppföljning."}
            </p>
            <div className="mt-3">
              <RollupSummary rollup={plan.rollup} />
            </div>
            <div className="no-print mt-4 flex flex-wrap gap-2">
              {plan.can.followUpOpen && plan.openOccasion && (
                <Link
                  href={`/planer/${plan.id}/uppfoljning?tillfalle=${plan.openOccasion.id}`}
                  className="inline-flex min-h-11 items-center rounded-md bg-brand-700 px-4 font-semibold text-white hover:bg-brand-800"
                >
                  Fyll i uppföljningen {plan.openOccasion.name}
                </Link>
              )}
              <Link href={`/planer/${plan.id}/rapport${q}`} prefetch={false} className="inline-flex min-h-11 items-center rounded-md border border-brand-700 bg-white px-4 font-medium text-brand-700 hover:bg-brand-50">
                Rapport för utskrift
              </Link>
              <a href={`/planer/${plan.id}/rapport/fil${q}&format=pdf`} className="inline-flex min-h-11 items-center rounded-md border border-brand-700 bg-white px-4 font-medium text-brand-700 hover:bg-brand-50">
                Ladda ned PDF
              </a>
              <a href={`/planer/${plan.id}/rapport/fil${q}&format=docx`} className="inline-flex min-h-11 items-center rounded-md border border-brand-700 bg-white px-4 font-medium text-brand-700 hover:bg-brand-50">
                Ladda ned Word
              </a>
            </div>
          </>
        )}
      </section>

      <ol className="mt-6 space-y-6">
        {plan.goals.map((g, gi) => (
          <li key={g.id}>
            <section aria-labelledby={`mal-${g.id}`} className="rounded-lg border border-slate-200 bg-white p-4 md:p-5">
              <p className="text-sm font-medium uppercase tracking-wide text-slate-700">Kommunmål {gi + 1}</p>
              <h2 id={`mal-${g.id}`} className="text-lg font-semibold text-brand-900">
                {g.text}
              </h2>
              {g.commitments.map((c) => (
                <div key={c.id} className="mt-3 border-l-4 border-brand-100 pl-3 md:pl-4">
                  <h3 className="font-semibold">
                    <span className="text-slate-700">Nämndåtagande: </span>
                    {c.text}
                  </h3>
                  <div className="mt-2">
                    <RollupSummary rollup={c.rollup} compact />
                  </div>
                  <UppdragLinks items={c.uppdrag} />
                  <details className="group mt-2">
                    <summary className="inline-flex min-h-11 cursor-pointer items-center rounded-md px-1 font-medium text-brand-700">
                      <span className="underline">Aktiviteter och nyckeltal</span>
                      <span className="sr-only"> för {c.text}</span>
                      <span className="ml-2 text-sm text-slate-700">({rollupSentence(c.rollup).toLowerCase()})</span>
                    </summary>
                    <h4 className="mt-3 font-semibold">Aktiviteter</h4>
                    <ul className="mt-2 divide-y divide-slate-200">
                      {c.activities.map((a) => (
                        <li key={a.id} className="py-3">
                          <div className="flex flex-wrap items-start justify-between gap-2">
                            <p className="max-w-2xl font-medium">{a.name}</p>
                            <ActivityStatusBadge status={a.status} />
                          </div>
                          <dl className="mt-1 grid grid-cols-[auto_1fr] gap-x-3 text-sm text-slate-700">
                            {a.target && (
                              <>
                                <dt>Önskat läge</dt>
                                <dd>{a.target}</dd>
                              </>
                            )}
                            {a.partners && (
                              <>
                                <dt>Samverkan med</dt>
                                <dd>{a.partners}</dd>
                              </>
                            )}
                            {a.responsible && (
                              <>
                                <dt>Ansvarig</dt>
                                <dd>{a.responsible}</dd>
                              </>
                            )}
                            {a.comment && (
                              <>
                                <dt>Kommentar</dt>
                                <dd>{a.comment}</dd>
                              </>
                            )}
                          </dl>
                          <UppdragLinks items={a.uppdrag} />
                        </li>
                      ))}
                    </ul>
                    <h4 className="mt-4 font-semibold">Nyckeltal</h4>
                    {c.indicators.length === 0 ? (
                      <p className="mt-1 text-sm text-slate-700">Inga nyckeltal.</p>
                    ) : (
                      <ul className="mt-2 divide-y divide-slate-200">
                        {c.indicators.map((i) => (
                          <li key={i.id} className="py-3">
                            <div className="flex flex-wrap items-start justify-between gap-2">
                              <p className="max-w-2xl font-medium">{i.name}</p>
                              <IndicatorOutcomeBadge outcome={i.outcome} />
                            </div>
                            <p className="mt-1 text-sm text-slate-700">
                              Ingångsvärde {i.baseline ?? "–"}
                              {i.baselineDate ? ` (${formatDate(i.baselineDate)})` : ""} · Önskat läge {i.target ?? "–"} · Nu:{" "}
                              {i.noNewData ? "inga nya data" : (i.value ?? "ej rapporterat")}
                              {i.note ? ` (${i.note})` : ""}
                            </p>
                          </li>
                        ))}
                      </ul>
                    )}
                    <h4 className="mt-4 font-semibold">Sammanfattande kommentar</h4>
                    <p className="mt-1 whitespace-pre-line text-sm">{c.summary?.comment ?? "Ingen kommentar ännu."}</p>
                  </details>
                </div>
              ))}
            </section>
          </li>
        ))}
      </ol>

      {(plan.can.close || plan.can.manage) && (
        <div className="no-print mt-8 grid gap-6 md:grid-cols-2">
          {plan.can.close && occ && (
            <section aria-labelledby="stang" className="rounded-lg border border-slate-200 bg-white p-5">
              <h2 id="stang" className="text-lg font-semibold">
                Stäng uppföljningen {occ.name}
              </h2>
              <div className="mt-3">
                <CloseOccasionForm occasionId={occ.id} version={occ.version} name={occ.name} />
              </div>
            </section>
          )}
          {plan.can.manage && (
            <section aria-labelledby="ny" className="rounded-lg border border-slate-200 bg-white p-5">
              <h2 id="ny" className="text-lg font-semibold">
                Ny uppföljning
              </h2>
              <p className="mt-1 text-sm text-slate-700">Tidigare uppföljningar behåller sina värden.</p>
              <div className="mt-3">
                <NewOccasionForm planId={plan.id} />
              </div>
            </section>
          )}
        </div>
      )}
    </AppShell>
  );
}
