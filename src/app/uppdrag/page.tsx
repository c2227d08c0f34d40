import type { Metadata } from "next";
import Link from "next/link";
import { requireActor } from "@/server/auth/actor";
import { getPrisma } from "@/server/db";
import { listBodies, listUppdrag, type UppdragListRow } from "@/server/uppdrag/list-uppdrag";
import { listFiltersSchema, type ListFilters } from "@/lib/validation/uppdrag";
import { formatIsoDate, formatDate } from "@/lib/dates";
import { isOverdue } from "@/lib/status";
import { AppShell } from "@/components/ui/app-shell";
import { StatusBadge } from "@/components/uppdrag/status-badge";
import { ListFiltersForm } from "@/components/uppdrag/list-filters";

export const metadata: Metadata = { title: "Uppdrag" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

function pageHref(filters: ListFilters, page: number) {
  const p = new URLSearchParams();
  if (filters.q) p.set("q", filters.q);
  if (filters.body) p.set("body", filters.body);
  for (const s of filters.status ?? []) p.append("status", s);
  if (page > 1) p.set("page", String(page));
  const qs = p.toString();
  return qs ? `/uppdrag?${qs}` : "/uppdrag";
}

const units = (u: UppdragListRow) => u.units.map((x) => x.unit.name).join(", ") || "–";
const due = (u: UppdragListRow) => u.deadline ?? u.plannedCompletion;

function Overdue({ u, today }: { u: UppdragListRow; today: Date }) {
  return isOverdue(u, today) ? (
    <span className="ml-2 whitespace-nowrap rounded bg-red-700 px-1.5 py-0.5 text-xs font-semibold text-white">Försenad mot datum</span>
  ) : null;
}

export default async function UppdragListPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requireActor("/uppdrag");
  const filters = listFiltersSchema.parse(await searchParams);
  const prisma = await getPrisma();
  const [{ rows, total, page, pageCount }, bodies] = await Promise.all([
    listUppdrag(prisma, actor, filters),
    listBodies(prisma, actor),
  ]);
  const today = new Date();

  return (
    <AppShell actor={actor}>
      <h1 className="text-2xl font-bold text-brand-900">Uppdrag</h1>
      <p className="mt-1 text-slate-700">Uppdrag som getts av {actor.municipalityName}s politiska organ.</p>
      <div className="mt-4">
        <ListFiltersForm filters={filters} bodies={bodies} />
      </div>

      <p className="mt-6 font-medium" aria-live="polite">
        {total === 0 ? "Inga uppdrag matchar filtret." : `${total} uppdrag${pageCount > 1 ? `, sida ${page} av ${pageCount}` : ""}`}
      </p>

      {rows.length > 0 && (
        <>
          {/* Landscape tablets and wider: a table. */}
          <div className="mt-3 hidden overflow-hidden rounded-lg border border-slate-200 bg-white lg:block">
            <table className="w-full border-collapse text-left">
              <caption className="sr-only">Uppdrag, senaste beslut först</caption>
              <thead className="bg-slate-100 text-sm">
                <tr>
                  <th scope="col" className="px-3 py-2">Beslut och Dnr</th>
                  <th scope="col" className="px-3 py-2">Uppdrag</th>
                  <th scope="col" className="px-3 py-2">Ansvarig enhet</th>
                  <th scope="col" className="px-3 py-2">Status</th>
                  <th scope="col" className="px-3 py-2">Klart senast</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((u) => (
                  <tr key={u.id} className="border-t border-slate-200 align-top">
                    <td className="whitespace-nowrap px-3 py-3 text-sm">
                      {formatIsoDate(u.decidedOn)}
                      <br />
                      {u.body.shortName} § {u.paragraph.number}
                      <br />
                      <span className="text-slate-700">{u.paragraph.dnr ?? "Dnr saknas"}</span>
                    </td>
                    <td className="px-3 py-3">
                      <Link href={`/uppdrag/${u.id}`} className="font-medium text-brand-700 underline decoration-1 underline-offset-2 hover:decoration-2">
                        {u.title}
                      </Link>
                    </td>
                    <td className="px-3 py-3 text-sm">{units(u)}</td>
                    <td className="px-3 py-3">
                      <StatusBadge status={u.status} />
                    </td>
                    <td className="whitespace-nowrap px-3 py-3 text-sm">
                      {formatIsoDate(due(u))}
                      <Overdue u={u} today={today} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>

          {/* Portrait tablets and phones: cards. */}
          <ul className="mt-3 space-y-3 lg:hidden">
            {rows.map((u) => (
              <li key={u.id} className="rounded-lg border border-slate-200 bg-white p-4">
                <div className="flex flex-wrap items-center justify-between gap-2">
                  <StatusBadge status={u.status} />
                  <span className="text-sm text-slate-700">
                    {u.body.shortName} § {u.paragraph.number}, {formatDate(u.decidedOn)}
                  </span>
                </div>
                <Link href={`/uppdrag/${u.id}`} className="mt-1 block py-2 text-lg font-medium text-brand-700 underline decoration-1 underline-offset-2">
                  {u.title}
                </Link>
                <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-3 text-sm">
                  <dt className="text-slate-700">Dnr</dt>
                  <dd>{u.paragraph.dnr ?? "–"}</dd>
                  <dt className="text-slate-700">Ansvarig</dt>
                  <dd>{units(u)}</dd>
                  <dt className="text-slate-700">Klart senast</dt>
                  <dd>
                    {formatDate(due(u))}
                    <Overdue u={u} today={today} />
                  </dd>
                </dl>
              </li>
            ))}
          </ul>
        </>
      )}

      {pageCount > 1 && (
        <nav aria-label="Sidor" className="no-print mt-6 flex items-center justify-between">
          {page > 1 ? (
            <Link href={pageHref(filters, page - 1)} className="inline-flex min-h-11 items-center rounded-md border border-slate-300 bg-white px-4 font-medium">
              ← Föregående
            </Link>
          ) : (
            <span />
          )}
          <span>
            Sida {page} av {pageCount}
          </span>
          {page < pageCount ? (
            <Link href={pageHref(filters, page + 1)} className="inline-flex min-h-11 items-center rounded-md border border-slate-300 bg-white px-4 font-medium">
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
