import type { Metadata } from "next";
import Link from "next/link";
import { requirePermission } from "@/server/entry/page";
import { AdminFrame, FormSection, NotAdmin, Section } from "@/components/admin/admin-frame";
import { orphanedWork } from "@/server/admin/handover";
import { inviteUserAction } from "@/app/admin/actions";
import { ROLE_LABEL } from "@/lib/status";
import { ROLES } from "@/lib/validation/admin";
import { PASSWORD_MIN_LENGTH } from "@/lib/validation/password";
import { compareSv } from "@/lib/dates";
import { treeOrder } from "@/server/admin/tree";

export const metadata: Metadata = { title: "Användare – administration" };

export default async function UsersPage() {
  const page = await requirePermission("/admin/anvandare");
  if (!page.allowed) return <NotAdmin actor={page.actor} />;
  const { actor, db } = page;
  const [members, units] = await Promise.all([
    db.membership.findMany({
      select: {
        userId: true,
        role: true,
        unit: { select: { name: true } },
        bodies: { select: { role: true, body: { select: { shortName: true } } } },
        user: { select: { name: true, email: true, active: true, anonymizedAt: true, passwordHash: true, _count: { select: { identities: true } } } },
      },
    }),
    db.unit.findMany({ select: { id: true, name: true, parentId: true } }),
  ]);
  members.sort((a, b) => Number(!a.user.active) - Number(!b.user.active) || compareSv(a.user.name, b.user.name));
  // Issue #17: open uppdrag and motions whose person has left.
  const orphaned = await orphanedWork(db, actor);
  return (
    <AdminFrame actor={actor} current="/admin/anvandare" title="Användare">
      <div className="mt-4 overflow-x-auto rounded-lg border border-slate-200 bg-white">
        <table className="w-full text-left">
          <caption className="sr-only">Kommunens användare</caption>
          <thead className="bg-slate-50">
            <tr>
              <th scope="col" className="px-3 py-2">Namn</th>
              <th scope="col" className="px-3 py-2">Roll</th>
              <th scope="col" className="px-3 py-2">Enhet / organ</th>
              <th scope="col" className="px-3 py-2">Status</th>
            </tr>
          </thead>
          <tbody>
            {members.map((m) => (
              <tr key={m.userId} className="border-t border-slate-200 align-top">
                <td className="px-3 py-1">
                  <Link href={`/admin/anvandare/${m.userId}`} className="inline-flex min-h-11 items-center font-medium text-brand-700 underline">
                    {m.user.name}
                  </Link>
                  {!m.user.anonymizedAt && <span className="block pb-2 text-sm text-slate-700 [overflow-wrap:anywhere]">{m.user.email}</span>}
                </td>
                <td className="px-3 py-3">{ROLE_LABEL[m.role]}</td>
                <td className="px-3 py-3 text-sm">
                  {m.unit?.name}
                  {m.bodies.length > 0 && (
                    <span className="block text-slate-700">
                      {m.bodies.map((b) => `${b.body.shortName}${b.role === "SECRETARY" ? " (sekr.)" : ""}`).join(", ")}
                    </span>
                  )}
                </td>
                <td className="px-3 py-3 text-sm">
                  {m.user.anonymizedAt ? "Anonymiserad" : m.user.active ? (m.user.passwordHash || m.user._count.identities ? "Aktiv" : "Inbjuden") : "Inaktiverad"}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {orphaned.uppdrag.length + orphaned.motions.length > 0 && (
        <Section id="lamnat" title="Uppdrag vars ansvariga har slutat">
          <p className="max-w-3xl">Öppna uppdrag och motioner vars namngivna ansvariga eller handläggare har ett inaktiverat konto. Rätta ansvarig på uppdragets sida, eller välj handläggare på motionens.</p>
          <ul className="mt-3 list-disc space-y-1 pl-6">
            {orphaned.uppdrag.map((x) => (
              <li key={x.id}>
                <Link className="text-brand-700 underline" href={`/uppdrag/${x.id}`}>
                  {x.title}
                </Link>{" "}
                (ansvarig: {x.responsiblePerson})
              </li>
            ))}
            {orphaned.motions.map((x) => (
              <li key={x.id}>
                <Link className="text-brand-700 underline" href={`/motioner/${x.id}`}>
                  {x.title}
                </Link>{" "}
                (motion)
              </li>
            ))}
          </ul>
        </Section>
      )}
      <FormSection
        id="invite"
        title="Bjud in en person"
          action={inviteUserAction}
          submitLabel="Skapa konto"
          intro="Personen får ett konto i kommunen med den roll du väljer. Lämna startlösenordet tomt så får du en engångslänk att skicka, så att personen väljer sitt eget lösenord. Med kommunens inloggning (SSO) kopplas kontot vid första inloggningen."
          fields={[
            { kind: "text", name: "name", label: "Namn", required: true, autoComplete: "off" },
            { kind: "email", name: "email", label: "E-post", required: true, autoComplete: "off" },
            { kind: "select", name: "role", label: "Roll", options: ROLES.map((r) => ({ value: r, label: ROLE_LABEL[r] })), defaultValue: "LEDAMOT" },
            { kind: "select", name: "unitId", label: "Enhet", options: [{ value: "", label: "Ingen" }, ...treeOrder(units).map(({ node, depth }) => ({ value: node.id, label: `${"– ".repeat(depth)}${node.name}` }))], hint: "Krävs för handläggare: den enhet vars uppdrag personen rapporterar på." },
            { kind: "password", name: "password", label: "Startlösenord (frivilligt)", autoComplete: "new-password", hint: `Minst ${PASSWORD_MIN_LENGTH} tecken, inte e-postadressen och inte ett vanligt lösenord.` },
          ]}
        />
    </AdminFrame>
  );
}
