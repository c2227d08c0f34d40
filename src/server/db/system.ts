// The system acting for every municipality at once (the reminders job, its
// command line): each municipality's database confined to it, one at a time.
// Only the data layer makes scoped clients (docs/decisions/005-entry-layer.md).
import type { PrismaClient } from "@/generated/prisma/client";
import { scopedClient, type ScopedClient } from "./scoped";

export interface SystemMunicipality {
  id: string;
  slug: string;
  name: string;
  reportDayFirst: string;
  reportDaySecond: string;
}

/** The municipalities (or the one with this slug), each with its scoped database. */
export async function municipalityScopes(prisma: PrismaClient, slug?: string): Promise<{ municipality: SystemMunicipality; db: ScopedClient }[]> {
  const rows = await prisma.municipality.findMany({
    where: slug ? { slug } : {},
    select: { id: true, slug: true, name: true, reportDayFirst: true, reportDaySecond: true },
    orderBy: { slug: "asc" },
  });
  return rows.map((municipality) => ({ municipality, db: scopedClient(prisma, municipality.id) }));
}
