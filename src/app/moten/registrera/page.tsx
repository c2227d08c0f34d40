import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requirePermission } from "@/server/entry/page";
import { bodiesForMeetingRegistration } from "@/server/permissions";
import { AppShell } from "@/components/ui/app-shell";
import { RegisterMeetingForm } from "@/components/meetings/register-form";
import { compareSv } from "@/lib/dates";
import { BackLink } from "@/components/ui/back-link";

export const metadata: Metadata = { title: "Registrera sammanträde" };

export default async function RegisterMeetingPage() {
  const page = await requirePermission("/moten/registrera");
  // Like another municipality's record: a page the actor may not use does not exist for them.
  if (!page.allowed) notFound();
  const { actor, db } = page;
  const [bodies, units] = await Promise.all([
    db.body.findMany({ select: { id: true, name: true, shortName: true } }),
    db.unit.findMany({ select: { id: true, name: true } }),
  ]);
  const allowed = bodiesForMeetingRegistration(actor, bodies).sort((a, b) => compareSv(a.name, b.name));
  if (allowed.length === 0) notFound();
  return (
    <AppShell actor={actor}>
      <BackLink href="/moten">Alla sammanträden</BackLink>
      <h1 className="mt-2 text-2xl font-bold text-brand-900">Registrera sammanträde</h1>
      <p className="mt-1 max-w-3xl text-slate-700">
        Klistra in protokollet eller ladda upp det, så föreslås sammanträdet, paragraferna och uppdragen. Granska och rätta förslaget. Ingenting sparas
        förrän du väljer Spara. Du kan också fylla i allt själv.
      </p>
      <RegisterMeetingForm bodies={allowed} units={units.sort((a, b) => compareSv(a.name, b.name))} />
    </AppShell>
  );
}
