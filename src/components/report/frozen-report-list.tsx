// The fastställda reports, newest first, and a form to compare two of them.
import Link from "next/link";
import type { FrozenReportSummary } from "@/server/report/frozen";
import { formatDate, formatDateTime, formatNumber } from "@/lib/dates";
import { CompareReportsForm } from "./compare-reports-form";

export const frozenLabel = (r: Pick<FrozenReportSummary, "asOf" | "bodyNames">) => `per ${formatDate(r.asOf)} (${r.bodyNames})`;

export function FrozenReportList({ reports }: { reports: FrozenReportSummary[] }) {
  return (
    <section aria-labelledby="frozen-heading" className="mt-10">
      <h2 id="frozen-heading" className="text-xl font-bold text-brand-900">
        Fastställda redovisningar
      </h2>
      {reports.length === 0 ? (
        <p className="mt-2 text-slate-700">Ingen redovisning har fastställts ännu.</p>
      ) : (
        <>
          <div className="mt-3 overflow-x-auto">
            <table className="w-full border-collapse text-left">
              <caption className="sr-only">Fastställda redovisningar, senaste redovisningsdatum först</caption>
              <thead>
                <tr className="border-b border-slate-300">
                  <th scope="col" className="py-2 pr-4">Redovisning per</th>
                  <th scope="col" className="py-2 pr-4">Organ</th>
                  <th scope="col" className="py-2 pr-4 text-right">Ej verkställda</th>
                  <th scope="col" className="py-2 pr-4 text-right">Avslutade sedan föregående</th>
                  <th scope="col" className="py-2 pr-4">Fastställd</th>
                </tr>
              </thead>
              <tbody>
                {reports.map((r) => (
                  <tr key={r.id} className="border-b border-slate-200 align-top">
                    <th scope="row" className="py-2 pr-4 font-normal">
                      <Link href={`/rapporter/arkiv/${r.id}`} className="inline-flex min-h-11 items-center font-semibold text-brand-700 underline">
                        {formatDate(r.asOf)}
                      </Link>
                      {r.note && <span className="block text-sm text-slate-700">{r.note}</span>}
                    </th>
                    <td className="py-2 pr-4">{r.bodyNames}</td>
                    <td className="py-2 pr-4 text-right tabular-nums">{formatNumber(r.openCount)}</td>
                    <td className="py-2 pr-4 text-right tabular-nums">{formatNumber(r.closedCount)}</td>
                    <td className="py-2 pr-4">
                      {formatDateTime(r.frozenAt)}
                      {r.frozenBy && <span className="block text-sm text-slate-700">av {r.frozenBy.name}</span>}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <CompareReportsForm action="/rapporter/jamfor" reports={reports.map((r) => ({ id: r.id, label: frozenLabel(r) }))} />
        </>
      )}
    </section>
  );
}
