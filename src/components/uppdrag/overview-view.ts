// The overview above the list as the browser gets it: every figure already
// formatted and every address made on the server, so the overview is a client
// component fed a few strings (not an element tree in the React payload) and
// needs neither date-fns nor the filter schema in the browser.
import type { UppdragStatus } from "@/generated/prisma/enums";
import type { Overview } from "@/server/uppdrag/overview";
import { CLOSED_STATUSES, OPEN_STATUSES } from "@/lib/status";
import { formatAge, formatNumber } from "@/lib/dates";
import { listHref } from "@/lib/validation/uppdrag";

export interface OverviewView {
  /** The four figures, formatted ("3 597", "1 år 6 mån" or "–"). */
  open: string;
  overdue: string;
  delayed: string;
  medianAge: string;
  /** Where each figure leads: the list filtered or sorted to it. */
  hrefs: { overdue: string; delayed: string; oldest: string };
  /** Every status, open ones first: its count and the list filtered to it. */
  statuses: { s: UppdragStatus; n: string; href: string }[];
  /** Open uppdrag per body, largest first: the bar's width and its parts per status. */
  bodies: { href: string; short: string; name: string; n: string; w: string; parts: { s: UppdragStatus; n: string; w: string }[] }[];
}

/** A bar's width: a tenth of a percent is finer than any screen shows. */
const percent = (part: number, whole: number) => `${Math.round((part / whole) * 1000) / 10}%`;

export function overviewView(o: Overview): OverviewView {
  const max = Math.max(1, ...o.byBody.map((b) => b.total));
  return {
    open: formatNumber(o.open),
    overdue: formatNumber(o.overdue),
    delayed: formatNumber(o.byStatus.DELAYED),
    medianAge: o.medianOpenAgeDays == null ? "–" : formatAge(o.medianOpenAgeDays),
    hrefs: { overdue: listHref({ overdue: true }), delayed: listHref({ status: ["DELAYED"] }), oldest: listHref({ sort: "beslut", dir: "asc" }) },
    statuses: [...OPEN_STATUSES, ...CLOSED_STATUSES].map((s) => ({
      s,
      n: formatNumber(o.byStatus[s]),
      href: listHref({ status: [s], showClosed: CLOSED_STATUSES.includes(s) }),
    })),
    bodies: o.byBody.map((b) => ({
      href: listHref({ body: b.bodyId }),
      short: b.shortName,
      name: b.name,
      n: formatNumber(b.total),
      w: percent(b.total, max),
      parts: OPEN_STATUSES.filter((s) => b.byStatus[s]).map((s) => ({ s, n: formatNumber(b.byStatus[s]!), w: percent(b.byStatus[s]!, b.total) })),
    })),
  };
}
