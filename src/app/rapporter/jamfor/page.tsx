import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requirePermission } from "@/server/entry/page";
import { NotFoundError } from "@/server/permissions";
import { compareFrozenReports } from "@/server/report/frozen";
import { compareParamsSchema } from "@/lib/validation/report";
import { AppShell } from "@/components/ui/app-shell";
import { frozenLabel } from "@/components/report/frozen-report-list";
import { paragraphLabel } from "@/lib/report/labels";
import type { ReportRow } from "@/lib/report/point-in-time";
import { formatIsoDate, formatNumber } from "@/lib/dates";
import { BackLink } from "@/components/ui/back-link";

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

const statusChange = (e: ReportRow, l: ReportRow) => (e.status === l.status ? l.statusLabel : `${e.statusLabel} → ${l.statusLabel}`);

/** One part of the comparison: a heading with its count, then the uppdrag with their own columns (or "Inga."). */
function ComparisonSection({ id, title, intro, columns, rows }: { id: string; title: string; intro?: string; columns: string[]; rows: { row: ReportRow; cells: string[] }[] }) {
  return (
    <section aria-labelledby={id}>
      <Heading id={id} title={title} count={rows.length} />
      {intro && <p className="max-w-3xl text-slate-700">{intro}</p>}
      {rows.length > 0 ? (
        <table className="mt-3 w-full border-collapse text-left">
          <thead>
            <tr className="border-b border-slate-300">
              {["Beslut", "Uppdrag", ...columns].map((h) => (
                <Th key={h}>{h}</Th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map(({ row, cells }) => (
              <tr key={row.uppdragId} className="border-b border-slate-200">
                <UppdragCells row={row} />
                {cells.map((text, i) => (
                  <td key={i} className={cell}>
                    {text}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p className="mt-3 text-slate-700">Inga.</p>
      )}
    </section>
  );
}

export default async function ComparePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const sp = await searchParams;
  const page = await requirePermission("/rapporter/jamfor");
  if (!page.allowed) return page.refuse("Jämför redovisningar", "Du har inte behörighet att läsa redovisningarna.");
  const { actor, db } = page;
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
  const { earlier, later, comparison: c } = await compareFrozenReports(db, actor, parsed.data.a, parsed.data.b).catch((err: unknown) => {
    if (err instanceof NotFoundError) notFound();
    throw err;
  });
  return (
    <AppShell actor={actor}>
      <BackLink href="/rapporter">Redovisningar</BackLink>
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

      <ComparisonSection
        id="nya"
        title="Nya sedan förra redovisningen"
        columns={["Status", "Planerat klart"]}
        rows={c.added.map((r) => ({ row: r, cells: [r.statusLabel, planned(r)] }))}
      />
      <ComparisonSection
        id="avslutade"
        title="Avslutade sedan förra redovisningen"
        columns={["Status då", "Avslutat som"]}
        rows={c.closed.map(({ earlier: e, closed }) => ({ row: e, cells: [e.statusLabel, closed ? closed.statusLabel : "Inte med i den senare redovisningen"] }))}
      />
      <ComparisonSection
        id="senarelagda"
        title="Senarelagda igen"
        intro="Fortfarande ej verkställda, med senare planerat klart-datum eller ny status försenad eller vilande."
        columns={["Status", "Planerat klart", "Kommentar"]}
        rows={c.postponed.map(({ earlier: e, later: l }) => ({ row: l, cells: [statusChange(e, l), `${planned(e)} → ${planned(l)}`, l.comment ?? ""] }))}
      />
      <ComparisonSection
        id="kvar"
        title="Fortfarande ej verkställda"
        columns={["Status", "Planerat klart"]}
        rows={c.stillOpen.map(({ earlier: e, later: l }) => ({ row: l, cells: [statusChange(e, l), planned(e) === planned(l) ? planned(l) : `${planned(e)} → ${planned(l)}`] }))}
      />
    </AppShell>
  );
}
