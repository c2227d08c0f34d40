import { Refusal } from "@/components/ui/refusal";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { z } from "zod";
import { requirePermission } from "@/server/entry/page";
import { getPlanTree } from "@/server/plan/get-plan";
import { AppShell } from "@/components/ui/app-shell";
import { FollowUpForm } from "@/components/plan/follow-up-form";
import { formatDate } from "@/lib/dates";
import { BackLink } from "@/components/ui/back-link";

export const metadata: Metadata = { title: "Fyll i uppföljning" };

export default async function FollowUpPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ tillfalle?: string }> }) {
  const { id } = await params;
  const { tillfalle } = await searchParams;
  const page = await requirePermission("/planer/[id]/uppfoljning", { id });
  if (!page.allowed)
    return (
      <AppShell actor={page.actor}>
        <h1 className="text-2xl font-bold text-brand-900">Fyll i uppföljning</h1>
        <Refusal className="mt-4 rounded-lg border border-slate-200 bg-white p-5">Du har inga aktiviteter eller åtaganden att följa upp i den här planen.</Refusal>
      </AppShell>
    );
  const { actor, db } = page;
  if (!z.uuid().safeParse(id).success || (tillfalle !== undefined && !z.uuid().safeParse(tillfalle).success)) notFound();
  const plan = await getPlanTree(db, actor, id, tillfalle);
  if (!plan) notFound();
  const occ = plan.occasion;
  const back = `/planer/${plan.id}${occ ? `?tillfalle=${occ.id}` : ""}`;
  const commitments = plan.goals.flatMap((g) => g.commitments.map((c) => ({ goal: g, c }))).filter(({ c }) => c.canEdit || c.activities.some((a) => a.canEdit));
  return (
    <AppShell actor={actor}>
      <BackLink href={back}>{plan.title}</BackLink>
      <h1 className="mt-1 text-2xl font-bold text-brand-900">Fyll i uppföljning {occ ? occ.name : ""}</h1>
      {!occ || occ.closedAt ? (
        <p className="mt-4 rounded-lg border border-slate-200 bg-white p-5">
          {occ?.closedAt
            ? `Uppföljningen ${occ.name} stängdes ${formatDate(occ.closedAt)} och kan inte ändras.`
            : "Du har inga aktiviteter eller åtaganden att följa upp i den här planen."}
        </p>
      ) : !plan.can.followUp ? (
        <Refusal className="mt-4 rounded-lg border border-slate-200 bg-white p-5">Du har inga aktiviteter eller åtaganden att följa upp i den här planen.</Refusal>
      ) : (
        <>
          <p className="mt-1 max-w-3xl text-slate-700">
            {plan.title}, per {formatDate(occ.asOf)}. Varje åtagande sparas för sig. Tab flyttar mellan fälten och Retur i ett fält sparar åtagandet.
            Rader du inte ändrar sparas inte. Har någon annan sparat samma rad under tiden sparas ingenting, och du får veta vad som ändrats.
          </p>
          <nav aria-label="Åtaganden" className="mt-4">
            <ol className="flex flex-wrap gap-2 text-sm">
              {commitments.map(({ c }, n) => (
                <li key={c.id}>
                  <a href={`#c-${c.id}`} className="inline-flex min-h-11 items-center rounded-md border border-slate-300 bg-white px-3 text-brand-700 underline">
                    Åtagande {n + 1}
                  </a>
                </li>
              ))}
            </ol>
          </nav>
          <ol className="mt-6 space-y-6">
            {commitments.map(({ goal, c }) => (
              <li key={c.id}>
                <section id={`c-${c.id}`} aria-labelledby={`h-${c.id}`} className="scroll-mt-4 rounded-lg border border-slate-200 bg-white p-4 md:p-5">
                  <p className="text-sm text-slate-700">Kommunmål: {goal.text}</p>
                  <h2 id={`h-${c.id}`} className="text-lg font-semibold text-brand-900">
                    {c.text}
                  </h2>
                  <div className="mt-3">
                    <FollowUpForm occasionId={occ.id} commitment={c} />
                  </div>
                </section>
              </li>
            ))}
          </ol>
        </>
      )}
    </AppShell>
  );
}
