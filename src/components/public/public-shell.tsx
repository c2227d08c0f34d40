// The frame of the open public view: the app's look (header colour, width,
// skip link) without its navigation, sign-in state or service worker, so the
// page is the same for every visitor and a shared cache may serve it.
import Link from "next/link";
import type { PublicView } from "@/server/entry/public-view";

export function PublicShell({ view, children }: { view: PublicView; children: React.ReactNode }) {
  const base = `/offentlig/${view.slug}`;
  return (
    <>
      <a
        href="#innehall"
        className="sr-only z-50 rounded bg-white px-4 py-2 text-brand-800 focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:px-4 focus:py-2"
      >
        Hoppa till innehållet
      </a>
      <header className="no-print on-dark bg-brand-800 text-white">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-x-3 px-4 py-3">
          <Link prefetch={false} href={base} className="flex min-h-11 flex-col justify-center leading-tight">
            <span className="text-lg font-semibold">{view.name}</span>
            <span className="text-sm text-brand-100">Politiska uppdrag – öppen redovisning</span>
          </Link>
          <span className="text-sm text-brand-100">Uppdragskollen</span>
        </div>
      </header>
      <main id="innehall" tabIndex={-1} className="mx-auto max-w-6xl px-4 py-6 focus:outline-none">
        {children}
      </main>
      <footer className="mx-auto max-w-6xl border-t border-slate-200 px-4 py-6 text-sm text-slate-700">
        <p>
          Uppgifterna kommer från {view.name}s uppföljning av politiska uppdrag och visar det kommunen har valt att publicera. De uppdateras löpande; en sida kan
          vara upp till några minuter gammal.
        </p>
        <p className="mt-2 flex flex-wrap items-center gap-x-4">
          <span>Öppna data:</span>
          <a href={`${base}/data/uppdrag.json`} className="inline-flex min-h-11 items-center text-brand-700 underline">
            JSON
          </a>
          <a href={`${base}/data/uppdrag.csv`} className="inline-flex min-h-11 items-center text-brand-700 underline">
            CSV
          </a>
        </p>
      </footer>
    </>
  );
}
