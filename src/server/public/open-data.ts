// The open public view as open data (docs/open-data.md): every public uppdrag
// of one municipality as JSON and as CSV, with field names from OParl where it
// has the concept (name, reference, organization, meeting, agendaItem,
// created, modified, web) and our own for what it lacks (status, responsible
// units, deadline, planned completion). The same allow-list as the pages
// (public-uppdrag.ts): comments and the named official only when the
// municipality shows them; the columns are always there, empty otherwise.
import { createHash } from "node:crypto";
import type { Prisma } from "@/generated/prisma/client";
import type { UppdragStatus } from "@/generated/prisma/enums";
import type { ScopedClient } from "@/server/db/scoped";
import type { PublicView } from "@/server/entry/public-view";
import { STATUS_LABEL } from "@/lib/status";
import { formatIsoDate, compareSv } from "@/lib/dates";
import { csvField } from "@/lib/import/csv";
import { protectCell } from "@/lib/import/columns";

export const OPEN_DATA_VERSION = "1.0";

const select = {
  id: true,
  title: true,
  text: true,
  status: true,
  statusComment: true,
  statusChangedAt: true,
  deadline: true,
  plannedCompletion: true,
  responsiblePerson: true,
  createdAt: true,
  updatedAt: true,
  body: { select: { id: true, name: true, shortName: true } },
  paragraph: { select: { number: true, dnr: true, title: true, decision: true, meeting: { select: { date: true, place: true } } } },
  units: { select: { unit: { select: { name: true } } } },
} satisfies Prisma.UppdragSelect;

/** One uppdrag as open data. */
export interface OpenDataItem {
  id: string;
  web: string;
  name: string;
  text: string;
  reference: string | null;
  organization: { id: string; name: string; shortName: string };
  meeting: { start: string; location: string | null };
  agendaItem: { number: string; name: string; resolutionText: string };
  status: UppdragStatus;
  statusLabel: string;
  statusComment: string | null;
  statusChanged: string;
  responsibleUnits: string[];
  responsiblePerson: string | null;
  deadline: string | null;
  plannedCompletion: string | null;
  created: string;
  modified: string;
}

export interface OpenData {
  items: OpenDataItem[];
  /** The newest change of any item (Last-Modified). */
  lastModified: Date | null;
}

const date = (d: Date | null) => (d ? formatIsoDate(d) : null);

/** Every public uppdrag of the municipality, newest decision first (a stable order). */
export async function openData(db: ScopedClient, view: PublicView, web: (id: string) => string): Promise<OpenData> {
  const rows = await db.uppdrag.findMany({
    where: { publiclyHidden: false },
    select,
    orderBy: [{ decidedOn: "desc" }, { paragraph: { number: "desc" } }, { id: "asc" }],
  });
  let lastModified: Date | null = null;
  const items = rows.map((u): OpenDataItem => {
    if (!lastModified || u.updatedAt > lastModified) lastModified = u.updatedAt;
    return {
      id: u.id,
      web: web(u.id),
      name: u.title,
      text: u.text,
      reference: u.paragraph.dnr,
      organization: u.body,
      meeting: { start: formatIsoDate(u.paragraph.meeting.date), location: u.paragraph.meeting.place ?? null },
      agendaItem: { number: String(u.paragraph.number), name: u.paragraph.title, resolutionText: u.paragraph.decision },
      status: u.status,
      statusLabel: STATUS_LABEL[u.status],
      statusComment: view.showComments ? u.statusComment : null,
      statusChanged: u.statusChangedAt.toISOString(),
      responsibleUnits: u.units.map((x) => x.unit.name).sort(compareSv),
      responsiblePerson: view.showNames ? u.responsiblePerson : null,
      deadline: date(u.deadline),
      plannedCompletion: date(u.plannedCompletion),
      created: u.createdAt.toISOString(),
      modified: u.updatedAt.toISOString(),
    };
  });
  return { items, lastModified };
}

/** The JSON document: the municipality (OParl's body) and its uppdrag. */
export function openDataJson(data: OpenData, view: PublicView, web: string): string {
  return JSON.stringify({
    schemaVersion: OPEN_DATA_VERSION,
    body: { name: view.name, shortName: view.slug, web },
    count: data.items.length,
    data: data.items,
  });
}

/** The CSV columns, in order: the JSON's fields, nested ones joined with a dot. */
export const CSV_COLUMNS: [string, (i: OpenDataItem) => string | null][] = [
  ["id", (i) => i.id],
  ["web", (i) => i.web],
  ["name", (i) => i.name],
  ["text", (i) => i.text],
  ["reference", (i) => i.reference],
  ["organization.name", (i) => i.organization.name],
  ["organization.shortName", (i) => i.organization.shortName],
  ["meeting.start", (i) => i.meeting.start],
  ["meeting.location", (i) => i.meeting.location],
  ["agendaItem.number", (i) => i.agendaItem.number],
  ["agendaItem.name", (i) => i.agendaItem.name],
  ["agendaItem.resolutionText", (i) => i.agendaItem.resolutionText],
  ["status", (i) => i.status],
  ["statusLabel", (i) => i.statusLabel],
  ["statusComment", (i) => i.statusComment],
  ["statusChanged", (i) => i.statusChanged],
  ["responsibleUnits", (i) => i.responsibleUnits.join(", ")],
  ["responsiblePerson", (i) => i.responsiblePerson],
  ["deadline", (i) => i.deadline],
  ["plannedCompletion", (i) => i.plannedCompletion],
  ["created", (i) => i.created],
  ["modified", (i) => i.modified],
];

/** UTF-8 with a byte-order mark, semicolons and CRLF, like the app's other CSV files (Excel opens it as it is). */
export function openDataCsv(data: OpenData): string {
  const line = (cells: (string | null)[]) => cells.map((c) => csvField(protectCell(c ?? ""), ";")).join(";");
  const out = [line(CSV_COLUMNS.map(([name]) => name)), ...data.items.map((i) => line(CSV_COLUMNS.map(([, get]) => get(i))))];
  return `\uFEFF${out.join("\r\n")}\r\n`;
}

export { PUBLIC_CACHE_CONTROL } from "./rate-limit";

/** A strong validator of the bytes served. */
export const etagOf = (body: string | Uint8Array) => `"${createHash("sha256").update(body).digest("base64url").slice(0, 27)}"`;

/** True when the client's If-None-Match already names this ETag (answered 304). */
export function notModified(request: Request, etag: string): boolean {
  const header = request.headers.get("if-none-match");
  if (!header) return false;
  return header === "*" || header.split(",").some((t) => t.trim().replace(/^W\//, "") === etag);
}
