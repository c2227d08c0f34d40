// The report of obesvarade motioner och medborgarförslag as of a date: the
// register and its whole history in two queries, handed to src/lib/motions/report.
import type { ScopedClient } from "@/server/db/scoped";
import type { Actor } from "@/server/permissions";
import { buildMotionReport, type MotionReport } from "@/lib/motions/report";
import { proposersText, readProposers } from "@/lib/motions/labels";
import { defaultAsOf, previousReportDate } from "@/lib/report/report-dates";
import { requireManage } from "@/server/motions/access";
import { handlaggareOf } from "@/server/motions/read";

export async function buildMotionReportFor(db: ScopedClient, actor: Actor, input: { asOf?: Date; previous?: Date } = {}, now = new Date()): Promise<MotionReport> {
  await requireManage(db, actor);
  const municipality = await db.municipality.findUniqueOrThrow({
    where: { id: actor.municipalityId },
    select: { name: true, slug: true, reportDayFirst: true, reportDaySecond: true },
  });
  const days = [municipality.reportDayFirst, municipality.reportDaySecond] as const;
  const asOf = input.asOf ?? defaultAsOf(now, days);
  const previous = input.previous ?? previousReportDate(asOf, days);
  if (previous >= asOf) throw new RangeError("Föregående redovisning måste ligga före redovisningsdagen.");
  const motions = await db.motion.findMany({
    where: { raisedOn: { lte: asOf } },
    select: {
      id: true,
      kind: true,
      title: true,
      proposers: true,
      anonymised: true,
      raisedOn: true,
      raisedAtNumber: true,
      raisedAtParagraph: { select: { number: true } },
      dnr: true,
      preparingBody: { select: { name: true } },
      handlaggare: { select: { name: true } },
      handlaggareName: true,
      events: {
        where: { on: { lte: asOf } },
        select: { state: true, outcome: true, on: true, at: true, preparationNote: true, paragraph: { select: { number: true } } },
      },
    },
  });
  return buildMotionReport({
    municipality: { name: municipality.name, slug: municipality.slug },
    asOf,
    previous,
    now,
    motions: motions.map((m) => ({
      id: m.id,
      kind: m.kind,
      title: m.title,
      proposers: proposersText(readProposers(m.proposers), m.anonymised),
      raisedOn: m.raisedOn,
      raisedAtNumber: m.raisedAtParagraph?.number ?? m.raisedAtNumber,
      dnr: m.dnr,
      preparingBody: m.preparingBody?.name ?? null,
      handlaggare: handlaggareOf(m),
      events: m.events.map(({ paragraph, ...e }) => ({ ...e, paragraphNumber: paragraph?.number ?? null })),
    })),
  });
}
