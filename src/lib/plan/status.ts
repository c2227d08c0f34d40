// Nuläge of a plan activity and the roll-up of a plan, a goal or a commitment:
// how many activities are klart / pågår / ej inlett, and how the indicators
// stand against their önskat läge. Pure functions, shared by pages and reports.
import type { PlanActivityStatus } from "@/generated/prisma/enums";

export const ACTIVITY_STATUSES = ["NOT_STARTED", "STARTED", "IN_PROGRESS", "COMPLETED", "NOT_CARRIED_OUT"] as const satisfies readonly PlanActivityStatus[];

/** The words of seed 003 ("Ej inlett", "Påbörjat", "Pågår", "Klart") plus "Genomförs ej". */
export const ACTIVITY_STATUS_LABEL: Record<PlanActivityStatus, string> = {
  NOT_STARTED: "Ej inlett",
  STARTED: "Påbörjat",
  IN_PROGRESS: "Pågår",
  COMPLETED: "Klart",
  NOT_CARRIED_OUT: "Genomförs ej",
};

/** Words found in plans and spreadsheets, lower-cased, and the status they mean. */
const STATUS_WORDS: Record<string, PlanActivityStatus> = {
  "ej inlett": "NOT_STARTED",
  "inte inlett": "NOT_STARTED",
  "ej påbörjad": "NOT_STARTED",
  "ej påbörjat": "NOT_STARTED",
  "inte påbörjat": "NOT_STARTED",
  påbörjat: "STARTED",
  påbörjad: "STARTED",
  pågår: "IN_PROGRESS",
  klart: "COMPLETED",
  klar: "COMPLETED",
  genomförd: "COMPLETED",
  "genomförs ej": "NOT_CARRIED_OUT",
  "genomförs inte": "NOT_CARRIED_OUT",
};

/** Reads a status word as written ("pågår", "Inte inlett"); null when unknown. */
export function parseActivityStatus(text: string): PlanActivityStatus | null {
  return STATUS_WORDS[text.trim().toLowerCase().replace(/\s+/g, " ")] ?? null;
}

/** The three groups a member sees; "ej rapporterat" when the occasion has no nuläge yet. */
export type StatusGroup = "done" | "ongoing" | "notStarted" | "dropped" | "unreported";
export const STATUS_GROUP_LABEL: Record<StatusGroup, string> = {
  done: "Klart",
  ongoing: "Pågår",
  notStarted: "Ej inlett",
  dropped: "Genomförs ej",
  unreported: "Ej rapporterat",
};

export function statusGroup(s: PlanActivityStatus | null | undefined): StatusGroup {
  switch (s) {
    case "COMPLETED":
      return "done";
    case "STARTED":
    case "IN_PROGRESS":
      return "ongoing";
    case "NOT_STARTED":
      return "notStarted";
    case "NOT_CARRIED_OUT":
      return "dropped";
    default:
      return "unreported";
  }
}

// --- indicators -------------------------------------------------------------

/** How an indicator stands at an occasion, against its önskat läge. */
export type IndicatorOutcome = "reached" | "towards" | "notTowards" | "noNewData" | "unreported" | "unknown";
export const INDICATOR_OUTCOME_LABEL: Record<IndicatorOutcome, string> = {
  reached: "Önskat läge nått",
  towards: "På väg mot önskat läge",
  notTowards: "Inte närmare önskat läge",
  noNewData: "Inga nya data",
  unreported: "Ej rapporterat",
  unknown: "Kan inte bedömas",
};

/**
 * The first number in a value as written in Swedish: "26 602" → 26602,
 * "14,5%" → 14.5, "+7,2 mkr" → 7.2, "1,4 ha" → 1.4. Null when there is none
 * or when the text holds several numbers ("2% trakasserier, 3% diskriminering").
 */
