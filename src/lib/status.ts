// Status of an uppdrag: Swedish labels and the rules that hold for every change.
import type { UppdragStatus, LinkKind, BodyKind, Role } from "@/generated/prisma/enums";

export const STATUSES = [
  "NOT_STARTED",
  "IN_PROGRESS",
  "DELAYED",
  "ON_HOLD",
  "COMPLETED",
  "NOT_CARRIED_OUT",
] as const satisfies readonly UppdragStatus[];

export const STATUS_LABEL: Record<UppdragStatus, string> = {
  NOT_STARTED: "Ej påbörjad",
  IN_PROGRESS: "Pågår",
  DELAYED: "Försenad",
  ON_HOLD: "Vilande (senarelagd)",
  COMPLETED: "Verkställd",
  NOT_CARRIED_OUT: "Genomförs ej",
};

/** Statuses that end an uppdrag: hidden from the open list by default. */
export const CLOSED_STATUSES: readonly UppdragStatus[] = ["COMPLETED", "NOT_CARRIED_OUT"];
export const OPEN_STATUSES: readonly UppdragStatus[] = STATUSES.filter((s) => !CLOSED_STATUSES.includes(s));

/** A change to these needs a reason (why it is late, postponed or dropped). */
export const STATUSES_REQUIRING_COMMENT: readonly UppdragStatus[] = ["DELAYED", "ON_HOLD", "NOT_CARRIED_OUT"];

/**
 * The comment that stands after a status entry: its own, or, when it has none
 * and the status is unchanged (only a new date, say), the one before it, so the
 * reason for a delay is not lost from lists and reports. A new status without a
 * comment has none: the old reason would no longer be true. The history keeps
 * each entry exactly as written.
 */
export function standingComment(
  entry: { status: UppdragStatus; comment: string | null | undefined },
  before: { status: UppdragStatus; comment: string | null | undefined },
): string | null {
  if (entry.comment) return entry.comment;
  return entry.status === before.status ? (before.comment ?? null) : null;
}

export function isClosed(status: UppdragStatus): boolean {
  return CLOSED_STATUSES.includes(status);
}

/** Overdue: still open and past its deadline (or planned completion when no deadline). */
export function isOverdue(
  u: { status: UppdragStatus; deadline: Date | null; plannedCompletion: Date | null },
  today: Date,
): boolean {
  if (isClosed(u.status)) return false;
  const due = u.deadline ?? u.plannedCompletion;
  if (!due) return false;
  return due.getTime() < Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate());
}

export const LINK_KIND_LABEL: Record<LinkKind, string> = {
  POSTPONED: "Senarelagt",
  CHANGED: "Ändrat",
  CANCELLED: "Upphävt / genomförs ej",
  REPORTED: "Återrapporterat",
  COMPLETED: "Verkställt",
};

/** The status a later decision of each kind usually leads to; null keeps the current one. */
export const LINK_KIND_STATUS: Record<LinkKind, UppdragStatus | null> = {
  POSTPONED: "ON_HOLD",
  CHANGED: null,
  CANCELLED: "NOT_CARRIED_OUT",
  REPORTED: "COMPLETED",
  COMPLETED: "COMPLETED",
};

export const BODY_KIND_LABEL: Record<BodyKind, string> = {
  FULLMAKTIGE: "Fullmäktige",
  STYRELSE: "Styrelse",
  UTSKOTT: "Utskott",
  NAMND: "Nämnd",
};

export const ROLE_LABEL: Record<Role, string> = {
  LEDAMOT: "Ledamot",
  SEKRETERARE: "Sekreterare",
  HANDLAGGARE: "Handläggare",
  ADMINISTRATOR: "Administratör",
};
