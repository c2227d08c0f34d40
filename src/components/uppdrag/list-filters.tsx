"use client";
// The list's filter form. A client component (no state or effects; the server
// renders its HTML) so the React payload carries the filter and the choices,
// not the form's element tree (docs/decisions/004-list-speed.md).
import Link from "next/link";
import { FilterFormAddress } from "@/components/ui/filter-form-address";
import { STATUSES, STATUS_LABEL } from "@/lib/status";
import type { ListFilters, SortKey } from "@/lib/validation/uppdrag";
import { SORT_LABEL } from "./sort-labels";

const SORT_CHOICES = (Object.keys(SORT_LABEL) as SortKey[]).filter((k) => k !== "relevans");

const field = "ul-field";

/** What the form shows of the filter: only what it has fields for. */
export type FormFilters = Pick<ListFilters, "q" | "status" | "body" | "unit" | "year" | "overdue" | "changed" | "showClosed" | "sort" | "dir">;

/** A plain GET form: every filter lives in the URL, so views can be shared and the back button works. */
export function ListFiltersForm({
  filters,
  options,
  changedChoices,
}: {
  filters: FormFilters;
  options: { bodies: { id: string; name: string; shortName: string }[]; units: { id: string; name: string }[]; years: number[] };
  changedChoices: { value: string; label: string }[];
}) {
  const selected = new Set(filters.status ?? []);
  const advanced = !!(filters.unit || filters.year || filters.changed || filters.sort || filters.dir || filters.status?.length || filters.overdue || filters.showClosed);
  return (
    <form method="get" action="/uppdrag" role="search" aria-label="Filtrera uppdrag" autoComplete="off" className="no-print rounded-lg border border-slate-200 bg-white p-4">
      <FilterFormAddress />
      <div className="grid gap-4 md:grid-cols-[2fr_1fr]">
        <div>
          <label htmlFor="q" className="block font-medium">
            Sök
          </label>
          <input id="q" name="q" type="search" defaultValue={filters.q ?? ""} aria-describedby="q-hint" className={field} />
          <p id="q-hint" className="mt-1 text-sm text-slate-700">
            Titel, beslutstext, kommentarer eller diarienummer.
          </p>
        </div>
        <div>
          <label htmlFor="body" className="block font-medium">
            Organ
          </label>
          <select id="body" name="body" defaultValue={filters.body ?? ""} className={field}>
            <option value="">Alla organ</option>
            {options.bodies.map((b) => (
              <option key={b.id} value={b.id}>
                {`${b.name} (${b.shortName})`}
              </option>
            ))}
          </select>
        </div>
      </div>
      <details open={advanced} className="mt-2">
        <summary className="inline-flex min-h-11 cursor-pointer items-center font-medium text-brand-700">Fler filter och sortering</summary>
      <div className="mt-2 grid gap-4 md:grid-cols-3">
        <div>
          <label htmlFor="unit" className="block font-medium">
            Ansvarig enhet
          </label>
          <select id="unit" name="unit" defaultValue={filters.unit ?? ""} className={field}>
            <option value="">Alla enheter</option>
            {options.units.map((u) => (
              <option key={u.id} value={u.id}>
                {u.name}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="year" className="block font-medium">
            Beslutsår
          </label>
          <select id="year" name="year" defaultValue={filters.year ?? ""} className={field}>
            <option value="">Alla år</option>
            {options.years.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="changed" className="block font-medium">
            Ändrade
          </label>
          <select id="changed" name="changed" defaultValue={filters.changed ?? ""} className={field}>
            <option value="">När som helst</option>
            {changedChoices.map((c) => (
              <option key={c.value} value={c.value}>
                {c.label}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="sort" className="block font-medium">
            Sortera efter
          </label>
          <select id="sort" name="sort" defaultValue={filters.sort ?? ""} className={field}>
            <option value="">{filters.q ? "Bäst träff" : "Senaste beslut först"}</option>
            {SORT_CHOICES.map((k) => (
              <option key={k} value={k}>
                {SORT_LABEL[k]}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="dir" className="block font-medium">
            Ordning
          </label>
          <select id="dir" name="dir" defaultValue={filters.dir ?? ""} className={field}>
            <option value="">Standard</option>
            <option value="asc">Stigande (A–Ö, äldst först)</option>
            <option value="desc">Fallande (Ö–A, nyast först)</option>
          </select>
        </div>
      </div>
      <fieldset className="mt-4">
        <legend className="font-medium">Status</legend>
        <div className="mt-1 flex flex-wrap gap-x-4">
          {STATUSES.map((s) => (
            <label key={s} className="ul-check">
              <input type="checkbox" name="status" value={s} defaultChecked={selected.has(s)} className="size-5" />
              {STATUS_LABEL[s]}
            </label>
          ))}
        </div>
      </fieldset>
      <div className="mt-1 flex flex-wrap gap-x-6">
        <label className="ul-check">
          <input type="checkbox" name="overdue" value="1" defaultChecked={!!filters.overdue} className="size-5" />
          Bara försenade mot datum
        </label>
        <label className="ul-check">
          <input type="checkbox" name="showClosed" value="1" defaultChecked={!!filters.showClosed} className="size-5" />
          Visa även verkställda och avslutade
        </label>
      </div>
      </details>
      <div className="mt-3 flex flex-wrap items-center gap-3">
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
