import type { Metadata } from "next";
import Link from "next/link";
import { requirePermission } from "@/server/entry/page";
import { AdminFrame, FormSection, NotAdmin } from "@/components/admin/admin-frame";
import { createBodyAction } from "@/app/admin/actions";
import { BODY_KIND_LABEL } from "@/lib/status";
import { BODY_KINDS } from "@/lib/validation/admin";
import { treeOrder } from "@/server/admin/tree";

export const metadata: Metadata = { title: "Organ – administration" };

export default async function BodiesPage() {
  const page = await requirePermission("/admin/organ");
  if (!page.allowed) return <NotAdmin actor={page.actor} />;
  const { actor, db } = page;
  const bodies = await db.body.findMany({
    select: { id: true, name: true, shortName: true, kind: true, parentId: true, assignments: { select: { role: true } } },
  });
  const tree = treeOrder(bodies);
  return (
    <AdminFrame actor={actor} current="/admin/organ" title="Organ">
      <div className="mt-4 overflow-x-auto rounded-lg border border-slate-200 bg-white">
        <table className="w-full text-left">
          <caption className="sr-only">Kommunens organ</caption>
          <thead className="bg-slate-50">
            <tr>
              <th scope="col" className="px-3 py-2">Organ</th>
              <th scope="col" className="px-3 py-2">Typ</th>
              <th scope="col" className="px-3 py-2">Ledamöter</th>
              <th scope="col" className="px-3 py-2">Sekreterare</th>
            </tr>
          </thead>
          <tbody>
            {tree.map(({ node: b, depth }) => (
              <tr key={b.id} className="border-t border-slate-200">
                <td className="px-3 py-1" style={{ paddingLeft: `${0.75 + depth * 1.5}rem` }}>
                  <Link href={`/admin/organ/${b.id}`} className="inline-flex min-h-11 items-center font-medium text-brand-700 underline">
                    {b.name} ({b.shortName})
                  </Link>
                </td>
                <td className="px-3 py-1">{BODY_KIND_LABEL[b.kind]}</td>
                <td className="px-3 py-1">{b.assignments.filter((a) => a.role === "MEMBER").length}</td>
                <td className="px-3 py-1">{b.assignments.filter((a) => a.role === "SECRETARY").length}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <FormSection
        id="new-body"
        title="Nytt organ"
          action={createBodyAction}
          submitLabel="Skapa organ"
          fields={[
            { kind: "text", name: "name", label: "Namn", required: true, hint: "Till exempel Barn- och utbildningsnämnden." },
            { kind: "text", name: "shortName", label: "Förkortning", required: true, width: "short", hint: "Till exempel BUN. Unik i kommunen." },
            { kind: "select", name: "kind", label: "Typ", options: BODY_KINDS.map((k) => ({ value: k, label: BODY_KIND_LABEL[k] })), defaultValue: "NAMND" },
            { kind: "select", name: "parentId", label: "Ligger under", options: [{ value: "", label: "Inget (eget organ)" }, ...tree.map(({ node }) => ({ value: node.id, label: `${node.name} (${node.shortName})` }))], hint: "Ett utskott ligger under sin styrelse eller nämnd." },
          ]}
        />
    </AdminFrame>
  );
}
