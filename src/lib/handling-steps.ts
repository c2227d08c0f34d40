// "Where in the handling is it": the steps an uppdrag passes, for the stepper
// on its page. Pure: derived from the current status, the history and the links.
import type { LinkKind, UppdragStatus } from "@/generated/prisma/enums";

export type StepState = "done" | "current" | "upcoming";
export interface Step {
  label: string;
  state: StepState;
}

export function handlingSteps(u: { status: UppdragStatus; history: { status: UppdragStatus }[]; links: { kind: LinkKind }[] }): Step[] {
  const everStarted = u.status !== "NOT_STARTED" || u.history.some((h) => h.status !== "NOT_STARTED");
  const reported = u.links.some((l) => l.kind === "REPORTED") || u.status === "COMPLETED";
  const state = (reached: boolean, isCurrent: boolean): StepState => (isCurrent ? "current" : reached ? "done" : "upcoming");

  const working =
    u.status === "ON_HOLD" ? "Vilande (senarelagd)" : u.status === "DELAYED" ? "Pågår – försenad" : "Pågår";
  const last = u.status === "NOT_CARRIED_OUT" ? "Genomförs ej" : "Verkställd";
  const closed = u.status === "COMPLETED" || u.status === "NOT_CARRIED_OUT";
  return [
    { label: "Beslutat", state: state(true, u.status === "NOT_STARTED") },
    { label: working, state: state(everStarted, !reported && !closed && u.status !== "NOT_STARTED") },
    { label: "Återrapporterat", state: state(reported, reported && !closed) },
    { label: last, state: state(closed, closed) },
  ];
}

/** The diarium link for a Dnr, when the municipality has configured a URL pattern with {dnr}. */
export function diariumUrl(pattern: string | null | undefined, dnr: string | null | undefined): string | null {
  if (!pattern || !dnr || !pattern.includes("{dnr}")) return null;
  const url = pattern.replaceAll("{dnr}", encodeURIComponent(dnr));
  return /^https?:\/\//.test(url) ? url : null;
}
