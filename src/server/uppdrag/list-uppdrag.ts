import type { Prisma } from "@/generated/prisma/client";
import type { UppdragStatus } from "@/generated/prisma/enums";
import type { ScopedClient } from "@/server/db/scoped";
import { requirePermission, type Actor } from "@/server/permissions";
import { OPEN_STATUSES } from "@/lib/status";
import { dnrKey } from "@/lib/dnr";
import { prefixTsQuery } from "@/lib/search";
import type { ListFilters, SortKey } from "@/lib/validation/uppdrag";
import { cachedForMunicipality } from "./municipality-cache";

export const PAGE_SIZE = 20;
/** From this many rows skipped, a page is found by its ids first (see listUppdrag). */
const DEEP_PAGE_ROWS = 100;
/** A visit this long after the previous one starts a new "since my last visit". */
const NEW_VISIT_AFTER_MS = 30 * 60_000;
/** The most search hits ranked; a member refines the search long before this. */
const MAX_SEARCH_HITS = 2000;

const listSelect = {
  id: true,
  title: true,
  status: true,
  statusComment: true,
  decidedOn: true,
  deadline: true,
  plannedCompletion: true,
  statusChangedAt: true,
  unitNames: true,
  body: { select: { id: true, shortName: true, name: true } },
  paragraph: { select: { number: true, dnr: true } },
} satisfies Prisma.UppdragSelect;

export type UppdragListRow = Prisma.UppdragGetPayload<{ select: typeof listSelect }> & {
  /** Changed since the reader's last visit and not opened since. */
  changedForReader: boolean;
};

const startOfDay = (d: Date) => new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));

export interface ListContext {
  today: Date;
  /** The unit filter with its sub-units. */
  unitIds?: string[];
  /** The reader's previous visit, for "changed since my last visit". */
  lastVisit?: Date | null;
  /** Ids found by the text search (already scoped). */
  searchIds?: string[];
}

export function listWhere(f: ListFilters, ctx: ListContext): Prisma.UppdragWhereInput {
  const and: Prisma.UppdragWhereInput[] = [];
  if (f.status?.length) and.push({ status: { in: f.status } });
  else if (!f.showClosed) and.push({ status: { in: [...OPEN_STATUSES] } });
  if (f.body) and.push({ bodyId: f.body });
  if (ctx.unitIds) and.push({ units: { some: { unitId: { in: ctx.unitIds } } } });
  if (f.year) and.push({ decidedOn: { gte: new Date(Date.UTC(f.year, 0, 1)), lt: new Date(Date.UTC(f.year + 1, 0, 1)) } });
  if (f.overdue) {
    const today = startOfDay(ctx.today);
    and.push({ status: { in: [...OPEN_STATUSES] } });
    and.push({ OR: [{ deadline: { lt: today } }, { deadline: null, plannedCompletion: { lt: today } }] });
  }
  if (f.changed) {
    const since = f.changed === "senaste-besok" ? ctx.lastVisit : new Date(`${f.changed}T00:00:00Z`);
    if (since) and.push({ statusChangedAt: { gt: since } });
  }
  if (ctx.searchIds) and.push({ id: { in: ctx.searchIds } });
  return and.length ? { AND: and } : {};
}

function orderBy(sort: SortKey, dir: "asc" | "desc"): Prisma.UppdragOrderByWithRelationInput[] {
  const tie: Prisma.UppdragOrderByWithRelationInput[] = [{ decidedOn: "desc" }, { id: "asc" }];
  switch (sort) {
    case "titel":
      return [{ titleSortKey: dir }, ...tie];
    case "organ":
      return [{ body: { name: dir } }, ...tie];
    case "enhet":
      return [{ unitSortKey: dir }, ...tie];
    case "status":
      return [{ status: dir }, ...tie];
    case "klart":
      return [{ deadline: { sort: dir, nulls: "last" } }, { plannedCompletion: { sort: dir, nulls: "last" } }, ...tie];
    case "andrad":
      return [{ statusChangedAt: dir }, { id: "asc" }];
    default:
      return [{ decidedOn: dir }, { paragraph: { number: dir } }, { id: "asc" }];
  }
}

/**
 * Ranked Swedish full-text search over title, text, decision, Dnr and comments
 * (the GIN index on Uppdrag.search), plus Dnr matches whatever the separators.
 * Raw SQL is not scoped by the scoped client: the municipality is in the WHERE.
 */
