import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requirePermission } from "@/server/entry/page";
import { AdminFrame, FormSection, NotAdmin, Section } from "@/components/admin/admin-frame";
import { ActionForm } from "@/components/admin/action-form";
import { addBodyAssignmentAction, removeBodyAssignmentAction, updateBodyAction } from "@/app/admin/actions";
import { BODY_KIND_LABEL, ROLE_LABEL } from "@/lib/status";
import { BODY_KINDS } from "@/lib/validation/admin";
import { wouldMakeCycle } from "@/server/admin/tree";
import { compareSv } from "@/lib/dates";

export const metadata: Metadata = { title: "Organ – administration" };

export default async function BodyPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const page = await requirePermission("/admin/organ/[id]", { id });
  if (!page.allowed) return <NotAdmin actor={page.actor} />;
  const { actor, db } = page;
  if (!/^[0-9a-f-]{36}$/i.test(id)) notFound();
  const body = await db.body.findFirst({
    where: { id },
    select: {
      id: true, name: true, shortName: true, kind: true, parentId: true, version: true,
      assignments: { select: { role: true, membership: { select: { userId: true, role: true, user: { select: { name: true, active: true } } } } } },
    },
  });
  if (!body) notFound();
  const [bodies, people] = await Promise.all([
    db.body.findMany({ select: { id: true, name: true, shortName: true, parentId: true }, orderBy: { name: "asc" } }),
    db.membership.findMany({ where: { user: { active: true } }, select: { userId: true, role: true, user: { select: { name: true } } } }),
  ]);
  people.sort((a, b) => compareSv(a.user.name, b.user.name));
  const parents = bodies.filter((b) => b.id !== body.id && !wouldMakeCycle(bodies, body.id, b.id));
  const seats = (role: "MEMBER" | "SECRETARY") => body.assignments.filter((a) => a.role === role).sort((a, b) => compareSv(a.membership.user.name, b.membership.user.name));

  const seatList = (role: "MEMBER" | "SECRETARY", empty: string) => {
    const list = seats(role);
    if (list.length === 0) return <p className="text-slate-700">{empty}</p>;
    return (
      <ul className="divide-y divide-slate-200">
        {list.map((a) => (
          <li key={a.membership.userId} className="flex flex-wrap items-center justify-between gap-2 py-2">
            <span>
              {a.membership.user.name} <span className="text-slate-700">({ROLE_LABEL[a.membership.role]}{a.membership.user.active ? "" : ", inaktiverad"})</span>
            </span>
            <ActionForm
              id={`remove-${role}-${a.membership.userId}`}
              action={removeBodyAssignmentAction}
              tone="secondary"
              submitLabel={`Ta bort ${a.membership.user.name}`}
              fields={[
                { kind: "hidden", name: "bodyId", value: body.id },
                { kind: "hidden", name: "userId", value: a.membership.userId },
                { kind: "hidden", name: "role", value: role },
              ]}
            />
          </li>
        ))}
      </ul>
    );
  };

  return (
    <AdminFrame actor={actor} current="/admin/organ" title={`${body.name} (${body.shortName})`} back={{ href: "/admin/organ", label: "Alla organ" }}>
      <FormSection
        id="body-edit"
        title="Namn och plats"
          action={updateBodyAction}
          submitLabel="Spara organet"
          fields={[
            { kind: "hidden", name: "id", value: body.id },
            { kind: "hidden", name: "expectedVersion", value: String(body.version) },
            { kind: "text", name: "name", label: "Namn", defaultValue: body.name, required: true },
            { kind: "text", name: "shortName", label: "Förkortning", defaultValue: body.shortName, required: true, width: "short" },
            { kind: "select", name: "kind", label: "Typ", options: BODY_KINDS.map((k) => ({ value: k, label: BODY_KIND_LABEL[k] })), defaultValue: body.kind },
            { kind: "select", name: "parentId", label: "Ligger under", options: [{ value: "", label: "Inget (eget organ)" }, ...parents.map((b) => ({ value: b.id, label: `${b.name} (${b.shortName})` }))], defaultValue: body.parentId ?? "" },
          ]}
        />
      <Section id="body-members" title="Ledamöter och ersättare">
        {seatList("MEMBER", "Inga ledamöter är registrerade.")}
      </Section>
      <Section id="body-secretaries" title="Sekreterare">
        {seatList("SECRETARY", "Ingen sekreterare är registrerad.")}
      </Section>
      <FormSection
        id="body-add"
        title="Lägg till en person"
          action={addBodyAssignmentAction}
          submitLabel="Lägg till"
          inline
          fields={[
            { kind: "hidden", name: "bodyId", value: body.id },
            { kind: "select", name: "userId", label: "Person", options: [{ value: "", label: "Välj person" }, ...people.map((p) => ({ value: p.userId, label: `${p.user.name} (${ROLE_LABEL[p.role]})` }))] },
            { kind: "select", name: "role", label: "Som", options: [{ value: "MEMBER", label: "Ledamot eller ersättare" }, { value: "SECRETARY", label: "Sekreterare" }] },
          ]}
        />
    </AdminFrame>
  );
}
