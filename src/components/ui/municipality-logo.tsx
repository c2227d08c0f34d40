import { cache } from "react";
import { getPrisma } from "@/server/db";
import type { Actor } from "@/server/permissions";

const logoStamp = cache(async (municipalityId: string) => {
  const m = await (await getPrisma()).municipality.findUnique({ where: { id: municipalityId }, select: { logoUpdatedAt: true } });
  return m?.logoUpdatedAt?.getTime() ?? null;
});

/** The municipality's logo in the header, when the administrator has uploaded one. */
export async function MunicipalityLogo({ actor }: { actor: Actor }) {
  // The session lookup loads it with the actor; an actor built elsewhere asks here.
  const stamp = actor.logoVersion !== undefined ? actor.logoVersion : await logoStamp(actor.municipalityId);
  if (!stamp) return null;
  // The link beside it names the municipality: the image adds nothing for a screen reader.
  // eslint-disable-next-line @next/next/no-img-element -- served from the database by /kommun/logotyp
  return <img src={`/kommun/logotyp?v=${stamp}`} alt="" className="h-10 w-auto max-w-32 object-contain" data-testid="municipality-logo" />;
}
