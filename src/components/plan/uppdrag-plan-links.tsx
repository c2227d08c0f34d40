// The uppdrag page's small section: the commitments and activities of the
// verksamhetsplan this uppdrag serves; secretaries and administrators edit.
import Link from "next/link";
import type { ScopedClient } from "@/server/db/scoped";
import type { Actor } from "@/server/permissions";
import { planLinksForUppdrag } from "@/server/plan/links";
import { LinkForm, UnlinkButton } from "./uppdrag-plan-forms";

export async function UppdragPlanLinks({ db, actor, uppdragId }: { db: ScopedClient; actor: Actor; uppdragId: string }) {
  const { links, choices } = await planLinksForUppdrag(db, actor, uppdragId);
  if (links.length === 0 && choices.length === 0) return null;
  return (
    <section aria-labelledby="verksamhetsplan" className="rounded-lg border border-slate-200 bg-white p-5">
      <h2 id="verksamhetsplan" className="text-lg font-semibold">
        Verksamhetsplan
      </h2>
      {links.length === 0 ? (
        <p className="mt-2 text-slate-700">Uppdraget är inte kopplat till någon plan.</p>
      ) : (
        <ul className="mt-2 space-y-3">
          {links.map((l) => (
            <li key={l.linkId} className="border-l-4 border-brand-100 pl-3">
              <Link href={`/planer/${l.plan.id}`} className="inline-flex min-h-11 items-center font-medium text-brand-700 underline">
                {l.plan.title}
              </Link>
              <p className="text-sm">Nämndåtagande: {l.commitment}</p>
              {l.activity && <p className="text-sm">Aktivitet: {l.activity}</p>}
              {l.canUnlink && <UnlinkButton linkId={l.linkId} uppdragId={uppdragId} label={l.activity ?? l.commitment} />}
            </li>
          ))}
        </ul>
      )}
      {choices.length > 0 && <LinkForm uppdragId={uppdragId} choices={choices} />}
    </section>
  );
}
