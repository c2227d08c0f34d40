import type { Metadata } from "next";
import Link from "next/link";
import { requirePermission } from "@/server/entry/page";
import { AdminFrame, NotAdmin } from "@/components/admin/admin-frame";

export const metadata: Metadata = { title: "Administration" };

export default async function AdminPage() {
  const page = await requirePermission("/admin");
  if (!page.allowed) return <NotAdmin actor={page.actor} />;
  const { actor, db } = page;
  const [bodies, units, users, inactive] = await Promise.all([
    db.body.count(),
    db.unit.count(),
    db.membership.count({ where: { user: { active: true } } }),
    db.membership.count({ where: { user: { active: false } } }),
  ]);
  const cards = [
    { href: "/admin/organ", title: "Organ", text: `${bodies} organ. Fullmäktige, styrelse, utskott och nämnder, med ledamöter och sekreterare.` },
    { href: "/admin/enheter", title: "Enheter", text: `${units} enheter. Förvaltningar, kontor, avdelningar och enheter som får uppdrag.` },
    { href: "/admin/anvandare", title: "Användare", text: `${users} aktiva konton${inactive ? `, ${inactive} inaktiverade` : ""}. Bjud in, ändra roll, inaktivera och anonymisera.` },
    { href: "/admin/installningar", title: "Inställningar", text: "Kommunens namn, logotyp, diariets adress, redovisningsdatum och vilka organ som redovisas." },
  ];
  return (
    <AdminFrame actor={actor} current="/admin" title="Administration">
      <ul className="mt-6 grid gap-4 md:grid-cols-2">
        {cards.map((c) => (
          <li key={c.href} className="rounded-lg border border-slate-200 bg-white p-5">
            <h2 className="text-lg font-bold">
              <Link href={c.href} className="text-brand-700 underline">
                {c.title}
              </Link>
            </h2>
            <p className="mt-1 text-slate-700">{c.text}</p>
          </li>
        ))}
      </ul>
    </AdminFrame>
  );
}
