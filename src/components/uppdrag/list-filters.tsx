import Link from "next/link";
import { STATUSES, STATUS_LABEL } from "@/lib/status";
import type { ListFilters } from "@/lib/validation/uppdrag";

/** A plain GET form: every filter lives in the URL, so views can be shared and the back button works. */
export function ListFiltersForm({ filters, bodies }: { filters: ListFilters; bodies: { id: string; name: string; shortName: string }[] }) {
  const selected = new Set(filters.status ?? []);
  return (
    <form method="get" action="/uppdrag" role="search" aria-label="Filtrera uppdrag" className="no-print rounded-lg border border-slate-200 bg-white p-4">
      <div className="grid gap-4 md:grid-cols-[2fr_1fr]">
        <div>
          <label htmlFor="q" className="block font-medium">
            Sök på titel eller diarienummer
          </label>
          <input
            id="q"
            name="q"
            type="search"
            defaultValue={filters.q ?? ""}
            className="mt-1 block min-h-11 w-full rounded-md border border-slate-400 px-3 text-base"
          />
        </div>
        <div>
          <label htmlFor="body" className="block font-medium">
            Organ
          </label>
          <select
            id="body"
            name="body"
            defaultValue={filters.body ?? ""}
            className="mt-1 block min-h-11 w-full rounded-md border border-slate-400 bg-white px-3 text-base"
          >
            <option value="">Alla organ</option>
            {bodies.map((b) => (
              <option key={b.id} value={b.id}>
                {b.name} ({b.shortName})
              </option>
            ))}
          </select>
        </div>
      </div>
      <fieldset className="mt-4">
        <legend className="font-medium">Status</legend>
        <div className="mt-1 flex flex-wrap gap-x-4">
          {STATUSES.map((s) => (
            <label key={s} className="inline-flex min-h-11 items-center gap-2">
              <input type="checkbox" name="status" value={s} defaultChecked={selected.has(s)} className="size-5" />
              {STATUS_LABEL[s]}
            </label>
          ))}
        </div>
        <p className="text-sm text-slate-700">Utan val visas alla uppdrag som inte är avslutade.</p>
      </fieldset>
      <div className="mt-4 flex flex-wrap items-center gap-3">
        <button type="submit" className="min-h-11 rounded-md bg-brand-700 px-5 font-semibold text-white hover:bg-brand-800">
          Visa
        </button>
        <Link href="/uppdrag" className="inline-flex min-h-11 items-center rounded-md px-3 font-medium text-brand-700 underline">
          Rensa filter
        </Link>
      </div>
    </form>
  );
}
