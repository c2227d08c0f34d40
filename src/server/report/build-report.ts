// The report of ej verkställda beslut to kommunfullmäktige (June and December):
// loads the uppdrag of the reported bodies with their status history in two
// queries and hands them to the point-in-time logic in src/lib/report.
import type { Prisma } from "@/generated/prisma/client";
import type { ScopedClient } from "@/server/db/scoped";
import { NotFoundError, requirePermission, type Actor } from "@/server/permissions";
import { z } from "@/lib/validation/zod";
import { OPEN_STATUSES } from "@/lib/status";
import { buildReportSections, type HistoryEntry, type Report, type ReportBody } from "@/lib/report/point-in-time";
import { defaultAsOf, endOfSwedishDay, previousReportDate, toCalendarDate } from "@/lib/report/report-dates";


export const buildReportInputSchema = z.object({
  /** The report date; default: the next 30 June or 31 December. */
  asOf: z.date("Ange ett giltigt datum.").transform(toCalendarDate).optional(),
  /** The previous report date, before `asOf`; default: the report date before `asOf`. */
  previous: z.date("Ange ett giltigt datum.").transform(toCalendarDate).optional(),
  /** The bodies to report; default: the municipality's report bodies (Body.inCouncilReport: KF and KS unless changed). */
  bodyIds: z.array(z.uuid("Okänt organ.")).min(1, "Välj minst ett organ.").max(500).optional(),
});
export type BuildReportInput = z.input<typeof buildReportInputSchema>;

const bodySelect = { id: true, shortName: true, name: true, kind: true } satisfies Prisma.BodySelect;

/**
 * The report as of the end of `asOf` for the given bodies (default: the
 * municipality's report bodies, KF and KS unless the administrator changed them).
 * An administrator may report any bodies of the municipality; a secretary
 * only bodies they serve; everyone else none (ForbiddenError).
 */
export async function buildReport(db: ScopedClient, actor: Actor, input: BuildReportInput = {}, now = new Date()): Promise<Report> {
  const parsed = buildReportInputSchema.parse(input);
  const municipalityId = actor.municipalityId;

  // Which bodies, and may the actor report each of them? Requested ids are checked
  // before they are looked up, so a refused id reveals nothing about itself.
  let bodies: ReportBody[];
  if (parsed.bodyIds) {
    const ids = [...new Set(parsed.bodyIds)];
    for (const bodyId of ids) requirePermission(actor, "report:produce", { municipalityId, bodyId });
    bodies = await db.body.findMany({ where: { id: { in: ids } }, select: bodySelect });
    if (bodies.length !== ids.length) throw new NotFoundError("organ");
  } else {
    // May the actor report at all (a secretary: some body they serve)? Then each default body.
    requirePermission(actor, "report:produce", { municipalityId, bodyId: actor.secretaryOf[0] });
    bodies = await db.body.findMany({ where: { inCouncilReport: true }, select: bodySelect });
    for (const b of bodies) requirePermission(actor, "report:produce", { municipalityId, bodyId: b.id });
  }

  const municipality = await db.municipality.findUniqueOrThrow({
    where: { id: municipalityId },
    select: { name: true, slug: true, reportDayFirst: true, reportDaySecond: true },
  });
  const days = [municipality.reportDayFirst, municipality.reportDaySecond] as const;
  const asOf = parsed.asOf ?? defaultAsOf(now, days);
  const previous = parsed.previous ?? previousReportDate(asOf, days);
  if (previous >= asOf) throw new RangeError("Föregående redovisning måste ligga före redovisningsdagen.");
  const end = endOfSwedishDay(asOf);
  const previousEnd = endOfSwedishDay(previous);

  // Candidates: decided by the report date. An uppdrag decided by the previous
  // report date that is closed now and has not changed since the end of that date
  // was closed then and at the report date alike, so it is in neither section; the
  // rest may be. (Status and statusChangedAt mirror the latest history entry, written
  // in one transaction by change-status.ts.)
  const candidates: Prisma.UppdragWhereInput = {
    bodyId: { in: bodies.map((b) => b.id) },
    decidedOn: { lte: asOf },
    OR: [{ status: { in: [...OPEN_STATUSES] } }, { statusChangedAt: { gte: previousEnd } }, { decidedOn: { gt: previous } }],
  };
  const uppdrag = await db.uppdrag.findMany({
    where: candidates,
    select: { id: true, title: true, decidedOn: true, deadline: true, unitNames: true, bodyId: true, paragraph: { select: { number: true, dnr: true } } },
  });
  // The history of every candidate up to the report date, in one query.
  const entries = await db.statusEntry.findMany({
    where: { at: { lt: end }, uppdrag: candidates },
    select: { uppdragId: true, status: true, comment: true, plannedCompletion: true, at: true },
    orderBy: [{ at: "asc" }, { id: "asc" }],
  });
  const history = new Map<string, HistoryEntry[]>();
  for (const { uppdragId, ...e } of entries) {
    const list = history.get(uppdragId);
    if (list) list.push(e);
    else history.set(uppdragId, [e]);
  }

  const sections = buildReportSections({
    bodies,
    asOf,
    previous,
    now,
    uppdrag: uppdrag.map((u) => ({ ...u, history: history.get(u.id) ?? [] })),
  });
  return { municipality: { name: municipality.name, slug: municipality.slug }, asOf, previous, generatedAt: now, ...sections };
}
