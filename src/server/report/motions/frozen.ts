// Fastställa the list of obesvarade motioner och medborgarförslag: the same
// archive as the report of ej verkställda beslut (FrozenReport, kind MOTIONER;
// append-only in the database), with its data and PDF exactly as sent.
import type { ScopedClient } from "@/server/db/scoped";
import { NotFoundError, type Actor } from "@/server/permissions";
import { compareMotionReports, type MotionReport, type MotionReportComparison } from "@/lib/motions/report";
import { requireManage } from "@/server/motions/access";
import { AlreadyFrozenError, archiveReport, getFrozenReportData, listFrozenReports, type FrozenReportSummary } from "../frozen";
import { htmlToPdf } from "../pdf";
import { buildMotionReportFor } from "./build";
import { renderMotionReportHtml } from "./html";
import { motionReportToPlain, plainToMotionReport, type PlainMotionReport } from "./json";

/** The motion report has one per date: it is of kommunfullmäktige. */
const BODY_KEY = "KF";

export const motionReportToPdf = (r: MotionReport) => htmlToPdf(renderMotionReportHtml(r));

export async function freezeMotionReport(
  db: ScopedClient,
  actor: Actor,
  input: { asOf: Date; note?: string | null },
  options: { now?: Date; renderPdf?: (r: MotionReport) => Promise<Buffer> } = {},
): Promise<{ id: string }> {
  await requireManage(db, actor);
  const report = await buildMotionReportFor(db, actor, { asOf: input.asOf }, options.now);
  const existing = await db.frozenReport.findFirst({ where: { kind: "MOTIONER", asOf: report.asOf, bodyKey: BODY_KEY }, select: { id: true } });
  if (existing) throw new AlreadyFrozenError(existing.id);
  const pdf = await (options.renderPdf ?? motionReportToPdf)(report);
  const plain = motionReportToPlain(report);
  return archiveReport(db, actor, {
    kind: "MOTIONER",
    asOf: report.asOf,
    previous: report.previous,
    bodyKey: BODY_KEY,
    bodyNames: "Motioner och medborgarförslag",
    openCount: report.summary.open,
    closedCount: report.summary.decidedSince,
    data: plain,
    pdf,
    note: input.note,
    frozenAt: report.generatedAt,
    audit: { asOf: plain.asOf, previous: plain.previous, open: report.summary.open, overAYear: report.summary.overAYear, decided: report.summary.decidedSince },
  });
}

export const listFrozenMotionReports = (db: ScopedClient, actor: Actor) => listFrozenReports(db, actor, "MOTIONER");

export async function getFrozenMotionReport(db: ScopedClient, actor: Actor, id: string): Promise<FrozenReportSummary & { report: MotionReport }> {
  const row = await getFrozenReportData(db, actor, id, "MOTIONER");
  if (!row) throw new NotFoundError("frozen motion report");
  const { data, ...summary } = row;
  return { ...summary, report: plainToMotionReport(data as PlainMotionReport) };
}

export async function compareFrozenMotionReports(db: ScopedClient, actor: Actor, a: string, b: string): Promise<{ earlier: FrozenReportSummary; later: FrozenReportSummary; comparison: MotionReportComparison }> {
  const [x, y] = await Promise.all([getFrozenMotionReport(db, actor, a), getFrozenMotionReport(db, actor, b)]);
  const comparison = compareMotionReports(x.report, y.report);
  const [earlier, later] = comparison.earlier.asOf.getTime() === x.report.asOf.getTime() ? [x, y] : [y, x];
  return { earlier, later, comparison };
}
