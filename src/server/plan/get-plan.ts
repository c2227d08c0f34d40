// Reading plans: the list, and one plan as a tree (goal → commitment →
// activities and indicators) with the values of one follow-up occasion and the
// roll-up at every level. Always through the scoped client and plan:read.
import type { PlanActivityStatus, UppdragStatus } from "@/generated/prisma/enums";
import type { ScopedClient } from "@/server/db/scoped";
import { can, type Actor } from "@/server/permissions";
import { compareSv } from "@/lib/dates";
import { indicatorOutcome, rollup, sumRollups, type IndicatorOutcome, type Rollup } from "@/lib/plan/status";

export interface PlanListItem {
  id: string;
  title: string;
  year: number;
  body: { name: string; shortName: string };
  latest: { id: string; name: string; asOf: Date; closed: boolean } | null;
  occasions: number;
  rollup: Rollup;
}

/** Every plan of the actor's municipality, newest year first, with the roll-up of its latest occasion. */
export async function listPlans(db: ScopedClient, actor: Actor): Promise<PlanListItem[]> {
  if (!can(actor, "plan:read", { municipalityId: actor.municipalityId })) return [];
  const plans = await db.plan.findMany({
    select: {
      id: true,
      title: true,
      year: true,
      body: { select: { name: true, shortName: true } },
      occasions: { select: { id: true, name: true, asOf: true, closedAt: true }, orderBy: [{ asOf: "desc" }, { createdAt: "desc" }] },
    },
    orderBy: [{ year: "desc" }],
  });
  const out: PlanListItem[] = [];
  for (const p of plans) {
    // The latest occasion with anything reported, else the latest.
    const counts = await db.planActivityStatusEntry.groupBy({ by: ["occasionId"], where: { occasionId: { in: p.occasions.map((o) => o.id) } }, _count: true });
    const latest = p.occasions.find((o) => counts.some((c) => c.occasionId === o.id)) ?? p.occasions[0] ?? null;
    let statuses: (PlanActivityStatus | null)[] = [];
    let outcomes: IndicatorOutcome[] = [];
    if (latest) {
      const activities = await db.planActivity.findMany({
        where: { planId: p.id },
        select: { statuses: { where: { occasionId: latest.id }, select: { status: true } } },
      });
      statuses = activities.map((a) => a.statuses[0]?.status ?? null);
      const indicators = await db.planIndicator.findMany({
        where: { planId: p.id },
        select: { baseline: true, target: true, values: { where: { occasionId: latest.id }, select: { value: true, noNewData: true } } },
      });
      outcomes = indicators.map((i) => indicatorOutcome({ baseline: i.baseline, target: i.target, value: i.values[0]?.value ?? null, noNewData: i.values[0]?.noNewData ?? false }));
    }
    out.push({
      id: p.id,
      title: p.title,
      year: p.year,
      body: p.body,
      latest: latest ? { id: latest.id, name: latest.name, asOf: latest.asOf, closed: latest.closedAt !== null } : null,
      occasions: p.occasions.length,
      rollup: rollup(statuses, outcomes),
    });
  }
  return out.sort((a, b) => b.year - a.year || compareSv(a.body.name, b.body.name));
}

export interface LinkedUppdrag {
  linkId: string;
  id: string;
  title: string;
  status: UppdragStatus;
}

