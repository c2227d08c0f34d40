import Link from "next/link";
import { can, canImportSome, canProduceSomeReport, canRegisterSomeMeeting, canWriteAnything, type Actor } from "@/server/permissions";
import { ROLE_LABEL } from "@/lib/status";
import { SignOutButton } from "./sign-out-button";
import { ServiceWorker } from "./service-worker";
import { MunicipalityLogo } from "./municipality-logo";
import { MainMenu } from "./main-menu";
import { ANNOUNCER_ID } from "./announcer";

/** The main menu: only what the actor may use (the pages check again themselves). */
function menuFor(actor: Actor): { href: string; label: string }[] {
  const whole = { municipalityId: actor.municipalityId };
  const items: [boolean, string, string][] = [
    [true, "/uppdrag", "Uppdrag"],
    [canWriteAnything(actor), "/statusrunda", "Statusrunda"],
    [canRegisterSomeMeeting(actor), "/moten", "Sammanträden"],
    [canImportSome(actor), "/import", "Import"],
    [can(actor, "plan:read", whole), "/planer", "Planer"],
    [can(actor, "motion:read", whole), "/motioner", "Motioner"],
    [canProduceSomeReport(actor) || can(actor, "report:read-frozen", whole), "/rapporter", "Redovisning"],
    [can(actor, "admin:manage", whole), "/admin", "Administration"],
    [can(actor, "audit:read", whole), "/admin/logg", "Logg"],
  ];
  return items.filter(([show]) => show).map(([, href, label]) => ({ href, label }));
}

/** Page frame for signed-in users: skip link, header with municipality and user, main landmark. */
export function AppShell({ actor, children }: { actor: Actor; children: React.ReactNode }) {
  return (
    <>
      <a
        href="#innehall"
        className="sr-only z-50 rounded bg-white px-4 py-2 text-brand-800 focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:px-4 focus:py-2"
      >
        Hoppa till innehållet
      </a>
      <header className="no-print on-dark bg-brand-800 text-white">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-x-3 px-4 pt-3">
          <Link href="/uppdrag" className="flex min-h-11 items-center gap-3 leading-tight">
            <MunicipalityLogo actor={actor} />
            <span className="flex flex-col justify-center">
              <span className="text-lg font-semibold">Uppdragskollen</span>
              <span className="text-sm text-brand-100">{actor.municipalityName}</span>
            </span>
          </Link>
          <div className="flex items-center gap-3">
            <Link href="/konto" className="flex min-h-11 flex-col justify-center rounded-md px-2 text-right text-sm leading-tight hover:bg-white/10">
              <span className="block font-medium">{actor.name}</span>
              <span className="text-brand-100">
                {ROLE_LABEL[actor.role]} · <span className="underline">Mitt konto</span>
              </span>
            </Link>
            <SignOutButton />
          </div>
        </div>
        <MainMenu items={menuFor(actor)} />
      </header>
      <ServiceWorker />
      <div id={ANNOUNCER_ID} aria-live="polite" className="sr-only" />
      <main id="innehall" tabIndex={-1} className="mx-auto max-w-6xl px-4 py-6 focus:outline-none">
        {children}
      </main>
    </>
  );
}
