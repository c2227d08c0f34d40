// Confirming an import: the plan is built again inside one transaction and
// written only when it is still the plan the secretary saw (same file, mapping
// and matched records). New rows get their meeting, paragraph and uppdrag;
// rows already imported get a new status entry only when the status differs.
// Every record written leaves an audit event; invalid rows are never written.
import type { PrismaClient } from "@/generated/prisma/client";
import { scopedClient, type ScopedTx } from "@/server/db/scoped";
import { requirePermission, type Actor } from "@/server/permissions";
import { recordAudit } from "@/server/audit";
import { publish } from "@/server/live";
import { changeStatusIn } from "@/server/uppdrag/change-status";
import { createUppdrag, type NewStatusStep } from "@/server/uppdrag/create-uppdrag";
import { dnrKey } from "@/lib/dnr";
import { parseIsoDate } from "@/lib/dates";
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
  prisma: PrismaClient,
  actor: Actor,
  file: { name: string; hash: string; table: Table },
  mapping: Mapping,
  confirmedToken: string,
  now = new Date(),
): Promise<ImportResult> {
  const db = scopedClient(prisma, actor.municipalityId);
  const result = await db.$transaction(
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
      const meetings = new Map<string, { id: string; date: Date; bodyId: string }>();
      const paragraphs = new Map<string, { id: string; bodyId: string; title: string; decision: string; dnr: string | null }>();
      for (const r of plan.rows) {
        if (r.action === "create") {
          const id = await createRow(tx, actor, r, file.name, now, meetings, paragraphs, out);
          out.created++;
          out.uppdragIds.push(id);
        } else if (r.action === "status") {
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
      }
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
  if (result.uppdragIds.length) publish(actor.municipalityId, { type: "uppdrag-changed", uppdragId: result.uppdragIds[0], at: now.toISOString() });
  return result;
}

async function createRow(
  tx: ScopedTx,
  actor: Actor,
  r: PlanRow,
  fileName: string,
  now: Date,
  meetings: Map<string, { id: string; date: Date; bodyId: string }>,
  paragraphs: Map<string, { id: string; bodyId: string; title: string; decision: string; dnr: string | null }>,
  out: ImportResult,
): Promise<string> {
  const bodyId = r.bodyId!;
  requirePermission(actor, "uppdrag:import", { municipalityId: actor.municipalityId, bodyId });
  const decidedOn = day(r.decidedOn!);
  const audit = (action: string, entity: string, entityId: string, after: unknown) =>
    recordAudit(tx, { municipalityId: actor.municipalityId, actorId: actor.userId, action, entity, entityId, after });

  // The meeting: by body and date, or a new one.
  const mKey = `${bodyId}|${r.decidedOn}`;
  let meeting = meetings.get(mKey) ?? (await tx.meeting.findFirst({ where: { bodyId, date: decidedOn }, select: { id: true, date: true, bodyId: true }, orderBy: { createdAt: "asc" } }));
  if (!meeting) {
    // A list only holds decisions already taken: the minutes are treated as approved.
    meeting = await tx.meeting.create({
      data: { municipalityId: actor.municipalityId, bodyId, date: decidedOn, protocolState: "APPROVED" },
      select: { id: true, date: true, bodyId: true },
    });
    out.meetingsCreated++;
    await audit("meeting.create", "Meeting", meeting.id, { bodyId, date: r.decidedOn, source: "import", file: fileName, line: r.line });
  }
  meetings.set(mKey, meeting);

  // The paragraph: by body, year and §, or a new one.
  const year = decidedOn.getUTCFullYear();
  const pKey = `${bodyId}|${year}|${r.paragraph}`;
  let paragraph =
    paragraphs.get(pKey) ??
    (await tx.paragraph.findFirst({ where: { bodyId, year, number: r.paragraph! }, select: { id: true, bodyId: true, title: true, decision: true, dnr: true } }));
  if (!paragraph) {
    paragraph = await tx.paragraph.create({
      data: {
        municipalityId: actor.municipalityId,
        meetingId: meeting.id,
        bodyId,
        year,
        number: r.paragraph!,
        dnr: r.dnr,
        dnrKey: dnrKey(r.dnr),
        title: r.title,
        decision: r.title,
        basis: [],
        sentTo: [],
      },
      select: { id: true, bodyId: true, title: true, decision: true, dnr: true },
    });
    out.paragraphsCreated++;
    await audit("paragraph.create", "Paragraph", paragraph.id, { meetingId: meeting.id, number: r.paragraph, dnr: r.dnr, title: r.title, source: "import", file: fileName, line: r.line });
  }
  paragraphs.set(pKey, paragraph);

  const status = r.status ?? "NOT_STARTED";
  const history: NewStatusStep[] = [{ status: "NOT_STARTED", at: decidedOn, authorId: null }];
  if (status !== "NOT_STARTED" || r.comment || r.plannedCompletion) {
    history.push({ status, at: now, comment: r.comment, plannedCompletion: r.plannedCompletion ? day(r.plannedCompletion) : null, authorId: actor.userId });
  }
  const u = await createUppdrag(tx, {
    municipalityId: actor.municipalityId,
    paragraph,
    decidedOn,
    title: r.title,
    text: r.title,
    units: r.units,
    responsiblePerson: r.responsiblePerson,
    deadline: r.deadline ? day(r.deadline) : null,
    history,
  });
  await audit("uppdrag.create", "Uppdrag", u.id, {
    paragraphId: paragraph.id,
    title: r.title,
    unitIds: r.units.map((x) => x.id),
    responsiblePerson: r.responsiblePerson,
    deadline: r.deadline,
    status,
    comment: r.comment,
    plannedCompletion: r.plannedCompletion,
    source: "import",
    file: fileName,
    line: r.line,
  });
  return u.id;
}
