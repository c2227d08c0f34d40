// The follow-up report laid out like seed 003: per goal the commitment, the
// activity table, the indicator table with its footnotes, and the summary
// comment. One model of the tables (planReport) feeds the print view, the PDF
// and the Word document, so the three always agree.
import { formatDate, formatIsoDate } from "@/lib/dates";
import { ACTIVITY_STATUS_LABEL, INDICATOR_OUTCOME_LABEL, rollupSentence, type Rollup } from "@/lib/plan/status";
import type { PlanTree, TreeActivity, TreeIndicator } from "./get-plan";

export const ACTIVITY_HEAD = ["Aktiviteter/prestationer", "Önskat läge", "Nuläge", "Samverkan med", "Kommentar t.ex. ansvarig, förklaring till resultat, tid"] as const;
export const indicatorHead = (baselineDate: Date | null) =>
  ["Nyckeltal", baselineDate ? `Ingångsvärde ${formatIsoDate(baselineDate)}` : "Ingångsvärde", "Önskat läge", "Status"] as const;

/** The seed's comment column: the responsible, then this follow-up's comment. */
export function activityCommentCell(a: Pick<TreeActivity, "responsible" | "comment">): string {
  const r = (a.responsible ?? "").trim();
  const c = (a.comment ?? "").trim();
  if (!r) return c;
  if (!c) return r;
  return /[.,:;]$/.test(r) ? `${r} ${c}` : `${r}. ${c}`;
}

export interface ReportSection {
  goal: string;
  commitment: string;
  activities: string[][];
  indicators: string[][];
  footnotes: string[];
  summary: string | null;
  rollup: Rollup;
}
export interface PlanReport {
  title: string;
  subtitle: string;
  municipality: string;
  body: string;
  scope: string | null;
  indicatorHead: readonly string[];
  sections: ReportSection[];
  rollup: Rollup;
  closedNote: string;
  generatedAt: Date;
}

function indicatorRows(indicators: TreeIndicator[], planBaselineDate: Date | null): { rows: string[][]; footnotes: string[] } {
  const footnotes: string[] = [];
  const rows = indicators.map((i) => {
    let status = i.noNewData ? "Inga nya data" : (i.value ?? "");
    if (i.note) {
      let n = footnotes.indexOf(i.note);
      if (n < 0) n = footnotes.push(i.note) - 1;
      status = `${status}${"*".repeat(n + 1)}`;
    }
    const otherDate = i.baselineDate && planBaselineDate && i.baselineDate.getTime() !== planBaselineDate.getTime();
    const baseline = `${i.baseline ?? "–"}${otherDate ? ` (${formatIsoDate(i.baselineDate)})` : ""}`;
    return [i.name, baseline, i.target ?? "–", status];
  });
  return { rows, footnotes: footnotes.map((f, n) => `${"*".repeat(n + 1)}${f}`) };
}

export function planReport(tree: PlanTree, now = new Date()): PlanReport {
  const occ = tree.occasion;
  const sections: ReportSection[] = tree.goals.flatMap((g) =>
    g.commitments.map((c) => {
      const ind = indicatorRows(c.indicators, tree.baselineDate);
      return {
        goal: g.text,
        commitment: c.text,
        activities: c.activities.map((a) => [a.name, a.target ?? "–", a.status ? ACTIVITY_STATUS_LABEL[a.status] : "", a.partners ?? "–", activityCommentCell(a)]),
        indicators: ind.rows,
        footnotes: ind.footnotes,
        summary: c.summary?.comment ?? null,
        rollup: c.rollup,
      };
    }),
  );
  return {
    title: `Uppföljning av ${tree.title.charAt(0).toLowerCase()}${tree.title.slice(1)}`,
    subtitle: occ ? `${occ.name} (${formatDate(occ.asOf)})` : "Ingen uppföljning ännu",
    municipality: tree.municipality.name,
    body: `${tree.body.name} (${tree.body.shortName})`,
    scope: tree.scope,
    indicatorHead: indicatorHead(tree.baselineDate),
    sections,
    rollup: tree.rollup,
    closedNote: occ?.closedAt ? `Uppföljningen stängdes ${formatDate(occ.closedAt)}${occ.closedBy ? ` av ${occ.closedBy}` : ""}.` : "Uppföljningen är öppen: uppgifterna kan ännu ändras.",
    generatedAt: now,
  };
}

export function indicatorSentence(r: Rollup): string {
  const keys = ["reached", "towards", "notTowards", "noNewData", "unknown", "unreported"] as const;
  const parts = keys.filter((k) => r.indicators[k] > 0).map((k) => `${r.indicators[k]} ${INDICATOR_OUTCOME_LABEL[k].toLowerCase()}`);
  return parts.length ? parts.join(", ") : "Inga nyckeltal";
}
export { rollupSentence };

export function reportFileName(tree: PlanTree, ext: string): string {
  const slug = (s: string) =>
    s
      .toLowerCase()
      .normalize("NFD")
      .replace(/[\u0300-\u036f]/g, "")
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-|-$/g, "");
  return `uppfoljning-${slug(tree.body.shortName)}-${tree.year}-${slug(tree.occasion?.name ?? "plan")}.${ext}`;
}
