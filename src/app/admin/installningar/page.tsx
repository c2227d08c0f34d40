import type { Metadata } from "next";
import { requirePermission } from "@/server/entry/page";
import { AdminFrame, NotAdmin, Section } from "@/components/admin/admin-frame";
import { ActionForm } from "@/components/admin/action-form";
import { ReportBodiesForm } from "@/components/report/report-bodies-form";
import { removeLogoAction, savePublicViewAction, saveSettingsAction, uploadLogoAction } from "@/app/admin/actions";
import Link from "next/link";
import { getSettings } from "@/server/admin/settings";
import { LOGO_MAX_BYTES } from "@/lib/validation/admin";
import { bodyHeading } from "@/lib/report/labels";

export const metadata: Metadata = { title: "Inställningar – administration" };

export default async function SettingsPage() {
  const page = await requirePermission("/admin/installningar");
  if (!page.allowed) return <NotAdmin actor={page.actor} />;
  const { actor, db } = page;
  const [s, bodies, hidden] = await Promise.all([
    getSettings(db, actor),
    db.body.findMany({ select: { id: true, name: true, shortName: true, inCouncilReport: true }, orderBy: { name: "asc" } }),
    db.uppdrag.findMany({ where: { publiclyHidden: true }, select: { id: true, title: true }, orderBy: { decidedOn: "desc" }, take: 100 }),
  ]);
  const version = String(s.version);
  return (
    <AdminFrame actor={actor} current="/admin/installningar" title="Inställningar för kommunen">
      <Section id="settings-general" title="Namn, diarium och redovisningsdatum">
        <ActionForm
          id="settings"
          action={saveSettingsAction}
          submitLabel="Spara inställningarna"
          fields={[
            { kind: "hidden", name: "expectedVersion", value: version },
            { kind: "text", name: "name", label: "Kommunens namn", defaultValue: s.name, required: true },
            {
              kind: "text",
              name: "diariumUrlPattern",
              label: "Adress till ärendet i diariet",
              defaultValue: s.diariumUrlPattern ?? "",
              hint: "Skriv {dnr} där diarienumret ska stå, till exempel https://diarium.kommun.se/arende?dnr={dnr}. Tomt: ingen länk till diariet.",
            },
            { kind: "text", name: "reportDayFirst", label: "Första redovisningsdagen (MM-DD)", defaultValue: s.reportDayFirst, width: "short", hint: "Vanligen 06-30 (30 juni)." },
            { kind: "text", name: "reportDaySecond", label: "Andra redovisningsdagen (MM-DD)", defaultValue: s.reportDaySecond, width: "short", hint: "Vanligen 12-31 (31 december)." },
          ]}
        />
      </Section>
      <Section id="settings-public" title="Öppen redovisning utan inloggning">
        <p className="mb-4 max-w-3xl text-slate-700">
          När den är på kan vem som helst läsa kommunens uppdrag på{" "}
          {s.publicView ? (
            <Link prefetch={false} href={`/offentlig/${s.slug}`} className="text-brand-700 underline">
              /offentlig/{s.slug}
            </Link>
          ) : (
            <code>/offentlig/{s.slug}</code>
          )}{" "}
          och hämta dem som öppna data (JSON och CSV). Den visar beslut, status, ansvarig enhet och datum, aldrig användarnas namn, loggen eller interna anteckningar.
          Ett enskilt uppdrag döljs under ”Dölj i den öppna redovisningen” på uppdragets sida.
        </p>
        <ActionForm
          id="public-view"
          action={savePublicViewAction}
          submitLabel="Spara den öppna redovisningen"
          fields={[
            { kind: "hidden", name: "expectedVersion", value: version },
            {
              kind: "select",
              name: "publicView",
              label: "Öppen redovisning",
              defaultValue: s.publicView ? "on" : "off",
              options: [
                { value: "off", label: "Av: sidorna finns inte" },
                { value: "on", label: "På: visas för alla utan inloggning" },
              ],
            },
            {
              kind: "checkboxes",
              name: "show",
              label: "Visa också",
              options: [
                { value: "comments", label: "Statuskommentarer (varför ett uppdrag är försenat)" },
                { value: "names", label: "Namn på ansvarig tjänsteperson (handläggare)" },
              ],
              defaultValues: [...(s.publicShowComments ? ["comments"] : []), ...(s.publicShowNames ? ["names"] : [])],
            },
          ]}
        />
        {hidden.length > 0 && (
          <>
            <h3 className="mt-4 font-semibold">Dolda i den öppna redovisningen</h3>
            <ul className="mt-1 list-disc pl-6">
              {hidden.map((u) => (
                <li key={u.id}>
                  <Link prefetch={false} href={`/uppdrag/${u.id}`} className="inline-flex min-h-11 items-center text-brand-700 underline">
                    {u.title}
                  </Link>
                </li>
              ))}
            </ul>
          </>
        )}
      </Section>
      <Section id="settings-logo" title="Logotyp">
        {s.logoUpdatedAt ? (
          <div className="mb-4 flex flex-wrap items-center gap-4">
            <span className="rounded-md bg-brand-800 p-2">
              {/* eslint-disable-next-line @next/next/no-img-element -- served from the database by our own route */}
              <img src={`/kommun/logotyp?v=${s.logoUpdatedAt.getTime()}`} alt={`${s.name}s logotyp`} className="h-12 w-auto" />
            </span>
            <ActionForm id="logo-remove" action={removeLogoAction} tone="secondary" submitLabel="Ta bort logotypen" fields={[{ kind: "hidden", name: "expectedVersion", value: version }]} />
          </div>
        ) : (
          <p className="mb-4 text-slate-700">Ingen logotyp är vald. Sidhuvudet visar då bara kommunens namn.</p>
        )}
        <ActionForm
          id="logo"
          action={uploadLogoAction}
          submitLabel="Ladda upp logotypen"
          fields={[
            { kind: "hidden", name: "expectedVersion", value: version },
            { kind: "file", name: "logo", label: "Logotyp (PNG eller SVG)", accept: "image/png,image/svg+xml,.png,.svg", required: true, hint: `Högst ${Math.round(LOGO_MAX_BYTES / 1024)} kB. En SVG sparas som bild (PNG). Visas i sidhuvudet mot mörkblå bakgrund.` },
          ]}
        />
      </Section>
      <section aria-labelledby="settings-report" className="mt-8">
        <h2 id="settings-report" className="text-xl font-bold text-brand-900">
          Organ i redovisningen till fullmäktige
        </h2>
        <p className="mt-2 max-w-3xl text-slate-700">Vilka organ redovisningen tar med när ingen väljer något annat (vanligen kommunfullmäktige och kommunstyrelsen).</p>
        <ReportBodiesForm bodies={bodies.map((b) => ({ id: b.id, label: bodyHeading(b), checked: b.inCouncilReport }))} />
      </section>
    </AdminFrame>
  );
}
