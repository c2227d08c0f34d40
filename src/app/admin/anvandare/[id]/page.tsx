import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requirePermission } from "@/server/entry/page";
import { AdminFrame, NotAdmin, Section } from "@/components/admin/admin-frame";
import { ActionForm } from "@/components/admin/action-form";
import { anonymizeUserAction, deactivateUserAction, passwordLinkAction, reactivateUserAction, resetTotpAction, updateUserAction } from "@/app/admin/actions";
import { ROLE_LABEL } from "@/lib/status";
import { ROLES } from "@/lib/validation/admin";
import { formatDateTime } from "@/lib/dates";
import { treeOrder } from "@/server/admin/tree";
import { ResetTotpForm } from "@/components/auth/reset-totp-form";
import { handoverAction } from "@/app/admin/reminder-actions";
import { openWorkOf } from "@/server/admin/handover";

export const metadata: Metadata = { title: "Användare – administration" };

export default async function UserPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const page = await requirePermission("/admin/anvandare/[id]", { id });
  if (!page.allowed) return <NotAdmin actor={page.actor} />;
  const { actor, db } = page;
  if (!/^[0-9a-f-]{36}$/i.test(id)) notFound();
  const m = await db.membership.findFirst({
    where: { userId: id },
    select: {
      role: true,
      unitId: true,
      bodies: { select: { bodyId: true, role: true } },
      user: { select: { id: true, name: true, email: true, active: true, anonymizedAt: true, version: true, passwordHash: true, totpEnrolledAt: true, createdAt: true, identities: { select: { issuer: true, lastSignInAt: true } } } },
    },
  });
  if (!m) notFound();
  const [units, bodies, openSessions] = await Promise.all([
    db.unit.findMany({ select: { id: true, name: true, parentId: true } }),
    db.body.findMany({ select: { id: true, name: true, shortName: true, parentId: true } }),
    db.session.count({ where: { userId: id, revokedAt: null, expiresAt: { gt: new Date() } } }),
  ]);
  const u = m.user;
  const self = u.id === actor.userId;
  // Handover (issue #17): open uppdrag naming the person, open motions they prepare.
  const work = u.active && !self ? await openWorkOf(db, u.id, u.name) : { uppdrag: [], motions: [] };
  const successors =
    work.uppdrag.length + work.motions.length
      ? (await db.membership.findMany({ where: { userId: { not: u.id }, user: { active: true, anonymizedAt: null } }, select: { user: { select: { id: true, name: true } } } }))
          .map((x) => x.user)
          .sort((a, b) => a.name.localeCompare(b.name, "sv"))
      : [];
  const bodyOptions = treeOrder(bodies).map(({ node }) => ({ value: node.id, label: `${node.name} (${node.shortName})` }));
  const version = String(u.version);
  const status = u.anonymizedAt ? `Anonymiserad ${formatDateTime(u.anonymizedAt)}` : u.active ? "Aktiv" : "Inaktiverad";
  return (
    <AdminFrame actor={actor} current="/admin/anvandare" title={u.name} back={{ href: "/admin/anvandare", label: "Alla användare" }}>
      <dl className="mt-3 grid max-w-3xl gap-x-6 gap-y-1 sm:grid-cols-[auto_1fr]">
        {!u.anonymizedAt && (
          <>
            <dt className="font-medium">E-post</dt>
            <dd className="[overflow-wrap:anywhere]">{u.email}</dd>
          </>
        )}
        <dt className="font-medium">Status</dt>
        <dd>{status}</dd>
        <dt className="font-medium">Inloggning</dt>
        <dd>
          {[u.passwordHash ? "Lösenord" : null, ...u.identities.map((i) => `Kommunens inloggning (senast ${formatDateTime(i.lastSignInAt)})`)].filter(Boolean).join(", ") || "Inget lösenord valt än"}
        </dd>
        {u.passwordHash && (
          <>
            <dt className="font-medium">Tvåstegsverifiering</dt>
            <dd>{u.totpEnrolledAt ? `På sedan ${formatDateTime(u.totpEnrolledAt)}` : m.role === "ADMINISTRATOR" ? "Inte på: läggs till vid nästa inloggning" : "Inte på"}</dd>
          </>
        )}
        <dt className="font-medium">Öppna inloggningar</dt>
        <dd>{openSessions}</dd>
      </dl>
      {u.anonymizedAt ? (
        <p className="mt-6 max-w-3xl">Personen är anonymiserad. Det hen har skrivit finns kvar i historiken under namnet ”{u.name}”. Kontot kan inte ändras.</p>
      ) : (
        <>
          <Section id="user-edit" title="Roll, enhet och organ">
            <ActionForm
              id="user-edit"
              action={updateUserAction}
              submitLabel="Spara uppgifterna"
              fields={[
                { kind: "hidden", name: "id", value: u.id },
                { kind: "hidden", name: "expectedVersion", value: version },
                { kind: "text", name: "name", label: "Namn", defaultValue: u.name, required: true },
                { kind: "select", name: "role", label: "Roll", options: ROLES.map((r) => ({ value: r, label: ROLE_LABEL[r] })), defaultValue: m.role, hint: self ? "Du kan inte ändra din egen roll." : undefined },
                { kind: "select", name: "unitId", label: "Enhet", options: [{ value: "", label: "Ingen" }, ...treeOrder(units).map(({ node, depth }) => ({ value: node.id, label: `${"– ".repeat(depth)}${node.name}` }))], defaultValue: m.unitId ?? "", hint: "Krävs för handläggare." },
                { kind: "checkboxes", name: "secretaryOf", label: "Sekreterare åt", options: bodyOptions, defaultValues: m.bodies.filter((b) => b.role === "SECRETARY").map((b) => b.bodyId), hint: "Gäller bara rollen sekreterare." },
                { kind: "checkboxes", name: "memberOf", label: "Ledamot eller ersättare i", options: bodyOptions, defaultValues: m.bodies.filter((b) => b.role === "MEMBER").map((b) => b.bodyId) },
              ]}
            />
          </Section>
          {!self && (
            <Section id="user-active" title={u.active ? "Inaktivera kontot" : "Aktivera kontot igen"}>
              {successors.length > 0 ? (
                <ActionForm
                  id="user-active"
                  action={handoverAction}
                  tone="danger"
                  submitLabel="Lämna över och inaktivera kontot"
                  intro={`Personen är ansvarig för ${work.uppdrag.length} öppna uppdrag och handläggare för ${work.motions.length} öppna motioner: ${[...work.uppdrag, ...work.motions].map((x) => x.title).join("; ")}. Välj vem som tar över dem. Personen loggas sedan ut överallt direkt och kan inte logga in. Allt hen har skrivit finns kvar.`}
                  fields={[
                    { kind: "hidden", name: "id", value: u.id },
                    { kind: "hidden", name: "expectedVersion", value: version },
                    { kind: "select", name: "successorId", label: "Vem tar över?", required: true, options: [{ value: "", label: "Välj person" }, ...successors.map((p) => ({ value: p.id, label: p.name }))] },
                  ]}
                />
              ) : (
              <ActionForm
                id="user-active"
                action={u.active ? deactivateUserAction : reactivateUserAction}
                tone={u.active ? "danger" : "primary"}
                submitLabel={u.active ? "Inaktivera kontot" : "Aktivera kontot"}
                intro={u.active ? "Personen loggas ut överallt direkt och kan inte logga in. Allt hen har skrivit finns kvar." : "Personen kan logga in igen med sitt lösenord eller kommunens inloggning."}
                fields={[
                  { kind: "hidden", name: "id", value: u.id },
                  { kind: "hidden", name: "expectedVersion", value: version },
                ]}
              />
              )}
            </Section>
          )}
          {u.active && (
            <Section id="user-link" title="Engångslänk för lösenord">
              <ActionForm
                id="user-link"
                action={passwordLinkAction}
                tone="secondary"
                submitLabel="Skapa ny engångslänk"
                intro="Om personen har glömt sitt lösenord eller inte har valt något: skapa en länk och skicka den. Tidigare länkar slutar fungera."
                fields={[{ kind: "hidden", name: "id", value: u.id }]}
              />
            </Section>
          )}
          {!self && u.passwordHash && (
            <Section id="user-totp" title="Tvåstegsverifiering">
              <ResetTotpForm action={resetTotpAction} userId={u.id} enrolled={!!u.totpEnrolledAt} administrator={m.role === "ADMINISTRATOR"} />
            </Section>
          )}
          {!self && (
            <Section id="user-anonymize" title="Anonymisera (GDPR)">
              <ActionForm
                id="user-anonymize"
                action={anonymizeUserAction}
                tone="danger"
                submitLabel="Anonymisera personen"
                intro="För en person som har slutat: namn och e-post ersätts, lösenord och kopplingar till kommunens inloggning tas bort och kontot inaktiveras. Historiken finns kvar och visar ”Anonymiserad användare”."
                fields={[
                  { kind: "hidden", name: "id", value: u.id },
                  { kind: "hidden", name: "expectedVersion", value: version },
                  { kind: "confirm", name: "confirm", value: "ja", label: "Jag förstår att namn och e-postadress tas bort för gott." },
                ]}
              />
            </Section>
          )}
        </>
      )}
    </AdminFrame>
  );
}
