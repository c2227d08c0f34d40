import type { Metadata } from "next";
import Link from "next/link";
import { Suspense } from "react";
import { requirePermission } from "@/server/entry/page";
import { listFilterOptions, listUppdrag, recordListVisit } from "@/server/uppdrag/list-uppdrag";
import { getOverview } from "@/server/uppdrag/overview";
import { listFiltersSchema, listHref, type ListFilters, type SortKey } from "@/lib/validation/uppdrag";
import { formatIsoDate, formatNumber } from "@/lib/dates";
import { can } from "@/server/permissions";
import { AppShell } from "@/components/ui/app-shell";
import { LiveRefresh } from "@/components/ui/live-refresh";
import { RememberListView } from "@/components/uppdrag/list-view-memory";
import { ListFiltersForm, type FormFilters } from "@/components/uppdrag/list-filters";
import { SORT_LABEL } from "@/components/uppdrag/sort-labels";
import { OverviewPanel } from "@/components/uppdrag/overview-panel";
import { overviewView } from "@/components/uppdrag/overview-view";
import { ListRows } from "@/components/uppdrag/list-rows";
import { listRowView } from "@/lib/list-row";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** A search and a page number in the title, so tabs and history tell list views apart. */
export async function generateMetadata({ searchParams }: { searchParams: SearchParams }): Promise<Metadata> {
  const parsed = listFiltersSchema.safeParse(await searchParams);
  const { q, page } = parsed.success ? parsed.data : { q: undefined, page: undefined };
  const search = q ? `Sökning ”${q}” i uppdrag` : "Uppdrag";
  return { title: page && page > 1 ? `${search}, sida ${page}` : search };
}

function changedChoices(today: Date, current: string | undefined) {
  const daysAgo = (n: number) => formatIsoDate(new Date(today.getTime() - n * 86_400_000));
  const choices = [
    { value: "senaste-besok", label: "Sedan mitt förra besök" },
    { value: daysAgo(7), label: "Senaste veckan" },
    { value: daysAgo(30), label: "Senaste 30 dagarna" },
  ];
  if (current && !choices.some((c) => c.value === current)) choices.push({ value: current, label: `Sedan ${current}` });
  return choices;
}

/** The filter without its empty values: all the filter form (a client component) is sent of it. */
function formFilters(f: ListFilters): FormFilters {
  const out: FormFilters = {};
  for (const k of ["q", "status", "body", "unit", "year", "overdue", "changed", "showClosed", "sort", "dir"] as const) {
    const v = f[k];
    if (v !== undefined && v !== false && v !== "") (out as Record<string, unknown>)[k] = v;
  }
  return out;
}

function SortHeader({ label, sortKey, filters, current }: { label: string; sortKey: SortKey; filters: ListFilters; current: { sort: SortKey; dir: "asc" | "desc" } }) {
  const active = current.sort === sortKey;
  const nextDir = active ? (current.dir === "asc" ? "desc" : "asc") : sortKey === "beslut" || sortKey === "andrad" ? "desc" : "asc";
  return (
    <th scope="col" aria-sort={active ? (current.dir === "asc" ? "ascending" : "descending") : "none"} className="px-3 py-1">
      <Link href={listHref(filters, { sort: sortKey, dir: nextDir, page: 1 })} className="ul-sort">
        {label}
        <span aria-hidden="true" className="text-slate-700">
          {active ? (current.dir === "asc" ? "▲" : "▼") : "↕"}
        </span>
      </Link>
    </th>
  );
}

