// The parser against the four real source documents (copies of ../shared/seeds in tests/fixtures/seeds).
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { findAssignments, parseProtocol, type ParsedParagraph } from "@/lib/protocol";

const SEEDS_DIR = path.resolve(import.meta.dirname, "../../fixtures/seeds");

function readSeed(prefix: string): string {
  const name = readdirSync(SEEDS_DIR).find((f) => f.startsWith(`${prefix}_`));
  if (!name) throw new Error(`Seed ${prefix} not found in ${SEEDS_DIR}`);
  return readFileSync(path.join(SEEDS_DIR, name), "utf8");
}

const FURNITURE = /Justerandes sign|Utdragsbestyrkande|Anslag\/bevis|_{3}/;

function expectNoFurniture(p: ParsedParagraph, body: string): void {
  for (const text of [p.title, p.decision, ...p.basis, ...p.sentTo]) {
    expect(text).not.toMatch(FURNITURE);
    expect(text.split("\n")).not.toContain(body);
  }
}

describe("seed location", () => {
  it("finds the four seeds beside the repository", () => {
    expect(existsSync(SEEDS_DIR)).toBe(true);
    expect(readdirSync(SEEDS_DIR).filter((f) => /^00[1-4]_/.test(f))).toHaveLength(4);
  });
});

describe("seed 001: Vimmerby KSAU 2020-02-25", () => {
  const result = parseProtocol(readSeed("001"));
  const byNumber = (n: number) => result.paragraphs.find((p) => p.number === n)!;

  it("reads the meeting from the first page", () => {
    expect(result.meeting).toEqual({
      body: "Kommunstyrelsens arbetsutskott",
      date: "2020-02-25",
      place: "Tunasalen",
      startTime: "13:00",
      endTime: "17:00",
      postedFrom: "2020-03-05",
      postedUntil: "2020-03-26",
    });
  });

  it("finds §§ 14, 15, 34, 35 once each, skipping the table of contents", () => {
    expect(result.paragraphs.map((p) => [p.number, p.dnr, p.title])).toEqual([
      [14, "2020/000003 004", "Val av protokolljusterare"],
      [15, "2020/000008 101", "Fastställande av dagordning"],
      [34, "2020/000053 000", "Uppföljning av uppdrag från KS och dess utskott"],
      [35, "2020/000018 101", "Inbjudningar"],
    ]);
  });

  it("takes the decision from under the arbetsutskott's decision heading", () => {
    expect(byNumber(14).decision).toBe(
      "Kommunstyrelsens arbetsutskott väljer Helen Nilsson (S) att jämte ordförande justera dagens protokoll.",
    );
    expect(byNumber(15).decision).toBe("Kommunstyrelsens arbetsutskott fastställer dagordningen.");
    // The decision ends at "Sammanfattning": the background is not part of it.
    expect(byNumber(34).decision).toBe(
      "Kommunstyrelsens arbetsutskott godkänner administrativa avdelningens förslag till plan/rutin för " +
        "uppföljningen av uppdrag givna av kommunstyrelsens utskott samt av kommunstyrelsen.",
    );
  });

  it("keeps the invitation table of § 35 in its decision", () => {
    const lines = byNumber(35).decision.split("\n");
    expect(lines[0]).toBe("Kommunstyrelsen beslutar följande med anledning av inkomna inbjudningar:");
    expect(lines).toHaveLength(7);
    expect(lines[2]).toBe("Piku: Nationella Välfärdskonferens, 5-6 mars, Malmö\tavstår");
    expect(lines[6]).toMatch(/^SKR: Budgetdagen 2020, 27 maj/);
    expect(byNumber(35).decision).not.toMatch(/Beslutsunderlag|Inkomna inbjudningar|Anmälan görs/);
  });

  it("reads beslutsunderlag and recipients of § 34", () => {
    expect(byNumber(34).basis).toEqual([
      "Tjänsteskrivelse - Uppföljning av uppdrag från KSAU och KS",
      "Protokollsutdrag 2020-01-21 § 11 Uppföljning av uppdrag från KSAU och KS",
    ]);
    expect(byNumber(34).sentTo).toEqual([
      "Kommunstyrelseförvaltningens avdelningar",
      "Utskottssekreterare",
      "Kommunstyrelsen och dess utskott för kännedom",
    ]);
  });

  it("stops the recipients of § 35 before the closing note", () => {
    expect(byNumber(35).basis).toEqual(["Inkomna inbjudningar"]);
    expect(byNumber(35).sentTo).toEqual(["Jacob Käll", "Helen Nilsson", "Liselott Frejd"]);
  });

  it("gives §§ 14 and 15 no basis and no recipients", () => {
    for (const n of [14, 15]) {
      expect(byNumber(n).basis).toEqual([]);
      expect(byNumber(n).sentTo).toEqual([]);
    }
  });

  it("proposes no uppdrag: approving a plan and the earlier uppdrag in the background give none", () => {
    expect(result.paragraphs.flatMap((p) => p.assignments)).toEqual([]);
  });

  it("lets no page header leak into titles or decisions", () => {
    for (const p of result.paragraphs) expectNoFurniture(p, "Kommunstyrelsens arbetsutskott");
  });

  it("reads the same with Windows line endings and non-breaking spaces", () => {
    const windows = readSeed("001").replace(/\n/g, "\r\n").replace(/ den /g, "\u00A0den\u00A0");
    expect(parseProtocol(windows)).toEqual(result);
  });
});

