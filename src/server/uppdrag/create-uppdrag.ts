// The one way an uppdrag is written: the row with its denormalised columns
// (current status, responsible units as text, Swedish sort keys, the search
// document), its responsible units and its status history. Runs on any client or
// transaction, scoped or not; the caller checks permission and writes the audit
// event (the seed factories and the demo data have no actor).
import { randomUUID } from "node:crypto";
import type { Prisma } from "@/generated/prisma/client";
import type { UppdragStatus } from "@/generated/prisma/enums";
import { compareSv } from "@/lib/dates";
import { searchDocumentOf } from "@/lib/search";
import { swedishSortKey } from "@/lib/sort-key";

/** The responsible units as one sortable, displayable text. */
export const unitNamesOf = (names: string[]) => [...names].sort(compareSv).join(", ");
export const unitColumns = (names: string[]) => {
  const unitNames = unitNamesOf(names);
  return { unitNames, unitSortKey: swedishSortKey(unitNames) };
};

export interface UppdragHistoryStep {
  status: UppdragStatus;
  at: Date;
  comment?: string | null;
  plannedCompletion?: Date | null;
  reportedAtMeetingId?: string | null;
  authorId?: string | null;
}

export interface NewUppdrag {
  municipalityId: string;
  paragraph: { id: string; bodyId: string; title: string; decision: string; dnr: string | null };
  decidedOn: Date;
  title: string;
  text: string;
  units: { id: string; name: string }[];
  responsiblePerson?: string | null;
  deadline?: Date | null;
  /** Oldest first; the current status is the last step's. At least one step. */
  history: UppdragHistoryStep[];
}

/** The part of a (transaction) client this needs; a scoped client fits too. */
export interface UppdragWriter {
  uppdrag: { createMany(args: { data: Prisma.UppdragCreateManyInput[] }): Promise<unknown> };
  uppdragUnit: { createMany(args: { data: Prisma.UppdragUnitCreateManyInput[] }): Promise<unknown> };
  statusEntry: { createMany(args: { data: Prisma.StatusEntryCreateManyInput[] }): Promise<unknown> };
}

/** The rows of one uppdrag: the uppdrag itself, its responsible units and its status history. */
export function uppdragRows(id: string, u: NewUppdrag) {
  if (u.history.length === 0) throw new Error("an uppdrag needs at least one status entry");
  const last = u.history[u.history.length - 1];
  const uppdrag = {
    id,
    municipalityId: u.municipalityId,
    paragraphId: u.paragraph.id,
    bodyId: u.paragraph.bodyId,
    decidedOn: u.decidedOn,
    title: u.title,
    text: u.text,
    responsiblePerson: u.responsiblePerson ?? null,
    deadline: u.deadline ?? null,
    plannedCompletion: last.plannedCompletion ?? null,
    status: last.status,
    statusComment: last.comment ?? null,
    statusChangedAt: last.at,
    ...unitColumns(u.units.map((x) => x.name)),
    titleSortKey: swedishSortKey(u.title),
    searchDocument: searchDocumentOf({ title: u.title, text: u.text, paragraph: u.paragraph, comments: u.history.map((s) => s.comment) }),
  } satisfies Prisma.UppdragCreateManyInput;
  const units = u.units.map((x) => ({ uppdragId: id, unitId: x.id })) satisfies Prisma.UppdragUnitCreateManyInput[];
  const history = u.history.map((s) => ({
    municipalityId: u.municipalityId,
    uppdragId: id,
    status: s.status,
    comment: s.comment ?? null,
    plannedCompletion: s.plannedCompletion ?? null,
    reportedAtMeetingId: s.reportedAtMeetingId ?? null,
    authorId: s.authorId ?? null,
    at: s.at,
  })) satisfies Prisma.StatusEntryCreateManyInput[];
  return { uppdrag, units, history };
}

/** Writes one uppdrag with its units and history. Call inside a transaction. */
export async function createUppdrag(db: UppdragWriter, u: NewUppdrag): Promise<{ id: string }> {
  return (await createUppdrags(db, [u]))[0];
}

/** Many at once (an import, the volume generator): three statements per thousand uppdrag. */
export async function createUppdrags(db: UppdragWriter, list: NewUppdrag[]): Promise<{ id: string }[]> {
  const rows = list.map((u) => uppdragRows(randomUUID(), u));
  for (let i = 0; i < rows.length; i += 1000) {
    const chunk = rows.slice(i, i + 1000);
    await db.uppdrag.createMany({ data: chunk.map((r) => r.uppdrag) });
    const units = chunk.flatMap((r) => r.units);
    if (units.length) await db.uppdragUnit.createMany({ data: units });
    await db.statusEntry.createMany({ data: chunk.flatMap((r) => r.history) });
  }
  return rows.map((r) => ({ id: r.uppdrag.id }));
}
