import type { Metadata } from "next";
import Link from "next/link";
import { requirePermission } from "@/server/entry/page";
import { AUDIT_PAGE_SIZE, auditPeople, listAuditEvents, type AuditRow } from "@/server/audit-log";
import { AppShell } from "@/components/ui/app-shell";
import { AUDIT_ACTION_LABEL, auditActionLabel, auditEntityLabel, auditFilterSchema } from "@/lib/validation/audit";
import { compareSv, formatDateTime, formatNumber } from "@/lib/dates";
import { FilterFormAddress } from "@/components/ui/filter-form-address";
import { auditDetails, auditRecordNote } from "@/lib/audit-details";

export const metadata: Metadata = { title: "Logg" };

type SearchParams = Record<string, string | string[] | undefined>;
const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

function recordLink(r: AuditRow) {
  if (r.entity === "Uppdrag") return r.entityId === "list" ? "/uppdrag" : `/uppdrag/${r.entityId}`;
  if (r.entity === "FrozenReport") return r.action === "report.freeze-motions" ? "/motioner/rapport" : `/rapporter/arkiv/${r.entityId}`;
  if (r.entity === "Motion") return `/motioner/${r.entityId}`;
  return null;
}

export default async function AuditLogPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const sp = await searchParams;
  const page = await requirePermission("/admin/logg");
  if (!page.allowed) return page.refuse("Logg", "Loggen kan bara läsas av administratörer.");
  const { actor, db } = page;
  const raw = Object.fromEntries(Object.entries(sp).map(([k, v]) => [k, first(v)]));
  const parsed = auditFilterSchema.safeParse(raw);
  const filter = parsed.success ? parsed.data : auditFilterSchema.parse({});
  const errors = parsed.success ? {} : Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0]), i.message]));
  // A filter with an error lists nothing: the whole log beside the chosen filter would look like its result.
  const [{ rows, total }, people] = await Promise.all([
    parsed.success ? listAuditEvents(db, actor, filter) : { rows: [], total: 0 },
    auditPeople(db, actor),
  ]);
  const pages = Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE));
  const query = (page?: number) => {
    const q = new URLSearchParams();
    for (const k of ["person", "record", "action", "from", "to"] as const) if (raw[k]) q.set(k, raw[k]!);
    if (page && page > 1) q.set("page", String(page));
    return q.toString();
  };
  const field = (name: string) => (errors[name] ? { "aria-invalid": true, "aria-describedby": `${name}-error` } : {});
  const error = (name: string) =>
    errors[name] && (
      <p id={`${name}-error`} className="mt-1 text-sm text-red-800">
        {errors[name]}
      </p>
    );

  return (
    <AppShell actor={actor}>
      <h1 className="text-2xl font-bold text-brand-900">Logg</h1>
      <p className="mt-1 max-w-3xl text-slate-700">
        Varje ändring, inloggning och nekad åtkomst i {actor.municipalityName}: vem, vad och när. Loggen kan inte ändras eller raderas.
      </p>
      <form method="get" autoComplete="off" className="mt-4 grid max-w-5xl gap-4 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-2 lg:grid-cols-3" aria-label="Filtrera loggen">
        <FilterFormAddress />
        <div>
          <label htmlFor="person" className="block font-medium">Person</label>
          <select id="person" name="person" defaultValue={raw.person ?? ""} className="ul-field" {...field("person")}>
            <option value="">Alla</option>
            {people.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
          {error("person")}
        </div>
        <div>
          <label htmlFor="action" className="block font-medium">Händelse</label>
          <select id="action" name="action" defaultValue={raw.action ?? ""} className="ul-field" {...field("action")}>
            <option value="">Alla</option>
            {Object.entries(AUDIT_ACTION_LABEL).sort(([, a], [, b]) => compareSv(a, b)).map(([code, label]) => (
              <option key={code} value={code}>
                {label}
              </option>
            ))}
          </select>
          {error("action")}
        </div>
        <div>
          <label htmlFor="record" className="block font-medium">Post (id eller typ)</label>
          <input id="record" name="record" defaultValue={raw.record ?? ""} className="ul-field" placeholder="t.ex. Uppdrag" {...field("record")} />
          {error("record")}
        </div>
        <div>
          <label htmlFor="from" className="block font-medium">Från och med</label>
          <input id="from" name="from" type="date" defaultValue={raw.from ?? ""} className="ul-field" {...field("from")} />
          {error("from")}
        </div>
        <div>
          <label htmlFor="to" className="block font-medium">Till och med</label>
          <input id="to" name="to" type="date" defaultValue={raw.to ?? ""} className="ul-field" {...field("to")} />
          {error("to")}
        </div>
        <div className="flex flex-wrap items-end gap-3">
          <button type="submit" className="inline-flex min-h-11 items-center rounded-md bg-brand-700 px-4 font-semibold text-white hover:bg-brand-800">
            Visa
          </button>
          <a href={`/admin/logg/csv?${query()}`} className="inline-flex min-h-11 items-center rounded-md border border-brand-700 px-4 font-semibold text-brand-700">
            Ladda ned CSV
          </a>
        </div>
      </form>
      <h2 className="mt-6 font-semibold" aria-live="polite">
        {parsed.success ? `${formatNumber(total)} händelser${pages > 1 ? `, sida ${filter.page} av ${pages}` : ""}` : "Rätta filtret ovan för att se händelserna."}
      </h2>
      <div className="mt-2 overflow-x-auto">
        <table className="w-full border-collapse text-left">
          <caption className="sr-only">Loggen, senaste händelsen först</caption>
          <thead>
            <tr className="border-b border-slate-300">
              <th scope="col" className="py-2 pr-4">Tid</th>
              <th scope="col" className="py-2 pr-4">Person</th>
              <th scope="col" className="py-2 pr-4">Händelse</th>
              <th scope="col" className="py-2 pr-4">Post</th>
              <th scope="col" className="py-2 pr-4">Uppgifter</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => {
              const href = recordLink(r);
              return (
                <tr key={r.id} className="border-b border-slate-200 align-top">
                  <td className="whitespace-nowrap py-2 pr-4">{formatDateTime(r.at)}</td>
                  <td className="py-2 pr-4">{r.actor?.name ?? "–"}</td>
                  <td className="py-2 pr-4">{auditActionLabel(r.action)}</td>
                  <td className="py-2 pr-4">
                    {href ? (
                      <Link href={href} className="inline-flex min-h-11 items-center text-brand-700 underline">
                        {auditEntityLabel(r.entity)}
                      </Link>
                    ) : (
                      auditEntityLabel(r.entity)
                    )}
                    {auditRecordNote(r.entity, r.entityId) && <span className="block text-sm text-slate-700">{auditRecordNote(r.entity, r.entityId)}</span>}
                  </td>
                  <td className="max-w-md py-2 pr-4 text-sm [overflow-wrap:anywhere]">{auditDetails(r.after ?? r.before)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {pages > 1 && (
        <nav aria-label="Sidor i loggen" className="mt-4 flex gap-3">
          {filter.page > 1 && (
            <Link href={`/admin/logg?${query(filter.page - 1)}`} className="inline-flex min-h-11 items-center text-brand-700 underline">
              ← Nyare
            </Link>
          )}
          {filter.page < pages && (
            <Link href={`/admin/logg?${query(filter.page + 1)}`} className="inline-flex min-h-11 items-center text-brand-700 underline">
              Äldre →
            </Link>
          )}
        </nav>
      )}
    </AppShell>
  );
}
