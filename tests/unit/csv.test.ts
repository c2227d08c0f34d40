import { describe, expect, it } from "vitest";
import { CSV_BOM, csvField, toCsv } from "@/lib/csv";

describe("CSV for Swedish Excel", () => {
  it("starts with a BOM, separates with semicolons, ends lines with CRLF and quotes every field", () => {
    expect(toCsv(["Namn", "Antal"], [["Åsa Öberg", 3]])).toBe(`${CSV_BOM}"Namn";"Antal"\r\n"Åsa Öberg";"3"\r\n`);
  });

  it("doubles quotes and keeps semicolons and line breaks inside the field", () => {
    expect(csvField('Sa "nej"; sedan\nja')).toBe('"Sa ""nej""; sedan\nja"');
  });

  it("defuses what a spreadsheet would run as a formula", () => {
    for (const s of ["=HYPERLINK(\"http://x\")", "+46", "-1+1", "@SUM(A1)", "\tx", "\rx"]) expect(csvField(s).startsWith(`"'`)).toBe(true);
    expect(csvField("Vanlig text")).toBe('"Vanlig text"');
    expect(csvField(null)).toBe('""');
  });
});