export interface TreeActivity {
  id: string;
  name: string;
  target: string | null;
  partners: string | null;
  responsible: string | null;
  unitIds: string[];
  status: PlanActivityStatus | null;
  comment: string | null;
  version: number; // 0: nothing saved at this occasion yet
  previous: { status: PlanActivityStatus | null; comment: string | null } | null;
  canEdit: boolean;
  uppdrag: LinkedUppdrag[];
}
export interface TreeIndicator {
  id: string;
  name: string;
  unit: string | null;
  baseline: string | null;
  baselineDate: Date | null;
  target: string | null;
  value: string | null;
  noNewData: boolean;
  note: string | null;
  version: number;
  reported: boolean;
  outcome: IndicatorOutcome;
  previous: { value: string | null; noNewData: boolean } | null;
}
export interface TreeCommitment {
  id: string;
  text: string;
  activities: TreeActivity[];
  indicators: TreeIndicator[];
  summary: { comment: string; version: number } | null;
  uppdrag: LinkedUppdrag[];
  rollup: Rollup;
  /** May fill in indicators and the summary (and at least the activities marked canEdit). */
  canEdit: boolean;
}
export interface TreeGoal {
  id: string;
  text: string;
  commitments: TreeCommitment[];
  rollup: Rollup;
}
export interface OccasionInfo {
  id: string;
  name: string;
  asOf: Date;
  closedAt: Date | null;
  closedBy: string | null;
  version: number;
}
export interface PlanTree {
  id: string;
  title: string;
  year: number;
  scope: string | null;
  baselineDate: Date | null;
  municipality: { name: string; slug: string };
  body: { id: string; name: string; shortName: string };
  occasions: OccasionInfo[];
  occasion: OccasionInfo | null;
  goals: TreeGoal[];
  rollup: Rollup;
  /** The latest open occasion: where follow-up is entered. */
  openOccasion: OccasionInfo | null;
  can: {
    /** May fill in something at the shown occasion (it is open). */
    followUp: boolean;
    /** May fill in something at the latest open occasion. */
    followUpOpen: boolean;
    close: boolean;
    manage: boolean;
  };
}

/**
 * One plan as a tree, with the values of `occasionId` (default: the latest
 * occasion). Null when the plan, or the occasion, is not the actor's to see.
 */
