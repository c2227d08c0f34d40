// The municipality's logo for the signed-in user's own municipality, from the
// database. An SVG is sandboxed by its CSP, so nothing in it can run even when
// the file is opened on its own.
import { getActor } from "@/server/auth/actor";
import { getPrisma } from "@/server/db";
import { getLogo } from "@/server/admin/settings";
import { can } from "@/server/permissions";

export async function GET() {
  const actor = await getActor();
  if (!actor || !can(actor, "uppdrag:read", { municipalityId: actor.municipalityId })) return new Response("Inte inloggad.", { status: 401 });
  const logo = await getLogo(await getPrisma(), actor);
  if (!logo) return new Response("Ingen logotyp.", { status: 404 });
  return new Response(new Uint8Array(logo.bytes), {
    headers: {
      "Content-Type": logo.type,
      "Cache-Control": "private, max-age=86400",
      "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; sandbox",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
