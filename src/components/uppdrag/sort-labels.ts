import type { SortKey } from "@/lib/validation/uppdrag";

/** The list's sort keys in Swedish, in the order the form offers them (shared by the page, a server component, and the filter form, a client one). */
export const SORT_LABEL: Record<SortKey, string> = {
  beslut: "Beslutsdatum",
  titel: "Uppdrag",
  organ: "Organ",
  enhet: "Ansvarig enhet",
  status: "Status",
  klart: "Klart senast",
  andrad: "Senast ändrad",
  relevans: "Bäst träff",
};
