// A small municipality with one actor per role, built with the seed factories.
import type { PrismaClient } from "@/generated/prisma/client";
import type { Role } from "@/generated/prisma/enums";
import { createBody, day, createMeeting, createMunicipality, createParagraph, createUnit, createUppdrag, createUser } from "@/server/seed/factories";
import type { Actor } from "@/server/permissions";
import { uniqueSlug, scopedFor } from "./db";

export async function buildWorld(prisma: PrismaClient, name = "Testkommun") {
  const m = await createMunicipality(prisma, { slug: uniqueSlug(), name });
  const ks = await createBody(prisma, m.id, { name: "Kommunstyrelsen", shortName: "KS", kind: "STYRELSE" });
  const kf = await createBody(prisma, m.id, { name: "Kommunfullmäktige", shortName: "KF", kind: "FULLMAKTIGE" });
  const unitA = await createUnit(prisma, m.id, { name: "Kommunledningskontoret", kind: "KONTOR" });
  const unitB = await createUnit(prisma, m.id, { name: "Tekniska förvaltningen", kind: "FORVALTNING" });
  const meeting = await createMeeting(prisma, m.id, { bodyId: ks.id, date: "2024-03-11" });
  const kfMeeting = await createMeeting(prisma, m.id, { bodyId: kf.id, date: "2024-03-25" });
  const p1 = await createParagraph(prisma, m.id, meeting, { number: 41, dnr: "KS 2024/101", title: "Översyn av lokaler", decision: "KS ger KLK i uppdrag att se över lokalerna." });
  const p2 = await createParagraph(prisma, m.id, kfMeeting, { number: 12, dnr: "KS 2024/7", title: "Ny vägplan", decision: "KF ger TF i uppdrag att ta fram en vägplan." });
  const ksUppdrag = await createUppdrag(prisma, m.id, { paragraph: p1, decidedOn: "2024-03-11", title: "Se över lokalerna", text: "Se över kommunhusets lokaler.", unitIds: [unitA.id] });
  const kfUppdrag = await createUppdrag(prisma, m.id, { paragraph: p2, decidedOn: "2024-03-25", title: "Ta fram en vägplan", text: "Ta fram en vägplan.", unitIds: [unitB.id] });

  const actors = {} as Record<Role, Actor>;
  for (const role of ["LEDAMOT", "SEKRETERARE", "HANDLAGGARE", "ADMINISTRATOR"] as Role[]) {
    const u = await createUser(prisma, m.id, {
      email: `${role.toLowerCase()}@${m.slug}.test`,
      name: `${role} ${m.slug}`,
      role,
      passwordHash: null,
      unitId: role === "HANDLAGGARE" ? unitA.id : undefined,
      bodies: role === "SEKRETERARE" ? [{ bodyId: ks.id, role: "SECRETARY" }] : role === "LEDAMOT" ? [{ bodyId: ks.id, role: "MEMBER" }] : [],
    });
    actors[role] = {
      userId: u.id,
      name: u.name,
      municipalityId: m.id,
      municipalitySlug: m.slug,
      municipalityName: m.name,
      role,
      unitId: role === "HANDLAGGARE" ? unitA.id : null,
      secretaryOf: role === "SEKRETERARE" ? [ks.id] : [],
      memberOf: role === "LEDAMOT" ? [ks.id] : [],
    };
  }
  return { municipality: m, ks, kf, unitA, unitB, meeting, kfMeeting, p1, p2, ksUppdrag, kfUppdrag, actors };
}
export type World = Awaited<ReturnType<typeof buildWorld>>;

/** A plan sheet as the administrative department keeps it (sheets "Aktiviteter" and "Nyckeltal"). */
export async function planWorkbook(year: number): Promise<Buffer> {
  const { default: ExcelJS } = await import("exceljs");
  const goal = "Invånarna ska känna sig trygga";
  const commitment = "Tryggheten ska förstärkas";
  const wb = new ExcelJS.Workbook();
  const a = wb.addWorksheet("Aktiviteter");
  a.addRow(["Kommunmål", "Nämndåtagande", "Aktivitet", "Önskat läge", "Samverkan med", "Ansvarig"]);
  a.addRow([goal, commitment, "Översyn av lokaler", `Genomförs ${year}`, "Alla förvaltningar", "Kommunledningskontoret"]);
  a.addRow([goal, commitment, "Ny vägplan", `Genomförs ${year}`, null, "Tekniska förvaltningen"]);
  const i = wb.addWorksheet("Nyckeltal");
  i.addRow(["Kommunmål", "Nämndåtagande", "Nyckeltal", "Enhet", "Ingångsvärde", "Ingångsdatum", "Önskat läge"]);
  i.addRow([goal, commitment, "Antal medborgarförslag", "st", 29, new Date(Date.UTC(year, 0, 1)), "40"]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The password every actor of a full world signs in with (for "change my password"). */
export const WORLD_PASSWORD = "Ett-långt-testlösenord-för-världen-7";

/**
 * buildWorld plus everything an endpoint can be about: a KS plan with an open
 * follow-up occasion, two fastställda reports, a logo, and a password for
 * every actor. Used by the endpoint matrix and the action fuzz tests.
 */
export async function buildFullWorld(prisma: PrismaClient, name = "Testkommun") {
  const { hashPassword } = await import("@/server/auth/password");
  const { importPlan, readPlanWorkbook } = await import("@/server/plan/import");
  const { createOccasion } = await import("@/server/plan/follow-up");
  const { getPlanTree } = await import("@/server/plan/get-plan");
  const { freezeReport } = await import("@/server/report/frozen");
  const w = await buildWorld(prisma, name);
  const passwordHash = await hashPassword(WORLD_PASSWORD);
  await prisma.user.updateMany({ where: { id: { in: Object.values(w.actors).map((a) => a.userId) } }, data: { passwordHash } });

  const sek = w.actors.SEKRETERARE;
  const preview = await readPlanWorkbook(await planWorkbook(2026));
  if (preview.errors.length) throw new Error(`plan sheet: ${JSON.stringify(preview.errors)}`);
  const { planId } = await importPlan(scopedFor(prisma, sek), sek, { bodyId: w.ks.id, year: 2026, title: "Verksamhetsplan 2026", plan: preview.plan });
  const occasion = await createOccasion(scopedFor(prisma, sek), sek, { planId, name: "per 30 april", asOf: day("2026-04-30") });
  const tree = (await getPlanTree(scopedFor(prisma, sek), sek, planId))!;
  const commitment = tree.goals[0].commitments[0];

  const renderPdf = async () => Buffer.from("%PDF-1.7 test");
  const admin = w.actors.ADMINISTRATOR;
  const frozenA = await freezeReport(scopedFor(prisma, admin), admin, { asOf: day("2024-06-30"), bodyIds: [w.ks.id, w.kf.id] }, { renderPdf });
  const frozenB = await freezeReport(scopedFor(prisma, admin), admin, { asOf: day("2024-12-31"), bodyIds: [w.ks.id, w.kf.id] }, { renderPdf });

  const png = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==", "base64");
  await prisma.municipality.update({ where: { id: w.municipality.id }, data: { logo: png, logoType: "image/png", logoUpdatedAt: new Date() } });

  return {
    ...w,
    plan: { id: planId, bodyId: w.ks.id, occasionId: occasion.id, commitment, activity: commitment.activities[0], indicator: commitment.indicators[0] },
    frozen: [frozenA.id, frozenB.id] as const,
  };
}
export type FullWorld = Awaited<ReturnType<typeof buildFullWorld>>;
