// Fastställda reports: a report as it was sent to kommunfullmäktige, archived with
// its data and its PDF and never changed afterwards (the table refuses UPDATE and
// DELETE). Producing and freezing is for administrators and for secretaries of
// the reported bodies; everyone in the municipality may read what was frozen.
import { createHash } from "node:crypto";
import { Prisma } from "@/generated/prisma/client";
import type { ScopedClient } from "@/server/db/scoped";
import { NotFoundError, requirePermission, type Actor } from "@/server/permissions";
import { recordAudit } from "@/server/audit";
import type { Report } from "@/lib/report/point-in-time";
import { compareReports, type ReportComparison } from "@/lib/report/compare";
import { buildReport } from "./build-report";
import { plainToReport, reportToPlain, type PlainReport } from "./json";
import { reportToPdf } from "./pdf";

/** The report for that date and those bodies is already fastställd. */
export class AlreadyFrozenError extends Error {
  constructor(public readonly existingId: string) {
    super("report already frozen");
    this.name = "AlreadyFrozenError";
  }
}

export interface FreezeInput {
  asOf: Date;
  bodyIds: string[];
  note?: string | null;
}

const bodyKeyOf = (ids: string[]) => [...new Set(ids)].sort().join(",");

/**
 * Builds the report as of `asOf` for the bodies, prints its PDF and archives both
 * with an audit event. The PDF is made first: a report that cannot be printed
 * (no Chromium) is not frozen, so every frozen report has the PDF that was sent.
 */
export async function freezeReport(
  db: ScopedClient,
  actor: Actor,
  input: FreezeInput,
  options: { now?: Date; renderPdf?: (r: Report) => Promise<Buffer> } = {},
): Promise<{ id: string }> {
  const municipalityId = actor.municipalityId;
  const ids = [...new Set(input.bodyIds)];
  for (const bodyId of ids) requirePermission(actor, "report:freeze", { municipalityId, bodyId });
  const bodyKey = bodyKeyOf(ids);

  const report = await buildReport(db, actor, { asOf: input.asOf, bodyIds: ids }, options.now);
  // Told before the PDF is printed; the unique index settles a race.
  const existing = await db.frozenReport.findFirst({ where: { asOf: report.asOf, bodyKey }, select: { id: true } });
  if (existing) throw new AlreadyFrozenError(existing.id);

  const pdf = await (options.renderPdf ?? reportToPdf)(report);
  const plain = reportToPlain(report);
  const bodyNames = report.open.map((g) => g.body.shortName).join(", ");
  const closedCount = report.closedSince.length;
  try {
    return await db.$transaction(async (tx) => {
      const frozen = await tx.frozenReport.create({
        data: {
          municipalityId,
          asOf: report.asOf,
          previous: report.previous,
          bodyKey,
          bodyNames,
          openCount: report.summary.open,
          closedCount,
          data: plain as unknown as Prisma.InputJsonValue,
          pdf: new Uint8Array(pdf),
          pdfSha256: createHash("sha256").update(pdf).digest("hex"),
          note: input.note?.trim() || null,
          frozenById: actor.userId,
          frozenAt: report.generatedAt,
        },
        select: { id: true, pdfSha256: true },
      });
      await recordAudit(tx, {
        municipalityId,
        actorId: actor.userId,
        action: "report.freeze",
        entity: "FrozenReport",
        entityId: frozen.id,
        after: { asOf: plain.asOf, previous: plain.previous, bodies: bodyNames, open: report.summary.open, closed: closedCount, pdfSha256: frozen.pdfSha256, note: input.note ?? null },
      });
      return { id: frozen.id };
    });
  } catch (err) {
    if (err instanceof Prisma.PrismaClientKnownRequestError && err.code === "P2002") {
      const winner = await db.frozenReport.findFirst({ where: { asOf: report.asOf, bodyKey }, select: { id: true } });
      if (winner) throw new AlreadyFrozenError(winner.id);
    }
    throw err;
  }
}

const listSelect = {
  id: true,
  asOf: true,
  previous: true,
  bodyNames: true,
  openCount: true,
  closedCount: true,
  note: true,
  frozenAt: true,
  pdfSha256: true,
  frozenBy: { select: { name: true } },
} satisfies Prisma.FrozenReportSelect;

export type FrozenReportSummary = Prisma.FrozenReportGetPayload<{ select: typeof listSelect }>;

/** The municipality's fastställda reports, newest report date first. */
export async function listFrozenReports(db: ScopedClient, actor: Actor): Promise<FrozenReportSummary[]> {
  requirePermission(actor, "report:read-frozen", { municipalityId: actor.municipalityId });
  return db.frozenReport.findMany({ select: listSelect, orderBy: [{ asOf: "desc" }, { frozenAt: "desc" }] });
}

/** One fastställd report with its archived data, as a Report every format can render. */
export async function getFrozenReport(db: ScopedClient, actor: Actor, id: string): Promise<FrozenReportSummary & { report: Report }> {
  requirePermission(actor, "report:read-frozen", { municipalityId: actor.municipalityId });
  const row = await db.frozenReport.findFirst({ where: { id }, select: { ...listSelect, data: true } });
  if (!row) throw new NotFoundError("frozen report");
  const { data, ...summary } = row;
  return { ...summary, report: plainToReport(data as unknown as PlainReport) };
}

/** The PDF exactly as it was frozen. */
export async function getFrozenReportPdf(db: ScopedClient, actor: Actor, id: string): Promise<{ pdf: Buffer; asOf: Date; slug: string }> {
  requirePermission(actor, "report:read-frozen", { municipalityId: actor.municipalityId });
  const row = await db.frozenReport.findFirst({ where: { id }, select: { pdf: true, asOf: true } });
  if (!row) throw new NotFoundError("frozen report");
  return { pdf: Buffer.from(row.pdf), asOf: row.asOf, slug: actor.municipalitySlug };
}

/** Compares two fastställda reports of the municipality. */
export async function compareFrozenReports(
  db: ScopedClient,
  actor: Actor,
  firstId: string,
  secondId: string,
): Promise<{ earlier: FrozenReportSummary; later: FrozenReportSummary; comparison: ReportComparison }> {
  const [a, b] = await Promise.all([getFrozenReport(db, actor, firstId), getFrozenReport(db, actor, secondId)]);
  const comparison = compareReports(a.report, b.report);
  const [earlier, later] = comparison.earlier.asOf.getTime() === a.report.asOf.getTime() ? [a, b] : [b, a];
  return { earlier, later, comparison };
}
