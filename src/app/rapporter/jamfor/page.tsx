import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireActor } from "@/server/auth/actor";
import { getPrisma } from "@/server/db";
import { NotFoundError } from "@/server/permissions";
import { compareFrozenReports } from "@/server/report/frozen";
import { compareParamsSchema } from "@/lib/validation/report";
import { AppShell } from "@/components/ui/app-shell";
import { frozenLabel } from "@/components/report/frozen-report-list";
import { paragraphLabel } from "@/lib/report/labels";
import type { ReportRow } from "@/lib/report/point-in-time";
import { formatIsoDate, formatNumber } from "@/lib/dates";

export const metadata: Metadata = { title: "Jämför redovisningar" };

const cell = "py-2 pr-4 align-top";
const planned = (r: ReportRow) => (r.plannedCompletion ? formatIsoDate(r.plannedCompletion) : "–");

function Heading({ id, title, count }: { id: string; title: string; count: number }) {
  return (
    <h2 id={id} className="mt-10 text-xl font-bold text-brand-900">
      {title} ({formatNumber(count)})
    </h2>
  );
}

function UppdragCells({ row }: { row: ReportRow }) {
  return (
    <>
      <td className={`${cell} whitespace-nowrap`}>
        {row.body.shortName} {paragraphLabel(row.paragraphNumber)}
        <span className="block text-sm text-slate-700">{formatIsoDate(row.decidedOn)}</span>
      </td>
      <td className={cell}>
        <Link href={`/uppdrag/${row.uppdragId}`} className="text-brand-700 underline">
          {row.title}
        </Link>
        {row.dnr && <span className="block text-sm text-slate-700">Dnr {row.dnr}</span>}
      </td>
    </>
  );
}

const Th = ({ children }: { children: React.ReactNode }) => (
  <th scope="col" className="py-2 pr-4">
    {children}
  </th>
);

