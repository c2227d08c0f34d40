import type { Metadata } from "next";
import { requirePermission } from "@/server/entry/page";
import { motionFormChoices } from "@/server/motions/read";
import { AppShell } from "@/components/ui/app-shell";
import { BackLink } from "@/components/ui/back-link";
import { ActionForm } from "@/components/admin/action-form";
import { formatIsoDate } from "@/lib/dates";
import { swedishCalendarDate } from "@/lib/report/report-dates";
import { registerMotionAction } from "../actions";

export const metadata: Metadata = { title: "Registrera motion eller medborgarförslag" };

export default async function NewMotionPage() {
  const page = await requirePermission("/motioner/ny");
  if (!page.allowed)
    return page.refuse("Registrera motion eller medborgarförslag", "Motioner och medborgarförslag registreras av kommunfullmäktiges sekreterare och av administratörer.");
  const { actor, db } = page;
  const choices = await motionFormChoices(db);
  return (
    <AppShell actor={actor}>
      <BackLink href="/motioner">Motioner och medborgarförslag</BackLink>
      <h1 className="mt-2 text-2xl font-bold text-brand-900">Registrera motion eller medborgarförslag</h1>
      <div className="mt-4 max-w-3xl rounded-lg border border-slate-200 bg-white p-5">
        <ActionForm
          id="register-motion"
          action={registerMotionAction}
          submitLabel="Registrera"
          errorSummary
          fields={[
            {
              kind: "select",
              name: "kind",
              label: "Slag",
              required: true,
              options: [
                { value: "MOTION", label: "Motion (från en ledamot)" },
                { value: "MEDBORGARFORSLAG", label: "Medborgarförslag" },
              ],
            },
            { kind: "text", name: "title", label: "Rubrik", required: true },
            {
              kind: "textarea",
              name: "proposers",
              label: "Förslagsställare",
              rows: 2,
              hint: "En per rad. En motion: namn och parti, till exempel Anna Ek (S). Ett medborgarförslag: bara namnet, så långt lagen kräver.",
            },
            {
              kind: "checkboxes",
              name: "anonymised",
              label: "Anonymisering",
              options: [{ value: "1", label: "Förslagsställaren har begärt att namnet inte visas (bara medborgarförslag)" }],
            },
            { kind: "date", name: "raisedOn", label: "Väckt i kommunfullmäktige den", required: true, defaultValue: formatIsoDate(swedishCalendarDate(new Date())) },
            { kind: "text", name: "raisedAtNumber", label: "KF §", width: "short", hint: "Paragrafen i protokollet där den väcktes. Är sammanträdet registrerat kopplas paragrafen." },
            { kind: "text", name: "dnr", label: "Dnr", width: "short" },
            {
              kind: "select",
              name: "preparingBodyId",
              label: "Bereds av",
              options: [{ value: "", label: "Inte bestämt än" }, ...choices.bodies.map((b) => ({ value: b.id, label: `${b.name} (${b.shortName})` }))],
            },
            { kind: "select", name: "handlaggareId", label: "Handläggare", options: [{ value: "", label: "Ingen vald" }, ...choices.people.map((p) => ({ value: p.id, label: p.name }))] },
            { kind: "text", name: "handlaggareName", label: "Handläggare (annan)", hint: "Om handläggaren inte har konto här: namnet som det skrivs." },
            { kind: "textarea", name: "preparationNote", label: "Vad som har kommit fram vid beredningen", rows: 3 },
          ]}
        />
      </div>
    </AppShell>
  );
}
