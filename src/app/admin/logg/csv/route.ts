// GET /admin/logg/csv?person=&record=&action=&from=&to= — the filtered audit log as CSV.
import { serveRoute } from "@/server/entry/route";
import { auditCsvEndpoint } from "@/server/admin/endpoints";
import { auditActionLabel, auditEntityLabel } from "@/lib/validation/audit";
import { toCsv } from "@/lib/csv";
import { formatIsoDate } from "@/lib/dates";

const moment = (d: Date) => d.toLocaleString("sv-SE", { timeZone: "Europe/Stockholm" });
const json = (v: unknown) => (v === null || v === undefined ? "" : JSON.stringify(v));

export const GET = serveRoute(auditCsvEndpoint, {
  respond: (rows, { actor }) => {
    const csv = toCsv(
      ["Tid", "Person", "E-post", "Händelse", "Händelsekod", "Post", "Posttyp", "Post-id", "Före", "Efter"],
      rows.map((r) => [moment(r.at), r.actor?.name ?? "", r.actor?.email ?? "", auditActionLabel(r.action), r.action, auditEntityLabel(r.entity), r.entity, r.entityId, json(r.before), json(r.after)]),
    );
    return new Response(csv, {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="logg-${actor!.municipalitySlug}-${formatIsoDate(new Date())}.csv"`,
        "Cache-Control": "private, no-store",
      },
    });
  },
});
