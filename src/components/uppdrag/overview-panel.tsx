"use client";
// The overview above the list. A client component fed formatted strings
// (overview-view.ts), like the rows: the React payload carries a few values
// instead of the element tree. No state or effects; the server renders its HTML.
import Link from "next/link";
import type { UppdragStatus } from "@/generated/prisma/enums";
import { STATUS_LABEL } from "@/lib/status";
import type { OverviewView } from "./overview-view";

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

function Stat({ href, label, value, alert = false }: { href: string; label: string; value: string; alert?: boolean }) {
  return (
    <Link href={href} className={`${alert ? "ov-stat ov-stat-alert" : "ov-stat"} max-lg:portrait:py-1.5`}>
      <span className="ov-figure max-lg:portrait:text-xl">{value}</span>
      <span className="text-sm text-slate-700">{label}</span>
    </Link>
  );
}

export function OverviewPanel({ o }: { o: OverviewView }) {
  return (
    <section aria-labelledby="oversikt" className="no-print">
      <h2 id="oversikt" className="sr-only">
        Översikt
      </h2>
      <div className="grid grid-cols-2 gap-3 md:grid-cols-4">
        <Stat href="/uppdrag" label="pågående uppdrag" value={o.open} />
        <Stat href={o.hrefs.overdue} label="försenade mot datum" value={o.overdue} alert={o.overdue !== "0"} />
        <Stat href={o.hrefs.delayed} label="med status försenad" value={o.delayed} alert={o.delayed !== "0"} />
        <Stat href={o.hrefs.oldest} label="medianålder för pågående" value={o.medianAge} />
      </div>

      {/* A portrait tablet shows the breakdown one tap away, so the list starts on the first screen; elsewhere it is open.
          One copy, no script, no shift after load: outside portrait the summary is hidden and the closed details' content
          shown (::details-content). A browser without ::details-content (iPadOS before 18.4) keeps the summary there too. */}
      <details className="group mt-3 max-lg:portrait:mt-2 max-lg:portrait:rounded-lg max-lg:portrait:border max-lg:portrait:border-slate-200 max-lg:portrait:bg-white supports-[selector(::details-content)]:lg:details-content:block supports-[selector(::details-content)]:lg:details-content:[content-visibility:visible] supports-[selector(::details-content)]:landscape:details-content:block supports-[selector(::details-content)]:landscape:details-content:[content-visibility:visible]">
        <summary className="flex min-h-11 cursor-pointer items-center gap-2 px-4 font-semibold text-brand-700 supports-[selector(::details-content)]:lg:hidden supports-[selector(::details-content)]:landscape:hidden">
          <span aria-hidden="true" className="inline-block text-sm transition-transform group-open:rotate-90">
            ▶
          </span>
          Fördelning per status och organ
        </summary>
        <div className="max-lg:portrait:px-3 max-lg:portrait:pb-3">
          <Breakdown o={o} />
        </div>
      </details>
    </section>
  );
}

/** Open and closed uppdrag per status (chips that filter the list) and open ones per body (bars). */
function Breakdown({ o }: { o: OverviewView }) {
  return (
    <div className="grid gap-3 lg:grid-cols-[1fr_1.2fr]">
      <div className="rounded-lg border border-slate-200 bg-white p-4">
        <h3 className="font-semibold">Per status</h3>
        <ul className="mt-2 flex flex-wrap gap-2">
          {o.statuses.map(({ s, n, href }) => (
            <li key={s}>
              <Link href={href} className="ov-chip">
                <span aria-hidden="true" className={`inline-block size-4 rounded-sm forced-color-adjust-none ${BAR[s]}`} />
                {STATUS_LABEL[s]}
                <span className="font-semibold tabular-nums">{n}</span>
              </Link>
            </li>
          ))}
        </ul>
      </div>
      <div className="rounded-lg border border-slate-200 bg-white p-4">
        <h3 className="font-semibold">Pågående uppdrag per organ</h3>
        {o.bodies.length === 0 ? (
          <p className="mt-2 text-slate-700">Inga pågående uppdrag.</p>
        ) : (
          <ul className="mt-2 space-y-1">
            {o.bodies.map((b) => (
              <li key={b.href}>
                <Link href={b.href} className="ov-body" title={b.name}>
                  <span className="sr-only">{`${b.name}: ${b.n} pågående, varav ${b.parts.map((p) => `${p.n} ${STATUS_LABEL[p.s].toLowerCase()}`).join(", ")}`}</span>
                  <span aria-hidden="true" className="truncate font-medium">
                    {b.short}
                  </span>
                  <span aria-hidden="true" className="flex h-5 gap-0.5 overflow-hidden rounded-sm forced-color-adjust-none" style={{ width: b.w }}>
                    {b.parts.map((p) => (
                      <span key={p.s} className={BAR[p.s]} style={{ width: p.w }} />
                    ))}
                  </span>
                  <span aria-hidden="true" className="text-right font-semibold tabular-nums">
                    {b.n}
                  </span>
                </Link>
              </li>
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}
