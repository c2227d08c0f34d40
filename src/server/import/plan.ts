// The import's preview: every row of the file read with the chosen mapping,
// validated, and matched against what the municipality already has. Nothing is
// written here; apply.ts builds the same plan again inside its transaction and
// writes only if it is still the plan the secretary confirmed.
import { createHash } from "node:crypto";
import type { UppdragStatus } from "@/generated/prisma/enums";
import type { ScopedClient, ScopedTx } from "@/server/db/scoped";
import { can, type Actor } from "@/server/permissions";
import { FIELD_INFO, IMPORT_FIELDS, parseParagraphNumber, parseStatus, parseSwedishDate, unprotectCell, type ImportField, type Mapping } from "@/lib/import/columns";
import { STATUS_LABEL, STATUSES_REQUIRING_COMMENT } from "@/lib/status";
import { dnrKey } from "@/lib/dnr";
import { formatIsoDate } from "@/lib/dates";
import type { Table } from "./read-file";

export type RowAction = "create" | "existing" | "status" | "invalid";

export interface RowError {
  /** The column's header in the file (or the field's name when it has no column). */
  column: string;
  message: string;
}

export interface PlanRow {
  line: number;
  action: RowAction;
  errors: RowError[];
  decidedOn: string | null;
  bodyId: string | null;
  bodyShortName: string | null;
  paragraph: number | null;
  dnr: string | null;
  title: string;
  units: { id: string; name: string }[];
  responsiblePerson: string | null;
  status: UppdragStatus | null;
  comment: string | null;
  plannedCompletion: string | null;
  deadline: string | null;
  /** The paragraph when it is already registered. */
  paragraphId: string | null;
  /** The uppdrag the row is (for "existing" and "status"). */
  uppdragId: string | null;
  currentStatus: UppdragStatus | null;
  version: number | null;
}

export interface ImportPlan {
  /** Required fields without a column: nothing can be checked until they have one. */
  missing: ImportField[];
  rows: PlanRow[];
  counts: Record<RowAction, number>;
  /** Changes when the file, the mapping or the matched records change. */
  token: string;
}

type Db = ScopedClient | ScopedTx;

const MAX = { dnr: 100, title: 500, person: 200, comment: 4000 } as const;
const normTitle = (s: string) => s.toLowerCase().replace(/\s+/g, " ").trim();
const normName = (s: string) => s.toLowerCase().replace(/\s+/g, " ").trim();
const paragraphKey = (bodyId: string, year: number, number: number) => `${bodyId}|${year}|${number}`;

export function sha256(data: string | Uint8Array): string {
  return createHash("sha256").update(data).digest("hex");
}

