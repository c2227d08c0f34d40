import type { Metadata } from "next";
import Link from "next/link";
import { requireActor } from "@/server/auth/actor";
import { getPrisma } from "@/server/db";
import { canWriteAnything } from "@/server/permissions";
import { listStatusRound, STATUS_ROUND_LIMIT } from "@/server/uppdrag/status-round";
import { AppShell } from "@/components/ui/app-shell";
import { StatusBadge } from "@/components/uppdrag/status-badge";
import { StatusForm } from "@/components/uppdrag/status-form";
import { formatIsoDate, formatNumber } from "@/lib/dates";

export const metadata: Metadata = { title: "Statusrunda" };

export default async function StatusRoundPage() {
  const actor = await requireActor("/statusrunda");
  if (!canWriteAnything(actor)) {
    return (
      <AppShell actor={actor}>
        <h1 className="text-2xl font-bold text-brand-900">Statusrunda</h1>
        <p className="mt-4">Statusrundan görs av sekreterare, handläggare och administratörer.</p>
      </AppShell>
    );
  }
  const { rows, total } = await listStatusRound(await getPrisma(), actor);
  const scope =
    actor.role === "SEKRETERARE" ? "de organ du är sekreterare åt" : actor.role === "HANDLAGGARE" ? "din enhet" : `hela ${actor.municipalityName}`;
  return (
    <AppShell actor={actor}>
      <h1 className="text-2xl font-bold text-brand-900">Statusrunda</h1>
      <p className="mt-1 max-w-3xl text-slate-700">
        Pågående uppdrag för {scope}. Ändra status, kommentar och planerat klart och spara rad för rad: Tab flyttar mellan fälten och Retur i en rad
        sparar den. En kommentar krävs när ett uppdrag blir försenat, vilande eller inte ska genomföras.
      </p>
      <h2 className="mt-4 font-semibold">
        {formatNumber(total)} pågående uppdrag{total > STATUS_ROUND_LIMIT ? `, de ${STATUS_ROUND_LIMIT} äldsta per organ visas` : ""}
      </h2>
      <ol className="mt-3 space-y-3">
        {rows.map((u) => (
          <li key={u.id} className="rounded-lg border border-slate-200 bg-white p-4">
            <div className="flex flex-wrap items-baseline justify-between gap-2">
              <Link href={`/uppdrag/${u.id}`} className="font-medium text-brand-700 underline">
                {u.title}
              </Link>
              <span className="text-sm text-slate-700">
                {u.body.shortName} § {u.paragraph.number}, {formatIsoDate(u.decidedOn)} · {u.unitNames || "–"} · klart senast {formatIsoDate(u.deadline)}
              </span>
            </div>
            <div className="mt-1 flex flex-wrap items-center gap-2 text-sm">
              <StatusBadge status={u.status} />
              {u.statusComment && <span className="text-slate-700">{u.statusComment}</span>}
            </div>
            <div className="mt-3">
              <StatusForm
                uppdragId={u.id}
                version={u.version}
                status={u.status}
                plannedCompletion={u.plannedCompletion ? formatIsoDate(u.plannedCompletion) : ""}
                meetings={[]}
                row={{ title: u.title }}
              />
            </div>
          </li>
        ))}
      </ol>
    </AppShell>
  );
}
