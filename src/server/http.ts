// Route handler helpers: the same checks as pages, answered as JSON.
import "server-only";
import { NextResponse } from "next/server";
import { getActor } from "@/server/auth/actor";
import { ForbiddenError, NotFoundError, type Actor } from "@/server/permissions";

export async function withActor(handler: (actor: Actor) => Promise<Response>): Promise<Response> {
  const actor = await getActor();
  if (!actor) return NextResponse.json({ error: "Du är inte inloggad." }, { status: 401 });
  try {
    return await handler(actor);
  } catch (err) {
    if (err instanceof ForbiddenError) return NextResponse.json({ error: "Du har inte behörighet." }, { status: 403 });
    if (err instanceof NotFoundError) return NextResponse.json({ error: "Finns inte." }, { status: 404 });
    console.error("route failed", err);
    return NextResponse.json({ error: "Något gick fel." }, { status: 500 });
  }
}
