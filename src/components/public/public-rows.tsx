// The open list's rows, in the members' list's look (ul-* classes): a table on
// wide screens, cards below lg where each cell says what it is.
import Link from "next/link";
import type { PublicListRow } from "@/server/public/public-uppdrag";
import { StatusBadge } from "@/components/uppdrag/status-badge";
import { formatIsoDate } from "@/lib/dates";
import { isOverdue } from "@/lib/status";
import { LIST_COMMENT_MAX } from "@/lib/list-row";
import { shortenAtWord } from "@/lib/text";

export function PublicRows({ slug, rows }: { slug: string; rows: PublicListRow[] }) {
  const today = new Date();
  return (
    <table className="mt-3 block w-full border-collapse text-left lg:table lg:overflow-hidden lg:rounded-lg lg:border lg:border-slate-200 lg:bg-white">
      <caption className="sr-only">Uppdrag, senaste beslut först</caption>
      <thead className="hidden bg-slate-100 text-sm lg:table-header-group">
        <tr>
          <th scope="col" className="px-3 py-2">
            Beslut
          </th>
          <th scope="col" className="px-3 py-2">
            Uppdrag
          </th>
          <th scope="col" className="px-3 py-2">
            Ansvarig enhet
          </th>
          <th scope="col" className="px-3 py-2">
            Status
          </th>
          <th scope="col" className="px-3 py-2">
            Klart senast
          </th>
        </tr>
      </thead>
      <tbody className="block space-y-3 lg:table-row-group lg:space-y-0">
        {rows.map((u) => (
          <tr key={u.id} className="ul-row">
            <td className="ul-cell ul-meta">
              <span className="ul-sr">Beslut: </span>
              <span className="font-medium">{u.decision}</span>, {formatIsoDate(u.decidedOn)}
              <span className="ul-muted">
                {u.dnr && <span className="ul-sr">Dnr </span>}
                <span data-field="dnr">{u.dnr ?? "Dnr saknas"}</span>
              </span>
            </td>
            <td className="ul-cell">
              <Link prefetch={false} href={`/offentlig/${slug}/uppdrag/${u.id}`} className="ul-title">
                {u.title}
              </Link>
              {u.comment && (
                <span className="ul-comment">
                  <span className="sr-only">Senaste kommentar: </span>
                  {shortenAtWord(u.comment, LIST_COMMENT_MAX)}
                </span>
              )}
            </td>
            <td className="ul-cell ul-unit">
              <span className="ul-label">Ansvarig: </span>
              {u.units || "–"}
            </td>
            <td className="ul-cell ul-state">
              <span className="ul-sr">Status: </span>
              <StatusBadge status={u.status} />
              {isOverdue(u, today) && <span className="ul-flag">Försenad mot datum</span>}
            </td>
            <td className="ul-cell ul-due">
              <span className="ul-label">Klart senast: </span>
              {formatIsoDate(u.deadline ?? u.plannedCompletion)}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
