// One row of the members' list as the browser gets it: every text already
// formatted on the server (Swedish ages, calendar dates by their UTC parts), so
// the row component needs neither date-fns nor the time zone, and the page
// sends a dozen values per row instead of the row's element tree.
import type { UppdragStatus } from "@/generated/prisma/enums";
import { ageInDays, formatAge, formatIsoDate } from "./dates";
import { isOverdue } from "./status";
import { shortenAtWord } from "./text";

/** The latest comment is shown on one line; a long one need not travel whole (the uppdrag page has it). */
export const LIST_COMMENT_MAX = 140;

export interface ListRowView {
  id: string;
  /** "KS § 625" */
  decision: string;
  /** "2026-11-20" */
  decidedOn: string;
  dnr: string | null;
  /** "3 år 2 mån" since the decision. */
  age: string;
  title: string;
  /** The latest status comment, cut to a line. */
  comment: string | null;
  /** Responsible units, or "" when none. */
  units: string;
  status: UppdragStatus;
  overdue: boolean;
  /** Deadline, else planned completion: "2027-04-18" or "–". */
  due: string;
  /** Changed since the reader's last visit and not opened since. */
  changedForReader: boolean;
}

export interface ListRowSource {
  id: string;
  title: string;
  status: UppdragStatus;
  statusComment: string | null;
  decidedOn: Date;
  deadline: Date | null;
  plannedCompletion: Date | null;
  unitNames: string;
  body: { shortName: string };
  paragraph: { number: number; dnr: string | null };
  changedForReader: boolean;
}

export function listRowView(u: ListRowSource, today: Date): ListRowView {
  return {
    id: u.id,
    decision: `${u.body.shortName} § ${u.paragraph.number}`,
    decidedOn: formatIsoDate(u.decidedOn),
    dnr: u.paragraph.dnr,
    age: formatAge(ageInDays(u.decidedOn, today)),
    title: u.title,
    comment: u.statusComment ? shortenAtWord(u.statusComment, LIST_COMMENT_MAX) : null,
    units: u.unitNames,
    status: u.status,
    overdue: isOverdue(u, today),
    due: formatIsoDate(u.deadline ?? u.plannedCompletion),
    changedForReader: u.changedForReader,
  };
}
