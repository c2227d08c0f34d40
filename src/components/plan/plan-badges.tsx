import type { PlanActivityStatus } from "@/generated/prisma/enums";
import { ACTIVITY_STATUS_LABEL, INDICATOR_OUTCOME_LABEL, STATUS_GROUP_LABEL, type IndicatorOutcome, type Rollup, type StatusGroup } from "@/lib/plan/status";

const GROUP_STYLE: Record<StatusGroup, { badge: string; bar: string; mark: string }> = {
  done: { badge: "bg-green-50 text-green-900 ring-green-300", bar: "bg-green-700", mark: "✓" },
  ongoing: { badge: "bg-blue-50 text-blue-900 ring-blue-300", bar: "bg-blue-600", mark: "◐" },
  notStarted: { badge: "bg-slate-100 text-slate-800 ring-slate-300", bar: "bg-slate-400", mark: "○" },
  dropped: { badge: "bg-zinc-100 text-zinc-800 ring-zinc-400", bar: "bg-zinc-600", mark: "✕" },
  unreported: { badge: "bg-white text-slate-700 ring-slate-300", bar: "bg-slate-200", mark: "?" },
};
const STATUS_GROUP: Record<PlanActivityStatus, StatusGroup> = {
  NOT_STARTED: "notStarted",
  STARTED: "ongoing",
  IN_PROGRESS: "ongoing",
  COMPLETED: "done",
  NOT_CARRIED_OUT: "dropped",
};

/** Nuläge in words (never colour alone). */
export function ActivityStatusBadge({ status }: { status: PlanActivityStatus | null }) {
  const g = status ? STATUS_GROUP[status] : "unreported";
  return (
    <span className={`ul-badge ${GROUP_STYLE[g].badge}`}>
      <span aria-hidden="true">{GROUP_STYLE[g].mark}</span>
      {status ? ACTIVITY_STATUS_LABEL[status] : STATUS_GROUP_LABEL.unreported}
    </span>
  );
}

const OUTCOME_STYLE: Record<IndicatorOutcome, string> = {
  reached: "bg-green-50 text-green-900 ring-green-300",
  towards: "bg-blue-50 text-blue-900 ring-blue-300",
  notTowards: "bg-amber-50 text-amber-900 ring-amber-400",
  noNewData: "bg-slate-100 text-slate-800 ring-slate-300",
  unreported: "bg-white text-slate-700 ring-slate-300",
  unknown: "bg-white text-slate-700 ring-slate-300",
};
const OUTCOME_MARK: Record<IndicatorOutcome, string> = { reached: "✓", towards: "↗", notTowards: "→", noNewData: "–", unreported: "?", unknown: "·" };

export function IndicatorOutcomeBadge({ outcome }: { outcome: IndicatorOutcome }) {
  return (
    <span className={`ul-badge ${OUTCOME_STYLE[outcome]}`}>
      <span aria-hidden="true">{OUTCOME_MARK[outcome]}</span>
      {INDICATOR_OUTCOME_LABEL[outcome]}
    </span>
  );
}

const GROUPS: StatusGroup[] = ["done", "ongoing", "notStarted", "dropped", "unreported"];

/** The roll-up of a level: a bar (decoration) and the counts in words. */
export function RollupSummary({ rollup, compact = false }: { rollup: Rollup; compact?: boolean }) {
  const a = rollup.activities;
  const i = rollup.indicators;
  const outcomes: IndicatorOutcome[] = ["reached", "towards", "notTowards", "noNewData", "unknown", "unreported"];
  return (
    <div className="space-y-1 text-sm">
      {a.total > 0 && (
        <div aria-hidden="true" className={`flex h-2 overflow-hidden rounded-full bg-slate-100 ${compact ? "max-w-xs" : "max-w-md"}`}>
          {GROUPS.filter((g) => a[g] > 0).map((g) => (
            <span key={g} className={GROUP_STYLE[g].bar} style={{ width: `${(100 * a[g]) / a.total}%` }} />
          ))}
        </div>
      )}
      <p>
        <span className="font-medium">Aktiviteter:</span>{" "}
        {a.total === 0
          ? "inga"
          : GROUPS.filter((g) => a[g] > 0)
              .map((g) => `${a[g]} ${STATUS_GROUP_LABEL[g].toLowerCase()}`)
              .join(" · ")}
      </p>
      <p>
        <span className="font-medium">Nyckeltal:</span>{" "}
        {i.total === 0
          ? "inga"
          : outcomes
              .filter((o) => i[o] > 0)
              .map((o) => `${i[o]} ${INDICATOR_OUTCOME_LABEL[o].toLowerCase()}`)
              .join(" · ")}
      </p>
    </div>
  );
}