export async function searchUppdrag(
  db: ScopedClient,
  municipalityId: string,
  q: string,
  /** Only uppdrag with one of these statuses (all when absent). */
  statuses?: readonly UppdragStatus[],
): Promise<Map<string, number>> {
  const ranks = new Map<string, number>();
  const key = dnrKey(q);
  const tsq = prefixTsQuery(q);
  const only = statuses ? [...statuses] : null;
  // The two searches are independent: run them side by side.
  const [dnrHits, textHits] = await Promise.all([
    key && /\d/.test(key)
      ? // The paragraphs with the prefix first (their index), then each one's
        // uppdrag by paragraph (OFFSET 0 keeps the planner from flattening this
        // into a hash join that reads every uppdrag: 8 -> 3.5 ms for "KS 2023").
        db.$queryRaw<{ id: string; exact: boolean }[]>`
          SELECT u.id, (p."dnrKey" = ${key}) AS exact FROM "Paragraph" p
          CROSS JOIN LATERAL (
            SELECT id FROM "Uppdrag" WHERE "paragraphId" = p.id AND "municipalityId" = ${municipalityId}::uuid
              AND (${only}::text[] IS NULL OR status = ANY(${only}::text[]::"UppdragStatus"[]))
            OFFSET 0
          ) u
          WHERE p."municipalityId" = ${municipalityId}::uuid AND p."dnrKey" LIKE ${key.replace(/[%_\\]/g, "\\$&") + "%"}
          LIMIT ${MAX_SEARCH_HITS}`
      : [],
    tsq
      ? db.$queryRaw<{ id: string; rank: number }[]>`
          SELECT id, ts_rank(search, query) AS rank FROM "Uppdrag", to_tsquery('swedish', ${tsq}) query
          WHERE "municipalityId" = ${municipalityId}::uuid AND search @@ query
            AND (${only}::text[] IS NULL OR status = ANY(${only}::text[]::"UppdragStatus"[]))
          ORDER BY rank DESC LIMIT ${MAX_SEARCH_HITS}`
      : [],
  ]);
  for (const h of dnrHits) ranks.set(h.id, h.exact ? 100 : 50); // a Dnr outranks any text hit
  for (const h of textHits) if (!ranks.has(h.id)) ranks.set(h.id, Number(h.rank));
  return ranks;
}

/** Descendants of a unit (and the unit), within the municipality. */
export async function unitWithChildren(db: ScopedClient, unitId: string): Promise<string[]> {
  const units = await db.unit.findMany({ select: { id: true, parentId: true } });
  const ids = new Set([unitId]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const u of units) {
      if (u.parentId && ids.has(u.parentId) && !ids.has(u.id)) {
        ids.add(u.id);
        grew = true;
      }
    }
  }
  return units.some((u) => u.id === unitId) ? [...ids] : [];
}

