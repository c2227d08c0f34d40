// Corrections of saved records (a meeting, a paragraph, an uppdrag): one
// append-only Correction row per changed field with the value before and after,
// why, who and when, and one audit event, written in the transaction that makes
// the change. Used by src/server/meetings (correct-meeting, correct-paragraph)
// and src/server/uppdrag (correct-uppdrag); read by the meeting and uppdrag pages.
import { randomUUID } from "node:crypto";
import type { ScopedClient, ScopedTx } from "@/server/db/scoped";
import type { Actor } from "@/server/permissions";
import { recordAudit } from "@/server/audit";
import { RefusedError } from "@/server/errors";
import { formatDateTime } from "@/lib/dates";
import { CORRECTED_FIELD_LABEL, correctedFieldLabel, shownValue } from "@/lib/validation/correction";

/** Fields in the order a form shows them (a correction's rows are listed so). */
const FIELD_ORDER = Object.keys(CORRECTED_FIELD_LABEL);
const fieldRank = (f: string) => (FIELD_ORDER.includes(f) ? FIELD_ORDER.indexOf(f) : FIELD_ORDER.length);

export type CorrectedEntity = "Meeting" | "Paragraph" | "Uppdrag";

export interface FieldChange {
  field: string;
  before: string | null;
  after: string | null;
}

/** A date as stored in a correction ("2025-03-31"). */
export const dateValue = (d: Date | null | undefined) => (d ? d.toISOString().slice(0, 10) : null);
/** A list as stored in a correction: one value a line. */
export const listValue = (xs: string[]) => (xs.length ? xs.join("\n") : null);

/** The fields whose value as a reader sees it differs: [field, before, after]. */
export function changedFields(pairs: [field: string, before: string | null, after: string | null][]): FieldChange[] {
  const norm = (v: string | null) => (v === null || v === "" ? null : v);
  return pairs.filter(([, b, a]) => norm(b) !== norm(a)).map(([field, before, after]) => ({ field, before: norm(before), after: norm(after) }));
}

export const NOTHING_CHANGED = "Du har inte ändrat något, så det finns inget att rätta. Ingenting är sparat.";

/** Refuses a correction that changes nothing: every correction is a real change with its reason. */
export function requireChanges(changes: FieldChange[]): void {
  if (changes.length === 0) throw new RefusedError(NOTHING_CHANGED);
}

/**
 * Writes the correction rows and their audit event (in the caller's transaction).
 * Returns the batch id the rows share.
 */
export async function recordCorrection(
  tx: ScopedTx,
  actor: Actor,
  c: { entity: CorrectedEntity; entityId: string; changes: FieldChange[]; reason: string; action: string; now: Date; extra?: Record<string, unknown> },
): Promise<string> {
  const batchId = randomUUID();
  await tx.correction.createMany({
    data: c.changes.map((x) => ({
      municipalityId: actor.municipalityId,
      entity: c.entity,
      entityId: c.entityId,
      field: x.field,
      before: x.before,
      after: x.after,
      reason: c.reason,
      batchId,
      authorId: actor.userId,
      at: c.now,
    })),
  });
  await recordAudit(tx, {
    municipalityId: actor.municipalityId,
    actorId: actor.userId,
    action: c.action,
    entity: c.entity,
    entityId: c.entityId,
    before: Object.fromEntries(c.changes.map((x) => [x.field, x.before])),
    after: { ...Object.fromEntries(c.changes.map((x) => [x.field, x.after])), reason: c.reason, correctionBatchId: batchId, ...c.extra },
  });
  return batchId;
}

/**
 * The latest correction of a record as one Swedish sentence, for a refused stale
 * save: "Anna Ek rättade Dnr (till ”KS 2024/12”) och Rubrik 6 dec. 2026 23:10."
 * Undefined when the record has none (the other change was something else).
 */
export async function latestCorrectionSentence(db: ScopedClient | ScopedTx, entity: CorrectedEntity, entityId: string): Promise<{ sentence: string; at: Date } | undefined> {
  const last = await db.correction.findFirst({
    where: { entity, entityId },
    orderBy: [{ at: "desc" }, { id: "desc" }],
    select: { batchId: true, at: true, reason: true, author: { select: { name: true } } },
  });
  if (!last) return undefined;
  const rows = (await db.correction.findMany({ where: { batchId: last.batchId }, select: { field: true, after: true } })).sort((a, b) => fieldRank(a.field) - fieldRank(b.field));
  const fields = rows.map((r) => `${correctedFieldLabel(r.field).toLowerCase()} (till ”${shownValue(r.after).slice(0, 80)}”)`);
  const list = fields.length > 1 ? `${fields.slice(0, -1).join(", ")} och ${fields.at(-1)}` : fields[0];
  return { sentence: `${last.author?.name ?? "Någon"} rättade ${list} ${formatDateTime(last.at)} med motiveringen ”${last.reason}”.`, at: last.at };
}

export interface CorrectionView {
  id: string;
  entity: CorrectedEntity;
  entityId: string;
  field: string;
  before: string | null;
  after: string | null;
  reason: string;
  batchId: string;
  at: Date;
  authorId: string | null;
  authorName: string | null;
}

/** The corrections of these records, newest first. */
export async function listCorrections(db: ScopedClient, refs: { entity: CorrectedEntity; entityId: string }[]): Promise<CorrectionView[]> {
  if (refs.length === 0) return [];
  const rows = await db.correction.findMany({
    where: { OR: refs.map((r) => ({ entity: r.entity, entityId: r.entityId })) },
    orderBy: [{ at: "desc" }, { batchId: "asc" }],
    select: { id: true, entity: true, entityId: true, field: true, before: true, after: true, reason: true, batchId: true, at: true, authorId: true, author: { select: { name: true } } },
    take: 500,
  });
  // Newest first; the fields of one correction in the order the form shows them.
  rows.sort((a, b) => b.at.getTime() - a.at.getTime() || a.batchId.localeCompare(b.batchId) || fieldRank(a.field) - fieldRank(b.field));
  return rows.map(({ author, ...r }) => ({ ...r, entity: r.entity as CorrectedEntity, authorName: author?.name ?? null }));
}
