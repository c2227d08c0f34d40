// Import of a plan from Excel: one sheet of activities, one of indicators,
// each row naming its kommunmål and nämndåtagande. Reading gives a preview
// and Swedish row errors and saves nothing; importPlan saves a previewed plan.
// The workbook is read in a worker thread with limits (src/server/uploads/parse.ts).
import type { ScopedClient } from "@/server/db/scoped";
import { NotFoundError, requirePermission, type Actor } from "@/server/permissions";
import { recordAudit } from "@/server/audit";
import { RefusedError } from "@/server/errors";
import { parseIsoDate } from "@/lib/dates";
import { importedActivitySchema, importedIndicatorSchema, type ImportedPlan } from "@/lib/validation/plan-import";
import { parseInWorker, refusalMessage, UPLOAD_LIMITS, UploadRefused, type CellValue, type SheetData } from "@/server/uploads/parse";

export interface RowError {
  sheet: string;
  row: number;
  message: string;
}
export interface ImportPreview {
  plan: ImportedPlan;
  errors: RowError[];
  counts: { goals: number; commitments: number; activities: number; indicators: number };
}

const ACTIVITY_COLUMNS = { goal: "kommunmål", commitment: "nämndåtagande", name: "aktivitet", target: "önskat läge", partners: "samverkan med", responsible: "ansvarig" } as const;
const INDICATOR_COLUMNS = { goal: "kommunmål", commitment: "nämndåtagande", name: "nyckeltal", unit: "enhet", baseline: "ingångsvärde", baselineDate: "ingångsdatum", target: "önskat läge" } as const;
const REQUIRED = ["goal", "commitment", "name"] as const;

/** A cell as text: numbers the Swedish way (decimal comma), dates as ÅÅÅÅ-MM-DD. */
function cellText(v: CellValue): string {
  if (v === null || v === undefined) return "";
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === "number") return String(v).replace(".", ",");
  if (typeof v === "string" || typeof v === "boolean") return String(v).trim();
  if (typeof v === "object") {
    if ("richText" in v) return v.richText.map((t) => t.text).join("").trim();
    if ("result" in v) return cellText(v.result);
    if ("text" in v) return String(v.text).trim();
  }
  return String(v).trim();
}

function findSheet(sheets: SheetData[], word: string, index: number): SheetData | undefined {
  return sheets.find((s) => s.name.trim().toLowerCase().startsWith(word)) ?? sheets[index];
}

function readSheet<K extends string>(sheet: SheetData, columns: Record<K, string>, label: string, errors: RowError[]) {
  const header = sheet.rows.find((r) => r.number === 1)?.values ?? [];
  const index = {} as Record<K, number>;
  for (const [key, word] of Object.entries(columns) as [K, string][]) {
    const col = header.findIndex((v) => v !== null && cellText(v).toLowerCase().startsWith(word));
    index[key] = col + 1; // 0: not found
  }
  const missing = (REQUIRED as readonly string[]).filter((k) => !index[k as K]).map((k) => columns[k as K]);
  if (missing.length) {
    errors.push({ sheet: label, row: 1, message: `Kolumnen ${missing.map((m) => `”${m.charAt(0).toUpperCase()}${m.slice(1)}”`).join(", ")} saknas i rubrikraden.` });
    return [];
  }
  const rows: { row: number; values: Record<K, string> }[] = [];
  for (const row of sheet.rows) {
    if (row.number < 2) continue;
    const values = {} as Record<K, string>;
    for (const key of Object.keys(columns) as K[]) values[key] = index[key] ? cellText(row.values[index[key] - 1] ?? null) : "";
    if (Object.values<string>(values).every((v) => v === "")) continue;
    rows.push({ row: row.number, values });
  }
  return rows;
}

/** The largest workbook read (the upload form allows less). */
const MAX_PLAN_BYTES = 5 * 1024 * 1024;
const UPLOAD_ROWS = UPLOAD_LIMITS.maxRows;

