// On the uppdrag page, for administrators of a municipality: whether the
// uppdrag is in the open public view, and the switch that keeps it out.
import type { ScopedClient } from "@/server/db/scoped";
import { can, type Actor } from "@/server/permissions";
import { ActionForm } from "@/components/admin/action-form";
import { setPubliclyHiddenAction } from "@/app/uppdrag/[id]/public-actions";

export async function PublicViewControl({ db, actor, uppdragId }: { db: ScopedClient; actor: Actor; uppdragId: string }) {
  if (!can(actor, "admin:manage", { municipalityId: actor.municipalityId })) return null;
  const [u, m] = await Promise.all([
    db.uppdrag.findFirst({ where: { id: uppdragId }, select: { publiclyHidden: true } }),
    db.municipality.findUnique({ where: { id: actor.municipalityId }, select: { publicView: true, slug: true } }),
  ]);
  if (!u || !m) return null;
  return (
    <section aria-labelledby="offentlig" className="no-print rounded-lg border border-brand-100 bg-white p-5">
      <h2 id="offentlig" className="text-lg font-semibold">
        Öppen redovisning
      </h2>
      <p className="mt-1 text-sm text-slate-700">
        {u.publiclyHidden
          ? "Uppdraget är dolt: det syns inte i den öppna redovisningen eller i öppna data."
          : m.publicView
            ? "Uppdraget syns i kommunens öppna redovisning utan inloggning."
            : "Kommunens öppna redovisning är avstängd (Administration → Inställningar). Uppdraget skulle synas där när den slås på."}
      </p>
      <div className="mt-3">
        <ActionForm
          id="offentlig-dold"
          action={setPubliclyHiddenAction}
          tone="secondary"
          submitLabel={u.publiclyHidden ? "Visa i den öppna redovisningen" : "Dölj i den öppna redovisningen"}
          fields={[
            { kind: "hidden", name: "uppdragId", value: uppdragId },
            { kind: "hidden", name: "hidden", value: u.publiclyHidden ? "false" : "true" },
          ]}
        />
      </div>
    </section>
  );
}
