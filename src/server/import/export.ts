// The list back as a file, in the import's columns, so a secretary can edit it
// in Excel and import it again (rows already there are matched, not doubled).
// The rows are the list's, with the filters the user has chosen.
import ExcelJS from "exceljs";
import type { ScopedClient } from "@/server/db/scoped";
import { requirePermission, type Actor } from "@/server/permissions";
import { recordAudit } from "@/server/audit";
import { listWhere, searchUppdrag, unitWithChildren } from "@/server/uppdrag/list-uppdrag";
import type { ListFilters } from "@/lib/validation/uppdrag";
import { FIELD_INFO, IMPORT_FIELDS, protectCell, type ImportField } from "@/lib/import/columns";
import { csvField } from "@/lib/import/csv";
import { STATUS_LABEL } from "@/lib/status";
import { formatIsoDate } from "@/lib/dates";

/** The most rows one file holds (the import reads as many at a time). */
export const MAX_EXPORT_ROWS = 5000;

export type ExportRow = Record<ImportField, string | number | Date | null>;

const DATE_FIELDS = new Set<ImportField>(["decidedOn", "plannedCompletion", "deadline"]);

/** The rows of the list that an export holds (no audit event: see exportRows and recordExport). */
export async function selectExportRows(db: ScopedClient, actor: Actor, f: ListFilters, now = new Date()): Promise<{ rows: ExportRow[]; total: number }> {
  requirePermission(actor, "uppdrag:export", { municipalityId: actor.municipalityId });
  const ranks = f.q ? await searchUppdrag(db, actor.municipalityId, f.q) : undefined;
  const where = listWhere(f, {
    today: now,
    unitIds: f.unit ? await unitWithChildren(db, f.unit) : undefined,
    searchIds: ranks ? [...ranks.keys()] : undefined,
    // "Since my last visit" is about the screen; the file takes the date filters only.
    lastVisit: null,
  });
  const [list, total] = await Promise.all([
    db.uppdrag.findMany({
      where,
      select: {
        decidedOn: true,
        title: true,
        unitNames: true,
        responsiblePerson: true,
        status: true,
        statusComment: true,
        plannedCompletion: true,
        deadline: true,
        body: { select: { name: true } },
        paragraph: { select: { number: true, dnr: true } },
      },
      orderBy: [{ body: { name: "asc" } }, { decidedOn: "asc" }, { paragraph: { number: "asc" } }, { createdAt: "asc" }],
      take: MAX_EXPORT_ROWS,
    }),
    db.uppdrag.count({ where }),
  ]);
  const rows = list.map(
    (u): ExportRow => ({
      decidedOn: u.decidedOn,
      body: u.body.name,
      paragraph: u.paragraph.number,
      dnr: u.paragraph.dnr,
      title: u.title,
      units: u.unitNames || null,
      responsiblePerson: u.responsiblePerson,
      status: STATUS_LABEL[u.status],
      comment: u.statusComment,
      plannedCompletion: u.plannedCompletion,
      deadline: u.deadline,
    }),
  );
  return { rows, total };
}

/** The audit event of an export: who took which rows out of the app. */
export async function recordExport(db: ScopedClient, actor: Actor, f: ListFilters, exported: { rows: ExportRow[]; total: number }) {
  await recordAudit(db, {
    municipalityId: actor.municipalityId,
    actorId: actor.userId,
    action: "uppdrag.export",
    entity: "Uppdrag",
    entityId: "list",
    after: { filters: f, rows: exported.rows.length, total: exported.total },
  });
}

/** The rows of the list as a file would hold them, with the export's audit event. */
export async function exportRows(db: ScopedClient, actor: Actor, f: ListFilters, now = new Date()): Promise<{ rows: ExportRow[]; total: number }> {
  const exported = await selectExportRows(db, actor, f, now);
  await recordExport(db, actor, f, exported);
  return exported;
}

/**
 * A request that only prefetches (Next.js's router, the browser's speculation
 * rules, a link preview): nobody asked for the file, so it is neither made nor logged.
 */
export function isPrefetch(headers: Headers): boolean {
  if (headers.get("next-router-prefetch")) return true;
  return [headers.get("purpose"), headers.get("sec-purpose"), headers.get("x-purpose"), headers.get("x-moz")].some((v) => !!v && /prefetch|prerender|preview/i.test(v));
}

const text = (v: ExportRow[ImportField]) => (v === null ? "" : v instanceof Date ? formatIsoDate(v) : String(v));

/** CSV for Swedish Excel: UTF-8 with BOM, semicolons, CRLF. */
export function rowsToCsv(rows: ExportRow[]): string {
  const line = (cells: string[]) => cells.map((c) => csvField(protectCell(c), ";")).join(";");
  const out = [line(IMPORT_FIELDS.map((f) => FIELD_INFO[f].label)), ...rows.map((r) => line(IMPORT_FIELDS.map((f) => text(r[f]))))];
  return `\uFEFF${out.join("\r\n")}\r\n`;
}

export async function rowsToXlsx(rows: ExportRow[], title: string, generatedAt: Date): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "Uppdragskollen";
  wb.title = title;
  wb.created = generatedAt;
  wb.modified = generatedAt;
  const ws = wb.addWorksheet("Uppdrag", { views: [{ state: "frozen", xSplit: 0, ySplit: 1 }] });
  const widths: Partial<Record<ImportField, number>> = { title: 60, comment: 50, units: 30, body: 28, dnr: 18, responsiblePerson: 22 };
  ws.columns = IMPORT_FIELDS.map((f) => ({
    header: FIELD_INFO[f].label,
    key: f,
    width: widths[f] ?? (DATE_FIELDS.has(f) ? 14 : 10),
    style: { ...(DATE_FIELDS.has(f) ? { numFmt: "yyyy-mm-dd" } : {}), alignment: { vertical: "top", wrapText: f === "title" || f === "comment" } },
  }));
  ws.getRow(1).font = { bold: true };
  ws.addRows(rows.map((r) => Object.fromEntries(IMPORT_FIELDS.map((f) => [f, r[f] ?? null]))));
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: IMPORT_FIELDS.length } };
  return Buffer.from(await wb.xlsx.writeBuffer());
}