/** Reads a workbook into a plan preview. Saves nothing. */
export async function readPlanWorkbook(data: ArrayBuffer | Buffer): Promise<ImportPreview> {
  const errors: RowError[] = [];
  const plan: ImportedPlan = { goals: [] };
  const fileError = (message: string) => ({ plan, errors: [{ sheet: "Filen", row: 0, message }], counts: { goals: 0, commitments: 0, activities: 0, indicators: 0 } });
  const bytes = data instanceof ArrayBuffer ? new Uint8Array(data) : new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  const unreadable = "Filen kunde inte läsas som en Excel-fil (.xlsx).";
  if (bytes.byteLength > MAX_PLAN_BYTES) return fileError(`Filen är för stor. Största tillåtna storlek är ${MAX_PLAN_BYTES / 1024 / 1024} MB.`);
  if (!(bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04)) return fileError(unreadable);
  let sheets: SheetData[];
  try {
    sheets = await parseInWorker("xlsx", bytes);
  } catch (err) {
    if (!(err instanceof UploadRefused)) throw err;
    return fileError(err.code === "unreadable" ? unreadable : refusalMessage(err, "Excel-filen"));
  }
  const tooLong = sheets.find((s) => s.truncated);
  if (tooLong) return fileError(`Fliken ”${tooLong.name}” har fler än ${UPLOAD_ROWS} rader. Dela upp planen.`);
  const commitmentOf = (goalText: string, commitmentText: string) => {
    let g = plan.goals.find((x) => x.text === goalText);
    if (!g) plan.goals.push((g = { text: goalText, commitments: [] }));
    let c = g.commitments.find((x) => x.text === commitmentText);
    if (!c) g.commitments.push((c = { text: commitmentText, activities: [], indicators: [] }));
    return c;
  };
  const rowError = (sheet: string, row: number, label: string, issues: { message: string }[]) =>
    errors.push({ sheet, row, message: issues.map((i) => i.message).join(" ") || `Raden i ${label} kunde inte läsas.` });

  const actSheet = findSheet(sheets, "aktivitet", 0);
  if (!actSheet) errors.push({ sheet: "Aktiviteter", row: 0, message: "Fliken ”Aktiviteter” saknas." });
  else {
    for (const { row, values } of readSheet(actSheet, ACTIVITY_COLUMNS, actSheet.name, errors)) {
      const head = [!values.goal && "Kommunmål saknas.", !values.commitment && "Nämndåtagande saknas."].filter(Boolean) as string[];
      const parsed = importedActivitySchema.safeParse({ name: values.name, target: values.target || null, partners: values.partners || null, responsible: values.responsible || null });
      if (head.length || !parsed.success) {
        rowError(actSheet.name, row, "aktiviteterna", [...head.map((message) => ({ message })), ...(parsed.success ? [] : parsed.error.issues)]);
        continue;
      }
      commitmentOf(values.goal, values.commitment).activities.push(parsed.data);
    }
  }
  const indSheet = findSheet(sheets, "nyckeltal", 1);
  if (indSheet && indSheet !== actSheet) {
    for (const { row, values } of readSheet(indSheet, INDICATOR_COLUMNS, indSheet.name, errors)) {
      const head = [!values.goal && "Kommunmål saknas.", !values.commitment && "Nämndåtagande saknas."].filter(Boolean) as string[];
      if (values.baselineDate && !parseIsoDate(values.baselineDate)) head.push(`Ingångsdatum ”${values.baselineDate}” är inte ett datum (ÅÅÅÅ-MM-DD).`);
      const parsed = importedIndicatorSchema.safeParse({
        name: values.name,
        unit: values.unit || null,
        baseline: values.baseline || null,
        baselineDate: values.baselineDate && parseIsoDate(values.baselineDate) ? values.baselineDate : null,
        target: values.target || null,
      });
      if (head.length || !parsed.success) {
        rowError(indSheet.name, row, "nyckeltalen", [...head.map((message) => ({ message })), ...(parsed.success ? [] : parsed.error.issues)]);
        continue;
      }
      commitmentOf(values.goal, values.commitment).indicators.push(parsed.data);
    }
  }
  if (!errors.length && plan.goals.length === 0) errors.push({ sheet: actSheet?.name ?? "Aktiviteter", row: 0, message: "Filen innehåller inga aktiviteter eller nyckeltal." });
  const commitments = plan.goals.flatMap((g) => g.commitments);
  return {
    plan,
    errors,
    counts: {
      goals: plan.goals.length,
      commitments: commitments.length,
      activities: commitments.reduce((n, c) => n + c.activities.length, 0),
      indicators: commitments.reduce((n, c) => n + c.indicators.length, 0),
    },
  };
}

