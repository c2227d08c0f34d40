import type { Actor } from "@/server/permissions";

/** The municipality's logo in the header, when the administrator has uploaded one. */
export function MunicipalityLogo({ actor }: { actor: Actor }) {
  // The session lookup loads when the logo last changed, with the actor.
  const stamp = actor.logoVersion ?? null;
  if (!stamp) return null;
  // The link beside it names the municipality: the image adds nothing for a screen reader.
  // eslint-disable-next-line @next/next/no-img-element -- served from the database by /kommun/logotyp
  return <img src={`/kommun/logotyp?v=${stamp}`} alt="" className="h-10 w-auto max-w-32 object-contain" data-testid="municipality-logo" />;
}
