// What an audit event recorded, in a line an administrator can read: Swedish
// names for the fields, Swedish words for codes (statuses, roles, kinds), dates
// as dates, and without what only the system reads (ids, versions, timestamps
// of the row itself). The CSV export keeps the raw JSON for anyone who needs it.
import { BODY_KIND_LABEL, LINK_KIND_LABEL, ROLE_LABEL, STATUS_LABEL } from "./status";
import { UNIT_KIND_LABEL } from "./unit-kind";
import { formatDateTime } from "./dates";

const FIELD_LABEL: Record<string, string> = {
  title: "Rubrik",
  text: "Text",
  status: "Status",
  comment: "Kommentar",
  plannedCompletion: "Planerat klart",
  deadline: "Klart senast",
  responsiblePerson: "Ansvarig person",
  date: "Datum",
  place: "Plats",
  startTime: "Början",
  endTime: "Slut",
  dnr: "Dnr",
  number: "§",
  decision: "Beslut",
  sentTo: "Skickas till",
  name: "Namn",
  shortName: "Förkortning",
  email: "E-post",
  role: "Roll",
  kind: "Typ",
  active: "Aktiv",
  issuer: "Inloggningstjänst",
  reason: "Skäl",
  permission: "Behörighet",
  year: "År",
  asOf: "Per",
  goals: "Mål",
  activities: "Aktiviteter",
  indicators: "Nyckeltal",
  note: "Anteckning",
  value: "Värde",
  noNewData: "Inga nya uppgifter",
  closedAt: "Stängd",
  closed: "Stängda",
  closedCount: "Stängda",
  open: "Öppna",
  rows: "Rader",
  total: "Totalt",
  bytes: "Storlek (byte)",
  format: "Format",
  bodyNames: "Organ",
  bodies: "Organ",
  sessionsEnded: "Avslutade inloggningar",
  otherSessionsEnded: "Andra avslutade inloggningar",
  waitSeconds: "Väntetid (s)",
  method: "Sätt",
  type: "Typ",
  previous: "Före",
  diariumUrlPattern: "Länk till diariet",
  // The list's filters, as an export records them.
  filters: "Filter",
  q: "Sökning",
  overdue: "Bara försenade mot datum",
  showClosed: "Även verkställda och avslutade",
  changed: "Ändrade sedan",
  sort: "Sortering",
  dir: "Ordning",
  body: "Organ",
  unit: "Enhet",
  page: "Sida",
};

/** Fields only the system reads: ids, row versions and the row's own timestamps. */
const HIDDEN = /(^id$|Ids?$|^version$|^(createdAt|updatedAt|updatedById|createdById|passwordHash|searchDocument|titleSortKey|unitSortKey|dnrKey)$)/;

const REASON_LABEL: Record<string, string> = { forbidden: "saknar behörighet", "not-found": "finns inte", "foreign-origin": "begäran från en annan webbplats" };
/** Fields that hold a code, and the Swedish words for that field's codes (a link's COMPLETED is not a status's). */
const KIND_LABEL: Record<string, string> = { ...BODY_KIND_LABEL, ...UNIT_KIND_LABEL, ...LINK_KIND_LABEL };
const CODE_LABELS: Record<string, Record<string, string>> = {
  status: STATUS_LABEL,
  role: ROLE_LABEL,
  kind: KIND_LABEL,
  type: KIND_LABEL,
  previous: { ...STATUS_LABEL, ...ROLE_LABEL },
  dir: { asc: "stigande", desc: "fallande" },
  sort: {
    beslut: "beslutsdatum",
    titel: "uppdrag",
    organ: "organ",
    enhet: "ansvarig enhet",
    status: "status",
    klart: "klart senast",
    andrad: "senast ändrad",
    relevans: "bäst träff",
  },
};

/** A filter that holds a record's id: what to say instead of the id. */
const CHOSEN_RECORD: Record<string, string> = { body: "ett valt organ", unit: "en vald enhet" };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const SHA256 = /^[0-9a-f]{64}$/i;

/**
 * What the log shows under a record's type: nothing for a record's id (a
 * link or the type says enough; the CSV keeps the id), Swedish words for the
 * codes some events record instead of an id, the address for a refused request.
 */
export function auditRecordNote(entity: string, entityId: string): string | null {
  if (!entityId || UUID.test(entityId)) return null;
  if (entity === "Uppdrag" && entityId === "list") return "Hela listan (med filtret nedan)";
  if (SHA256.test(entityId)) return `Filens kontrollsumma ${entityId.slice(0, 12)}…`;
  return entityId;
}

const CALENDAR_DATE = /^(\d{4}-\d{2}-\d{2})T00:00:00(\.000)?Z$/;
const MOMENT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

function describeValue(key: string, x: unknown): string {
  if (typeof x === "boolean") return x ? "ja" : "nej";
  if (typeof x === "number") return String(x);
  if (typeof x === "string") {
    if (key === "reason") return REASON_LABEL[x] ?? x;
    if (CHOSEN_RECORD[key] && UUID.test(x)) return CHOSEN_RECORD[key];
    const day = CALENDAR_DATE.exec(x);
    if (day) return day[1];
    if (MOMENT.test(x)) return formatDateTime(new Date(x));
    return CODE_LABELS[key]?.[x] ?? x;
  }
  if (Array.isArray(x)) return x.map((v) => describeValue(key, v)).join(", ");
  if (x && typeof x === "object") return auditDetails(x, Infinity);
  return String(x);
}

/** "Status: Försenad · Kommentar: Väntar på underlag · Planerat klart: 2027-03-31", cut to `max` characters. */
export function auditDetails(value: unknown, max = 300): string {
  if (!value || typeof value !== "object" || Array.isArray(value)) return "";
  const line = Object.entries(value as Record<string, unknown>)
    // A bare id says nothing to a reader: left out like the id fields, except a filter's body or unit, which is said to be chosen.
    .filter(([k, x]) => x !== null && x !== undefined && x !== "" && !HIDDEN.test(k) && !(typeof x === "string" && UUID.test(x) && !CHOSEN_RECORD[k]))
    .map(([k, x]) => `${FIELD_LABEL[k] ?? k}: ${describeValue(k, x)}`)
    .join(" · ");
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}
