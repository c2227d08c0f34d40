// On the uppdrag page, for everyone who may read it: follow it (opt in) to get
// its status changes in the weekly digest, or stop following it.
import type { ScopedClient } from "@/server/db/scoped";
import type { Actor } from "@/server/permissions";
import { ActionForm } from "@/components/admin/action-form";
import { followUppdragAction } from "@/app/uppdrag/[id]/follow-actions";
import { isFollowing } from "@/server/reminders/account";

export async function FollowControl({ db, actor, uppdragId }: { db: ScopedClient; actor: Actor; uppdragId: string }) {
  const following = await isFollowing(db, actor, uppdragId);
  return (
    <section aria-labelledby="folj" className="no-print rounded-lg border border-brand-100 bg-white p-5">
      <h2 id="folj" className="text-lg font-semibold">
        Följ uppdraget
      </h2>
      <p className="mt-1 text-sm text-slate-700">
        {following
          ? "Du följer uppdraget: när någon ändrar dess status kommer det i din veckosammanställning via e-post."
          : "Följ uppdraget för att få dess statusändringar i din veckosammanställning via e-post."}
      </p>
      <div className="mt-3">
        <ActionForm
          id="folj-form"
          action={followUppdragAction}
          tone="secondary"
          submitLabel={following ? "Sluta följa" : "Följ"}
          fields={[
            { kind: "hidden", name: "uppdragId", value: uppdragId },
            { kind: "hidden", name: "follow", value: following ? "nej" : "ja" },
          ]}
        />
      </div>
    </section>
  );
}
