// A small municipality with one actor per role, built with the seed factories.
import type { PrismaClient } from "@/generated/prisma/client";
import type { Role } from "@/generated/prisma/enums";
import { createBody, createMeeting, createMunicipality, createParagraph, createUnit, createUppdrag, createUser } from "@/server/seed/factories";
import type { Actor } from "@/server/permissions";
import { uniqueSlug } from "./db";

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
