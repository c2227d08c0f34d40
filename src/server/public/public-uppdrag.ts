// What the open public view shows (docs/decisions/007-public-view.md): the
// municipality's uppdrag that are not kept out (publiclyHidden), with the
// decision, status, responsible units, deadline and planned completion.
// Status comments only when the municipality shows them; the named responsible
// official only when it shows names; never a user account's name or e-mail,
// audit data, corrections or internal notes (a later decision's note). Every
// query goes through the database confined to the municipality (ScopedClient)
// and every select below is an allow-list: a new column is not public until
// it is named here.
import type { Prisma } from "@/generated/prisma/client";
import type { UppdragStatus } from "@/generated/prisma/enums";
import type { ScopedClient } from "@/server/db/scoped";
import type { PublicView } from "@/server/entry/public-view";
import { NotFoundError } from "@/server/permissions";
import { OPEN_STATUSES, STATUSES } from "@/lib/status";
import { dnrKey } from "@/lib/dnr";
import { prefixTsQuery } from "@/lib/search";
import { compareSv } from "@/lib/dates";
import { z } from "@/lib/validation/zod";

export const PUBLIC_PAGE_SIZE = 20;
/** The most search hits ranked. */
const MAX_SEARCH_HITS = 2000;

/** The list's filters, from the query string; anything unknown is ignored rather than refused. */
export const publicListSchema = z.object({
  q: z
    .string()
    .trim()
    .max(200)
    .optional()
    .catch(undefined)
    .transform((s) => s || undefined),
  /** "oppna" (not closed), a status, or nothing (all). */
  status: z
    .union([z.enum(STATUSES), z.literal("oppna")])
    .optional()
    .catch(undefined),
  organ: z.uuid().optional().catch(undefined),
  sida: z.coerce.number().int().min(1).max(10_000).optional().catch(undefined),
});
export type PublicListFilters = z.output<typeof publicListSchema>;

const visible = { publiclyHidden: false } satisfies Prisma.UppdragWhereInput;

const rowSelect = {
  id: true,
  title: true,
  status: true,
  statusComment: true,
  decidedOn: true,
  deadline: true,
  plannedCompletion: true,
  unitNames: true,
  body: { select: { shortName: true } },
  paragraph: { select: { number: true, dnr: true } },
} satisfies Prisma.UppdragSelect;

export interface PublicListRow {
  id: string;
  title: string;
  status: UppdragStatus;
  /** Null unless the municipality shows comments. */
  comment: string | null;
  decidedOn: Date;
  deadline: Date | null;
  plannedCompletion: Date | null;
  units: string;
  decision: string;
  dnr: string | null;
}

/**
 * Ranked Swedish full-text search over what the view shows: title, text, the
 * paragraph's title and decision, the Dnr, and the latest comment only when
 * comments are shown. Not the stored search document, which holds every
 * comment: a hit on a hidden comment's words would reveal it.
 */
async function searchPublic(db: ScopedClient, view: PublicView, q: string): Promise<Map<string, number>> {
  const ranks = new Map<string, number>();
  const key = dnrKey(q);
  const tsq = prefixTsQuery(q);
  const comments = view.showComments;
  const [dnrHits, textHits] = await Promise.all([
    key && /\d/.test(key)
      ? db.$queryRaw<{ id: string; exact: boolean }[]>`
          SELECT u.id, (p."dnrKey" = ${key}) AS exact FROM "Paragraph" p JOIN "Uppdrag" u ON u."paragraphId" = p.id
          WHERE p."municipalityId" = ${view.municipalityId}::uuid AND u."municipalityId" = ${view.municipalityId}::uuid
            AND NOT u."publiclyHidden" AND p."dnrKey" LIKE ${key.replace(/[%_\\]/g, "\\$&") + "%"}
          LIMIT ${MAX_SEARCH_HITS}`
      : [],
    tsq
      ? db.$queryRaw<{ id: string; rank: number }[]>`
          SELECT u.id, ts_rank(d.doc, query) AS rank
          FROM "Uppdrag" u JOIN "Paragraph" p ON p.id = u."paragraphId"
          CROSS JOIN LATERAL (SELECT to_tsvector('swedish',
            u.title || ' ' || u.text || ' ' || p.title || ' ' || p.decision || ' ' || coalesce(p.dnr, '') || ' ' ||
            CASE WHEN ${comments} THEN coalesce(u."statusComment", '') ELSE '' END) AS doc) d,
          to_tsquery('swedish', ${tsq}) query
          WHERE u."municipalityId" = ${view.municipalityId}::uuid AND NOT u."publiclyHidden" AND d.doc @@ query
          ORDER BY rank DESC LIMIT ${MAX_SEARCH_HITS}`
      : [],
  ]);
  for (const h of dnrHits) ranks.set(h.id, h.exact ? 100 : 50);
  for (const h of textHits) if (!ranks.has(h.id)) ranks.set(h.id, Number(h.rank));
  return ranks;
}