export function parseSwedishNumber(text: string | null | undefined): number | null {
  if (!text) return null;
  const matches = text.replace(/\u00a0/g, " ").match(/[+\-−]?\d{1,3}(?:[ ]\d{3})+(?:,\d+)?|[+\-−]?\d+(?:,\d+)?/g);
  if (!matches || matches.length !== 1) return null;
  const n = Number(matches[0].replace(/[ ]/g, "").replace("−", "-").replace(",", "."));
  return Number.isFinite(n) ? n : null;
}

/** "Ökning" / "Minskning" as a target: the direction without a number. */
function targetDirection(target: string | null | undefined): 1 | -1 | null {
  const t = (target ?? "").trim().toLowerCase();
  if (/^(ökning|öka|högre|fler)\b/.test(t)) return 1;
  if (/^(minskning|minska|lägre|färre)\b/.test(t)) return -1;
  return null;
}

export interface IndicatorReading {
  baseline: string | null;
  target: string | null;
  value: string | null;
  noNewData: boolean;
}

/**
 * Numbers where they can be read: reached when the value is at or beyond the
 * target in the direction from the baseline; towards when it moved from the
 * baseline in that direction; otherwise not towards. "Ökning"/"Minskning"
 * compare the value with the baseline only.
 */
export function indicatorOutcome(r: IndicatorReading): IndicatorOutcome {
  if (r.noNewData) return "noNewData";
  if (r.value === null || r.value.trim() === "") return "unreported";
  const value = parseSwedishNumber(r.value);
  const baseline = parseSwedishNumber(r.baseline);
  const target = parseSwedishNumber(r.target);
  if (value === null) return "unknown";
  if (target !== null) {
    const dir = baseline !== null && baseline !== target ? Math.sign(target - baseline) : 1;
    if ((value - target) * dir >= 0) return "reached";
    if (baseline === null) return "unknown";
    return (value - baseline) * dir > 0 ? "towards" : "notTowards";
  }
  const dir = targetDirection(r.target);
  if (dir === null || baseline === null) return "unknown";
  return (value - baseline) * dir > 0 ? "towards" : "notTowards";
}

// --- roll-up ----------------------------------------------------------------

export interface Rollup {
  activities: Record<StatusGroup, number> & { total: number };
  indicators: Record<IndicatorOutcome, number> & { total: number };
}

export function emptyRollup(): Rollup {
  return {
    activities: { done: 0, ongoing: 0, notStarted: 0, dropped: 0, unreported: 0, total: 0 },
    indicators: { reached: 0, towards: 0, notTowards: 0, noNewData: 0, unreported: 0, unknown: 0, total: 0 },
  };
}

/** Counts the activity statuses and indicator outcomes of one level of the tree. */
export function rollup(activities: (PlanActivityStatus | null | undefined)[], indicators: IndicatorOutcome[]): Rollup {
  const r = emptyRollup();
  for (const a of activities) {
    r.activities[statusGroup(a)]++;
    r.activities.total++;
  }
  for (const i of indicators) {
    r.indicators[i]++;
    r.indicators.total++;
  }
  return r;
}

/** Adds roll-ups of the levels below (commitments → goal → plan). */
export function sumRollups(parts: Rollup[]): Rollup {
  const r = emptyRollup();
  for (const p of parts) {
    for (const k of Object.keys(r.activities) as (keyof Rollup["activities"])[]) r.activities[k] += p.activities[k];
    for (const k of Object.keys(r.indicators) as (keyof Rollup["indicators"])[]) r.indicators[k] += p.indicators[k];
  }
  return r;
}

/** "3 klart, 10 pågår, 2 ej inlett": the roll-up in words (groups with 0 left out). */
export function rollupSentence(r: Rollup): string {
  const parts = (["done", "ongoing", "notStarted", "dropped", "unreported"] as StatusGroup[])
    .filter((g) => r.activities[g] > 0)
    .map((g) => `${r.activities[g]} ${STATUS_GROUP_LABEL[g].toLowerCase()}`);
  return parts.length ? parts.join(", ") : "Inga aktiviteter";
}