export default async function UppdragListPage({ searchParams }: { searchParams: SearchParams }) {
  const page_ = await requirePermission("/uppdrag");
  if (!page_.allowed) return page_.refuse("Uppdrag", "Du har inte behörighet att läsa uppdragslistan.");
  const { actor, db } = page_;
  const filters = listFiltersSchema.parse(await searchParams);
  const today = new Date();
  // Recorded while the rows load: the list awaits it only where it needs it.
  const lastVisit = recordListVisit(db, actor, today);
  lastVisit.catch(() => {}); // a failure surfaces where the list awaits it, never as an unhandled rejection
  const [list, options, overview] = await Promise.all([
    listUppdrag(db, actor, filters, { today, lastVisit }),
    listFilterOptions(db, actor),
    getOverview(db, actor, today),
  ]);
  const { rows, total, page, pageCount } = list;
  const current = { sort: list.sort, dir: list.dir };
  // The file holds every row the filters give (not one page, in its own order).
  const exportQuery = listHref({ ...filters, page: undefined, sort: undefined, dir: undefined }).split("?")[1] ?? "";
  const exportHref = (format: string) => `/uppdrag/fil?format=${format}${exportQuery ? `&${exportQuery}` : ""}`;

  return (
    <AppShell actor={actor}>
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-2xl font-bold text-brand-900">Uppdrag</h1>
        <LiveRefresh renderedAt={today.toISOString()} />
        <Suspense fallback={null}>
          <RememberListView />
        </Suspense>
      </div>
      <p className="mt-1 text-slate-700">{`Ärendebalanslistan: uppdrag från ${actor.municipalityName}s politiska organ och hur långt de har kommit.`}</p>
      {/* The overview and filters hold some 30 stops: a keyboard user may go straight to the rows. */}
      <a href="#resultat" className="sr-only focus:not-sr-only focus:mt-2 focus:inline-flex focus:min-h-11 focus:items-center focus:rounded focus:px-2 text-brand-700 underline">
        Hoppa till listan
      </a>
      <div className="mt-4 space-y-4">
        <OverviewPanel o={overviewView(overview)} />
        <ListFiltersForm
          filters={formFilters(filters)}
          options={{ bodies: options.bodies, units: options.units.map((u) => ({ id: u.id, name: u.name })), years: options.years }}
          changedChoices={changedChoices(today, filters.changed)}
        />
      </div>

      <div className="mt-6 flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="resultat" tabIndex={-1} className="font-semibold" aria-live="polite" data-navigation-focus>
          {total === 0 ? "Inga uppdrag matchar filtret." : `${formatNumber(total)} uppdrag${pageCount > 1 ? `, sida ${page} av ${formatNumber(pageCount)}` : ""}`}
        </h2>
        {total > 0 && can(actor, "uppdrag:export", { municipalityId: actor.municipalityId }) && (
          <p className="no-print flex flex-wrap items-center gap-x-3 text-sm">
            <span>Hämta listan med filtret:</span>
            <a href={exportHref("xlsx")} className="inline-flex min-h-11 items-center text-brand-700 underline" download>
              Excel (.xlsx)
            </a>
            <a href={exportHref("csv")} className="inline-flex min-h-11 items-center text-brand-700 underline" download>
              CSV för Excel
            </a>
          </p>
        )}
      </div>

      {rows.length > 0 && (
        <table className="mt-3 block w-full border-collapse text-left lg:table lg:overflow-hidden lg:rounded-lg lg:border lg:border-slate-200 lg:bg-white">
          <caption className="sr-only">
            {`Uppdrag, sorterade efter ${SORT_LABEL[list.sort].toLowerCase()} ${list.dir === "asc" ? "stigande" : "fallande"}`}
          </caption>
          <thead className="hidden bg-slate-100 text-sm lg:table-header-group">
            <tr>
              <SortHeader label="Beslut" sortKey="beslut" filters={filters} current={current} />
              <SortHeader label="Uppdrag" sortKey="titel" filters={filters} current={current} />
              <SortHeader label="Ansvarig enhet" sortKey="enhet" filters={filters} current={current} />
              <SortHeader label="Status" sortKey="status" filters={filters} current={current} />
              <SortHeader label="Klart senast" sortKey="klart" filters={filters} current={current} />
            </tr>
          </thead>
          <ListRows rows={rows.map((u) => listRowView(u, today))} />
        </table>
      )}

      {pageCount > 1 && (
        <nav aria-label="Sidor" className="no-print mt-6 flex items-center justify-between">
          {page > 1 ? (
            <Link href={listHref(filters, { page: page - 1 })} className="inline-flex min-h-11 items-center rounded-md border border-slate-300 bg-white px-4 font-medium">
              ← Föregående
            </Link>
          ) : (
            <span />
          )}
          <span>{`Sida ${page} av ${formatNumber(pageCount)}`}</span>
          {page < pageCount ? (
            <Link href={listHref(filters, { page: page + 1 })} className="inline-flex min-h-11 items-center rounded-md border border-slate-300 bg-white px-4 font-medium">
              Nästa →
            </Link>
          ) : (
            <span />
          )}
        </nav>
      )}
    </AppShell>
  );
}
