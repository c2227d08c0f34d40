import type { Metadata } from "next";
import { after } from "next/server";
import { requireActor } from "@/server/auth/actor";
import { getPrisma } from "@/server/db";
import { scopedClient } from "@/server/db/scoped";
import { can, canProduceSomeReport } from "@/server/permissions";
import { AppShell } from "@/components/ui/app-shell";
import { defaultAsOf, previousReportDate } from "@/lib/report/report-dates";
import { formatDate, formatIsoDate } from "@/lib/dates";
import { REPORT_TITLE } from "@/lib/report/labels";
import { warmPdfBrowser } from "@/server/report/pdf";

export const metadata: Metadata = { title: "Redovisning av ej verkställda beslut" };

const button = "inline-flex min-h-11 items-center rounded-md px-4 font-semibold";

export default async function ReportPage() {
  const actor = await requireActor("/rapporter");
  const allowed = canProduceSomeReport(actor);
  // Chromium takes a second or more to start: start it now, so the PDF asked for from this page is made warm.
  if (allowed) after(warmPdfBrowser);
  const bodies = allowed
    ? (await scopedClient(await getPrisma(), actor.municipalityId).body.findMany({ select: { id: true, name: true, shortName: true, kind: true }, orderBy: { name: "asc" } })).filter(
        (b) => can(actor, "report:produce", { municipalityId: actor.municipalityId, bodyId: b.id }),
      )
    : [];
  const asOf = defaultAsOf();
  const defaults = bodies.filter((b) => b.kind === "FULLMAKTIGE" || b.kind === "STYRELSE");
  const checked = new Set((defaults.length ? defaults : bodies).map((b) => b.id));

  return (
    <AppShell actor={actor}>
      <h1 className="text-2xl font-bold text-brand-900">{REPORT_TITLE}</h1>
      {!allowed ? (
        <p className="mt-4 max-w-2xl">Redovisningen tas fram av administratörer och av sekreterare för de organ de är sekreterare åt.</p>
      ) : (
        <>
          <p className="mt-2 max-w-3xl text-slate-700">
            Två gånger om året redovisas till kommunfullmäktige de uppdrag som inte är verkställda. Redovisningen visar varje uppdrag som det stod vid
            dagens slut på det valda datumet, och i ett eget avsnitt de som har avslutats sedan föregående redovisning. Nästa redovisningsdatum är{" "}
            {formatDate(asOf)} (föregående {formatDate(previousReportDate(asOf))}).
          </p>
          <form method="get" action="/rapporter/utskrift" className="mt-6 max-w-3xl space-y-5 rounded-lg border border-slate-200 bg-white p-5">
            <div>
              <label htmlFor="asOf" className="block font-medium">
                Redovisning per
              </label>
              <input id="asOf" name="asOf" type="date" required defaultValue={formatIsoDate(asOf)} className="ul-field max-w-xs" />
            </div>
            <fieldset>
              <legend className="font-medium">Organ som redovisas</legend>
              <div className="mt-1 grid gap-x-6 sm:grid-cols-2">
                {bodies.map((b) => (
                  <label key={b.id} className="ul-check">
                    <input type="checkbox" name="body" value={b.id} defaultChecked={checked.has(b.id)} className="size-5" />
                    {b.name} ({b.shortName})
                  </label>
                ))}
              </div>
            </fieldset>
            <div className="flex flex-wrap gap-3">
              <button type="submit" className={`${button} bg-brand-700 text-white hover:bg-brand-800`}>
                Visa utskriftsvy
              </button>
              <button type="submit" formAction="/rapporter/fil" name="format" value="pdf" className={`${button} border border-brand-700 text-brand-700`}>
                Ladda ned PDF
              </button>
              <button type="submit" formAction="/rapporter/fil" name="format" value="docx" className={`${button} border border-brand-700 text-brand-700`}>
                Ladda ned Word
              </button>
              <button type="submit" formAction="/rapporter/fil" name="format" value="xlsx" className={`${button} border border-brand-700 text-brand-700`}>
                Ladda ned Excel
              </button>
            </div>
          </form>
        </>
      )}
    </AppShell>
  );
}
