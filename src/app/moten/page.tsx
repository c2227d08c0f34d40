import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requirePermission } from "@/server/entry/page";
import { canRegisterSomeMeeting } from "@/server/permissions";
import { listMeetings, MEETING_LIST_LIMIT } from "@/server/meetings/read-meetings";
import { AppShell } from "@/components/ui/app-shell";
import { formatDate, formatNumber } from "@/lib/dates";

export const metadata: Metadata = { title: "Sammanträden" };

export default async function MeetingsPage() {
  const page = await requirePermission("/moten");
  // Every role reads meetings; one that did not would find no such page.
  if (!page.allowed) notFound();
  const { actor, db } = page;
  const { meetings, total } = await listMeetings(db, actor);
  return (
    <AppShell actor={actor}>
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-bold text-brand-900">Sammanträden</h1>
        {canRegisterSomeMeeting(actor) && (
          <Link href="/moten/registrera" className="inline-flex min-h-11 items-center rounded-md bg-brand-700 px-4 font-semibold text-white hover:bg-brand-800">
            Registrera sammanträde
          </Link>
        )}
      </div>
      <p className="mt-1 text-slate-700">
        {formatNumber(total)} registrerade sammanträden{total > MEETING_LIST_LIMIT ? `, de ${MEETING_LIST_LIMIT} senaste visas` : ""}.
      </p>
      {meetings.length > 0 && (
        <table className="mt-4 w-full border-collapse rounded-lg bg-white text-left">
          <caption className="sr-only">Sammanträden, senaste först</caption>
          <thead>
            <tr className="border-b border-slate-300">
              <th scope="col" className="px-3 py-2">Datum</th>
              <th scope="col" className="px-3 py-2">Organ</th>
              <th scope="col" className="hidden px-3 py-2 md:table-cell">Plats</th>
              <th scope="col" className="px-3 py-2 text-right">Paragrafer</th>
              <th scope="col" className="px-3 py-2 text-right">Uppdrag</th>
            </tr>
          </thead>
          <tbody>
            {meetings.map((m) => (
              <tr key={m.id} className="border-t border-slate-200">
                <td className="px-3 py-2 whitespace-nowrap">
                  <Link href={`/moten/${m.id}`} className="inline-flex min-h-11 items-center font-medium text-brand-700 underline">
                    {formatDate(m.date)}
                    <span className="sr-only">, {m.body.name}</span>
                  </Link>
                </td>
                <td className="px-3 py-2">
                  {m.body.name} <span className="text-slate-700">({m.body.shortName})</span>
                </td>
                <td className="hidden px-3 py-2 md:table-cell">{m.place ?? "–"}</td>
                <td className="px-3 py-2 text-right">{m.paragraphCount}</td>
                <td className="px-3 py-2 text-right">{m.uppdragCount}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </AppShell>
  );
}
