import Link from "next/link";
import type { Overview } from "@/server/uppdrag/overview";
import type { UppdragStatus } from "@/generated/prisma/enums";
import { OPEN_STATUSES, STATUS_LABEL, CLOSED_STATUSES } from "@/lib/status";
import { formatAge, formatNumber } from "@/lib/dates";
import { listHref } from "@/lib/validation/uppdrag";

/** Bar colours: the same families as the status badges, dark enough against white (3:1). */
const BAR: Record<UppdragStatus, string> = {
  NOT_STARTED: "bg-slate-500",
  IN_PROGRESS: "bg-blue-700",
  DELAYED: "bg-red-700",
  ON_HOLD: "bg-amber-600",
  COMPLETED: "bg-green-700",
  NOT_CARRIED_OUT: "bg-zinc-600",
};

function Stat({ href, label, value, tone = "default" }: { href: string; label: string; value: string; tone?: "default" | "alert" }) {
  return (
    <Link
      href={href}
      className={`flex min-h-11 flex-col rounded-lg border bg-white px-4 py-3 hover:border-brand-700 ${tone === "alert" ? "border-red-300" : "border-slate-200"}`}
    >
      <span className={`text-2xl font-bold ${tone === "alert" ? "text-red-800" : "text-brand-900"}`}>{value}</span>
      <span className="text-sm text-slate-700">{label}</span>
    </Link>
  );
}

export function OverviewPanel({ overview }: { overview: Overview }) {
  const max = Math.max(1, ...overview.byBody.map((b) => b.total));
  return (
    <section aria-labelledby="oversikt" className="no-print">
      <h2 id="oversikt" className="sr-only">
        Översikt
      </h2>
      <div className="grid grid-cols-2 gap-3 md:grid-cols-4">
        <Stat href="/uppdrag" label="pågående uppdrag" value={formatNumber(overview.open)} />
        <Stat href={listHref({ overdue: true })} label="försenade mot datum" value={formatNumber(overview.overdue)} tone={overview.overdue ? "alert" : "default"} />
        <Stat href={listHref({ status: ["DELAYED"] })} label="med status försenad" value={formatNumber(overview.byStatus.DELAYED)} tone={overview.byStatus.DELAYED ? "alert" : "default"} />
        <Stat
          href={listHref({ sort: "beslut", dir: "asc" })}
          label="medianålder för pågående"
          value={overview.medianOpenAgeDays == null ? "–" : formatAge(overview.medianOpenAgeDays)}
        />
      </div>

      <div className="mt-3 grid gap-3 lg:grid-cols-[1fr_1.2fr]">
        <div className="rounded-lg border border-slate-200 bg-white p-4">
          <h3 className="font-semibold">Per status</h3>
          <ul className="mt-2 flex flex-wrap gap-2">
            {[...OPEN_STATUSES, ...CLOSED_STATUSES].map((s) => (
              <li key={s}>
                <Link
                  href={listHref({ status: [s], showClosed: CLOSED_STATUSES.includes(s) })}
                  className="flex min-h-11 items-center gap-2 rounded-full border border-slate-300 px-3 hover:border-brand-700"
                >
                  <span aria-hidden="true" className={`inline-block size-3 rounded-sm ${BAR[s]}`} />
                  {STATUS_LABEL[s]}
                  <span className="font-semibold tabular-nums">{formatNumber(overview.byStatus[s])}</span>
                </Link>
              </li>
            ))}
          </ul>
        </div>
        <div className="rounded-lg border border-slate-200 bg-white p-4">
          <h3 className="font-semibold">Pågående uppdrag per organ</h3>
          {overview.byBody.length === 0 ? (
            <p className="mt-2 text-slate-700">Inga pågående uppdrag.</p>
          ) : (
            <ul className="mt-2 space-y-1">
              {overview.byBody.map((b) => {
                const words = OPEN_STATUSES.filter((s) => b.byStatus[s]).map((s) => `${formatNumber(b.byStatus[s]!)} ${STATUS_LABEL[s].toLowerCase()}`);
                return (
                  <li key={b.bodyId}>
                    <Link
                      href={listHref({ body: b.bodyId })}
                      className="grid min-h-11 grid-cols-[4.5rem_1fr_3.5rem] items-center gap-2 rounded-md px-2 hover:bg-slate-50"
                      title={b.name}
                    >
                      <span className="sr-only">{`${b.name}: ${formatNumber(b.total)} pågående, varav ${words.join(", ")}`}</span>
                      <span aria-hidden="true" className="truncate font-medium">
                        {b.shortName}
                      </span>
                      <span aria-hidden="true" className="flex h-5 overflow-hidden rounded-sm bg-slate-100" style={{ width: `${(b.total / max) * 100}%` }}>
                        {OPEN_STATUSES.map((s) =>
                          b.byStatus[s] ? <span key={s} className={BAR[s]} style={{ width: `${(b.byStatus[s]! / b.total) * 100}%` }} /> : null,
                        )}
                      </span>
                      <span aria-hidden="true" className="text-right font-semibold tabular-nums">
                        {formatNumber(b.total)}
                      </span>
                    </Link>
                  </li>
                );
              })}
            </ul>
          )}
        </div>
      </div>
    </section>
  );
}
