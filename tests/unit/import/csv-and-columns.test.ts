import { describe, expect, it } from "vitest";
import { csvField, decodeText, guessSeparator, parseCsv, CsvError } from "@/lib/import/csv";
import { parseParagraphNumber, parseStatus, parseSwedishDate, protectCell, suggestMapping, unprotectCell } from "@/lib/import/columns";
import { formatIsoDate } from "@/lib/dates";

describe("CSV", () => {
  it("reads Swedish Excel's semicolon CSV in Windows-1252", () => {
    const bytes = Uint8Array.from(Buffer.from("Organ/Nämnd;Kommentar\r\nKS;Försenad på grund av höst\r\n", "latin1"));
    const { text, encoding } = decodeText(bytes);
    expect(encoding).toBe("windows-1252");
    expect(guessSeparator(text)).toBe(";");
    expect(parseCsv(text)).toEqual([
      { line: 1, cells: ["Organ/Nämnd", "Kommentar"] },
      { line: 2, cells: ["KS", "Försenad på grund av höst"] },
    ]);
  });

  it("reads UTF-8 with BOM and commas, quoted separators, doubled quotes and line breaks", () => {
    const text = '\uFEFFDnr,Uppdrag,Kommentar\n"KS 2024/1","Utreda ""Norrby"", förskolor","rad ett\nrad två"\nKS 2024/2,Plan,\n';
    const { encoding } = decodeText(new TextEncoder().encode(text));
    expect(encoding).toBe("utf-8");
    expect(guessSeparator(text.slice(1))).toBe(",");
    const rows = parseCsv(text);
    expect(rows).toEqual([
      { line: 1, cells: ["Dnr", "Uppdrag", "Kommentar"] },
      { line: 2, cells: ["KS 2024/1", 'Utreda "Norrby", förskolor', "rad ett\nrad två"] },
      { line: 4, cells: ["KS 2024/2", "Plan", ""] },
    ]);
  });

  it("skips blank lines and refuses an unterminated quote with its line", () => {
    expect(parseCsv("a;b\n\n1;2").map((r) => r.line)).toEqual([1, 3]);
    expect(() => parseCsv('a;b\n1;"öppen\n2;3')).toThrow(CsvError);
    expect(() => parseCsv('a;b\n1;"öppen\n2;3')).toThrow(/rad 2/);
  });

  it("writes fields that survive the round trip", () => {
    const cells = ["enkel", "med; semikolon", 'med "citat"', "två\nrader"];
    const line = cells.map((c) => csvField(c, ";")).join(";");
    expect(parseCsv(line, ";")[0].cells).toEqual(cells);
  });
});

describe("columns", () => {
  it("suggests the mapping from the Swedish headers secretaries use", () => {
    const headers = ["Beslutsdatum", "Organ/Nämnd", "§", "Dnr", "Uppdrag/Ärende", "Ansvarig", "Status", "Kommentar", "Planerat klart", "Övrigt"];
    expect(suggestMapping(headers)).toEqual({
      decidedOn: 0,
      body: 1,
      paragraph: 2,
      dnr: 3,
      title: 4,
      units: 5,
      status: 6,
      comment: 7,
      plannedCompletion: 8,
    });
    expect(suggestMapping(["Datum", "Nämnd", "Paragraf", "Diarienummer", "Ärende", "Ansvarig enhet", "Handläggare", "Status 2024-06-01"])).toEqual({
      decidedOn: 0,
      body: 1,
      paragraph: 2,
      dnr: 3,
      title: 4,
      units: 5,
      responsiblePerson: 6,
      status: 7,
    });
  });

  it("reads dates as lists write them", () => {
    for (const s of ["2024-03-11", "2024-03-11 00:00", "20240311", "11/3/2024", "11.03.2024", "11 mars 2024", "2024/3/11"]) {
      expect(formatIsoDate(parseSwedishDate(s)), s).toBe("2024-03-11");
    }
    for (const s of ["2024-13-01", "31/2/2024", "snart", "11 mors 2024", ""]) expect(parseSwedishDate(s), s).toBeNull();
  });

  it("reads statuses in their common Swedish forms", () => {
    expect(parseStatus("Ej påbörjad")).toBe("NOT_STARTED");
    expect(parseStatus("Inte inlett")).toBe("NOT_STARTED");
    expect(parseStatus("pågår")).toBe("IN_PROGRESS");
    expect(parseStatus("Påbörjat")).toBe("IN_PROGRESS");
    expect(parseStatus("Försenad")).toBe("DELAYED");
    expect(parseStatus("Vilande (senarelagd)")).toBe("ON_HOLD");
    expect(parseStatus("Klart")).toBe("COMPLETED");
    expect(parseStatus("Verkställd")).toBe("COMPLETED");
    expect(parseStatus("Genomförs ej")).toBe("NOT_CARRIED_OUT");
    expect(parseStatus("Kanske")).toBeNull();
  });

  it("reads paragraph numbers", () => {
    expect(parseParagraphNumber("34")).toBe(34);
    expect(parseParagraphNumber("§ 34")).toBe(34);
    expect(parseParagraphNumber("34,0")).toBe(34);
    expect(parseParagraphNumber("34a")).toBeNull();
    expect(parseParagraphNumber("0")).toBeNull();
  });

  it("keeps spreadsheet formulas out of exported text and restores the text on import", () => {
    expect(protectCell("=HYPERLINK(\"x\")")).toBe("'=HYPERLINK(\"x\")");
    expect(protectCell("Vanlig text")).toBe("Vanlig text");
    expect(unprotectCell(protectCell("-5 dagar"))).toBe("-5 dagar");
    expect(unprotectCell("'citat")).toBe("'citat");
  });
});
