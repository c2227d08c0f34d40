import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { z } from "@/lib/validation/zod";
import { requirePermission } from "@/server/entry/page";
import { NotFoundError } from "@/server/permissions";
import { getFrozenReport } from "@/server/report/frozen";
import { AppShell } from "@/components/ui/app-shell";
import { REPORT_TITLE, asOfPhrase, bodyHeading } from "@/lib/report/labels";
import { OPEN_STATUSES, STATUS_LABEL } from "@/lib/status";
import { formatDate, formatDateTime, formatNumber } from "@/lib/dates";
import { BackLink } from "@/components/ui/back-link";

export const metadata: Metadata = { title: "Fastställd redovisning" };

const link = "inline-flex min-h-11 items-center rounded-md border border-brand-700 px-4 font-semibold text-brand-700";

export default async function FrozenReportPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const page = await requirePermission("/rapporter/arkiv/[id]", { id });
  if (!page.allowed) return page.refuse("Fastställd redovisning", "Du har inte behörighet att läsa redovisningen.");
  const { actor, db } = page;
  if (!z.uuid().safeParse(id).success) notFound();
  const frozen = await getFrozenReport(db, actor, id).catch((err: unknown) => {
    if (err instanceof NotFoundError) notFound();
    throw err;
  });
  const { report } = frozen;
  return (
    <AppShell actor={actor}>
      <BackLink href="/rapporter">Redovisningar</BackLink>
      <h1 className="text-2xl font-bold text-brand-900">
        {REPORT_TITLE} {asOfPhrase(report.asOf)}
      </h1>
      <p className="mt-1 font-medium text-green-900">Fastställd {formatDateTime(frozen.frozenAt)}{frozen.frozenBy ? ` av ${frozen.frozenBy.name}` : ""}. Den ändras inte när uppdragen ändras.</p>
      <dl className="mt-4 grid max-w-3xl gap-x-6 gap-y-2 sm:grid-cols-[max-content_1fr]">
        <dt className="font-medium">Organ</dt>
        <dd>{report.open.map((g) => bodyHeading(g.body)).join(", ")}</dd>
        <dt className="font-medium">Föregående redovisning</dt>
        <dd>{formatDate(report.previous)}</dd>
        <dt className="font-medium">Ej verkställda</dt>
        <dd>{formatNumber(frozen.openCount)}</dd>
        <dt className="font-medium">Avslutade sedan föregående</dt>
        <dd>{formatNumber(frozen.closedCount)}</dd>
        {frozen.note && (
          <>
            <dt className="font-medium">Anteckning</dt>
            <dd>{frozen.note}</dd>
          </>
        )}
        <dt className="font-medium">Kontrollsumma för PDF (SHA-256)</dt>
        <dd className="break-all font-mono text-sm">{frozen.pdfSha256}</dd>
      </dl>
      <div className="mt-6 flex flex-wrap gap-3">
        <a href={`/rapporter/arkiv/${id}/fil?format=pdf`} className="inline-flex min-h-11 items-center rounded-md bg-brand-700 px-4 font-semibold text-white hover:bg-brand-800">
          Ladda ned PDF som fastställd
        </a>
        <a href={`/rapporter/arkiv/${id}/utskrift`} className={link}>
          Visa utskriftsvy
        </a>
        <a href={`/rapporter/arkiv/${id}/fil?format=docx`} className={link}>
          Ladda ned Word
        </a>
        <a href={`/rapporter/arkiv/${id}/fil?format=xlsx`} className={link}>
          Ladda ned Excel
        </a>
      </div>
      <section aria-labelledby="summary-heading" className="mt-8">
        <h2 id="summary-heading" className="text-xl font-bold text-brand-900">
          Sammanfattning
        </h2>
        <div className="mt-3 overflow-x-auto">
          <table className="border-collapse text-left">
            <caption className="sr-only">Ej verkställda uppdrag per organ och status</caption>
            <thead>
              <tr className="border-b border-slate-300">
                <th scope="col" className="py-2 pr-4">Organ</th>
                {OPEN_STATUSES.map((s) => (
                  <th key={s} scope="col" className="py-2 pr-4 text-right">
                    {STATUS_LABEL[s]}
                  </th>
                ))}
                <th scope="col" className="py-2 pr-4 text-right">Totalt</th>
              </tr>
            </thead>
            <tbody>
              {report.summary.byBody.map((b) => (
                <tr key={b.body.id} className="border-b border-slate-200">
                  <th scope="row" className="py-2 pr-4 font-normal">{bodyHeading(b.body)}</th>
                  {OPEN_STATUSES.map((s) => (
                    <td key={s} className="py-2 pr-4 text-right tabular-nums">{b.byStatus[s]}</td>
                  ))}
                  <td className="py-2 pr-4 text-right font-semibold tabular-nums">{b.open}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </AppShell>
  );
}