/** The units a responsible text names ("KLK, Tillväxtkontoret"), by name or short name. */
export function matchUnits(responsible: string | null, units: { id: string; name: string; shortName: string | null }[]): string[] {
  if (!responsible) return [];
  const words = responsible.toLowerCase();
  return units
    .filter((u) => [u.name, u.shortName].some((n) => n && new RegExp(`(^|[^\\p{L}])${n.toLowerCase().replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}($|[^\\p{L}])`, "u").test(words)))
    .map((u) => u.id);
}

/** Saves a previewed plan for a body and year (plan:manage on the body). */
export async function importPlan(
  db: ScopedClient,
  actor: Actor,
  input: { bodyId: string; year: number; title: string; plan: ImportedPlan },
): Promise<{ planId: string }> {
  const body = await db.body.findFirst({ where: { id: input.bodyId }, select: { id: true } });
  if (!body) throw new NotFoundError("body");
  requirePermission(actor, "plan:manage", { municipalityId: actor.municipalityId, bodyId: body.id });
  const units = await db.unit.findMany({ select: { id: true, name: true, shortName: true } });
  return db.$transaction(
    async (tx) => {
      const existing = await tx.plan.findFirst({ where: { bodyId: body.id, year: input.year }, select: { id: true } });
      if (existing) throw new RefusedError(`Organet har redan en plan för ${input.year}. Ingenting är sparat.`);
      const m = actor.municipalityId;
      const plan = await tx.plan.create({ data: { municipalityId: m, bodyId: body.id, year: input.year, title: input.title }, select: { id: true } });
      let activities = 0;
      let indicators = 0;
      for (const [gi, g] of input.plan.goals.entries()) {
        const goal = await tx.planGoal.create({ data: { municipalityId: m, planId: plan.id, position: gi + 1, text: g.text }, select: { id: true } });
        for (const [ci, c] of g.commitments.entries()) {
          const com = await tx.planCommitment.create({ data: { municipalityId: m, planId: plan.id, goalId: goal.id, position: ci + 1, text: c.text }, select: { id: true } });
          for (const [ai, a] of c.activities.entries()) {
            await tx.planActivity.create({
              data: {
                municipalityId: m,
                planId: plan.id,
                commitmentId: com.id,
                position: ai + 1,
                ...a,
                units: { create: matchUnits(a.responsible, units).map((unitId) => ({ unitId })) },
              },
            });
            activities++;
          }
          for (const [ii, i] of c.indicators.entries()) {
            await tx.planIndicator.create({
              data: { municipalityId: m, planId: plan.id, commitmentId: com.id, position: ii + 1, ...i, baselineDate: i.baselineDate ? parseIsoDate(i.baselineDate) : null },
            });
            indicators++;
          }
        }
      }
      await recordAudit(tx, {
        municipalityId: m,
        actorId: actor.userId,
        action: "plan.import",
        entity: "Plan",
        entityId: plan.id,
        after: { bodyId: body.id, year: input.year, title: input.title, goals: input.plan.goals.length, activities, indicators },
      });
      return { planId: plan.id };
    },
    { timeout: 60_000 },
  );
}
