"use client";
// The list's rows. A client component with plain values as props: the server
// sends each row as a dozen strings rather than as its element tree, which
// measurably cuts the page's render time (docs/decisions/004-list-speed.md).
// It has no state or effects; it renders the same HTML on the server.
// Below lg the table is cards (display: block), which screen readers read as
// text without column headers: each cell then says what it is (ul-label
// visibly, ul-sr to screen readers only).
import Link from "next/link";
import type { ListRowView } from "@/lib/list-row";
import { StatusBadge } from "./status-badge";

function Row({ u }: { u: ListRowView }) {
  return (
    <tr className={u.changedForReader ? "ul-row ul-row-new" : "ul-row"}>
      <td className="ul-cell ul-meta">
        <span className="ul-sr">Beslut: </span>
        <span className="font-medium">{u.decision}</span>
        {`, ${u.decidedOn}`}
        <span className="ul-muted">
          {u.dnr && <span className="ul-sr">Dnr </span>}
          <span data-field="dnr">{u.dnr ?? "Dnr saknas"}</span>
        </span>
        <span className="ul-muted">{`${u.age} sedan`}</span>
      </td>
      <td className="ul-cell">
        {u.changedForReader && <span className="ul-new">Ändrad sedan ditt förra besök</span>}
        <Link href={`/uppdrag/${u.id}`} className="ul-title">
          {u.title}
        </Link>
        {u.comment && (
          <span className="ul-comment">
            <span className="sr-only">Senaste kommentar: </span>
            {u.comment}
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
        {u.overdue && <span className="ul-flag">Försenad mot datum</span>}
      </td>
      <td className="ul-cell ul-due">
        <span className="ul-label">Klart senast: </span>
        {u.due}
      </td>
    </tr>
  );
}

export function ListRows({ rows }: { rows: ListRowView[] }) {
  return (
    <tbody className="block space-y-3 lg:table-row-group lg:space-y-0">
      {rows.map((u) => (
        <Row key={u.id} u={u} />
      ))}
    </tbody>
  );
}
