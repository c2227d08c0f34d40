import type { Metadata } from "next";
import { requirePermission } from "@/server/entry/page";
import { AppShell } from "@/components/ui/app-shell";
import { ImportWizard } from "@/components/import/import-wizard";
import { FIELD_INFO, IMPORT_FIELDS } from "@/lib/import/columns";

export const metadata: Metadata = { title: "Importera uppdrag" };

export default async function ImportPage() {
  const page = await requirePermission("/import");
  if (!page.allowed) return page.refuse("Importera uppdrag", "Import av uppdragslistor görs av sekreterare och administratörer.");
  const { actor } = page;
  return (
    <AppShell actor={actor}>
      <h1 className="text-2xl font-bold text-brand-900">Importera uppdrag</h1>
      <p className="mt-1 max-w-3xl text-slate-700">
        Läs in listan du för i dag, i Excel eller som CSV. Kolumnerna föreslås utifrån rubrikerna ({IMPORT_FIELDS.map((f) => FIELD_INFO[f].label).join(", ")}). Uppdrag som redan
        finns känns igen på organ, år, § och Dnr och läggs inte in två gånger; en ändrad status blir en ny rad i historiken.{" "}
        {actor.role === "SEKRETERARE" ? "Du kan importera uppdrag för de organ du är sekreterare åt." : ""} Ingenting sparas förrän du bekräftar.
      </p>
      <p className="mt-2">
        <a href="/uppdrag/fil?format=xlsx&showClosed=1" className="inline-flex min-h-11 items-center text-brand-700 underline" download>
          Hämta alla uppdrag som Excel-fil i samma kolumner
        </a>
      </p>
      <div className="mt-4">
        <ImportWizard />
      </div>
    </AppShell>
  );
}
