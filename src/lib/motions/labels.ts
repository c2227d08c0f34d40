// Swedish words of the motion register: shared by the pages, the forms and the report.
import type { MotionKind, MotionOutcome, MotionState } from "@/generated/prisma/enums";

export const MOTION_KIND_LABEL: Record<MotionKind, string> = {
  MOTION: "Motion",
  MEDBORGARFORSLAG: "Medborgarförslag",
};

export const MOTION_STATE_LABEL: Record<MotionState, string> = {
  VACKT: "Väckt",
  REMITTERAD: "Remitterad",
  UNDER_BEREDNING: "Under beredning",
  BESVARAD: "Besvarad",
  AVSKRIVEN: "Avskriven",
};

export const MOTION_OUTCOME_LABEL: Record<MotionOutcome, string> = {
  BIFALLEN: "Bifallen",
  DELVIS_BIFALLEN: "Delvis bifallen",
  AVSLAGEN: "Avslagen",
  BESVARAD: "Anses besvarad",
};

export const MOTION_STATES = ["VACKT", "REMITTERAD", "UNDER_BEREDNING", "BESVARAD", "AVSKRIVEN"] as const satisfies readonly MotionState[];
export const MOTION_OUTCOMES = ["BIFALLEN", "DELVIS_BIFALLEN", "AVSLAGEN", "BESVARAD"] as const satisfies readonly MotionOutcome[];
export const MOTION_KINDS = ["MOTION", "MEDBORGARFORSLAG"] as const satisfies readonly MotionKind[];

/** "Besvarad – bifallen", "Under beredning". */
export const stateText = (state: MotionState, outcome?: MotionOutcome | null) =>
  state === "BESVARAD" && outcome ? `${MOTION_STATE_LABEL.BESVARAD} – ${MOTION_OUTCOME_LABEL[outcome].toLowerCase()}` : MOTION_STATE_LABEL[state];

export const ANONYMISED_LABEL = "Anonymiserad på begäran";

export interface Proposer {
  name: string | null;
  party?: string | null;
}

/** "Anna Ek (S), Bo Lind (M)"; an anonymised medborgarförslag: "Anonymiserad på begäran". */
export function proposersText(proposers: Proposer[], anonymised: boolean): string {
  if (anonymised) return ANONYMISED_LABEL;
  const names = proposers.filter((p) => p.name).map((p) => (p.party ? `${p.name} (${p.party})` : p.name!));
  return names.length ? names.join(", ") : "–";
}

/** The proposers as stored (Motion.proposers is JSON): anything unexpected reads as no one. */
export function readProposers(json: unknown): Proposer[] {
  if (!Array.isArray(json)) return [];
  return json
    .filter((p): p is Record<string, unknown> => !!p && typeof p === "object")
    .map((p) => ({ name: typeof p.name === "string" ? p.name : null, party: typeof p.party === "string" ? p.party : null }));
}

export const MOTION_REPORT_TITLE = "Obesvarade motioner och medborgarförslag";
