import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requirePermission } from "@/server/entry/page";
import { listMotions } from "@/server/motions/read";
import { canManageMotions } from "@/server/motions/access";
import { AppShell } from "@/components/ui/app-shell";
import { formatIsoDate, formatNumber } from "@/lib/dates";
import { CLOCK_WARNING_DAYS } from "@/lib/motions/clock";
import { MOTION_KINDS, MOTION_KIND_LABEL, MOTION_STATES, MOTION_STATE_LABEL, stateText } from "@/lib/motions/labels";
import { motionListFiltersSchema } from "@/lib/validation/motion";

export const metadata: Metadata = { title: "Motioner och medborgarförslag" };

const button = "inline-flex min-h-11 items-center rounded-md px-4 font-semibold";

export default async function MotionsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const page = await requirePermission("/motioner");
  // Every role reads the register; one that did not would find no such page.
  if (!page.allowed) notFound();
  const { actor, db } = page;
  const raw = await searchParams;
  const filters = motionListFiltersSchema.parse(Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v])));
  const [rows, manage] = await Promise.all([listMotions(db, actor, filters), canManageMotions(db, actor)]);
  const open = rows.filter((r) => r.open);
  const over = open.filter((r) => r.clock?.overAYear).length;
  const filtered = Object.values(filters).some(Boolean);

  return (
    <AppShell actor={actor}>
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-bold text-brand-900">Motioner och medborgarförslag</h1>
        <div className="flex flex-wrap gap-3">
          <Link href="/motioner/rapport" className={`${button} border border-brand-700 bg-white text-brand-700 hover:bg-brand-50`}>
            Redovisning till fullmäktige
          </Link>
          {manage && (
            <Link href="/motioner/ny" className={`${button} bg-brand-700 text-white hover:bg-brand-800`}>
              Registrera motion eller medborgarförslag
            </Link>
          )}
        </div>
      </div>
      <p className="mt-2 max-w-3xl text-slate-700">
        En motion ska beredas så att kommunfullmäktige kan besluta inom ett år från det att den väcktes (kommunallagen 5 kap. 35 §). Klockan visar hur många
        dagar som är kvar av året, eller hur länge den har väntat när året har gått.
      </p>

      <form method="get" action="/motioner" className="no-print mt-4 flex flex-wrap items-end gap-4 rounded-lg border border-slate-200 bg-white p-4" aria-label="Filtrera listan">
        <div>
          <label htmlFor="f-kind" className="block font-medium">
            Slag
          </label>
          <select id="f-kind" name="kind" defaultValue={filters.kind ?? ""} className="ul-field">
            <option value="">Alla</option>
            {MOTION_KINDS.map((k) => (
              <option key={k} value={k}>
                {MOTION_KIND_LABEL[k]}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="f-state" className="block font-medium">
            Läge
          </label>
          <select id="f-state" name="state" defaultValue={filters.state ?? ""} className="ul-field">
            <option value="">Alla</option>
            {MOTION_STATES.map((s) => (
              <option key={s} value={s}>
                {MOTION_STATE_LABEL[s]}
              </option>
            ))}
          </select>
        </div>
        <label className="ul-check">
          <input type="checkbox" name="obesvarade" value="1" defaultChecked={!!filters.obesvarade} className="size-5" />
          Bara obesvarade
        </label>
        <label className="ul-check">
          <input type="checkbox" name="overAr" value="1" defaultChecked={!!filters.overAr} className="size-5" />
          Bara de som väntat över ett år
        </label>
        <button type="submit" className={`${button} bg-brand-700 text-white hover:bg-brand-800`}>
          Visa
        </button>
        {filtered && (
          <Link href="/motioner" className="inline-flex min-h-11 items-center text-brand-700 underline">
            Visa alla
          </Link>
        )}
      </form>

      <p className="mt-4" role="status">
        {formatNumber(rows.length)} {rows.length === 1 ? "träff" : "träffar"}, varav {formatNumber(open.length)} obesvarade och {formatNumber(over)} som väntat över ett år.
      </p>

      {rows.length > 0 && (
        <div className="mt-3 overflow-x-auto">
          <table className="w-full border-collapse bg-white text-left">
            <caption className="sr-only">Motioner och medborgarförslag, den som väntat längst först</caption>
            <thead>
              <tr className="border-b border-slate-300">
                <th scope="col" className="px-3 py-2">
                  Rubrik
                </th>
                <th scope="col" className="px-3 py-2">
                  Väckt
                </th>
                <th scope="col" className="hidden px-3 py-2 lg:table-cell">
                  Förslagsställare
                </th>
                <th scope="col" className="hidden px-3 py-2 md:table-cell">
                  Bereds av
                </th>
                <th scope="col" className="px-3 py-2">
                  Läge
                </th>
                <th scope="col" className="px-3 py-2">
                  Ett år
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((m) => {
                const tone = m.clock?.overAYear ? "font-bold text-red-800" : m.clock && m.clock.daysLeft <= CLOCK_WARNING_DAYS ? "font-semibold text-amber-900" : "";
                return (
                  <tr key={m.id} className="border-t border-slate-200 align-top">
                    <td className="px-3 py-2">
                      <span className="block text-sm text-slate-700">
                        {MOTION_KIND_LABEL[m.kind]}
                        {m.dnr ? ` · ${m.dnr}` : ""}
                      </span>
                      <Link href={`/motioner/${m.id}`} className="inline-flex min-h-11 items-center font-medium text-brand-700 underline">
                        {m.title}
                      </Link>
                    </td>
                    <td className="px-3 py-2 whitespace-nowrap">
                      {formatIsoDate(m.raisedOn)}
                      {m.raisedAtNumber !== null && <span className="block text-sm text-slate-700">KF § {m.raisedAtNumber}</span>}
                    </td>
                    <td className="hidden px-3 py-2 lg:table-cell">{m.proposers}</td>
                    <td className="hidden px-3 py-2 md:table-cell">
                      {m.preparingBody ?? "–"}
                      {m.handlaggare && <span className="block text-sm text-slate-700">{m.handlaggare}</span>}
                    </td>
                    <td className="px-3 py-2">
                      {stateText(m.state, m.outcome)}
                      {m.answeredAtNumber !== null && <span className="block text-sm text-slate-700">KF § {m.answeredAtNumber}</span>}
                      {m.uppdragCount > 0 && (
                        <span className="block text-sm text-slate-700">
                          {m.uppdragCount} {m.uppdragCount === 1 ? "uppdrag" : "uppdrag"}
                        </span>
                      )}
                    </td>
                    <td className={`px-3 py-2 ${tone}`}>{m.clockText}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {rows.length === 0 && <p className="mt-4 text-slate-700">{filtered ? "Inga motioner eller medborgarförslag matchar filtret." : "Inga motioner eller medborgarförslag är registrerade."}</p>}
    </AppShell>
  );
}