export default async function ComparePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const sp = await searchParams;
  const actor = await requireActor("/rapporter");
  const parsed = compareParamsSchema.safeParse(sp);
  if (!parsed.success) {
    return (
      <AppShell actor={actor}>
        <h1 className="text-2xl font-bold text-brand-900">Jämför redovisningar</h1>
        <p role="alert" className="mt-4 rounded-md border border-red-300 bg-red-50 p-3 text-red-900">
          {parsed.error.issues[0]?.message} <Link href="/rapporter" className="underline">Tillbaka till redovisningarna</Link>
        </p>
      </AppShell>
    );
  }
  const { earlier, later, comparison: c } = await compareFrozenReports(await getPrisma(), actor, parsed.data.a, parsed.data.b).catch((err: unknown) => {
    if (err instanceof NotFoundError) notFound();
    throw err;
  });
  return (
    <AppShell actor={actor}>
      <nav aria-label="Brödsmulor" className="text-sm">
        <Link href="/rapporter" className="inline-flex min-h-11 items-center text-brand-700 underline">
          ← Redovisningar
        </Link>
      </nav>
      <h1 className="text-2xl font-bold text-brand-900">Jämför redovisningar</h1>
      <p className="mt-2 max-w-3xl">
        Redovisningen {frozenLabel(earlier)} jämförd med redovisningen {frozenLabel(later)}.
      </p>
      <ul className="mt-4 grid max-w-3xl gap-2 sm:grid-cols-2">
        <li><a className="text-brand-700 underline" href="#nya">Nya: {formatNumber(c.added.length)}</a></li>
        <li><a className="text-brand-700 underline" href="#avslutade">Avslutade: {formatNumber(c.closed.length)}</a></li>
        <li><a className="text-brand-700 underline" href="#kvar">Fortfarande ej verkställda: {formatNumber(c.stillOpen.length)}</a></li>
        <li><a className="text-brand-700 underline" href="#senarelagda">Senarelagda igen: {formatNumber(c.postponed.length)}</a></li>
      </ul>

      <section aria-labelledby="nya">
        <Heading id="nya" title="Nya sedan förra redovisningen" count={c.added.length} />
        {c.added.length > 0 ? (
        <table className="mt-3 w-full border-collapse text-left">
          <thead><tr className="border-b border-slate-300"><Th>Beslut</Th><Th>Uppdrag</Th><Th>Status</Th><Th>Planerat klart</Th></tr></thead>
          <tbody>
            {c.added.map((r) => (
              <tr key={r.uppdragId} className="border-b border-slate-200"><UppdragCells row={r} /><td className={cell}>{r.statusLabel}</td><td className={cell}>{planned(r)}</td></tr>
            ))}
          </tbody>
        </table>
        ) : (
          <p className="mt-3 text-slate-700">Inga.</p>
        )}
      </section>

      <section aria-labelledby="avslutade">
        <Heading id="avslutade" title="Avslutade sedan förra redovisningen" count={c.closed.length} />
        {c.closed.length > 0 ? (
        <table className="mt-3 w-full border-collapse text-left">
          <thead><tr className="border-b border-slate-300"><Th>Beslut</Th><Th>Uppdrag</Th><Th>Status då</Th><Th>Avslutat som</Th></tr></thead>
          <tbody>
            {c.closed.map(({ earlier: e, closed }) => (
              <tr key={e.uppdragId} className="border-b border-slate-200">
                <UppdragCells row={e} />
                <td className={cell}>{e.statusLabel}</td>
                <td className={cell}>{closed ? closed.statusLabel : "Inte med i den senare redovisningen"}</td>
              </tr>
            ))}
          </tbody>
        </table>
        ) : (
          <p className="mt-3 text-slate-700">Inga.</p>
        )}
      </section>

      <section aria-labelledby="senarelagda">
        <Heading id="senarelagda" title="Senarelagda igen" count={c.postponed.length} />
        <p className="max-w-3xl text-slate-700">Fortfarande ej verkställda, med senare planerat klart-datum eller ny status försenad eller vilande.</p>
        {c.postponed.length > 0 ? (
        <table className="mt-3 w-full border-collapse text-left">
          <thead><tr className="border-b border-slate-300"><Th>Beslut</Th><Th>Uppdrag</Th><Th>Status</Th><Th>Planerat klart</Th><Th>Kommentar</Th></tr></thead>
          <tbody>
            {c.postponed.map(({ earlier: e, later: l }) => (
              <tr key={l.uppdragId} className="border-b border-slate-200">
                <UppdragCells row={l} />
                <td className={cell}>{e.status === l.status ? l.statusLabel : `${e.statusLabel} → ${l.statusLabel}`}</td>
                <td className={`${cell} whitespace-nowrap`}>{planned(e)} → {planned(l)}</td>
                <td className={cell}>{l.comment ?? ""}</td>
              </tr>
            ))}
          </tbody>
        </table>
        ) : (
          <p className="mt-3 text-slate-700">Inga.</p>
        )}
      </section>

      <section aria-labelledby="kvar">
        <Heading id="kvar" title="Fortfarande ej verkställda" count={c.stillOpen.length} />
        {c.stillOpen.length > 0 ? (
        <table className="mt-3 w-full border-collapse text-left">
          <thead><tr className="border-b border-slate-300"><Th>Beslut</Th><Th>Uppdrag</Th><Th>Status</Th><Th>Planerat klart</Th></tr></thead>
          <tbody>
            {c.stillOpen.map(({ earlier: e, later: l }) => (
              <tr key={l.uppdragId} className="border-b border-slate-200">
                <UppdragCells row={l} />
                <td className={cell}>{e.status === l.status ? l.statusLabel : `${e.statusLabel} → ${l.statusLabel}`}</td>
                <td className={`${cell} whitespace-nowrap`}>{planned(e) === planned(l) ? planned(l) : `${planned(e)} → ${planned(l)}`}</td>
              </tr>
            ))}
          </tbody>
        </table>
        ) : (
          <p className="mt-3 text-slate-700">Inga.</p>
        )}
      </section>
    </AppShell>
  );
}
