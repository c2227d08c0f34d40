// The verksamhetsplan: import, follow-up per occasion (history kept), closing,
// concurrency, permissions across municipalities, and links to uppdrag.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import ExcelJS from "exceljs";
import { openTestDatabase, scopedFor } from "../support/db";
import { buildWorld, type World } from "../support/world";
import type { Database } from "@/server/db/connect";
import { ForbiddenError, NotFoundError } from "@/server/permissions";
import { importPlan, matchUnits, readPlanWorkbook } from "@/server/plan/import";
import { closeOccasion, createOccasion, FollowUpConflictError, OccasionClosedError, saveFollowUp } from "@/server/plan/follow-up";
import { getPlanTree, listPlans } from "@/server/plan/get-plan";
import { linkUppdragToPlan, planLinksForUppdrag, unlinkUppdragFromPlan } from "@/server/plan/links";
import { followUpSchema, field, origOf } from "@/lib/validation/plan";
import { parseIsoDate } from "@/lib/dates";

let db: Database;
let w: World;
let other: World;
beforeAll(async () => {
  db = await openTestDatabase();
  w = await buildWorld(db.prisma);
  other = await buildWorld(db.prisma, "Annan kommun");
});
afterAll(async () => db?.close());

async function workbook(activities: (string | number | null)[][], indicators: (string | number | Date | null)[][]) {
  const wb = new ExcelJS.Workbook();
  const a = wb.addWorksheet("Aktiviteter");
  a.addRow(["Kommunmål", "Nämndåtagande", "Aktivitet", "Önskat läge", "Samverkan med", "Ansvarig"]);
  for (const r of activities) a.addRow(r);
  const i = wb.addWorksheet("Nyckeltal");
  i.addRow(["Kommunmål", "Nämndåtagande", "Nyckeltal", "Enhet", "Ingångsvärde", "Ingångsdatum", "Önskat läge"]);
  for (const r of indicators) i.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const GOAL = "Invånarna ska känna sig trygga";
const COMMIT = "Tryggheten ska förstärkas";
async function importSmallPlan(world: World, year: number) {
  const file = await workbook(
    [
      [GOAL, COMMIT, "Översyn av lokaler", "Genomförs 2026", "Alla förvaltningar", "Kommunledningskontoret"],
      [GOAL, COMMIT, "Ny vägplan", "Genomförs 2026", null, "Tekniska förvaltningen"],
    ],
    [[GOAL, COMMIT, "Antal medborgarförslag", "st", 29, new Date(Date.UTC(year, 0, 1)), "40"]],
  );
  const preview = await readPlanWorkbook(file);
  expect(preview.errors).toEqual([]);
  const { planId } = await importPlan(scopedFor(db.prisma, world.actors.SEKRETERARE), world.actors.SEKRETERARE, { bodyId: world.ks.id, year, title: `Verksamhetsplan ${year}`, plan: preview.plan });
  const april = await createOccasion(scopedFor(db.prisma, world.actors.SEKRETERARE), world.actors.SEKRETERARE, { planId, name: "per 30 april", asOf: parseIsoDate(`${year}-04-30`)! });
  const tree = (await getPlanTree(scopedFor(db.prisma, world.actors.SEKRETERARE), world.actors.SEKRETERARE, planId))!;
  const c = tree.goals[0].commitments[0];
  return { planId, april, commitment: c, a1: c.activities[0], a2: c.activities[1], ind: c.indicators[0] };
}

/** Form fields as the browser sends them (with the loaded values as `orig`). */
function form(occasionId: string, commitmentId: string, rows: Record<string, string>) {
  return followUpSchema.parse({ occasionId, commitmentId, ...rows });
}

describe("import from Excel", () => {
  it("previews rows grouped by goal and commitment, saving nothing; then saves the plan with its units", async () => {
    const before = await db.prisma.plan.count();
    const file = await workbook(
      [
        ["Mål A", "Åtagande A", "Aktivitet 1", "Genomförs 2027", "Alla", "KLK"],
        ["Mål A", "Åtagande A", "Aktivitet 2", null, null, null],
        ["Mål B", "Åtagande B", "Aktivitet 3", null, null, "Tekniska förvaltningen"],
      ],
      [["Mål B", "Åtagande B", "Nöjdhet", "%", 96, "2027-01-01", "100%"]],
    );
    const preview = await readPlanWorkbook(file);
    expect(preview.errors).toEqual([]);
    expect(preview.counts).toEqual({ goals: 2, commitments: 2, activities: 3, indicators: 1 });
    expect(preview.plan.goals[1].commitments[0].indicators[0]).toMatchObject({ name: "Nöjdhet", baseline: "96", baselineDate: "2027-01-01", target: "100%" });
    expect(await db.prisma.plan.count()).toBe(before);
    const { planId } = await importPlan(scopedFor(db.prisma, w.actors.ADMINISTRATOR), w.actors.ADMINISTRATOR, { bodyId: w.kf.id, year: 2027, title: "Plan 2027", plan: preview.plan });
    const tree = await getPlanTree(scopedFor(db.prisma, w.actors.ADMINISTRATOR), w.actors.ADMINISTRATOR, planId);
    expect(tree!.goals.map((g) => g.text)).toEqual(["Mål A", "Mål B"]);
    expect(tree!.goals[1].commitments[0].activities[0].unitIds).toEqual([w.unitB.id]);
    const audit = await db.prisma.auditEvent.findFirst({ where: { entityId: planId, action: "plan.import" } });
    expect(audit?.after).toMatchObject({ activities: 3, indicators: 1 });
  });

  it("gives Swedish row errors for missing cells, bad dates and missing columns", async () => {
    const file = await workbook(
      [
        ["Mål A", "", "Aktivitet utan åtagande", null, null, null],
        ["Mål A", "Åtagande A", "", null, null, null],
        ["Mål A", "Åtagande A", "Bra rad", null, null, null],
      ],
      [["Mål A", "Åtagande A", "Mått", null, 5, "31/12", "10"]],
    );
    const preview = await readPlanWorkbook(file);
    expect(preview.errors).toEqual([
      { sheet: "Aktiviteter", row: 2, message: "Nämndåtagande saknas." },
      { sheet: "Aktiviteter", row: 3, message: "Aktivitet saknas." },
      { sheet: "Nyckeltal", row: 2, message: "Ingångsdatum ”31/12” är inte ett datum (ÅÅÅÅ-MM-DD)." },
    ]);
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Aktiviteter").addRow(["Mål", "Åtagande", "Vad"]);
    const bad = await readPlanWorkbook(Buffer.from(await wb.xlsx.writeBuffer()));
    expect(bad.errors[0]).toEqual({ sheet: "Aktiviteter", row: 1, message: "Kolumnen ”Kommunmål”, ”Nämndåtagande”, ”Aktivitet” saknas i rubrikraden." });
    expect((await readPlanWorkbook(Buffer.from("inte en excelfil"))).errors[0].message).toBe("Filen kunde inte läsas som en Excel-fil (.xlsx).");
  });

  it("refuses a second plan for the same body and year, and a handläggare or another municipality's secretary", async () => {
    const plan = { goals: [{ text: "M", commitments: [{ text: "Å", activities: [{ name: "A", target: null, partners: null, responsible: null }], indicators: [] }] }] };
    await importPlan(scopedFor(db.prisma, w.actors.SEKRETERARE), w.actors.SEKRETERARE, { bodyId: w.ks.id, year: 2030, title: "P", plan });
    await expect(importPlan(scopedFor(db.prisma, w.actors.SEKRETERARE), w.actors.SEKRETERARE, { bodyId: w.ks.id, year: 2030, title: "P", plan })).rejects.toThrow(/redan en plan för 2030/);
    await expect(importPlan(scopedFor(db.prisma, w.actors.HANDLAGGARE), w.actors.HANDLAGGARE, { bodyId: w.ks.id, year: 2031, title: "P", plan })).rejects.toThrow(ForbiddenError);
    await expect(importPlan(scopedFor(db.prisma, other.actors.SEKRETERARE), other.actors.SEKRETERARE, { bodyId: w.ks.id, year: 2031, title: "P", plan })).rejects.toThrow(NotFoundError);
  });

  it("matches responsible units by name or short name, as whole words", () => {
    const units = [
      { id: "1", name: "Kommunledningskontoret", shortName: "KLK" },
      { id: "2", name: "IT-avdelningen", shortName: "IT" },
    ];
    expect(matchUnits("KLK, IT-avdelningen", units)).toEqual(["1", "2"]);
    expect(matchUnits("Kliniken", units)).toEqual([]);
  });
});

describe("follow-up per occasion", () => {
  it("a new occasion does not change the previous one; a closed occasion cannot change", async () => {
    const p = await importSmallPlan(w, 2026);
    const sek = w.actors.SEKRETERARE;
    await saveFollowUp(
      scopedFor(db.prisma, sek),
      sek,
      form(p.april.id, p.commitment.id, {
        [field.status(p.a1.id)]: "IN_PROGRESS",
        [field.comment(p.a1.id)]: "Arbetet har börjat.",
        [field.activityVersion(p.a1.id)]: "0",
        [field.indicatorVersion(p.ind.id)]: "0",
        [field.value(p.ind.id)]: "7",
        summaryVersion: "0",
        summary: "Allt pågår.",
      }),
    );
    await closeOccasion(scopedFor(db.prisma, sek), sek, { occasionId: p.april.id, expectedVersion: 1 });
    const august = await createOccasion(scopedFor(db.prisma, sek), sek, { planId: p.planId, name: "per 31 augusti", asOf: parseIsoDate("2026-08-31")! });
    await saveFollowUp(
      scopedFor(db.prisma, sek),
      sek,
      form(august.id, p.commitment.id, {
        [field.status(p.a1.id)]: "COMPLETED",
        [field.comment(p.a1.id)]: "Klart i juni.",
        [field.activityVersion(p.a1.id)]: "0",
        [field.indicatorVersion(p.ind.id)]: "0",
        [field.value(p.ind.id)]: "",
        [field.noNewData(p.ind.id)]: "on",
        [field.note(p.ind.id)]: "Nästa mätning 2027",
      }),
    );
    const aprilTree = (await getPlanTree(scopedFor(db.prisma, sek), sek, p.planId, p.april.id))!;
    const a = aprilTree.goals[0].commitments[0];
    expect([a.activities[0].status, a.activities[0].comment, a.indicators[0].value, a.summary?.comment]).toEqual(["IN_PROGRESS", "Arbetet har börjat.", "7", "Allt pågår."]);
    expect(aprilTree.occasion?.closedAt).not.toBeNull();
    expect(aprilTree.can.followUp).toBe(false);
    const augTree = (await getPlanTree(scopedFor(db.prisma, sek), sek, p.planId))!;
    const g = augTree.goals[0].commitments[0];
    expect(augTree.occasion?.name).toBe("per 31 augusti");
    expect([g.activities[0].status, g.activities[0].previous?.status, g.indicators[0].noNewData, g.indicators[0].note, g.indicators[0].outcome]).toEqual([
      "COMPLETED",
      "IN_PROGRESS",
      true,
      "Nästa mätning 2027",
      "noNewData",
    ]);
    expect(g.rollup.activities).toMatchObject({ done: 1, unreported: 1, total: 2 });

    // Closed: the app refuses, and so does the database itself.
    await expect(
      saveFollowUp(scopedFor(db.prisma, sek), sek, form(p.april.id, p.commitment.id, { [field.status(p.a1.id)]: "COMPLETED", [field.activityVersion(p.a1.id)]: "1" })),
    ).rejects.toThrow(OccasionClosedError);
    await expect(db.prisma.planActivityStatusEntry.updateMany({ where: { occasionId: p.april.id }, data: { status: "COMPLETED" } })).rejects.toThrow(/closed/);
    await expect(db.prisma.planIndicatorValue.deleteMany({ where: { occasionId: p.april.id } })).rejects.toThrow(/DELETE is not allowed/);
    await expect(db.prisma.planOccasion.update({ where: { id: p.april.id }, data: { closedAt: null } })).rejects.toThrow(/closed and cannot change/);
    await expect(closeOccasion(scopedFor(db.prisma, sek), sek, { occasionId: p.april.id, expectedVersion: 2 })).rejects.toThrow(OccasionClosedError);

    const audits = await db.prisma.auditEvent.findMany({ where: { municipalityId: w.municipality.id, action: { startsWith: "plan." } }, select: { action: true } });
    const actions = audits.map((x) => x.action);
    for (const act of ["plan.activity.follow-up", "plan.indicator.follow-up", "plan.summary.follow-up", "plan.occasion.close", "plan.occasion.create"]) expect(actions).toContain(act);
  });

  it("detects a concurrent edit of the same row and saves nothing of the losing form; untouched rows are not conflicts", async () => {
    const p = await importSmallPlan(w, 2032);
    const sek = w.actors.SEKRETERARE;
    const adm = w.actors.ADMINISTRATOR;
    const loaded = {
      [field.status(p.a1.id)]: "",
      [field.comment(p.a1.id)]: "",
      [field.activityVersion(p.a1.id)]: "0",
      [field.orig(`a.${p.a1.id}`)]: origOf("", ""),
      [field.status(p.a2.id)]: "",
      [field.comment(p.a2.id)]: "",
      [field.activityVersion(p.a2.id)]: "0",
      [field.orig(`a.${p.a2.id}`)]: origOf("", ""),
    };
    // Both loaded the empty form; the secretary saves activity 1.
    await saveFollowUp(scopedFor(db.prisma, sek), sek, form(p.april.id, p.commitment.id, { ...loaded, [field.status(p.a1.id)]: "IN_PROGRESS" }));
    // The administrator changes only activity 2: activity 1 is untouched in that form, so no conflict.
    await saveFollowUp(scopedFor(db.prisma, adm), adm, form(p.april.id, p.commitment.id, { ...loaded, [field.status(p.a2.id)]: "NOT_STARTED" }));
    // Now the administrator, with the stale form, changes activity 1 and 2 again: conflict on 1, nothing saved.
    await expect(
      saveFollowUp(scopedFor(db.prisma, adm), adm, form(p.april.id, p.commitment.id, { ...loaded, [field.status(p.a1.id)]: "COMPLETED", [field.status(p.a2.id)]: "IN_PROGRESS", [field.activityVersion(p.a2.id)]: "1", [field.orig(`a.${p.a2.id}`)]: origOf("NOT_STARTED", "") })),
    ).rejects.toThrow(FollowUpConflictError);
    const tree = (await getPlanTree(scopedFor(db.prisma, sek), sek, p.planId))!;
    expect(tree.goals[0].commitments[0].activities.map((a) => [a.status, a.version])).toEqual([
      ["IN_PROGRESS", 1],
      ["NOT_STARTED", 1],
    ]);
  });

  it("validates with Swedish messages next to the field", () => {
    const id = "7f1c3f5e-8a89-4a4b-9a53-0a4b8d1c2e3f";
    const r = followUpSchema.safeParse({
      occasionId: id,
      commitmentId: id,
      [field.status(id)]: "NOT_CARRIED_OUT",
      [field.comment(id)]: "",
      [field.indicatorVersion(id)]: "0",
      [field.value(id)]: "12",
      [field.noNewData(id)]: "on",
    });
    expect(r.success).toBe(false);
    expect(r.error!.issues.map((i) => [i.path[0], i.message])).toEqual([
      [field.comment(id), "Skriv varför aktiviteten har nuläget ”Genomförs ej”."],
      [field.value(id), "Lämna värdet tomt när du har kryssat i ”Inga nya data”, eller ta bort krysset."],
    ]);
  });
});

describe("who may follow up", () => {
  it("a handläggare reports on their unit's activities only; a member reads; another municipality gets nothing", async () => {
    const p = await importSmallPlan(w, 2033);
    const h = w.actors.HANDLAGGARE; // Kommunledningskontoret = unitA, responsible for activity 1 only
    await saveFollowUp(scopedFor(db.prisma, h), h, form(p.april.id, p.commitment.id, { [field.status(p.a1.id)]: "IN_PROGRESS", [field.activityVersion(p.a1.id)]: "0" }));
    await expect(
      saveFollowUp(scopedFor(db.prisma, h), h, form(p.april.id, p.commitment.id, { [field.status(p.a2.id)]: "IN_PROGRESS", [field.activityVersion(p.a2.id)]: "0" })),
    ).rejects.toThrow(ForbiddenError);
    await expect(
      saveFollowUp(scopedFor(db.prisma, w.actors.LEDAMOT), w.actors.LEDAMOT, form(p.april.id, p.commitment.id, { [field.status(p.a1.id)]: "COMPLETED", [field.activityVersion(p.a1.id)]: "1" })),
    ).rejects.toThrow(ForbiddenError);
    await expect(closeOccasion(scopedFor(db.prisma, h), h, { occasionId: p.april.id, expectedVersion: 1 })).rejects.toThrow(ForbiddenError);
    const memberView = (await getPlanTree(scopedFor(db.prisma, w.actors.LEDAMOT), w.actors.LEDAMOT, p.planId))!;
    expect(memberView.can).toEqual({ followUp: false, followUpOpen: false, close: false, manage: false });
    expect(memberView.goals[0].commitments[0].activities[0].status).toBe("IN_PROGRESS");
    const handlaggarView = (await getPlanTree(scopedFor(db.prisma, h), h, p.planId))!;
    expect(handlaggarView.goals[0].commitments[0].activities.map((a) => a.canEdit)).toEqual([true, false]);

    // Another municipality: the plan does not exist for them, in any operation.
    const o = other.actors.ADMINISTRATOR;
    expect(await getPlanTree(scopedFor(db.prisma, o), o, p.planId)).toBeNull();
    expect((await listPlans(scopedFor(db.prisma, o), o)).map((x) => x.id)).not.toContain(p.planId);
    await expect(saveFollowUp(scopedFor(db.prisma, o), o, form(p.april.id, p.commitment.id, { [field.status(p.a1.id)]: "COMPLETED", [field.activityVersion(p.a1.id)]: "1" }))).rejects.toThrow(NotFoundError);
    await expect(closeOccasion(scopedFor(db.prisma, o), o, { occasionId: p.april.id, expectedVersion: 1 })).rejects.toThrow(NotFoundError);
    await expect(createOccasion(scopedFor(db.prisma, o), o, { planId: p.planId, name: "x", asOf: new Date() })).rejects.toThrow(NotFoundError);
    await expect(linkUppdragToPlan(scopedFor(db.prisma, o), o, { uppdragId: other.ksUppdrag.id, target: { kind: "activity", id: p.a1.id } })).rejects.toThrow(NotFoundError);
  });
});

describe("uppdrag serve commitments and activities", () => {
  it("links, shows on both sides, refuses duplicates and members, and unlinks (audited)", async () => {
    const p = await importSmallPlan(w, 2034);
    const sek = w.actors.SEKRETERARE;
    const link = await linkUppdragToPlan(scopedFor(db.prisma, sek), sek, { uppdragId: w.ksUppdrag.id, target: { kind: "activity", id: p.a1.id } });
    await linkUppdragToPlan(scopedFor(db.prisma, sek), sek, { uppdragId: w.kfUppdrag.id, target: { kind: "commitment", id: p.commitment.id } });
    await expect(linkUppdragToPlan(scopedFor(db.prisma, sek), sek, { uppdragId: w.ksUppdrag.id, target: { kind: "activity", id: p.a1.id } })).rejects.toThrow(/redan kopplat/);
    await expect(linkUppdragToPlan(scopedFor(db.prisma, w.actors.LEDAMOT), w.actors.LEDAMOT, { uppdragId: w.ksUppdrag.id, target: { kind: "commitment", id: p.commitment.id } })).rejects.toThrow(ForbiddenError);
    await expect(linkUppdragToPlan(scopedFor(db.prisma, sek), sek, { uppdragId: other.ksUppdrag.id, target: { kind: "commitment", id: p.commitment.id } })).rejects.toThrow(NotFoundError);

    const tree = (await getPlanTree(scopedFor(db.prisma, w.actors.LEDAMOT), w.actors.LEDAMOT, p.planId))!;
    const c = tree.goals[0].commitments[0];
    expect(c.activities[0].uppdrag.map((u) => u.title)).toEqual(["Se över lokalerna"]);
    expect(c.uppdrag.map((u) => u.title)).toEqual(["Ta fram en vägplan"]);
    const side = await planLinksForUppdrag(scopedFor(db.prisma, w.actors.LEDAMOT), w.actors.LEDAMOT, w.ksUppdrag.id);
    expect(side.links.map((l) => [l.plan.year, l.commitment, l.activity, l.canUnlink])).toEqual([[2034, COMMIT, "Översyn av lokaler", false]]);
    expect(side.choices).toEqual([]);
    expect((await planLinksForUppdrag(scopedFor(db.prisma, sek), sek, w.ksUppdrag.id)).choices.length).toBeGreaterThan(0);
    expect((await planLinksForUppdrag(scopedFor(db.prisma, other.actors.ADMINISTRATOR), other.actors.ADMINISTRATOR, w.ksUppdrag.id)).links).toEqual([]);

    await unlinkUppdragFromPlan(scopedFor(db.prisma, sek), sek, { linkId: link.id, uppdragId: w.ksUppdrag.id });
    expect((await planLinksForUppdrag(scopedFor(db.prisma, sek), sek, w.ksUppdrag.id)).links).toEqual([]);
    const actions = (await db.prisma.auditEvent.findMany({ where: { entityId: link.id }, select: { action: true }, orderBy: { at: "asc" } })).map((a) => a.action);
    expect(actions).toEqual(["plan.uppdrag.link", "plan.uppdrag.unlink"]);
  });
});