/** One page of the municipality's uppdrag with the list's filters, search and sort. */
export async function listUppdrag(
  db: ScopedClient,
  actor: Actor,
  f: ListFilters,
  /** lastVisit may still be loading: it is awaited only when the filter or the marks need it. */
  opts: { today?: Date; lastVisit?: Date | null | Promise<Date | null> } = {},
) {
  requirePermission(actor, "uppdrag:read");
  // The search applies the status filter itself; when that is the only filter,
  // its hits are the list and need no second pass through the filters.
  const statuses = f.status?.length ? f.status : f.showClosed ? undefined : OPEN_STATUSES;
  const onlyStatusFilter = !f.body && !f.unit && !f.year && !f.overdue && !f.changed;
  const ranks = f.q ? await searchUppdrag(db, actor.municipalityId, f.q, statuses) : undefined;
  const ctx: ListContext = {
    today: opts.today ?? new Date(),
    lastVisit: f.changed === "senaste-besok" ? await opts.lastVisit : undefined,
    unitIds: f.unit ? await unitWithChildren(db, f.unit) : undefined,
    searchIds: ranks ? [...ranks.keys()] : undefined,
  };
  const where = listWhere(f, ctx);
  const page = f.page ?? 1;
  const sort: SortKey = f.sort ?? (ranks ? "relevans" : "beslut");
  const dir = f.dir ?? (sort === "titel" || sort === "organ" || sort === "enhet" || sort === "klart" ? "asc" : "desc");

  // The reader's own view of each row comes in the same query (a join), for the marks below.
  const select = { ...listSelect, views: { where: { userId: actor.userId }, select: { seenAt: true } } } satisfies Prisma.UppdragSelect;
  type Row = Prisma.UppdragGetPayload<{ select: typeof select }>;
  /** The rows of these ids, in the ids' order. */
  const loadInOrder = async (ids: string[]): Promise<Row[]> => {
    const loaded = await db.uppdrag.findMany({ where: { id: { in: ids } }, select });
    const byId = new Map(loaded.map((r) => [r.id, r]));
    return ids.map((id) => byId.get(id)).filter((r): r is Row => !!r);
  };
  let rows: Row[];
  let total: number;
  if (sort === "relevans" && ranks) {
    // Rank order is not a column: order the (few) matching ids here, then load one page.
    const ids = onlyStatusFilter ? [...ranks.keys()] : (await db.uppdrag.findMany({ where, select: { id: true } })).map((r) => r.id);
    ids.sort((a, b) => ranks.get(b)! - ranks.get(a)! || a.localeCompare(b));
    total = ids.length;
    rows = await loadInOrder(ids.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE));
  } else {
    const skip = (page - 1) * PAGE_SIZE;
    // PostgreSQL joins a row's relations (body, paragraph, views) before it
    // skips the row: on a deep page the ids come first, then their rows
    // (page 40 of every uppdrag: 10 -> 2 ms in PostgreSQL).
    const pageRows =
      skip >= DEEP_PAGE_ROWS
        ? db.uppdrag.findMany({ where, select: { id: true }, orderBy: orderBy(sort, dir), skip, take: PAGE_SIZE }).then((r) => loadInOrder(r.map((x) => x.id)))
        : db.uppdrag.findMany({ where, select, orderBy: orderBy(sort, dir), skip, take: PAGE_SIZE });
    [rows, total] = await Promise.all([pageRows, db.uppdrag.count({ where })]);
  }

  // Which rows changed since the reader's last visit and have not been opened since.
  const lastVisit = await opts.lastVisit;
  const withMarks: UppdragListRow[] = rows.map(({ views, ...r }) => {
    const seenAt = views[0]?.seenAt;
    const changedForReader = !!lastVisit && r.statusChangedAt > lastVisit && !(seenAt && seenAt >= r.statusChangedAt);
    return { ...r, changedForReader };
  });
  return { rows: withMarks, total, page, pageCount: Math.max(1, Math.ceil(total / PAGE_SIZE)), sort, dir };
}

/**
 * Records that the reader opened the list; returns their previous visit, which
 * "changed since my last visit" compares with. A reload within half an hour is
 * the same visit.
 */
export async function recordListVisit(db: ScopedClient, actor: Actor, now = new Date()): Promise<Date | null> {
  const m = await db.membership.findFirst({ where: { userId: actor.userId }, select: { id: true, listVisitAt: true, previousListVisitAt: true } });
  if (!m) return null;
  if (m.listVisitAt && now.getTime() - m.listVisitAt.getTime() < NEW_VISIT_AFTER_MS) return m.previousListVisitAt;
  await db.membership.update({ where: { id: m.id }, data: { previousListVisitAt: m.listVisitAt, listVisitAt: now } });
  return m.listVisitAt;
}

/** Records that the reader opened an uppdrag: its change no longer stands out for them. */
export async function recordUppdragView(db: ScopedClient, actor: Actor, uppdragId: string, now = new Date()) {
  await db.uppdragView.upsert({
    where: { userId_uppdragId: { userId: actor.userId, uppdragId } },
    create: { userId: actor.userId, uppdragId, seenAt: now, municipalityId: actor.municipalityId },
    update: { seenAt: now },
  });
}

/** The bodies and units of the actor's municipality, for the filters. */
export async function listFilterOptions(db: ScopedClient, actor: Actor) {
  requirePermission(actor, "uppdrag:read");
  return cachedForMunicipality(actor.municipalityId, "filter-options", () => loadFilterOptions(db, actor));
}

async function loadFilterOptions(db: ScopedClient, actor: Actor) {
  const [bodies, units, years] = await Promise.all([
    db.body.findMany({ select: { id: true, name: true, shortName: true }, orderBy: { name: "asc" } }),
    db.unit.findMany({ select: { id: true, name: true, parentId: true }, orderBy: { name: "asc" } }),
    db.$queryRaw<{ year: number }[]>`
      SELECT DISTINCT EXTRACT(YEAR FROM "decidedOn")::int AS year FROM "Uppdrag"
      WHERE "municipalityId" = ${actor.municipalityId}::uuid ORDER BY year DESC`,
  ]);
  return { bodies, units, years: years.map((y) => Number(y.year)) };
}

/** Kept for callers that only need the bodies. */
export async function listBodies(db: ScopedClient, actor: Actor) {
  return (await listFilterOptions(db, actor)).bodies;
}
