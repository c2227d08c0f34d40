// Fastställda reports: a report as it was sent to kommunfullmäktige, archived with
// its data and its PDF and never changed afterwards (the table refuses UPDATE and
// DELETE). Producing and freezing is for administrators and for secretaries of
// the reported bodies; everyone in the municipality may read what was frozen.
import { createHash } from "node:crypto";
import { Prisma } from "@/generated/prisma/client";
import type { ReportKind } from "@/generated/prisma/enums";
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
  const existing = await db.frozenReport.findFirst({ where: { kind: "EJ_VERKSTALLDA", asOf: report.asOf, bodyKey }, select: { id: true } });
  if (existing) throw new AlreadyFrozenError(existing.id);

  const pdf = await (options.renderPdf ?? reportToPdf)(report);
  const plain = reportToPlain(report);
  const bodyNames = report.open.map((g) => g.body.shortName).join(", ");
  const closedCount = report.closedSince.length;
  return archiveReport(db, actor, {
    kind: "EJ_VERKSTALLDA",
    asOf: report.asOf,
    previous: report.previous,
    bodyKey,
    bodyNames,
    openCount: report.summary.open,
    closedCount,
    data: plain,
    pdf,
    note: input.note,
    frozenAt: report.generatedAt,
    audit: { asOf: plain.asOf, previous: plain.previous, bodies: bodyNames, open: report.summary.open, closed: closedCount },
  });
}

export interface ArchiveInput {
  kind: ReportKind;
  asOf: Date;
  previous: Date;
  bodyKey: string;
  bodyNames: string;
  openCount: number;
  closedCount: number;
  /** The report as plain data, from which every format is rendered again. */
  data: unknown;
  pdf: Buffer;
  note?: string | null;
  frozenAt: Date;
  /** What the audit event says of the report (the PDF's SHA-256 and the note are added). */
  audit: Record<string, unknown>;
}

/**
 * Archives a report of any kind as fastställd, with its audit event, in one
 * transaction; the unique index (municipality, kind, date, bodies) settles a race
 * (AlreadyFrozenError). The caller checks the permission and prints the PDF first.
 */
export async function archiveReport(db: ScopedClient, actor: Actor, a: ArchiveInput): Promise<{ id: string }> {
  const municipalityId = actor.municipalityId;
  try {
    return await db.$transaction(async (tx) => {
      const frozen = await tx.frozenReport.create({
        data: {
          municipalityId,
          kind: a.kind,
          asOf: a.asOf,
          previous: a.previous,
          bodyKey: a.bodyKey,
          bodyNames: a.bodyNames,
          openCount: a.openCount,
          closedCount: a.closedCount,
          data: a.data as Prisma.InputJsonValue,
          pdf: new Uint8Array(a.pdf),
          pdfSha256: createHash("sha256").update(a.pdf).digest("hex"),
          note: a.note?.trim() || null,
          frozenById: actor.userId,
          frozenAt: a.frozenAt,
        },
        select: { id: true, pdfSha256: true },
      });
      await recordAudit(tx, {
        municipalityId,
        actorId: actor.userId,
        action: a.kind === "EJ_VERKSTALLDA" ? "report.freeze" : "report.freeze-motions",
        entity: "FrozenReport",
        entityId: frozen.id,
        after: { ...a.audit, pdfSha256: frozen.pdfSha256, note: a.note ?? null },
      });
      return { id: frozen.id };
    });
  } catch (err) {
    if (err instanceof Prisma.PrismaClientKnownRequestError && err.code === "P2002") {
      const winner = await db.frozenReport.findFirst({ where: { kind: a.kind, asOf: a.asOf, bodyKey: a.bodyKey }, select: { id: true } });
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

/** The municipality's fastställda reports of one kind (default: ej verkställda beslut), newest report date first. */
export async function listFrozenReports(db: ScopedClient, actor: Actor, kind: ReportKind = "EJ_VERKSTALLDA"): Promise<FrozenReportSummary[]> {
  requirePermission(actor, "report:read-frozen", { municipalityId: actor.municipalityId });
  return db.frozenReport.findMany({ where: { kind }, select: listSelect, orderBy: [{ asOf: "desc" }, { frozenAt: "desc" }] });
}

/** One fastställd report of a kind with its archived plain data (null when there is none). */
export async function getFrozenReportData(db: ScopedClient, actor: Actor, id: string, kind: ReportKind): Promise<(FrozenReportSummary & { data: unknown }) | null> {
  requirePermission(actor, "report:read-frozen", { municipalityId: actor.municipalityId });
  return db.frozenReport.findFirst({ where: { id, kind }, select: { ...listSelect, data: true } });
}

/** One fastställd report with its archived data, as a Report every format can render. */
export async function getFrozenReport(db: ScopedClient, actor: Actor, id: string): Promise<FrozenReportSummary & { report: Report }> {
  requirePermission(actor, "report:read-frozen", { municipalityId: actor.municipalityId });
  const row = await getFrozenReportData(db, actor, id, "EJ_VERKSTALLDA");
  if (!row) throw new NotFoundError("frozen report");
  const { data, ...summary } = row;
  return { ...summary, report: plainToReport(data as unknown as PlainReport) };
}

/** The PDF exactly as it was frozen (of the kind asked for: default ej verkställda beslut). */
export async function getFrozenReportPdf(db: ScopedClient, actor: Actor, id: string, kind: ReportKind = "EJ_VERKSTALLDA"): Promise<{ pdf: Buffer; asOf: Date; slug: string }> {
  requirePermission(actor, "report:read-frozen", { municipalityId: actor.municipalityId });
  const row = await db.frozenReport.findFirst({ where: { id, kind }, select: { pdf: true, asOf: true } });
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
