import type { Metadata } from "next";
import Link from "next/link";
import { requirePermission } from "@/server/entry/page";
import { AdminFrame, FormSection, NotAdmin } from "@/components/admin/admin-frame";
import { createUnitAction } from "@/app/admin/actions";
import { UNIT_KINDS } from "@/lib/validation/admin";
import { UNIT_KIND_LABEL } from "@/lib/unit-kind";
import { treeOrder } from "@/server/admin/tree";

export const metadata: Metadata = { title: "Enheter – administration" };

export default async function UnitsPage() {
  const page = await requirePermission("/admin/enheter");
  if (!page.allowed) return <NotAdmin actor={page.actor} />;
  const { actor, db } = page;
  const units = await db.unit.findMany({ select: { id: true, name: true, shortName: true, kind: true, parentId: true, _count: { select: { memberships: true, responsibleFor: true } } } });
  const tree = treeOrder(units);
  return (
    <AdminFrame actor={actor} current="/admin/enheter" title="Enheter">
      <p className="mt-2 max-w-3xl text-slate-700">Förvaltningar, kontor, avdelningar och enheter som ett träd. Öppna en enhet för att byta namn eller flytta den.</p>
      <ul className="mt-4 rounded-lg border border-slate-200 bg-white p-2" aria-label="Enheternas träd">
        {tree.map(({ node: u, depth }) => (
          <li key={u.id} style={{ paddingLeft: `${depth * 1.5}rem` }} className="flex flex-wrap items-center gap-x-3">
            <Link href={`/admin/enheter/${u.id}`} className="inline-flex min-h-11 items-center font-medium text-brand-700 underline">
              {u.name}
              {u.shortName ? ` (${u.shortName})` : ""}
            </Link>
            <span className="text-sm text-slate-700">
              {UNIT_KIND_LABEL[u.kind]} · {u._count.responsibleFor} uppdrag · {u._count.memberships} handläggare
            </span>
          </li>
        ))}
      </ul>
      <FormSection
        id="new-unit"
        title="Ny enhet"
          action={createUnitAction}
          submitLabel="Skapa enhet"
          fields={[
            { kind: "text", name: "name", label: "Namn", required: true, hint: "Unikt i kommunen, till exempel Gatuavdelningen." },
            { kind: "text", name: "shortName", label: "Förkortning (frivillig)", width: "short" },
            { kind: "select", name: "kind", label: "Typ", options: UNIT_KINDS.map((k) => ({ value: k, label: UNIT_KIND_LABEL[k] })), defaultValue: "AVDELNING" },
            { kind: "select", name: "parentId", label: "Ligger under", options: [{ value: "", label: "Ingen (högsta nivån)" }, ...tree.map(({ node, depth }) => ({ value: node.id, label: `${"– ".repeat(depth)}${node.name}` }))] },
          ]}
        />
    </AdminFrame>
  );
}
