import type { Metadata } from "next";
import Link from "next/link";
import { requirePermission } from "@/server/entry/page";
import { listReportingMeetings, listStatusRound, STATUS_ROUND_LIMIT } from "@/server/uppdrag/status-round";
import { AppShell } from "@/components/ui/app-shell";
import { StatusBadge } from "@/components/uppdrag/status-badge";
import { StatusForm } from "@/components/uppdrag/status-form";
import { formatIsoDate, formatNumber } from "@/lib/dates";
import { FilterFormAddress } from "@/components/ui/filter-form-address";
import { MeetingPicker } from "@/components/uppdrag/meeting-picker";

export const metadata: Metadata = { title: "Statusrunda" };

export default async function StatusRoundPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const page = await requirePermission("/statusrunda");
  const chosenId = (await searchParams).sammantrade;
  if (!page.allowed) return page.refuse("Statusrunda", "Statusrundan görs av sekreterare, handläggare och administratörer.");
  const { actor, db } = page;
  const [{ rows, total }, meetings] = await Promise.all([listStatusRound(db, actor), listReportingMeetings(db, actor)]);
  // Only a meeting from the list: an unknown or foreign id in the URL is ignored.
  const chosen = typeof chosenId === "string" ? meetings.find((m) => m.id === chosenId) : undefined;
  const meetingLabel = (m: (typeof meetings)[number]) => `${m.body.shortName} ${formatIsoDate(m.date)}`;
  const scope =
    actor.role === "SEKRETERARE" ? "de organ du är sekreterare åt" : actor.role === "HANDLAGGARE" ? "din enhet" : `hela ${actor.municipalityName}`;
  return (
    <AppShell actor={actor}>
      <h1 className="text-2xl font-bold text-brand-900">Statusrunda</h1>
      <p className="mt-1 max-w-3xl text-slate-700">
        Pågående uppdrag för {scope}. Ändra status, kommentar och planerat klart och spara rad för rad: Tab flyttar mellan fälten och Retur i en rad
        sparar den. En kommentar krävs när ett uppdrag blir försenat, vilande eller inte ska genomföras.
      </p>
      <form method="get" autoComplete="off" className="no-print mt-4 flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-4">
        <FilterFormAddress />
        <MeetingPicker
          name="sammantrade"
          label="Sammanträde som statusarna rapporteras till"
          chosenId={chosen?.id ?? null}
          meetings={meetings.map((m) => ({ id: m.id, date: formatIsoDate(m.date), label: `${meetingLabel(m)} (${m.body.name})` }))}
        />
        <button type="submit" className="min-h-11 rounded-md border border-brand-700 bg-white px-4 font-semibold text-brand-700">
          Välj sammanträde
        </button>
        <p role="status" className="basis-full text-slate-800">
          {chosen
            ? `Statusar som du sparar nu rapporteras till ${chosen.body.name} ${formatIsoDate(chosen.date)} och visas så i uppdragens historik.`
            : "Inget sammanträde valt: statusarna sparas utan sammanträde."}
        </p>
      </form>
      <h2 className="mt-4 font-semibold">
        {formatNumber(total)} pågående uppdrag{total > STATUS_ROUND_LIMIT ? `, de ${STATUS_ROUND_LIMIT} äldsta per organ visas` : ""}
      </h2>
      <ol className="mt-3 space-y-3">
        {rows.map((u) => (
          <li key={u.id} className="rounded-lg border border-slate-200 bg-white p-4">
            <div className="flex flex-wrap items-baseline justify-between gap-2">
              <Link href={`/uppdrag/${u.id}`} className="inline-flex min-h-11 items-center font-medium text-brand-700 underline">
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
                reportedAtMeetingId={chosen?.id}
                row={{ title: u.title }}
              />
            </div>
          </li>
        ))}
      </ol>
    </AppShell>
  );
}
