// On the uppdrag and motion pages, for everyone who may read them: follow it
// (opt in) to get its changes in the weekly digest, or stop following it.
import type { ScopedClient } from "@/server/db/scoped";
import type { Actor } from "@/server/permissions";
import { ActionForm } from "@/components/admin/action-form";
import { followUppdragAction } from "@/app/uppdrag/[id]/follow-actions";
import { followMotionAction } from "@/app/motioner/[id]/follow-actions";
import { isFollowing } from "@/server/reminders/account";

export async function FollowControl({ db, actor, uppdragId, motionId }: { db: ScopedClient; actor: Actor; uppdragId?: string; motionId?: string }) {
  const record = motionId ? { motionId } : { uppdragId: uppdragId! };
  const what = motionId ? "motionen" : "uppdraget";
  const following = await isFollowing(db, actor, record);
  return (
    <section aria-labelledby="folj" className="no-print rounded-lg border border-brand-100 bg-white p-5">
      <h2 id="folj" className="text-lg font-semibold">
        Följ {what}
      </h2>
      <p className="mt-1 text-sm text-slate-700">
        {following
          ? `Du följer ${what}: när någon ändrar ${motionId ? "dess läge" : "dess status"} kommer det i din veckosammanställning via e-post.`
          : `Följ ${what} för att få ${motionId ? "ändringar av dess läge" : "dess statusändringar"} i din veckosammanställning via e-post.`}
      </p>
      <div className="mt-3">
        <ActionForm
          id="folj-form"
          action={motionId ? followMotionAction : followUppdragAction}
          tone="secondary"
          submitLabel={following ? "Sluta följa" : "Följ"}
          fields={[
            motionId ? { kind: "hidden", name: "motionId", value: motionId } : { kind: "hidden", name: "uppdragId", value: uppdragId! },
            { kind: "hidden", name: "follow", value: following ? "nej" : "ja" },
          ]}
        />
      </div>
    </section>
  );
}
