import { ActionForm, type ActionFormProps } from "./action-form";
import { PageRefusal } from "@/components/ui/refusal";
import Link from "next/link";
import { AppShell } from "@/components/ui/app-shell";
import type { Actor } from "@/server/permissions";
import { isDemoMode } from "@/server/config";

const SECTIONS = [
  { href: "/admin", label: "Översikt" },
  { href: "/admin/organ", label: "Organ" },
  { href: "/admin/enheter", label: "Enheter" },
  { href: "/admin/anvandare", label: "Användare" },
  { href: "/admin/installningar", label: "Inställningar" },
] as const;

/** The administration pages' frame: the app shell, a section menu and the page heading. */
export function AdminFrame({ actor, current, title, back, children }: { actor: Actor; current: string; title: string; back?: { href: string; label: string }; children: React.ReactNode }) {
  return (
    <AppShell actor={actor}>
      <nav aria-label="Administration" className="no-print mb-4 border-b border-slate-200">
        <ul className="flex flex-wrap gap-1">
          {[...SECTIONS, ...(isDemoMode() ? [{ href: "/admin/utkorg", label: "Utkorg (demo)" }] : [])].map((s) => (
            <li key={s.href}>
              <Link
                href={s.href}
                aria-current={s.href === current ? "page" : undefined}
                className={`inline-flex min-h-11 items-center rounded-t-md px-3 font-medium ${s.href === current ? "border-b-4 border-brand-700 text-brand-900" : "text-brand-700 hover:bg-brand-50"}`}
              >
                {s.label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {back && (
        <p className="mb-2">
          <Link href={back.href} className="inline-flex min-h-11 items-center text-brand-700 underline">
            ← {back.label}
          </Link>
        </p>
      )}
      <h1 className="text-2xl font-bold text-brand-900">{title}</h1>
      {children}
    </AppShell>
  );
}

/** What a signed-in person without the administrator role sees on an administration page. */
export function NotAdmin({ actor }: { actor: Actor }) {
  return (
    <PageRefusal actor={actor} title="Administration">
      Administrationen är till för kommunens administratörer. Du har inte behörighet att se den här sidan.
    </PageRefusal>
  );
}

export function Section({ id, title, children }: { id: string; title: string; children: React.ReactNode }) {
  return (
    <section aria-labelledby={id} className="mt-8">
      <h2 id={id} className="text-xl font-bold text-brand-900">
        {title}
      </h2>
      <div className="mt-3 rounded-lg border border-slate-200 bg-white p-5">{children}</div>
    </section>
  );
}

/** A section holding one form: its heading names the section, the form's fields take their ids from it. */
export function FormSection({ title, ...form }: ActionFormProps & { title: string }) {
  return (
    <Section id={form.id} title={title}>
      <ActionForm {...form} />
    </Section>
  );
}