export async function buildPlan(db: Db, actor: Actor, table: Table, mapping: Mapping, fileHash: string, now = new Date()): Promise<ImportPlan> {
  const missing = IMPORT_FIELDS.filter((f) => FIELD_INFO[f].required && mapping[f] === undefined);
  const counts: Record<RowAction, number> = { create: 0, existing: 0, status: 0, invalid: 0 };
  if (missing.length) return { missing, rows: [], counts, token: sha256(JSON.stringify({ fileHash, mapping, missing })) };

  const [bodies, units] = await Promise.all([
    db.body.findMany({ select: { id: true, name: true, shortName: true } }),
    db.unit.findMany({ select: { id: true, name: true, shortName: true } }),
  ]);
  const bodyByName = new Map<string, (typeof bodies)[number]>();
  for (const b of bodies) {
    bodyByName.set(normName(b.name), b);
    bodyByName.set(normName(b.shortName), b);
  }
  const unitByName = new Map<string, { id: string; name: string }>();
  for (const u of units) {
    unitByName.set(normName(u.name), u);
    if (u.shortName) unitByName.set(normName(u.shortName), u);
  }
  const column = (f: ImportField) => {
    const i = mapping[f];
    return i === undefined ? FIELD_INFO[f].label : table.headers[i] || FIELD_INFO[f].label;
  };
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());

  // 1. Each row on its own.
  const rows: PlanRow[] = table.rows.map((r) => {
    const cell = (f: ImportField) => {
      const i = mapping[f];
      return i === undefined ? "" : unprotectCell((r.cells[i] ?? "").trim());
    };
    const errors: RowError[] = [];
    const fail = (f: ImportField, message: string) => errors.push({ column: column(f), message });
    const date = (f: ImportField) => {
      const v = cell(f);
      if (v === "") return null;
      const d = parseSwedishDate(v);
      if (!d) fail(f, `”${v}” är inget datum. Skriv datumet som ÅÅÅÅ-MM-DD.`);
      return d;
    };

    const decided = date("decidedOn");
    if (!cell("decidedOn")) fail("decidedOn", "Beslutsdatum saknas.");
    else if (decided && decided.getTime() > today) fail("decidedOn", `Beslutsdatumet ${formatIsoDate(decided)} har inte varit än.`);

    const bodyText = cell("body");
    const body = bodyText ? bodyByName.get(normName(bodyText)) : undefined;
    if (!bodyText) fail("body", "Organ saknas.");
    else if (!body) fail("body", `Organet ”${bodyText}” finns inte. Skriv organets namn eller förkortning: ${bodies.map((b) => b.shortName).sort().join(", ")}.`);
    else if (!can(actor, "uppdrag:import", { municipalityId: actor.municipalityId, bodyId: body.id })) {
      fail("body", `Du är inte sekreterare åt ${body.name} (${body.shortName}) och kan inte importera organets uppdrag.`);
    }

    const pText = cell("paragraph");
    const paragraph = pText ? parseParagraphNumber(pText) : null;
    if (!pText) fail("paragraph", "Paragrafnummer saknas.");
    else if (paragraph === null) fail("paragraph", `”${pText}” är inget paragrafnummer. Skriv bara numret, t.ex. 34.`);

    const dnr = cell("dnr") || null;
    if (dnr && dnr.length > MAX.dnr) fail("dnr", `Dnr får vara högst ${MAX.dnr} tecken.`);

    const title = cell("title").replace(/\s+/g, " ");
    if (!title) fail("title", "Uppdraget saknar text.");
    else if (title.length > MAX.title) fail("title", `Uppdraget får vara högst ${MAX.title} tecken (här ${title.length}).`);

    const rowUnits: { id: string; name: string }[] = [];
    for (const name of cell("units").split(/[;,]/).map((s) => s.trim()).filter(Boolean)) {
      const u = unitByName.get(normName(name));
      if (!u) fail("units", `Enheten ”${name}” finns inte i kommunens organisation.`);
      else if (!rowUnits.some((x) => x.id === u.id)) rowUnits.push({ id: u.id, name: u.name });
    }

    const responsiblePerson = cell("responsiblePerson") || null;
    if (responsiblePerson && responsiblePerson.length > MAX.person) fail("responsiblePerson", `Ansvarig person får vara högst ${MAX.person} tecken.`);

    const sText = cell("status");
    const status = sText ? parseStatus(sText) : null;
    if (sText && !status) fail("status", `Statusen ”${sText}” känns inte igen. Använd ${Object.values(STATUS_LABEL).join(", ")}.`);

    const comment = cell("comment") || null;
    if (comment && comment.length > MAX.comment) fail("comment", `Kommentaren får vara högst ${MAX.comment} tecken.`);
    if (status && STATUSES_REQUIRING_COMMENT.includes(status) && !comment) {
      fail("comment", `Kommentar krävs när status är ${STATUS_LABEL[status]}: skriv varför.`);
    }
    const planned = date("plannedCompletion");
    const deadline = date("deadline");

    return {
      line: r.line,
      action: "invalid" as RowAction,
      errors,
      decidedOn: decided ? formatIsoDate(decided) : null,
      bodyId: body?.id ?? null,
      bodyShortName: body?.shortName ?? (bodyText || null),
      paragraph,
      dnr,
      title,
      units: rowUnits,
      responsiblePerson,
      status,
      comment,
      plannedCompletion: planned ? formatIsoDate(planned) : null,
      deadline: deadline ? formatIsoDate(deadline) : null,
      paragraphId: null,
      uppdragId: null,
      currentStatus: null,
      version: null,
    };
  });

  // 2. What already exists: paragraphs by body, year and §, with their uppdrag.
  const ok = rows.filter((r) => r.errors.length === 0);
  const keyOf = (r: PlanRow) => paragraphKey(r.bodyId!, Number(r.decidedOn!.slice(0, 4)), r.paragraph!);
  const wanted = [...new Map(ok.map((r) => [keyOf(r), { bodyId: r.bodyId!, year: Number(r.decidedOn!.slice(0, 4)), number: r.paragraph! }])).values()];
  const existing = new Map<string, Awaited<ReturnType<typeof loadParagraphs>>[number]>();
  for (let i = 0; i < wanted.length; i += 500) {
    for (const p of await loadParagraphs(db, wanted.slice(i, i + 500))) existing.set(paragraphKey(p.bodyId, p.year, p.number), p);
  }
  const rowsPerParagraph = new Map<string, number>();
  for (const r of ok) rowsPerParagraph.set(keyOf(r), (rowsPerParagraph.get(keyOf(r)) ?? 0) + 1);

  // 3. Each valid row against the records and against the rows above it.
  const firstRowOf = new Map<string, PlanRow>(); // paragraph key → first row that names it
  const seenUppdrag = new Map<string, number>(); // paragraph key + title → line
  for (const r of ok) {
    const key = keyOf(r);
    const p = existing.get(key);
    const where = `§ ${r.paragraph} i ${r.bodyShortName} ${r.decidedOn!.slice(0, 4)}`;
    if (p) {
      const meetingDay = formatIsoDate(p.meeting.date);
      if (meetingDay !== r.decidedOn) r.errors.push({ column: column("decidedOn"), message: `${where} finns redan från sammanträdet ${meetingDay}, inte ${r.decidedOn}.` });
      if (r.dnr && p.dnr && dnrKey(r.dnr) !== dnrKey(p.dnr)) r.errors.push({ column: column("dnr"), message: `${where} finns redan med Dnr ${p.dnr}, inte ${r.dnr}.` });
    } else {
      const first = firstRowOf.get(key);
      if (first && first.decidedOn !== r.decidedOn) r.errors.push({ column: column("decidedOn"), message: `${where} står på rad ${first.line} med datumet ${first.decidedOn}.` });
      if (first && r.dnr && first.dnr && dnrKey(first.dnr) !== dnrKey(r.dnr)) r.errors.push({ column: column("dnr"), message: `${where} står på rad ${first.line} med Dnr ${first.dnr}.` });
    }
    if (!firstRowOf.has(key)) firstRowOf.set(key, r);
    const twinKey = `${key}|${normTitle(r.title)}`;
    const twinLine = seenUppdrag.get(twinKey);
    if (twinLine !== undefined) r.errors.push({ column: column("title"), message: `Samma uppdrag som på rad ${twinLine}.` });
    else seenUppdrag.set(twinKey, r.line);
    if (r.errors.length) continue;

    r.paragraphId = p?.id ?? null;
    const match = p && (p.uppdrag.find((u) => normTitle(u.title) === normTitle(r.title)) ?? (p.uppdrag.length === 1 && rowsPerParagraph.get(key) === 1 ? p.uppdrag[0] : undefined));
    if (match) {
      r.uppdragId = match.id;
      r.currentStatus = match.status;
      r.version = match.version;
      if (r.status && r.status !== match.status) {
        if (!can(actor, "uppdrag:change-status", { municipalityId: actor.municipalityId, bodyId: match.bodyId, unitIds: match.units.map((x) => x.unitId) })) {
          r.errors.push({ column: column("status"), message: "Du får inte ändra status på det här uppdraget." });
        } else r.action = "status";
      } else r.action = "existing";
    } else r.action = "create";
  }
  for (const r of rows) {
    if (r.errors.length) r.action = "invalid";
    counts[r.action]++;
  }
  const token = sha256(JSON.stringify({ fileHash, mapping, rows }));
  return { missing, rows, counts, token };
}

function loadParagraphs(db: Db, keys: { bodyId: string; year: number; number: number }[]) {
  return db.paragraph.findMany({
    where: { OR: keys },
    select: {
      id: true,
      bodyId: true,
      year: true,
      number: true,
      dnr: true,
      meeting: { select: { date: true } },
      uppdrag: { select: { id: true, title: true, status: true, version: true, bodyId: true, units: { select: { unitId: true } } }, orderBy: { createdAt: "asc" } },
    },
  });
}
