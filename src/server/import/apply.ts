// Confirming an import: the plan is built again inside one transaction and
// written only when it is still the plan the secretary saw (same file, mapping
// and matched records). New rows get their meeting, paragraph and uppdrag;
// rows already imported get a new status entry only when the status differs.
// Every record written leaves an audit event; invalid rows are never written.
import { randomUUID } from "node:crypto";
import type { ScopedClient, ScopedTx } from "@/server/db/scoped";
import { requirePermission, type Actor } from "@/server/permissions";
import { recordAudit, recordAudits, type AuditInput } from "@/server/audit";
import { publish } from "@/server/live";
import { changeStatusIn } from "@/server/uppdrag/change-status";
import { createUppdrags, type UppdragHistoryStep } from "@/server/uppdrag/create-uppdrag";
import { dnrKey } from "@/lib/dnr";
import { formatIsoDate, parseIsoDate } from "@/lib/dates";
import type { Mapping } from "@/lib/import/columns";
import { buildPlan, type PlanRow } from "./plan";
import type { Table } from "./read-file";

/** The records changed since the preview: the secretary must look again. */
export class StalePlanError extends Error {
  constructor() {
    super("the import plan changed since the preview");
    this.name = "StalePlanError";
  }
}

export interface ImportResult {
  created: number;
  statusChanged: number;
  existing: number;
  invalid: number;
  meetingsCreated: number;
  paragraphsCreated: number;
  uppdragIds: string[];
}

const day = (iso: string) => parseIsoDate(iso)!;

export async function applyImport(
  db: ScopedClient,
  actor: Actor,
  file: { name: string; hash: string; table: Table },
  mapping: Mapping,
  confirmedToken: string,
  now = new Date(),
): Promise<ImportResult> {
  const result = await runImport(db, actor, file, mapping, confirmedToken, now).catch((err: unknown) => {
    // Another import registered the same paragraph meanwhile: the plan is stale.
    if ((err as { code?: string } | null)?.code === "P2002") throw new StalePlanError();
    throw err;
  });
  if (result.uppdragIds.length) publish(actor.municipalityId, { type: "uppdrag-changed", uppdragId: result.uppdragIds[0], at: now.toISOString() });
  return result;
}

function runImport(db: ScopedClient, actor: Actor, file: { name: string; hash: string; table: Table }, mapping: Mapping, confirmedToken: string, now: Date) {
  return db.$transaction(
    async (tx) => {
      const plan = await buildPlan(tx, actor, file.table, mapping, file.hash, now);
      if (plan.token !== confirmedToken || plan.missing.length) throw new StalePlanError();
      const out: ImportResult = {
        created: 0,
        statusChanged: 0,
        existing: plan.counts.existing,
        invalid: plan.counts.invalid,
        meetingsCreated: 0,
        paragraphsCreated: 0,
        uppdragIds: [],
      };
      const audits: AuditInput[] = [];
      const creates = plan.rows.filter((r) => r.action === "create");
      out.uppdragIds.push(...(await createRows(tx, actor, creates, file.name, now, audits, out)));
      out.created = creates.length;
      for (const r of plan.rows) {
        if (r.action !== "status") continue;
        await changeStatusIn(
          tx,
          actor,
          {
            uppdragId: r.uppdragId!,
            expectedVersion: r.version!,
            status: r.status!,
            comment: r.comment,
            plannedCompletion: r.plannedCompletion ? day(r.plannedCompletion) : null,
            reportedAtMeetingId: null,
          },
          now,
          { action: "uppdrag.status.import", extra: { file: file.name, line: r.line } },
        );
        out.statusChanged++;
        out.uppdragIds.push(r.uppdragId!);
      }
      await recordAudits(tx, audits);
      await recordAudit(tx, {
        municipalityId: actor.municipalityId,
        actorId: actor.userId,
        action: "import.run",
        entity: "Import",
        entityId: file.hash,
        after: {
          file: file.name,
          sha256: file.hash,
          format: file.table.format,
          rows: file.table.rows.length,
          mapping,
          created: out.created,
          statusChanged: out.statusChanged,
          existing: out.existing,
          invalid: out.invalid,
          invalidLines: plan.rows.filter((r) => r.action === "invalid").map((r) => r.line),
          meetingsCreated: out.meetingsCreated,
          paragraphsCreated: out.paragraphsCreated,
        },
      });
      return out;
    },
    { timeout: 300_000, maxWait: 20_000 },
  );
}

const paragraphSelect = { id: true, bodyId: true, title: true, decision: true, dnr: true } as const;
type ParagraphRef = { id: string; bodyId: string; title: string; decision: string; dnr: string | null };

/**
 * The new rows, in a few statements: the meetings and paragraphs they need
 * (found, or registered here), then the uppdrag with their first statuses.
 */