describe("seed 002: tjänsteskrivelse, not a protocol", () => {
  const text = readSeed("002");
  const result = parseProtocol(text);

  it("does not crash and finds no paragraphs in running text that mentions § 54 and 25 §", () => {
    expect(result.paragraphs).toEqual([]);
  });

  it("reports only what it can see: the addressed body, no meeting date", () => {
    expect(result.meeting).toMatchObject({ body: "Kommunstyrelsen", date: null, place: null, startTime: null });
  });

  it("finds the uppdrag in the KS § 54 decision quoted in it", () => {
    const sentence =
      "Kommunstyrelsen beslutar att uppdra åt kommunledningskontoret att utreda om det, med den teknik som finns " +
      "tillgänglig i dag, är möjligt att på ett enkelt sätt lägga ut ärendebalanslistor, som kontinuerligt " +
      "uppdateras av tjänstemännen.";
    expect(text).toContain(sentence.slice(0, 120));
    expect(findAssignments(sentence)).toEqual([{ text: sentence, responsible: "kommunledningskontoret", deadline: null }]);
    expect(findAssignments(sentence, { units: ["Administrativa avdelningen", "Kommunledningskontoret"] })).toEqual([
      { text: sentence, responsible: "Kommunledningskontoret", deadline: null },
    ]);
  });

  it("does not take receiving a report back for a new uppdrag", () => {
    expect(findAssignments("Kommunstyrelsen noterar informationen och lägger återrapporteringen till handlingarna.")).toEqual(
      [],
    );
  });
});

describe("seed 003: plan follow-up", () => {
  const result = parseProtocol(readSeed("003"));

  it("returns § 91 with its glued title and the arbetsutskott's referral as decision", () => {
    expect(result.paragraphs).toHaveLength(1);
    const [p] = result.paragraphs;
    expect(p.number).toBe(91);
    expect(p.dnr).toBeNull();
    expect(p.title).toBe("Uppföljning av verksamhetsplan - kommunstyrelseförvaltningen");
    expect(p.decision).toBe("Arbetsutskottet hänskjuter beslut till kommunstyrelsen");
    expect(p.basis).toEqual([]);
    expect(p.sentTo).toEqual([]);
    expect(p.assignments).toEqual([]);
  });

  it("claims no meeting data the document does not give", () => {
    expect(result.meeting).toMatchObject({ body: null, date: null, place: null });
  });
});

describe("seed 004: Alingsås KF 2018-11-28 § 205", () => {
  const result = parseProtocol(readSeed("004"));

  it("reads the lone date as the meeting date and infers the body from the decision heading", () => {
    expect(result.meeting).toMatchObject({ body: "Kommunfullmäktige", date: "2018-11-28", place: null });
  });

  it("reads the paragraph despite the glued markdown headings", () => {
    expect(result.paragraphs).toHaveLength(1);
    const [p] = result.paragraphs;
    expect(p.number).toBe(205);
    expect(p.dnr).toBe("2018.303 KS");
    expect(p.title).toBe("Genomförande handlingsplan Effekt # 6.0 - Samla kommunens stödfunktioner");
    expect(p.decision).toBe("Den del i handlingsplan Effekt # 6 som rör nämndsekreterare genomförs ej.");
    expect(p.basis).toEqual([]);
    expect(p.sentTo).toEqual([]);
  });

  it("does not take the uppdrag described in the background for one given by this decision", () => {
    expect(result.paragraphs[0].assignments).toEqual([]);
  });

  it("lets no signature table or page date leak into the paragraph", () => {
    const [p] = result.paragraphs;
    expect(p.title).not.toMatch(/Ärendebeskrivning|\*\*/);
    expect(p.decision).not.toMatch(/Justerandes sign|Utdragsbestyrkande|2018-11-28|Beslut|\*\*/);
  });
});
