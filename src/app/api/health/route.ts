// Liveness check; also the "floor" route of the benchmark (no database, no session).
export const dynamic = "force-dynamic";

export function GET() {
  return Response.json({ ok: true });
}