async function createRows(tx: ScopedTx, actor: Actor, rows: PlanRow[], fileName: string, now: Date, audits: AuditInput[], out: ImportResult): Promise<string[]> {
  if (rows.length === 0) return [];
  const m = actor.municipalityId;
  const audit = (action: string, entity: string, entityId: string, after: unknown) => audits.push({ municipalityId: m, actorId: actor.userId, action, entity, entityId, after });
  for (const r of rows) requirePermission(actor, "uppdrag:import", { municipalityId: m, bodyId: r.bodyId! });

  // Paragraphs the preview found.
  const known = [...new Set(rows.flatMap((r) => (r.paragraphId ? [r.paragraphId] : [])))];
  const paragraphs = new Map<string, ParagraphRef>((await tx.paragraph.findMany({ where: { id: { in: known } }, select: paragraphSelect })).map((p) => [p.id, p]));
  const pKey = (r: PlanRow) => `${r.bodyId}|${r.decidedOn!.slice(0, 4)}|${r.paragraph}`;
  const mKey = (r: PlanRow) => `${r.bodyId}|${r.decidedOn}`;

  // Paragraphs to register: the first row naming each gives its Dnr and title.
  const newParagraphs = new Map<string, PlanRow>();
  for (const r of rows) if (!r.paragraphId && !newParagraphs.has(pKey(r))) newParagraphs.set(pKey(r), r);

  // Their meetings: by body and date, or new ones.
  const meetingKeys = [...new Map([...newParagraphs.values()].map((r) => [mKey(r), { bodyId: r.bodyId!, date: day(r.decidedOn!) }])).entries()];
  const meetings = new Map<string, string>();
  for (let i = 0; i < meetingKeys.length; i += 500) {
    const found = await tx.meeting.findMany({ where: { OR: meetingKeys.slice(i, i + 500).map(([, k]) => k) }, select: { id: true, bodyId: true, date: true }, orderBy: { createdAt: "asc" } });
    for (const f of found) {
      const key = `${f.bodyId}|${f.date.toISOString().slice(0, 10)}`;
      if (!meetings.has(key)) meetings.set(key, f.id);
    }
  }
  const newMeetings = meetingKeys.filter(([key]) => !meetings.has(key)).map(([key, k]) => ({ key, id: randomUUID(), ...k }));
  if (newMeetings.length) {
    // A list only holds decisions already taken: the minutes are treated as approved.
    await tx.meeting.createMany({ data: newMeetings.map((x) => ({ id: x.id, municipalityId: m, bodyId: x.bodyId, date: x.date, protocolState: "APPROVED" as const })) });
    for (const x of newMeetings) {
      meetings.set(x.key, x.id);
      audit("meeting.create", "Meeting", x.id, { bodyId: x.bodyId, date: formatIsoDate(x.date), source: "import", file: fileName });
    }
    out.meetingsCreated = newMeetings.length;
  }

  const paragraphRows = [...newParagraphs.entries()].map(([key, r]) => ({
    key,
    line: r.line,
    data: {
      id: randomUUID(),
      municipalityId: m,
      meetingId: meetings.get(mKey(r))!,
      bodyId: r.bodyId!,
      year: Number(r.decidedOn!.slice(0, 4)),
      number: r.paragraph!,
      dnr: r.dnr,
      dnrKey: dnrKey(r.dnr),
      title: r.title,
      decision: r.title,
      basis: [],
      sentTo: [],
    },
  }));
  for (let i = 0; i < paragraphRows.length; i += 1000) await tx.paragraph.createMany({ data: paragraphRows.slice(i, i + 1000).map((p) => p.data) });
  const byKey = new Map<string, ParagraphRef>();
  for (const p of paragraphRows) {
    byKey.set(p.key, { id: p.data.id, bodyId: p.data.bodyId, title: p.data.title, decision: p.data.decision, dnr: p.data.dnr });
    audit("paragraph.create", "Paragraph", p.data.id, { meetingId: p.data.meetingId, number: p.data.number, dnr: p.data.dnr, title: p.data.title, source: "import", file: fileName, line: p.line });
  }
  out.paragraphsCreated = paragraphRows.length;

  const created = await createUppdrags(
    tx,
    rows.map((r) => {
      const decidedOn = day(r.decidedOn!);
      const status = r.status ?? "NOT_STARTED";
      const history: UppdragHistoryStep[] = [{ status: "NOT_STARTED", at: decidedOn, authorId: null }];
      if (status !== "NOT_STARTED" || r.comment || r.plannedCompletion) {
        history.push({ status, at: now, comment: r.comment, plannedCompletion: r.plannedCompletion ? day(r.plannedCompletion) : null, authorId: actor.userId });
      }
      return {
        municipalityId: m,
        paragraph: (r.paragraphId ? paragraphs.get(r.paragraphId) : undefined) ?? byKey.get(pKey(r))!,
        decidedOn,
        title: r.title,
        text: r.title,
        units: r.units,
        responsiblePerson: r.responsiblePerson,
        deadline: r.deadline ? day(r.deadline) : null,
        history,
      };
    }),
  );
  rows.forEach((r, i) =>
    audit("uppdrag.create", "Uppdrag", created[i].id, {
      paragraphId: r.paragraphId ?? byKey.get(pKey(r))!.id,
      title: r.title,
      unitIds: r.units.map((x) => x.id),
      responsiblePerson: r.responsiblePerson,
      deadline: r.deadline,
      status: r.status ?? "NOT_STARTED",
      comment: r.comment,
      plannedCompletion: r.plannedCompletion,
      source: "import",
      file: fileName,
      line: r.line,
    }),
  );
  return created.map((c) => c.id);
}