function whereOf(f: Partial<PublicListFilters>, searchIds?: string[]): Prisma.UppdragWhereInput {
  const and: Prisma.UppdragWhereInput[] = [visible];
  if (f.status === "oppna") and.push({ status: { in: [...OPEN_STATUSES] } });
  else if (f.status) and.push({ status: f.status });
  if (f.organ) and.push({ bodyId: f.organ });
  if (searchIds) and.push({ id: { in: searchIds } });
  return { AND: and };
}

function toRow(u: Prisma.UppdragGetPayload<{ select: typeof rowSelect }>, view: PublicView): PublicListRow {
  return {
    id: u.id,
    title: u.title,
    status: u.status,
    comment: view.showComments ? u.statusComment : null,
    decidedOn: u.decidedOn,
    deadline: u.deadline,
    plannedCompletion: u.plannedCompletion,
    units: u.unitNames,
    decision: `${u.body.shortName} § ${u.paragraph.number}`,
    dnr: u.paragraph.dnr,
  };
}

/** One page of the municipality's public list: newest decision first, or by relevance when searching. */
export async function listPublicUppdrag(db: ScopedClient, view: PublicView, f: Partial<PublicListFilters>) {
  const ranks = f.q ? await searchPublic(db, view, f.q) : undefined;
  const where = whereOf(f, ranks ? [...ranks.keys()] : undefined);
  const page = f.sida ?? 1;
  let rows: Prisma.UppdragGetPayload<{ select: typeof rowSelect }>[];
  let total: number;
  if (ranks) {
    const ids = (await db.uppdrag.findMany({ where, select: { id: true } })).map((r) => r.id);
    ids.sort((a, b) => ranks.get(b)! - ranks.get(a)! || a.localeCompare(b));
    total = ids.length;
    const pageIds = ids.slice((page - 1) * PUBLIC_PAGE_SIZE, page * PUBLIC_PAGE_SIZE);
    const loaded = new Map((await db.uppdrag.findMany({ where: { id: { in: pageIds } }, select: rowSelect })).map((r) => [r.id, r]));
    rows = pageIds.map((id) => loaded.get(id)!).filter(Boolean);
  } else {
    [rows, total] = await Promise.all([
      db.uppdrag.findMany({
        where,
        select: rowSelect,
        orderBy: [{ decidedOn: "desc" }, { paragraph: { number: "desc" } }, { id: "asc" }],
        skip: (page - 1) * PUBLIC_PAGE_SIZE,
        take: PUBLIC_PAGE_SIZE,
      }),
      db.uppdrag.count({ where }),
    ]);
  }
  return { rows: rows.map((r) => toRow(r, view)), total, page, pageCount: Math.max(1, Math.ceil(total / PUBLIC_PAGE_SIZE)) };
}

/** The bodies that gave a public uppdrag, for the filter. */
export async function publicBodies(db: ScopedClient) {
  const bodies = await db.body.findMany({ where: { uppdrag: { some: visible } }, select: { id: true, name: true, shortName: true } });
  return bodies.sort((a, b) => compareSv(a.name, b.name));
}

const detailSelect = {
  id: true,
  title: true,
  text: true,
  status: true,
  statusComment: true,
  decidedOn: true,
  deadline: true,
  plannedCompletion: true,
  responsiblePerson: true,
  statusChangedAt: true,
  body: { select: { name: true, shortName: true } },
  paragraph: {
    select: { number: true, dnr: true, title: true, decision: true, meeting: { select: { date: true, place: true, protocolState: true } } },
  },
  units: { select: { unit: { select: { name: true } } } },
  // The history without its author: a user account's name is never public.
  history: {
    select: { id: true, status: true, comment: true, plannedCompletion: true, at: true, reportedAtMeeting: { select: { date: true, body: { select: { shortName: true } } } } },
    orderBy: [{ at: "desc" }, { id: "desc" }],
  },
  // Later decisions without the note written on the link (an internal note).
  links: {
    select: {
      id: true,
      kind: true,
      paragraph: { select: { number: true, dnr: true, title: true, decision: true, body: { select: { shortName: true, name: true } }, meeting: { select: { date: true } } } },
    },
  },
} satisfies Prisma.UppdragSelect;

/** One public uppdrag with what the view shows; NotFoundError when it is hidden, another municipality's or not there. */
export async function getPublicUppdrag(db: ScopedClient, view: PublicView, id: string) {
  if (!z.uuid().safeParse(id).success) throw new NotFoundError("uppdrag");
  const u = await db.uppdrag.findFirst({ where: { id, ...visible }, select: detailSelect });
  if (!u) throw new NotFoundError("uppdrag");
  u.links.sort((a, b) => a.paragraph.meeting.date.getTime() - b.paragraph.meeting.date.getTime());
  return {
    ...u,
    statusComment: view.showComments ? u.statusComment : null,
    responsiblePerson: view.showNames ? u.responsiblePerson : null,
    history: u.history.map((h) => ({ ...h, comment: view.showComments ? h.comment : null })),
    units: u.units.map((x) => x.unit.name).sort(compareSv),
  };
}
export type PublicUppdrag = Awaited<ReturnType<typeof getPublicUppdrag>>;
