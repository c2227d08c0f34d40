// GET /admin/logg/csv?person=&record=&action=&from=&to= — the filtered audit log as CSV.
import { NextResponse } from "next/server";
import { getActor } from "@/server/auth/actor";
import { getPrisma } from "@/server/db";
import { ForbiddenError } from "@/server/permissions";
import { exportAuditEvents } from "@/server/audit-log";
import { recordRefusal } from "@/server/audit";
import { auditActionLabel, auditEntityLabel, auditFilterSchema } from "@/lib/validation/audit";
import { toCsv } from "@/lib/csv";
import { formatIsoDate } from "@/lib/dates";

const moment = (d: Date) => d.toLocaleString("sv-SE", { timeZone: "Europe/Stockholm" });
const json = (v: unknown) => (v === null || v === undefined ? "" : JSON.stringify(v));

export async function GET(req: Request) {
  const actor = await getActor();
  if (!actor) return NextResponse.json({ error: "Du är inte inloggad." }, { status: 401 });
  const parsed = auditFilterSchema.safeParse(Object.fromEntries(new URL(req.url).searchParams));
  if (!parsed.success) return NextResponse.json({ error: parsed.error.issues.map((i) => i.message).join(" ") }, { status: 400 });
  const prisma = await getPrisma();
  try {
    const rows = await exportAuditEvents(prisma, actor, parsed.data);
    const csv = toCsv(
      ["Tid", "Person", "E-post", "Händelse", "Händelsekod", "Post", "Posttyp", "Post-id", "Före", "Efter"],
      rows.map((r) => [moment(r.at), r.actor?.name ?? "", r.actor?.email ?? "", auditActionLabel(r.action), r.action, auditEntityLabel(r.entity), r.entity, r.entityId, json(r.before), json(r.after)]),
    );
    return new Response(csv, {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="logg-${actor.municipalitySlug}-${formatIsoDate(new Date())}.csv"`,
        "Cache-Control": "private, no-store",
      },
    });
  } catch (err) {
    if (err instanceof ForbiddenError) {
      await recordRefusal(prisma, actor, { reason: "forbidden", permission: err.permission, where: "GET /admin/logg/csv" });
      return NextResponse.json({ error: "Loggen kan bara läsas av administratörer." }, { status: 403 });
    }
    throw err;
  }
}
