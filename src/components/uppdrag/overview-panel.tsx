import Link from "next/link";
import type { Overview } from "@/server/uppdrag/overview";
import type { UppdragStatus } from "@/generated/prisma/enums";
import { OPEN_STATUSES, STATUS_LABEL, CLOSED_STATUSES } from "@/lib/status";
import { formatAge, formatNumber } from "@/lib/dates";
import { listHref } from "@/lib/validation/uppdrag";

/**
 * Bar colours: the same families as the status badges, dark enough against
 * white (3:1). Delayed and on hold carry a pattern too, and segments are
 * apart, so the split of a bar does not rest on colour alone (WCAG 1.4.1); the
 * chips are its legend. They keep their colours in forced-colours mode.
 */
const BAR: Record<UppdragStatus, string> = {
  NOT_STARTED: "bg-slate-500",
  IN_PROGRESS: "bg-blue-700",
  DELAYED: "bg-red-700 bar-stripes",
  ON_HOLD: "bg-amber-600 bar-dots",
  COMPLETED: "bg-green-700",
  NOT_CARRIED_OUT: "bg-zinc-600",
};

/** A bar's width: a tenth of a percent is finer than any screen shows. */
const percent = (part: number, whole: number) => `${Math.round((part / whole) * 1000) / 10}%`;

function Stat({ href, label, value, tone = "default" }: { href: string; label: string; value: string; tone?: "default" | "alert" }) {
  return (
    <Link href={href} className={`${tone === "alert" ? "ov-stat ov-stat-alert" : "ov-stat"} max-lg:portrait:py-1.5`}>
      <span className="ov-figure max-lg:portrait:text-xl">{value}</span>
      <span className="text-sm text-slate-700">{label}</span>
    </Link>
  );
}

export function OverviewPanel({ overview }: { overview: Overview }) {
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

      {/* A portrait tablet shows the breakdown one tap away, so the list starts on the first screen; elsewhere it is open.
          Two copies, one always display:none (out of the accessibility tree and the tab order): no script, no shift after load. */}
      <div className="mt-3 max-lg:portrait:hidden">
        <Breakdown overview={overview} />
      </div>
      <details className="group mt-2 hidden rounded-lg border border-slate-200 bg-white max-lg:portrait:block">
        <summary className="flex min-h-11 cursor-pointer items-center gap-2 px-4 font-semibold text-brand-700">
          <span aria-hidden="true" className="inline-block text-sm transition-transform group-open:rotate-90">
            ▶
          </span>
          Fördelning per status och organ
        </summary>
        <div className="px-3 pb-3">
          <Breakdown overview={overview} />
        </div>
      </details>
    </section>
  );
}

/** Open and closed uppdrag per status (chips that filter the list) and open ones per body (bars). */
function Breakdown({ overview }: { overview: Overview }) {
  const max = Math.max(1, ...overview.byBody.map((b) => b.total));
  return (
    <div className="grid gap-3 lg:grid-cols-[1fr_1.2fr]">
      <div className="rounded-lg border border-slate-200 bg-white p-4">
        <h3 className="font-semibold">Per status</h3>
        <ul className="mt-2 flex flex-wrap gap-2">
          {[...OPEN_STATUSES, ...CLOSED_STATUSES].map((s) => (
            <li key={s}>
              <Link href={listHref({ status: [s], showClosed: CLOSED_STATUSES.includes(s) })} className="ov-chip">
                <span aria-hidden="true" className={`inline-block size-4 rounded-sm forced-color-adjust-none ${BAR[s]}`} />
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
                  <Link href={listHref({ body: b.bodyId })} className="ov-body" title={b.name}>
                    <span className="sr-only">{`${b.name}: ${formatNumber(b.total)} pågående, varav ${words.join(", ")}`}</span>
                    <span aria-hidden="true" className="truncate font-medium">
                      {b.shortName}
                    </span>
                    <span aria-hidden="true" className="flex h-5 gap-0.5 overflow-hidden rounded-sm forced-color-adjust-none" style={{ width: percent(b.total, max) }}>
                      {OPEN_STATUSES.map((s) =>
                        b.byStatus[s] ? <span key={s} className={BAR[s]} style={{ width: percent(b.byStatus[s]!, b.total) }} /> : null,
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
  );
}
