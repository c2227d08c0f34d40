import type { UnitKind } from "@/generated/prisma/enums";

export const UNIT_KIND_LABEL: Record<UnitKind, string> = {
  FORVALTNING: "Förvaltning",
  KONTOR: "Kontor",
  AVDELNING: "Avdelning",
  ENHET: "Enhet",
};
