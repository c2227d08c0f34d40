// /offentlig/SLUG — the municipality's open list of uppdrag, when it has turned
// its public view on (docs/decisions/007-public-view.md): search and filter by
// status and body in a plain GET form, no session read, the same page for
// every visitor (the proxy marks it cacheable and rate-limits it).
import type { Metadata } from "next";
import Link from "next/link";
import { cache } from "react";
import { openPublicPage } from "@/server/entry/page";
import { listPublicUppdrag, publicBodies, publicListSchema, type PublicListFilters } from "@/server/public/public-uppdrag";
import { PublicShell } from "@/components/public/public-shell";
import { PublicRows } from "@/components/public/public-rows";
import { STATUSES, STATUS_LABEL } from "@/lib/status";
import { formatNumber } from "@/lib/dates";

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const open = cache((slug: string) => openPublicPage("/offentlig/[slug]", { slug }));

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { view } = await open((await params).slug);
  return { title: { absolute: `Uppdrag – ${view.name} – öppen redovisning` }, robots: { index: true, follow: true } };
}

function href(slug: string, f: PublicListFilters, page: number) {
  const q = new URLSearchParams();
  if (f.q) q.set("q", f.q);
  if (f.status) q.set("status", f.status);
  if (f.organ) q.set("organ", f.organ);
  if (page > 1) q.set("sida", String(page));
  const s = q.toString();
  return `/offentlig/${slug}${s ? `?${s}` : ""}`;
}

const field = "ul-field";

export default async function PublicListPage({ params, searchParams }: Props) {
  const { slug } = await params;
  const { db, view } = await open(slug);
  const filters = publicListSchema.parse(await searchParams);
  const [list, bodies] = await Promise.all([listPublicUppdrag(db, view, filters), publicBodies(db)]);
  const { rows, total, page, pageCount } = list;
  const filtered = !!(filters.q || filters.status || filters.organ);
  return (
    <PublicShell view={view}>
      <h1 className="text-2xl font-bold text-brand-900">Politiska uppdrag i {view.name}</h1>
      <p className="mt-1 max-w-3xl text-slate-700">
        Uppdrag som kommunens politiska organ har gett förvaltningen, och hur långt de har kommit. Listan visas utan inloggning.
      </p>
      <form method="get" action={`/offentlig/${view.slug}`} role="search" aria-label="Sök och filtrera uppdrag" className="mt-4 rounded-lg border border-slate-200 bg-white p-4">
        <div className="grid gap-4 md:grid-cols-[2fr_1fr_1fr]">
          <div>
            <label htmlFor="q" className="block font-medium">
              Sök
            </label>
            <input id="q" name="q" type="search" defaultValue={filters.q ?? ""} aria-describedby="q-hint" className={field} />
            <p id="q-hint" className="mt-1 text-sm text-slate-700">
              Rubrik, uppdragstext, beslut eller diarienummer.
            </p>
          </div>
          <div>
            <label htmlFor="status" className="block font-medium">
              Status
            </label>
            <select id="status" name="status" defaultValue={filters.status ?? ""} className={field}>
              <option value="">Alla</option>
              <option value="oppna">Inte avslutade</option>
              {STATUSES.map((s) => (
                <option key={s} value={s}>
                  {STATUS_LABEL[s]}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor="organ" className="block font-medium">
              Organ
            </label>
            <select id="organ" name="organ" defaultValue={filters.organ ?? ""} className={field}>
              <option value="">Alla organ</option>
              {bodies.map((b) => (
                <option key={b.id} value={b.id}>
                  {b.name} ({b.shortName})
                </option>
              ))}
            </select>
          </div>
        </div>
        <div className="mt-3 flex flex-wrap items-center gap-3">
          <button type="submit" className="min-h-11 rounded-md bg-brand-700 px-5 font-semibold text-white hover:bg-brand-800">
            Visa
          </button>
          {filtered && (
            <Link prefetch={false} href={`/offentlig/${view.slug}`} className="inline-flex min-h-11 items-center rounded-md px-3 font-medium text-brand-700 underline">
              Rensa filter
            </Link>
          )}
        </div>
      </form>

      <h2 id="resultat" className="mt-6 font-semibold" aria-live="polite">
        {total === 0 ? "Inga uppdrag matchar filtret." : `${formatNumber(total)} uppdrag${pageCount > 1 ? `, sida ${page} av ${formatNumber(pageCount)}` : ""}`}
      </h2>
      {rows.length > 0 && <PublicRows slug={view.slug} rows={rows} />}

      {pageCount > 1 && (
        <nav aria-label="Sidor" className="mt-6 flex items-center justify-between">
          {page > 1 ? (
            <Link prefetch={false} href={href(view.slug, filters, page - 1)} className="inline-flex min-h-11 items-center rounded-md border border-slate-300 bg-white px-4 font-medium">
              ← Föregående
            </Link>
          ) : (
            <span />
          )}
          <span>
            Sida {page} av {formatNumber(pageCount)}
          </span>
          {page < pageCount ? (
            <Link prefetch={false} href={href(view.slug, filters, page + 1)} className="inline-flex min-h-11 items-center rounded-md border border-slate-300 bg-white px-4 font-medium">
              Nästa →
            </Link>
          ) : (
            <span />
          )}
        </nav>
      )}
    </PublicShell>
  );
}
