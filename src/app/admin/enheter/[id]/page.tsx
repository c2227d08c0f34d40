import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requirePermission } from "@/server/entry/page";
import { AdminFrame, FormSection, NotAdmin } from "@/components/admin/admin-frame";
import { updateUnitAction } from "@/app/admin/actions";
import { UNIT_KINDS } from "@/lib/validation/admin";
import { UNIT_KIND_LABEL } from "@/lib/unit-kind";
import { treeOrder, wouldMakeCycle } from "@/server/admin/tree";

export const metadata: Metadata = { title: "Enhet – administration" };

export default async function UnitPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const page = await requirePermission("/admin/enheter/[id]", { id });
  if (!page.allowed) return <NotAdmin actor={page.actor} />;
  const { actor, db } = page;
  if (!/^[0-9a-f-]{36}$/i.test(id)) notFound();
  const [unit, units] = await Promise.all([
    db.unit.findFirst({ where: { id }, select: { id: true, name: true, shortName: true, kind: true, parentId: true, version: true, _count: { select: { responsibleFor: true } } } }),
    db.unit.findMany({ select: { id: true, name: true, parentId: true } }),
  ]);
  if (!unit) notFound();
  const parents = treeOrder(units).filter(({ node }) => node.id !== unit.id && !wouldMakeCycle(units, unit.id, node.id));
  return (
    <AdminFrame actor={actor} current="/admin/enheter" title={unit.name} back={{ href: "/admin/enheter", label: "Alla enheter" }}>
      <p className="mt-2 text-slate-700">Ansvarig för {unit._count.responsibleFor} uppdrag. Byter du namn visas det nya namnet i uppdragslistan direkt.</p>
      <FormSection
        id="unit-edit"
        title="Namn och plats i trädet"
          action={updateUnitAction}
          submitLabel="Spara enheten"
          fields={[
            { kind: "hidden", name: "id", value: unit.id },
            { kind: "hidden", name: "expectedVersion", value: String(unit.version) },
            { kind: "text", name: "name", label: "Namn", defaultValue: unit.name, required: true },
            { kind: "text", name: "shortName", label: "Förkortning (frivillig)", defaultValue: unit.shortName ?? "", width: "short" },
            { kind: "select", name: "kind", label: "Typ", options: UNIT_KINDS.map((k) => ({ value: k, label: UNIT_KIND_LABEL[k] })), defaultValue: unit.kind },
            { kind: "select", name: "parentId", label: "Ligger under", options: [{ value: "", label: "Ingen (högsta nivån)" }, ...parents.map(({ node, depth }) => ({ value: node.id, label: `${"– ".repeat(depth)}${node.name}` }))], defaultValue: unit.parentId ?? "", hint: "Flytta enheten genom att välja en annan överordnad enhet." },
          ]}
        />
    </AdminFrame>
  );
}
