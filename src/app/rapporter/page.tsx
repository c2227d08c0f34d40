import type { Metadata } from "next";
import { after } from "next/server";
import { requirePermission } from "@/server/entry/page";
import { can, canProduceSomeReport } from "@/server/permissions";
import { AppShell } from "@/components/ui/app-shell";
import { ReportFormatButtons } from "@/components/report/report-format-buttons";
import { Refusal } from "@/components/ui/refusal";
import { defaultAsOf, previousReportDate } from "@/lib/report/report-dates";
import { formatDate, formatIsoDate } from "@/lib/dates";
import { REPORT_TITLE, asOfNotYetSentence, bodyHeading } from "@/lib/report/labels";
import { listFrozenReports } from "@/server/report/frozen";
import { FreezeForm } from "@/components/report/freeze-form";
import { ReportBodiesForm } from "@/components/report/report-bodies-form";
import { FrozenReportList } from "@/components/report/frozen-report-list";
import { ReportBodyChoice } from "@/components/report/report-body-choice";
import { warmPdfBrowser } from "@/server/report/pdf";

export const metadata: Metadata = { title: "Redovisning av ej verkställda beslut" };


export default async function ReportPage() {
  const page = await requirePermission("/rapporter");
  if (!page.allowed)
    return (
      <AppShell actor={page.actor}>
        <h1 className="text-2xl font-bold text-brand-900">{REPORT_TITLE}</h1>
        <Refusal>Du har inte behörighet att läsa redovisningarna.</Refusal>
      </AppShell>
    );
  const { actor, db } = page;
  const allowed = canProduceSomeReport(actor);
  // Chromium takes a second or more to start: start it now, so the PDF asked for from this page is made warm.
  if (allowed) after(warmPdfBrowser);
  const isAdmin = can(actor, "admin:manage", { municipalityId: actor.municipalityId });
  const [allBodies, frozen] = await Promise.all([
    allowed || isAdmin
      ? db.body.findMany({ select: { id: true, name: true, shortName: true, inCouncilReport: true }, orderBy: { name: "asc" } })
      : [],
    listFrozenReports(db, actor),
  ]);
  const target = (bodyId: string) => ({ municipalityId: actor.municipalityId, bodyId });
  const bodies = allBodies.filter((b) => can(actor, "report:produce", target(b.id)));
  const freezable = allBodies.filter((b) => can(actor, "report:freeze", target(b.id))).map((b) => ({ id: b.id, label: bodyHeading(b) }));
  const settings = await db.municipality.findUniqueOrThrow({ where: { id: actor.municipalityId }, select: { reportDayFirst: true, reportDaySecond: true } });
  const days = [settings.reportDayFirst, settings.reportDaySecond] as const;
  const now = new Date();
  const asOf = defaultAsOf(now, days);
  const notYet = asOfNotYetSentence(asOf, now);
  const defaults = bodies.filter((b) => b.inCouncilReport);
  const checked = new Set((defaults.length ? defaults : bodies).map((b) => b.id));

  return (
    <AppShell actor={actor}>
      <h1 className="text-2xl font-bold text-brand-900">{REPORT_TITLE}</h1>
      {!allowed ? (
        <p className="mt-4 max-w-2xl">
          Redovisningen tas fram och fastställs av administratörer och av sekreterare för de organ de är sekreterare åt. Här finns de redovisningar som har fastställts.
        </p>
      ) : (
        <>
          <p className="mt-2 max-w-3xl text-slate-700">
            Två gånger om året redovisas till kommunfullmäktige de uppdrag som inte är verkställda. Redovisningen visar varje uppdrag som det stod vid
            dagens slut på det valda datumet, och i ett eget avsnitt de som har avslutats sedan föregående redovisning. Nästa redovisningsdatum är{" "}
            {formatDate(asOf)} (föregående {formatDate(previousReportDate(asOf, days))}).
          </p>
          {notYet && (
            <p id="as-of-not-yet" className="mt-3 max-w-3xl rounded-md border border-amber-400 bg-amber-50 px-3 py-2 font-medium text-amber-950">
              {notYet}
            </p>
          )}
          <section aria-labelledby="produce-heading" className="mt-8">
          <h2 id="produce-heading" className="text-xl font-bold text-brand-900">
            Ta fram redovisningen
          </h2>
          <form id="report-choice" method="get" action="/rapporter/utskrift" className="mt-4 max-w-3xl space-y-5 rounded-lg border border-slate-200 bg-white p-5">
            <div>
              <label htmlFor="asOf" className="block font-medium">
                Redovisning per
              </label>
              <input
                id="asOf"
                name="asOf"
                type="date"
                required
                defaultValue={formatIsoDate(asOf)}
                aria-describedby={notYet ? "as-of-not-yet" : undefined}
                className="ul-field max-w-xs"
              />
            </div>
            <ReportBodyChoice legend="Organ som redovisas" bodies={bodies.map((b) => ({ id: b.id, label: bodyHeading(b), checked: checked.has(b.id) }))} />
            <ReportFormatButtons fileAction="/rapporter/fil" />
          </form>
          </section>
          {freezable.length > 0 && (
            <section aria-labelledby="freeze-heading" className="mt-10">
              <h2 id="freeze-heading" className="text-xl font-bold text-brand-900">
                Fastställ redovisningen
              </h2>
              <p className="mt-2 max-w-3xl text-slate-700">
                När redovisningen skickas till kommunfullmäktige fastställer du den. Uppgifterna och PDF-filen sparas då precis som de är, och kan öppnas senare
                oförändrade även om uppdragen ändras.
              </p>
              <FreezeForm asOf={formatIsoDate(asOf)} bodies={freezable} checked={freezable.filter((b) => checked.has(b.id)).map((b) => b.id)} choiceFormId="report-choice" />
            </section>
          )}
        </>
      )}
      {isAdmin && (
        <section aria-labelledby="settings-heading" className="mt-10">
          <h2 id="settings-heading" className="text-xl font-bold text-brand-900">
            Inställning för kommunen
          </h2>
          <p className="mt-2 max-w-3xl text-slate-700">Vilka organ redovisningen tar med när ingen väljer något annat (vanligen kommunfullmäktige och kommunstyrelsen).</p>
          <ReportBodiesForm bodies={allBodies.map((b) => ({ id: b.id, label: bodyHeading(b), checked: b.inCouncilReport }))} />
        </section>
      )}
      <FrozenReportList reports={frozen} />
    </AppShell>
  );
}
