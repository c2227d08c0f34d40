// The verksamhetsplan's endpoints: each declared once (src/server/entry/endpoint.ts),
// served as server actions (src/app/planer/**/actions.ts,
// src/app/uppdrag/[id]/plan-actions.ts) and route handlers (the report routes).
import "server-only";
import { z } from "@/lib/validation/zod";
import { closeOccasionSchema, createOccasionSchema, followUpSchema, linkUppdragSchema, unlinkUppdragSchema } from "@/lib/validation/plan";
import { confirmImportSchema, importPlanFormSchema } from "@/lib/validation/plan-import";
import { changeEndpoint, defineEndpoint, readEndpoint, type RecordScope } from "@/server/entry/endpoint";
import type { ScopedClient } from "@/server/db/scoped";
import { NotFoundError } from "@/server/permissions";
import { closeOccasion, createOccasion, saveFollowUp } from "./follow-up";
import { getPlanTree } from "./get-plan";
import { importPlan, readPlanWorkbook } from "./import";
import { linkUppdragToPlan, unlinkUppdragFromPlan } from "./links";

/** A plan's body: what managing, closing and reading it are checked against. Null when not in the municipality. */
export async function planScope(db: ScopedClient, planId: string): Promise<RecordScope | null> {
  const p = await db.plan.findFirst({ where: { id: planId }, select: { bodyId: true } });
  return p && { bodyId: p.bodyId };
}

/** An occasion's plan's body. */
async function occasionScope(db: ScopedClient, occasionId: string): Promise<RecordScope | null> {
  const o = await db.planOccasion.findFirst({ where: { id: occasionId }, select: { plan: { select: { bodyId: true } } } });
  return o && { bodyId: o.plan.bodyId };
}

/**
 * One commitment's follow-up at one occasion: the plan's body and the units
 * responsible for the commitment's activities (as saveFollowUp checks first;
 * each changed activity is checked again against its own units there).
 */
async function followUpScope(db: ScopedClient, occasionId: string, commitmentId: string): Promise<RecordScope | null> {
  const o = await db.planOccasion.findFirst({ where: { id: occasionId }, select: { planId: true, plan: { select: { bodyId: true } } } });
  if (!o) return null;
  const c = await db.planCommitment.findFirst({
    where: { id: commitmentId, planId: o.planId },
    select: { activities: { select: { units: { select: { unitId: true } } } } },
  });
  if (!c) return null;
  return { bodyId: o.plan.bodyId, unitIds: [...new Set(c.activities.flatMap((a) => a.units.map((u) => u.unitId)))] };
}

export const saveFollowUpEndpoint = changeEndpoint("plan.saveFollowUp", followUpSchema, "plan:follow-up", (db, input) => followUpScope(db, input.occasionId, input.commitmentId), saveFollowUp);

export const closeOccasionEndpoint = changeEndpoint("plan.closeOccasion", closeOccasionSchema, "plan:close-occasion", (db, input) => occasionScope(db, input.occasionId), closeOccasion);

export const createOccasionEndpoint = changeEndpoint("plan.createOccasion", createOccasionSchema, "plan:manage", (db, input) => planScope(db, input.planId), createOccasion);

export const linkUppdragEndpoint = defineEndpoint({
  id: "plan.linkUppdrag",
  input: linkUppdragSchema,
  permission: "plan:manage",
  // The plan the uppdrag is linked into (the uppdrag itself is checked by linkUppdragToPlan).
  scope: async (db, input) => {
    const where = { id: input.target.id };
    const select = { plan: { select: { bodyId: true } } };
    const t = input.target.kind === "activity" ? await db.planActivity.findFirst({ where, select }) : await db.planCommitment.findFirst({ where, select });
    return t && { bodyId: t.plan.bodyId };
  },
  mutates: true,
  run: ({ db, actor, input }) => linkUppdragToPlan(db, actor, input),
});

export const unlinkUppdragEndpoint = defineEndpoint({
  id: "plan.unlinkUppdrag",
  input: unlinkUppdragSchema,
  permission: "plan:manage",
  scope: async (db, input) => {
    const link = await db.planUppdragLink.findFirst({ where: { id: input.linkId, uppdragId: input.uppdragId }, select: { commitment: { select: { plan: { select: { bodyId: true } } } } } });
    return link && { bodyId: link.commitment.plan.bodyId };
  },
  mutates: true,
  run: ({ db, actor, input }) => unlinkUppdragFromPlan(db, actor, input),
});

// Server actions accept 1 MB bodies (Next.js default); a plan sheet is far smaller.
export const MAX_PLAN_UPLOAD_BYTES = 900 * 1024;

export const previewImportEndpoint = defineEndpoint({
  id: "plan.previewImport",
  input: importPlanFormSchema.extend({
    file: z
      .instanceof(File, { error: "Välj en Excel-fil (.xlsx)." })
      .refine((f) => f.size > 0, "Välj en Excel-fil (.xlsx).")
      .refine((f) => f.size <= MAX_PLAN_UPLOAD_BYTES, "Filen är större än 900 kB."),
  }),
  permission: "plan:manage",
  // The body is picked in the form; reading the file saves nothing, and saving (confirmImport) checks the body.
  scope: "some-record",
  mutates: true,
  run: async ({ input }) => readPlanWorkbook(Buffer.from(await input.file.arrayBuffer())),
});

export const confirmImportEndpoint = defineEndpoint({
  id: "plan.confirmImport",
  input: confirmImportSchema,
  permission: "plan:manage",
  // The body chosen in the form (importPlan checks it again).
  scope: async (db, input) => {
    const b = await db.body.findFirst({ where: { id: input.bodyId }, select: { id: true } });
    return b && { bodyId: b.id };
  },
  mutates: true,
  run: ({ db, actor, input }) => importPlan(db, actor, { bodyId: input.bodyId, year: input.year, title: input.title, plan: input.plan }),
});

const reportInput = z.object({
  id: z.uuid("Planen finns inte."),
  tillfalle: z.uuid("Uppföljningen finns inte.").optional(),
});

/** The plan as a tree at the chosen occasion (default: the latest reported); not found when the occasion is not the plan's. */
async function reportTree(db: ScopedClient, actor: Parameters<typeof getPlanTree>[1], input: z.output<typeof reportInput>) {
  const tree = await getPlanTree(db, actor, input.id, input.tillfalle);
  if (!tree) throw new NotFoundError("plan");
  return tree;
}

export const reportEndpoint = readEndpoint("plan.report", reportInput, "plan:read", (db, input) => planScope(db, input.id), reportTree);

export const reportFileEndpoint = readEndpoint("plan.reportFile", reportInput.extend({ format: z.enum(["pdf", "docx"], "Okänt filformat.").default("pdf") }), "plan:read", (db, input) => planScope(db, input.id), reportTree);
