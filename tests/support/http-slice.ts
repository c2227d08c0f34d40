// The slice of the permission matrix that runs through the real production
// server over HTTP with real session cookies (tests/e2e/entry-http.spec.ts):
// at least one endpoint or page per permission that a GET or a POST reaches.
// Each row names the served file and export; the in-process matrix
// (tests/integration/endpoint-matrix.test.ts) checks that the permission and
// scope written here are the ones the endpoint or page declares, so this list
// cannot drift from the declarations.
import type { Permission } from "@/server/permissions";

export interface SliceRow {
  kind: "route" | "page";
  /** The served file, and the export for a route (the HTTP method). */
  file: string;
  method: "GET" | "POST";
  permission: Permission;
  scope: "municipality" | "some-record" | "record";
  /** The address on the demo data of Exempelstad. */
  path: string;
  /** A POST's multipart fields (the session cookie and Origin are added by the test). */
  multipart?: Record<string, string | { name: string; mimeType: string; buffer: Buffer }>;
  /** For scope "record": the bodies (short names) the call is about in the demo data. */
  bodies?: string[];
}

const IMPORT_CSV = "Organ;Datum;Paragraf;Diarienummer;Rubrik;Uppdrag;Ansvarig enhet;Status\nKS;2024-03-11;41;KS 2024/101;Översyn av lokaler;Se över lokalerna;Kommunledningskontoret;Påbörjat\n";

export const HTTP_SLICE: SliceRow[] = [
  { kind: "route", file: "src/app/api/uppdrag/route.ts", method: "GET", permission: "uppdrag:read", scope: "municipality", path: "/api/uppdrag?status=NOT_STARTED" },
  { kind: "route", file: "src/app/uppdrag/fil/route.ts", method: "GET", permission: "uppdrag:export", scope: "municipality", path: "/uppdrag/fil?format=csv" },
  { kind: "route", file: "src/app/admin/logg/csv/route.ts", method: "GET", permission: "audit:read", scope: "municipality", path: "/admin/logg/csv" },
  { kind: "route", file: "src/app/rapporter/fil/route.ts", method: "GET", permission: "report:produce", scope: "record", path: "/rapporter/fil?format=json&asOf=2024-06-30", bodies: ["KF", "KS"] },
  {
    kind: "route",
    file: "src/app/moten/registrera/tolka/route.ts",
    method: "POST",
    permission: "meeting:create",
    scope: "some-record",
    path: "/moten/registrera/tolka",
    multipart: { text: "Kommunstyrelsen\nSammanträdesdatum 2025-05-05\n§ 12 Ny skolskjuts\nDnr KS 2025/1\nBeslut\nKS ger KLK i uppdrag att utreda skolskjutsen.\n" },
  },
  {
    kind: "route",
    file: "src/app/import/fil/route.ts",
    method: "POST",
    permission: "uppdrag:import",
    scope: "some-record",
    path: "/import/fil",
    multipart: { step: "granska", file: { name: "lista.csv", mimeType: "text/csv", buffer: Buffer.from(IMPORT_CSV) } },
  },
  { kind: "page", file: "src/app/moten/page.tsx", method: "GET", permission: "meeting:read", scope: "municipality", path: "/moten" },
  { kind: "page", file: "src/app/rapporter/page.tsx", method: "GET", permission: "report:read-frozen", scope: "municipality", path: "/rapporter" },
  { kind: "page", file: "src/app/planer/page.tsx", method: "GET", permission: "plan:read", scope: "municipality", path: "/planer" },
  { kind: "page", file: "src/app/planer/import/page.tsx", method: "GET", permission: "plan:manage", scope: "some-record", path: "/planer/import" },
  { kind: "page", file: "src/app/konto/page.tsx", method: "GET", permission: "account:own", scope: "municipality", path: "/konto" },
  { kind: "page", file: "src/app/admin/page.tsx", method: "GET", permission: "admin:manage", scope: "municipality", path: "/admin" },
  { kind: "page", file: "src/app/statusrunda/page.tsx", method: "GET", permission: "uppdrag:change-status", scope: "some-record", path: "/statusrunda" },
];
