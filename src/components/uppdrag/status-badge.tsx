import type { UppdragStatus } from "@/generated/prisma/enums";
import { STATUS_LABEL } from "@/lib/status";

const STYLE: Record<UppdragStatus, string> = {
  NOT_STARTED: "bg-slate-100 text-slate-800 ring-slate-300",
  IN_PROGRESS: "bg-blue-50 text-blue-900 ring-blue-300",
  DELAYED: "bg-red-50 text-red-900 ring-red-300",
  ON_HOLD: "bg-amber-50 text-amber-900 ring-amber-300",
  COMPLETED: "bg-green-50 text-green-900 ring-green-300",
  NOT_CARRIED_OUT: "bg-zinc-100 text-zinc-800 ring-zinc-400",
};

const MARK: Record<UppdragStatus, string> = {
  NOT_STARTED: "○",
  IN_PROGRESS: "◐",
  DELAYED: "!",
  ON_HOLD: "⏸",
  COMPLETED: "✓",
  NOT_CARRIED_OUT: "✕",
};

/** Status in words (never colour alone); the mark is decoration. */
export function StatusBadge({ status }: { status: UppdragStatus }) {
  return (
    <span className={`ul-badge ${STYLE[status]}`}>
      <span aria-hidden="true">{MARK[status]}</span>
      {STATUS_LABEL[status]}
    </span>
  );
}
