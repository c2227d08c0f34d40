import { describe, expect, it } from "vitest";
import { auditDetails, auditRecordNote } from "@/lib/audit-details";

describe("an audit event's details in Swedish", () => {
  it("names the fields and the codes in Swedish, shows calendar dates as dates and leaves out ids and versions", () => {
    const after = {
      status: "DELAYED",
      comment: "Underlag från Trafikverket dröjer",
      version: 3,
      statusEntryId: "1d03d3de-1f1d-47af-9ddf-c7ce10393aae",
      plannedCompletion: "2023-09-03T00:00:00.000Z",
      reportedAtMeetingId: null,
    };
    expect(auditDetails(after)).toBe("Status: Försenad · Kommentar: Underlag från Trafikverket dröjer · Planerat klart: 2023-09-03");
  });

  it("shows a moment in Swedish time, roles and kinds in words, truth values as ja/nej, and no id lists", () => {
    expect(auditDetails({ role: "SEKRETERARE", issuer: "https://idp.kommun.se", active: false })).toBe("Roll: Sekreterare · Inloggningstjänst: https://idp.kommun.se · Aktiv: nej");
    expect(auditDetails({ version: 2, closedAt: "2026-12-04T21:10:07.386Z" })).toBe("Stängd: 4 dec. 2026 22:10");
    expect(auditDetails({ title: "Genomföra trygghetsvandringar", unitIds: ["4c2fe2fc-2703-4882-8a24-b568e30ad122"], deadline: "2026-10-30T00:00:00.000Z" })).toBe(
      "Rubrik: Genomföra trygghetsvandringar · Klart senast: 2026-10-30",
    );
    expect(auditDetails({ reason: "forbidden", permission: "report:produce" })).toBe("Skäl: saknar behörighet · Behörighet: report:produce");
    // Codes by field: a status's COMPLETED is "Verkställd", a later decision's kind COMPLETED is "Verkställt".
    expect(auditDetails({ status: "COMPLETED", kind: "COMPLETED" })).toBe("Status: Verkställd · Typ: Verkställt");
    // An export records the list's filters: named as the filter form names them.
    expect(auditDetails({ rows: 64, filters: { overdue: false, showClosed: true, q: "skola" } })).toBe(
      "Rader: 64 · Filter: Bara försenade mot datum: nej · Även verkställda och avslutade: ja · Sökning: skola",
    );
  });

  it("keeps a free text that looks like a code as it is, and cuts a long line", () => {
    expect(auditDetails({ place: "DELAYED" })).toBe("Plats: DELAYED");
    const long = auditDetails({ comment: "x".repeat(400) });
    expect(long).toHaveLength(300);
    expect(long.endsWith("…")).toBe(true);
    expect(auditDetails(null)).toBe("");
    expect(auditDetails(["a"])).toBe("");
  });

  it("says what an export's filters were in Swedish, without ids or code words", () => {
    expect(
      auditDetails({ rows: 3, total: 3, filters: { body: "4c2fe2fc-2703-4882-8a24-b568e30ad122", unit: "1d03d3de-1f1d-47af-9ddf-c7ce10393aae", sort: "klart", dir: "desc", showClosed: true } }),
    ).toBe("Rader: 3 · Totalt: 3 · Filter: Organ: ett valt organ · Enhet: en vald enhet · Sortering: klart senast · Ordning: fallande · Även verkställda och avslutade: ja");
    // Any other bare id is left out, like the id fields.
    expect(auditDetails({ title: "Ny rubrik", paragraph: "4c2fe2fc-2703-4882-8a24-b568e30ad122" })).toBe("Rubrik: Ny rubrik");
  });

  it("shows no raw id and no English code word under a record's type", () => {
    expect(auditRecordNote("Uppdrag", "list")).toBe("Hela listan (med filtret nedan)");
    expect(auditRecordNote("Uppdrag", "4c2fe2fc-2703-4882-8a24-b568e30ad122")).toBeNull();
    expect(auditRecordNote("Body", "4C2FE2FC-2703-4882-8A24-B568E30AD122")).toBeNull();
    expect(auditRecordNote("ImportFile", "a".repeat(64))).toBe("Filens kontrollsumma aaaaaaaaaaaa…");
    expect(auditRecordNote("Route", "GET /rapporter/fil")).toBe("GET /rapporter/fil");
  });
});