export async function getPlanTree(db: ScopedClient, actor: Actor, planId: string, occasionId?: string): Promise<PlanTree | null> {
  const plan = await db.plan.findFirst({
    where: { id: planId },
    select: {
      id: true,
      title: true,
      year: true,
      scope: true,
      baselineDate: true,
      municipality: { select: { name: true, slug: true } },
      body: { select: { id: true, name: true, shortName: true } },
      occasions: {
        select: { id: true, name: true, asOf: true, closedAt: true, version: true, closedBy: { select: { name: true } } },
        orderBy: [{ asOf: "asc" }, { createdAt: "asc" }],
      },
    },
  });
  if (!plan) return null;
  const target = { municipalityId: actor.municipalityId, bodyId: plan.body.id };
  if (!can(actor, "plan:read", target)) return null;
  const occasions: OccasionInfo[] = plan.occasions.map((o) => ({ id: o.id, name: o.name, asOf: o.asOf, closedAt: o.closedAt, closedBy: o.closedBy?.name ?? null, version: o.version }));
  let occasion: OccasionInfo | undefined;
  if (occasionId) {
    occasion = occasions.find((o) => o.id === occasionId);
    if (!occasion) return null;
  } else {
    // By default the latest occasion with anything reported (a new, empty one
    // would show nothing), else the latest.
    const reported = await db.planActivityStatusEntry.groupBy({ by: ["occasionId"], where: { occasionId: { in: occasions.map((o) => o.id) } }, _count: true });
    occasion = [...occasions].reverse().find((o) => reported.some((r) => r.occasionId === o.id)) ?? occasions[occasions.length - 1];
  }
  const idx = occasion ? occasions.indexOf(occasion) : -1;
  const previous = idx > 0 ? occasions[idx - 1] : null;
  const occIds = [occasion?.id, previous?.id].filter((x): x is string => !!x);

  const [goals, links] = await Promise.all([
    db.planGoal.findMany({
      where: { planId },
      orderBy: { position: "asc" },
      select: {
        id: true,
        text: true,
        commitments: {
          orderBy: { position: "asc" },
          select: {
            id: true,
            text: true,
            summaries: { where: { occasionId: { in: occIds } }, select: { occasionId: true, comment: true, version: true } },
            activities: {
              orderBy: { position: "asc" },
              select: {
                id: true,
                name: true,
                target: true,
                partners: true,
                responsible: true,
                units: { select: { unitId: true } },
                statuses: { where: { occasionId: { in: occIds } }, select: { occasionId: true, status: true, comment: true, version: true } },
              },
            },
            indicators: {
              orderBy: { position: "asc" },
              select: {
                id: true,
                name: true,
                unit: true,
                baseline: true,
                baselineDate: true,
                target: true,
                values: { where: { occasionId: { in: occIds } }, select: { occasionId: true, value: true, noNewData: true, note: true, version: true } },
              },
            },
          },
        },
      },
    }),
    db.planUppdragLink.findMany({
      where: { commitment: { planId } },
      select: { id: true, commitmentId: true, activityId: true, uppdrag: { select: { id: true, title: true, status: true } } },
      orderBy: { createdAt: "asc" },
    }),
  ]);

  const open = !!occasion && occasion.closedAt === null;
  const linked = (pred: (l: (typeof links)[number]) => boolean): LinkedUppdrag[] =>
    links.filter(pred).map((l) => ({ linkId: l.id, id: l.uppdrag.id, title: l.uppdrag.title, status: l.uppdrag.status }));

  const treeGoals: TreeGoal[] = goals.map((g) => {
    const commitments: TreeCommitment[] = g.commitments.map((c) => {
      const commitmentUnits = [...new Set(c.activities.flatMap((a) => a.units.map((u) => u.unitId)))];
      const activities: TreeActivity[] = c.activities.map((a) => {
        const cur = a.statuses.find((s) => s.occasionId === occasion?.id);
        const prev = a.statuses.find((s) => s.occasionId === previous?.id);
        const unitIds = a.units.map((u) => u.unitId);
        return {
          id: a.id,
          name: a.name,
          target: a.target,
          partners: a.partners,
          responsible: a.responsible,
          unitIds,
          status: cur?.status ?? null,
          comment: cur?.comment ?? null,
          version: cur?.version ?? 0,
          previous: prev ? { status: prev.status, comment: prev.comment } : null,
          canEdit: open && can(actor, "plan:follow-up", { ...target, unitIds }),
          uppdrag: linked((l) => l.activityId === a.id),
        };
      });
      const indicators: TreeIndicator[] = c.indicators.map((i) => {
        const cur = i.values.find((v) => v.occasionId === occasion?.id);
        const prev = i.values.find((v) => v.occasionId === previous?.id);
        const value = cur?.value ?? null;
        const noNewData = cur?.noNewData ?? false;
        return {
          id: i.id,
          name: i.name,
          unit: i.unit,
          baseline: i.baseline,
          baselineDate: i.baselineDate,
          target: i.target,
          value,
          noNewData,
          note: cur?.note ?? null,
          version: cur?.version ?? 0,
          reported: !!cur,
          outcome: indicatorOutcome({ baseline: i.baseline, target: i.target, value, noNewData }),
          previous: prev ? { value: prev.value, noNewData: prev.noNewData } : null,
        };
      });
      const summary = c.summaries.find((s) => s.occasionId === occasion?.id);
      return {
        id: c.id,
        text: c.text,
        activities,
        indicators,
        summary: summary ? { comment: summary.comment, version: summary.version } : null,
        uppdrag: linked((l) => l.commitmentId === c.id && l.activityId === null),
        rollup: rollup(
          activities.map((a) => a.status),
          indicators.map((i) => i.outcome),
        ),
        canEdit: open && can(actor, "plan:follow-up", { ...target, unitIds: commitmentUnits }),
      };
    });
    return { id: g.id, text: g.text, commitments, rollup: sumRollups(commitments.map((c) => c.rollup)) };
  });

  const openOccasion = [...occasions].reverse().find((o) => o.closedAt === null) ?? null;
  const mayFollowUpSomething = goals.some((g) =>
    g.commitments.some((c) => can(actor, "plan:follow-up", { ...target, unitIds: [...new Set(c.activities.flatMap((a) => a.units.map((u) => u.unitId)))] })),
  );
  return {
    id: plan.id,
    title: plan.title,
    year: plan.year,
    scope: plan.scope,
    baselineDate: plan.baselineDate,
    municipality: plan.municipality,
    body: plan.body,
    occasions,
    occasion: occasion ?? null,
    goals: treeGoals,
    rollup: sumRollups(treeGoals.map((g) => g.rollup)),
    openOccasion,
    can: {
      followUp: open && treeGoals.some((g) => g.commitments.some((c) => c.canEdit)),
      followUpOpen: !!openOccasion && mayFollowUpSomething,
      close: open && can(actor, "plan:close-occasion", target),
      manage: can(actor, "plan:manage", target),
    },
  };
}
