import type { Metadata } from "next";
import Link from "next/link";
import { after } from "next/server";
import { requirePermission } from "@/server/entry/page";
import { canManageMotions } from "@/server/motions/access";
import { listFrozenMotionReports } from "@/server/report/motions/frozen";
import { warmPdfBrowser } from "@/server/report/pdf";
import { AppShell } from "@/components/ui/app-shell";
import { BackLink } from "@/components/ui/back-link";
import { ActionForm } from "@/components/admin/action-form";
import { CompareReportsForm } from "@/components/report/compare-reports-form";
import { ReportFormatButtons } from "@/components/report/report-format-buttons";
import { formatDate, formatDateTime, formatIsoDate, formatNumber } from "@/lib/dates";
import { MOTION_REPORT_TITLE } from "@/lib/motions/labels";
import { asOfNotYetSentence } from "@/lib/report/labels";
import { defaultAsOf, previousReportDate } from "@/lib/report/report-dates";
import { freezeMotionReportAction } from "../actions";

export const metadata: Metadata = { title: MOTION_REPORT_TITLE };


export default async function MotionReportPage() {
  const page = await requirePermission("/motioner/rapport");
  if (!page.allowed) return page.refuse(MOTION_REPORT_TITLE, "Du har inte behörighet att läsa redovisningarna.");
  const { actor, db } = page;
  const manage = await canManageMotions(db, actor);
  if (manage) after(warmPdfBrowser);
  const [settings, frozen] = await Promise.all([
    db.municipality.findUniqueOrThrow({ where: { id: actor.municipalityId }, select: { reportDayFirst: true, reportDaySecond: true } }),
    listFrozenMotionReports(db, actor),
  ]);
  const days = [settings.reportDayFirst, settings.reportDaySecond] as const;
  const now = new Date();
  const asOf = defaultAsOf(now, days);
  const notYet = asOfNotYetSentence(asOf, now);

  return (
    <AppShell actor={actor}>
      <BackLink href="/motioner">Motioner och medborgarförslag</BackLink>
      <h1 className="mt-2 text-2xl font-bold text-brand-900">{MOTION_REPORT_TITLE}</h1>
      <p className="mt-2 max-w-3xl text-slate-700">
        Två gånger om året redovisas till kommunfullmäktige de motioner och medborgarförslag som inte är besvarade, med läget, hur länge de har väntat och vad som
        har kommit fram vid beredningen (kommunallagen 5 kap. 35 § och arbetsordningen). Nästa redovisningsdatum är {formatDate(asOf)} (föregående{" "}
        {formatDate(previousReportDate(asOf, days))}).
      </p>
      {!manage ? (
        <p className="mt-4 max-w-2xl">Redovisningen tas fram och fastställs av kommunfullmäktiges sekreterare och av administratörer. Här finns de som har fastställts.</p>
      ) : (
        <>
          {notYet && (
            <p id="as-of-not-yet" className="mt-3 max-w-3xl rounded-md border border-amber-400 bg-amber-50 px-3 py-2 font-medium text-amber-950">
              {notYet}
            </p>
          )}
          <section aria-labelledby="produce-heading" className="mt-8">
            <h2 id="produce-heading" className="text-xl font-bold text-brand-900">
              Ta fram redovisningen
            </h2>
            <form method="get" action="/motioner/rapport/utskrift" className="mt-4 max-w-3xl space-y-5 rounded-lg border border-slate-200 bg-white p-5">
              <div>
                <label htmlFor="asOf" className="block font-medium">
                  Redovisning per
                </label>
                <input id="asOf" name="asOf" type="date" required defaultValue={formatIsoDate(asOf)} aria-describedby={notYet ? "as-of-not-yet" : undefined} className="ul-field max-w-xs" />
              </div>
              <ReportFormatButtons fileAction="/motioner/rapport/fil" />
            </form>
          </section>
          <section aria-labelledby="freeze-heading" className="mt-10">
            <h2 id="freeze-heading" className="text-xl font-bold text-brand-900">
              Fastställ redovisningen
            </h2>
            <div className="mt-3 max-w-3xl rounded-lg border border-slate-200 bg-white p-5">
              <ActionForm
                id="freeze-motions"
                action={freezeMotionReportAction}
                submitLabel="Fastställ"
                intro="När listan skickas till kommunfullmäktige fastställer du den. Uppgifterna och PDF-filen sparas då precis som de är."
                fields={[
                  { kind: "date", name: "asOf", label: "Redovisning per", required: true, defaultValue: formatIsoDate(asOf) },
                  { kind: "text", name: "note", label: "Anteckning", hint: "Till exempel det sammanträde den anmäls vid." },
                  { kind: "confirm", name: "confirm", value: "ja", label: "Jag vet att en fastställd redovisning inte kan ändras efteråt." },
                ]}
              />
            </div>
          </section>
        </>
      )}
      <section aria-labelledby="frozen-heading" className="mt-10">
        <h2 id="frozen-heading" className="text-xl font-bold text-brand-900">
          Fastställda redovisningar
        </h2>
        {frozen.length === 0 ? (
          <p className="mt-2 text-slate-700">Ingen redovisning av obesvarade motioner har fastställts ännu.</p>
        ) : (
          <>
            <div className="mt-3 overflow-x-auto">
              <table className="w-full border-collapse text-left">
                <caption className="sr-only">Fastställda redovisningar av obesvarade motioner, senaste först</caption>
                <thead>
                  <tr className="border-b border-slate-300">
                    <th scope="col" className="py-2 pr-4">Redovisning per</th>
                    <th scope="col" className="py-2 pr-4 text-right">Obesvarade</th>
                    <th scope="col" className="py-2 pr-4 text-right">Besvarade sedan föregående</th>
                    <th scope="col" className="py-2 pr-4">Fastställd</th>
                    <th scope="col" className="py-2 pr-4">Filer</th>
                  </tr>
                </thead>
                <tbody>
                  {frozen.map((r) => (
                    <tr key={r.id} className="border-b border-slate-200 align-top">
                      <th scope="row" className="py-2 pr-4 font-semibold">
                        {formatDate(r.asOf)}
                        {r.note && <span className="block text-sm font-normal text-slate-700">{r.note}</span>}
                      </th>
                      <td className="py-2 pr-4 text-right tabular-nums">{formatNumber(r.openCount)}</td>
                      <td className="py-2 pr-4 text-right tabular-nums">{formatNumber(r.closedCount)}</td>
                      <td className="py-2 pr-4">
                        {formatDateTime(r.frozenAt)}
                        {r.frozenBy && <span className="block text-sm text-slate-700">av {r.frozenBy.name}</span>}
                      </td>
                      <td className="py-2 pr-4">
                        <span className="flex flex-wrap gap-x-3">
                          {(
                            [
                              ["pdf", "PDF"],
                              ["docx", "Word"],
                              ["xlsx", "Excel"],
                            ] as const
                          ).map(([f, label]) => (
                            <Link key={f} href={`/motioner/rapport/arkiv/${r.id}/fil?format=${f}`} prefetch={false} className="inline-flex min-h-11 items-center text-brand-700 underline">
                              {label}
                              <span className="sr-only"> per {formatDate(r.asOf)}</span>
                            </Link>
                          ))}
                        </span>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <CompareReportsForm action="/motioner/rapport/jamfor" reports={frozen.map((r) => ({ id: r.id, label: `per ${formatDate(r.asOf)}` }))} />
          </>
        )}
      </section>
    </AppShell>
  );
}
