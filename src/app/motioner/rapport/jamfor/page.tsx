import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requirePermission } from "@/server/entry/page";
import { NotFoundError } from "@/server/permissions";
import { compareFrozenMotionReports } from "@/server/report/motions/frozen";
import { compareMotionReportsSchema } from "@/lib/validation/motion";
import { AppShell } from "@/components/ui/app-shell";
import { BackLink } from "@/components/ui/back-link";
import { formatDate, formatIsoDate, formatNumber } from "@/lib/dates";
import { MOTION_KIND_LABEL, MOTION_OUTCOME_LABEL } from "@/lib/motions/labels";
import type { MotionReportRow } from "@/lib/motions/report";

export const metadata: Metadata = { title: "Jämför redovisningar av obesvarade motioner" };

const cell = "py-2 pr-4 align-top";

function Section({ id, title, intro, columns, rows }: { id: string; title: string; intro?: string; columns: string[]; rows: { row: MotionReportRow; cells: string[] }[] }) {
  return (
    <section aria-labelledby={id}>
      <h2 id={id} className="mt-10 text-xl font-bold text-brand-900">
        {title} ({formatNumber(rows.length)})
      </h2>
      {intro && <p className="max-w-3xl text-slate-700">{intro}</p>}
      {rows.length ? (
        <div className="overflow-x-auto">
          <table className="mt-3 w-full border-collapse text-left">
            <thead>
              <tr className="border-b border-slate-300">
                <th scope="col" className="py-2 pr-4">
                  Väckt
                </th>
                <th scope="col" className="py-2 pr-4">
                  Rubrik
                </th>
                {columns.map((c) => (
                  <th key={c} scope="col" className="py-2 pr-4">
                    {c}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map(({ row, cells }) => (
                <tr key={row.motionId} className="border-b border-slate-200">
                  <td className={`${cell} whitespace-nowrap`}>{formatIsoDate(row.raisedOn)}</td>
                  <td className={cell}>
                    <Link href={`/motioner/${row.motionId}`} className="text-brand-700 underline">
                      {row.title}
                    </Link>
                    <span className="block text-sm text-slate-700">
                      {MOTION_KIND_LABEL[row.kind]}
                      {row.dnr ? ` · Dnr ${row.dnr}` : ""}
                    </span>
                  </td>
                  {cells.map((c, i) => (
                    <td key={i} className={cell}>
                      {c}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p className="mt-2 text-slate-700">Inga.</p>
      )}
    </section>
  );
}

export default async function CompareMotionReportsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const sp = await searchParams;
  const page = await requirePermission("/motioner/rapport/jamfor");
  if (!page.allowed) return page.refuse("Jämför redovisningar", "Du har inte behörighet att läsa redovisningarna.");
  const { actor, db } = page;
  const parsed = compareMotionReportsSchema.safeParse(sp);
  if (!parsed.success)
    return (
      <AppShell actor={actor}>
        <h1 className="text-2xl font-bold text-brand-900">Jämför redovisningar</h1>
        <p role="alert" className="mt-4 rounded-md border border-red-300 bg-red-50 p-3 text-red-900">
          {parsed.error.issues[0]?.message}{" "}
          <Link href="/motioner/rapport" className="underline">
            Tillbaka till redovisningarna
          </Link>
        </p>
      </AppShell>
    );
  const { earlier, later, comparison: c } = await compareFrozenMotionReports(db, actor, parsed.data.a, parsed.data.b).catch((err: unknown) => {
    if (err instanceof NotFoundError) notFound();
    throw err;
  });
  return (
    <AppShell actor={actor}>
      <BackLink href="/motioner/rapport">Redovisning av obesvarade motioner</BackLink>
      <h1 className="mt-2 text-2xl font-bold text-brand-900">
        Obesvarade motioner per {formatDate(earlier.asOf)} och per {formatDate(later.asOf)}
      </h1>
      <p className="mt-2 text-slate-700">
        {formatNumber(earlier.openCount)} obesvarade per {formatDate(earlier.asOf)}, {formatNumber(later.openCount)} per {formatDate(later.asOf)}.
      </p>
      <Section id="added" title="Nya sedan den tidigare" columns={["Läge", "Ett år"]} rows={c.added.map((r) => ({ row: r, cells: [r.stateLabel, r.clockText] }))} />
      <Section
        id="decided"
        title="Besvarade eller avskrivna emellan"
        columns={["Beslut"]}
        rows={c.decided.map((d) => ({
          row: d.earlier,
          cells: [d.decided ? `${d.decided.outcome ? MOTION_OUTCOME_LABEL[d.decided.outcome] : "Avskriven"} ${formatIsoDate(d.decided.decidedOn)}${d.decided.decisionParagraph ? ` § ${d.decided.decisionParagraph}` : ""}` : "Inte med i den senare"],
        }))}
      />
      <Section
        id="over"
        title="Har passerat ett år sedan den tidigare"
        intro="Obesvarade i båda, och äldre än ett år först i den senare."
        columns={["Ett år"]}
        rows={c.newlyOverAYear.map((s) => ({ row: s.later, cells: [s.later.clockText] }))}
      />
      <Section
        id="still"
        title="Obesvarade i båda"
        columns={["Läge", "Ett år"]}
        rows={c.stillOpen.map((s) => ({ row: s.later, cells: [s.earlier.stateLabel === s.later.stateLabel ? s.later.stateLabel : `${s.earlier.stateLabel} → ${s.later.stateLabel}`, s.later.clockText] }))}
      />
    </AppShell>
  );
}
