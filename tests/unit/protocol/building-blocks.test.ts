// The parser's parts one by one: dates and times, Dnr, headings, page
// furniture, uppdrag detection, and robustness against text that is not minutes.
import { describe, expect, it } from "vitest";
import { assignmentTitle, decisionSentences, findAssignments, findDate, findTimes, matchUnit, parseProtocol } from "@/lib/protocol";
import { bareDnr, labelledDnr, paragraphHeading, sectionHeading } from "@/lib/protocol/headings";
import { furnitureDetector } from "@/lib/protocol/furniture";
import { placeFrom, bodyFromGenitive } from "@/lib/protocol/meeting";
import { joinLines, toLines } from "@/lib/protocol/text";

describe("Swedish dates", () => {
  it("reads every month name", () => {
    const months = ["januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september", "oktober", "november", "december"];
    months.forEach((month, i) => {
      expect(findDate(`den 3 ${month} 2021`)).toBe(`2021-${String(i + 1).padStart(2, "0")}-03`);
    });
  });

  it("reads ISO dates, abbreviations, weekdays and upper case", () => {
    expect(findDate("Tunasalen, tisdagen den 25 februari 2020 kl 13:00")).toBe("2020-02-25");
    expect(findDate("25 feb. 2020")).toBe("2020-02-25");
    expect(findDate("1 SEPT 2022")).toBe("2022-09-01");
    expect(findDate("Sammanträdesdatum 2022-03-14")).toBe("2022-03-14");
    expect(findDate("justeras 2022-3-7")).toBe("2022-03-07");
  });

  it("takes the earliest date in the text and rejects impossible ones", () => {
    expect(findDate("2020-03-05 och 25 februari 2020")).toBe("2020-03-05");
    expect(findDate("den 5 mars 2020, anslag 2020-03-26")).toBe("2020-03-05");
    expect(findDate("2021-02-29")).toBeNull();
    expect(findDate("31 april 2021")).toBeNull();
    expect(findDate("per 160430")).toBeNull();
  });
});

describe("meeting times and place", () => {
  it("takes the hours after 'kl', not the adjournment", () => {
    expect(findTimes("kl 13:00-17.00 Ajournering: 14.25-14.35")).toEqual({ startTime: "13:00", endTime: "17:00" });
    expect(findTimes("måndagen den 14 mars 2022 kl. 09.00–12.15")).toEqual({ startTime: "09:00", endTime: "12:15" });
    expect(findTimes("klockan 18.30 till 21.00")).toEqual({ startTime: "18:30", endTime: "21:00" });
  });

  it("reads a start time alone and a range without 'kl'", () => {
    expect(findTimes("Stadshuset, kl. 9.00")).toEqual({ startTime: "09:00", endTime: null });
    expect(findTimes("13.30–16.00")).toEqual({ startTime: "13:30", endTime: "16:00" });
    expect(findTimes("Stadshuset")).toEqual({ startTime: null, endTime: null });
  });

  it("takes the place from before or after the date and time", () => {
    expect(placeFrom("Tunasalen, tisdagen den 25 februari 2020 kl 13:00-17.00 Ajournering: 14.25-14.35")).toBe("Tunasalen");
    expect(placeFrom("Kommunhuset, Sessionssalen, måndagen den 14 mars 2022 kl. 09.00–12.15")).toBe("Kommunhuset, Sessionssalen");
    expect(placeFrom("kl 08.30–11.45, Stadshuset, rum Kajen")).toBe("Stadshuset, rum Kajen");
    expect(placeFrom("Sessionssalen kl 13.00")).toBe("Sessionssalen");
    expect(placeFrom("2022-03-14 kl 13.00")).toBeNull();
  });

  it("turns the genitive of a decision heading into the body's name", () => {
    expect(bodyFromGenitive("Kommunfullmäktiges")).toBe("Kommunfullmäktige");
    expect(bodyFromGenitive("Kommunstyrelsens arbetsutskotts")).toBe("Kommunstyrelsens arbetsutskott");
    expect(bodyFromGenitive("Tekniska nämndens")).toBe("Tekniska nämnden");
    expect(bodyFromGenitive("Förvaltningens")).toBeNull();
  });
});

describe("paragraph headings and Dnr", () => {
  it("recognises § lines and rejects ranges", () => {
    expect(paragraphHeading("§ 34")).toEqual({ number: 34, rest: "" });
    expect(paragraphHeading("§34.")).toEqual({ number: 34, rest: "" });
    expect(paragraphHeading("KS § 12 Budget 2022")).toEqual({ number: 12, rest: "Budget 2022" });
    expect(paragraphHeading("§ 205 2018.303 KS")).toEqual({ number: 205, rest: "2018.303 KS" });
    expect(paragraphHeading("§§ 14-35 Michael Ekström")).toBeNull();
    expect(paragraphHeading("§ 19-20 Klas Svensson")).toBeNull();
    expect(paragraphHeading("§ 24 – 25 Anna Erlandsson")).toBeNull();
    expect(paragraphHeading("enligt 25 § kommunstyrelsens reglemente")).toBeNull();
    expect(paragraphHeading("Den 20 april 2020 (§ 54) gav kommunstyrelsen")).toBeNull();
  });

  it("keeps a labelled Dnr exactly as written and separates what follows", () => {
    expect(labelledDnr("Dnr 2020/000053 000")).toEqual({ dnr: "2020/000053 000", rest: "" });
    expect(labelledDnr("Dnr KS 2020/123")).toEqual({ dnr: "KS 2020/123", rest: "" });
    expect(labelledDnr("Dnr: 2021/45")).toEqual({ dnr: "2021/45", rest: "" });
    expect(labelledDnr("Diarienummer: SN 2022/7")).toEqual({ dnr: "SN 2022/7", rest: "" });
    expect(labelledDnr("Dnr KS 2022/140 Medborgarförslag om utegym")).toEqual({ dnr: "KS 2022/140", rest: "Medborgarförslag om utegym" });
    expect(labelledDnr("Dnr 2020/000003 004\t3")).toEqual({ dnr: "2020/000003 004", rest: "3" });
    expect(labelledDnr("Dnr KS-2021.0456")).toEqual({ dnr: "KS-2021.0456", rest: "" });
    expect(labelledDnr("Dnr saknas")).toBeNull();
  });

  it("accepts an unlabelled Dnr only when it looks like year and number", () => {
    expect(bareDnr("2018.303 KS")).toEqual({ dnr: "2018.303 KS", rest: "" });
    expect(bareDnr("KS 2020/123 Budget")).toEqual({ dnr: "KS 2020/123", rest: "Budget" });
    expect(bareDnr("2021 års budget")).toBeNull();
    expect(bareDnr("Budget 2021")).toBeNull();
  });
});

describe("section headings", () => {
  it("tells decision headings from proposals", () => {
    for (const h of ["Beslut", "Beslut:", "Kommunstyrelsens beslut", "Kommunstyrelsens arbetsutskotts beslut", "Nämndens beslut", "KSAU:s beslut"]) {
      expect(sectionHeading(h)?.kind).toBe("decision");
    }
    for (const h of ["Förslag till beslut", "Kommunledningskontorets förslag till beslut", "Arbetsutskottets förslag till kommunstyrelsen"]) {
      expect(sectionHeading(h)?.kind).toBe("proposal");
    }
  });

  it("recognises basis, recipients and the headings that end a decision", () => {
    expect(sectionHeading("Beslutsunderlag")?.kind).toBe("basis");
    for (const h of ["Beslutet skickas till", "Expedieras till", "Expedieras:", "Beslutet expedieras till", "Protokollsutdrag till"]) {
      expect(sectionHeading(h)?.kind).toBe("sentTo");
    }
    for (const h of ["Sammanfattning", "Bakgrund", "Ärendebeskrivning", "Yttrande", "Kommunledningskontorets yttrande", "Beredning", "Reservation", "Jäv", "Omröstning"]) {
      expect(sectionHeading(h)?.kind).toBe("other");
    }
  });

  it("reads text on the heading's line after a colon or a tab", () => {
    expect(sectionHeading("Beslut: Nämnden godkänner rapporten.")).toEqual({ kind: "decision", label: "Beslut", inline: "Nämnden godkänner rapporten." });
    expect(sectionHeading("Expedieras till\tKommunfullmäktige")).toEqual({ kind: "sentTo", label: "Expedieras till", inline: "Kommunfullmäktige" });
  });

  it("does not take sentences or table rows for headings", () => {
    expect(sectionHeading("Kommunstyrelsen beslutar följande med anledning av inkomna inbjudningar:")).toBeNull();
    expect(sectionHeading("Inbjudan till\tBeslut")).toBeNull();
    expect(sectionHeading("Kommunstyrelsens beslut innebär att planen antas.")).toBeNull();
  });
});

describe("text clean-up", () => {
  it("splits markdown headings glued to the text before them", () => {
    expect(toLines("Stödfunktioner**Ärendebeskrivning**")).toEqual(["Stödfunktioner", "Ärendebeskrivning"]);
    expect(toLines("Beslut**Kommunfullmäktiges beslut:**")).toEqual(["Beslut", "Kommunfullmäktiges beslut:"]);
    expect(toLines("§ 91**Uppföljning****Bakgrund**")).toEqual(["§ 91", "Uppföljning", "Bakgrund"]);
    expect(toLines("## **Kommunstyrelsens beslut**")).toEqual(["Kommunstyrelsens beslut"]);
    expect(toLines("att **godkänna** förslaget")).toEqual(["att godkänna förslaget"]);
  });

  it("breaks lines at pdftotext's form feeds and drops invisible characters", () => {
    expect(toLines("Sida 1 av 2\fKommunstyrelsen\u200B")).toEqual(["Sida 1 av 2", "Kommunstyrelsen"]);
    expect(toLines("a\r\nb\rc")).toEqual(["a", "b", "c"]);
  });

  it("rejoins wrapped sentences but keeps list items apart", () => {
    expect(joinLines(["Kommunstyrelsen uppdrar åt", "kommunledningskontoret att utreda."])).toBe(
      "Kommunstyrelsen uppdrar åt kommunledningskontoret att utreda.",
    );
    expect(joinLines(["Kommunstyrelsen beslutar", "", "att godkänna planen,", "", "att uppdra åt KLK att utreda."])).toBe(
      "Kommunstyrelsen beslutar\natt godkänna planen,\natt uppdra åt KLK att utreda.",
    );
    expect(joinLines(["1. Godkänna planen", "2. Uppdra åt KLK"])).toBe("1. Godkänna planen\n2. Uppdra åt KLK");
    expect(joinLines(["en kommun-", "direktör"])).toBe("en kommundirektör");
    expect(joinLines(["barn-", "och utbildningsnämnden"])).toBe("barn- och utbildningsnämnden");
  });
});

describe("page furniture", () => {
  const lines = [
    "Storsjö kommun   SAMMANTRÄDESPROTOKOLL   Sida 1 av 2",
    "Kommunstyrelsen",
    "Justerandes sign\tUtdragsbestyrkande",
    "Kommunfullmäktige",
    "Storsjö kommun   SAMMANTRÄDESPROTOKOLL   Sida 2 av 2",
    "2022-03-14",
    "2021-01-01",
    "|---|---|",
  ];
  const isFurniture = furnitureDetector(lines, { body: "Kommunstyrelsen", date: "2022-03-14" });

  it("drops headers, footers, the body's name and the meeting date", () => {
    expect(lines.filter(isFurniture)).toEqual([
      "Storsjö kommun   SAMMANTRÄDESPROTOKOLL   Sida 1 av 2",
      "Kommunstyrelsen",
      "Justerandes sign\tUtdragsbestyrkande",
      "Storsjö kommun   SAMMANTRÄDESPROTOKOLL   Sida 2 av 2",
      "2022-03-14",
      "|---|---|",
    ]);
  });

  it("keeps another body named once, and a date that is not the meeting's", () => {
    expect(isFurniture("Kommunfullmäktige")).toBe(false);
    expect(isFurniture("2021-01-01")).toBe(false);
    expect(isFurniture("Kommunstyrelsen noterar informationen.")).toBe(false);
  });

  it("recognises a header written with single spaces", () => {
    expect(isFurniture("Kommunstyrelsen 2022-03-14")).toBe(true);
    expect(isFurniture("KOMMUNSTYRELSEN Sammanträdesdatum 2022-03-14")).toBe(true);
  });

  it("drops a recurring line with a page number whatever else it says, but never a recurring decision", () => {
    const pages = [1, 2, 3].flatMap((n) => [`Miljö- och byggnämnden Sammanträdesprotokoll sid ${n} (3)`, "Nämnden noterar informationen."]);
    const detect = furnitureDetector(pages, { body: null, date: null });
    expect(pages.filter(detect)).toEqual([
      "Miljö- och byggnämnden Sammanträdesprotokoll sid 1 (3)",
      "Miljö- och byggnämnden Sammanträdesprotokoll sid 2 (3)",
      "Miljö- och byggnämnden Sammanträdesprotokoll sid 3 (3)",
    ]);
  });
});

describe("uppdrag detection", () => {
  const cases: Array<[string, string | null]> = [
    ["Kommunstyrelsen ger kommunledningskontoret i uppdrag att ta fram en plan.", "kommunledningskontoret"],
    ["Kommunstyrelsen ger i uppdrag åt administrativa avdelningen att utarbeta en rutin.", "administrativa avdelningen"],
    ["Kommunstyrelsen beslutar att ge ekonomiavdelningen i uppdrag att se över taxan.", "ekonomiavdelningen"],
    ["Kommunstyrelsen uppdrar åt kommundirektören att utreda frågan.", "kommundirektören"],
    ["Kommunstyrelsen uppdrar kommundirektören att utreda frågan.", "kommundirektören"],
    ["Kommunledningskontoret får i uppdrag att utreda frågan.", "Kommunledningskontoret"],
    ["Vidare får samhällsbyggnadsförvaltningen i uppdrag att revidera planen.", "samhällsbyggnadsförvaltningen"],
    ["Kommundirektören uppdras att återkomma med ett förslag.", "Kommundirektören"],
    ["Förvaltningen ska återkomma med en redovisning.", "Förvaltningen"],
    ["Kommunstyrelsen beslutar att förvaltningen ska återkomma i ärendet.", "förvaltningen"],
    ["Kommunledningskontoret ska senast i juni återrapportera till kommunstyrelsen.", "Kommunledningskontoret"],
    ["Ärendet ska återrapporteras till kommunstyrelsen i december.", null],
  ];

  it.each(cases)("finds the uppdrag in %j", (sentence, responsible) => {
    expect(findAssignments(sentence)).toEqual([{ text: sentence, responsible, deadline: null }]);
  });

  it("finds none in decisions that give no uppdrag", () => {
    for (const decision of [
      "Kommunstyrelsens arbetsutskott godkänner administrativa avdelningens förslag till plan/rutin.",
      "Kommunstyrelsen noterar informationen och lägger återrapporteringen till handlingarna.",
      "Kommunstyrelsens arbetsutskott väljer Helen Nilsson (S) att jämte ordförande justera dagens protokoll.",
      "Uppdraget anses därmed slutfört.",
      "Åtgärderna redovisas för nämnden i juni.",
      "",
    ]) {
      expect(findAssignments(decision)).toEqual([]);
    }
  });

  it("cuts the partner off the responsible unit", () => {
    expect(findAssignments("Nämnden uppdrar åt socialförvaltningen att i samråd med regionen ta fram rutiner.")[0].responsible).toBe(
      "socialförvaltningen",
    );
    expect(
      findAssignments("Kommunstyrelsen ger kommunledningskontoret i samverkan med tekniska förvaltningen i uppdrag att utreda saken.")[0]
        .responsible,
    ).toBe("kommunledningskontoret");
  });

  it("returns the spelling of the registered unit, also for a genitive", () => {
    const units = ["Administrativa avdelningen", "Kommunledningskontoret (KLK)"];
    expect(findAssignments("KS ger administrativa avdelningen i uppdrag att utarbeta en rutin.", { units })[0].responsible).toBe(
      "Administrativa avdelningen",
    );
    expect(matchUnit("administrativa avdelningens kansli", units)).toBe("Administrativa avdelningen");
    expect(matchUnit("ADMINISTRATIVA  AVDELNINGEN", units)).toBe("Administrativa avdelningen");
    expect(matchUnit("avdelningen", units)).toBeNull();
  });

  it("looks for a unit among the recipients when the sentence names none", () => {
    const sentence = "Uppdraget ska återrapporteras till kommunstyrelsen senast den 30 juni 2022.";
    const ctx = { units: ["Ekonomiavdelningen", "Kommunledningskontoret"], sentTo: ["Revisorerna", "Kommunledningskontoret"] };
    expect(findAssignments(sentence, ctx)).toEqual([{ text: sentence, responsible: "Kommunledningskontoret", deadline: "2022-06-30" }]);
    expect(findAssignments(sentence, { sentTo: ctx.sentTo })[0].responsible).toBeNull();
  });

  it("reads deadlines written 'senast den ...', 'senast YYYY-MM-DD' and as a month", () => {
    expect(findAssignments("KLK får i uppdrag att utreda saken senast 2022-06-30.")[0].deadline).toBe("2022-06-30");
    expect(findAssignments("KLK får i uppdrag att senast den 1 mars 2023 redovisa saken.")[0].deadline).toBe("2023-03-01");
    expect(findAssignments("KLK får i uppdrag att redovisa saken senast i oktober 2022.")[0].deadline).toBe("2022-10-31");
    expect(findAssignments("KLK får i uppdrag att redovisa saken i februari 2024.")[0].deadline).toBe("2024-02-29");
    expect(findAssignments("KLK får i uppdrag att redovisa saken under första kvartalet 2026.")[0].deadline).toBe("2026-03-31");
    expect(findAssignments("KLK får i uppdrag att redovisa saken före utgången av 2025.")[0].deadline).toBe("2025-12-31");
    // without a year: the next such month after the meeting
    const at = (meetingDate: string) => findAssignments("KLK ska återkomma till sammanträdet i juni.", { meetingDate })[0].deadline;
    expect(at("2025-02-10")).toBe("2025-06-30");
    expect(at("2025-09-10")).toBe("2026-06-30");
    expect(findAssignments("KLK ska återkomma till sammanträdet i juni.")[0].deadline).toBeNull();
    // a date that is no deadline
    expect(findAssignments("KLK får i uppdrag att följa upp taxan som gäller från och med den 1 januari 2025.")[0].deadline).toBeNull();
  });

  it("gives one uppdrag per point of a numbered decision", () => {
    const decision = [
      "1. Kommunstyrelsen godkänner rapporten.",
      "2. Kommunledningskontoret får i uppdrag att ta fram en rutin.",
      "3. Ekonomiavdelningen får i uppdrag att se över budgeten.",
    ].join("\n");
    expect(decisionSentences(decision)).toEqual([
      "Kommunstyrelsen godkänner rapporten.",
      "Kommunledningskontoret får i uppdrag att ta fram en rutin.",
      "Ekonomiavdelningen får i uppdrag att se över budgeten.",
    ]);
    expect(findAssignments(decision).map((a) => a.responsible)).toEqual(["Kommunledningskontoret", "Ekonomiavdelningen"]);
  });
});

describe("paragraph selection", () => {
  it("skips a table of contents without a title, keeping the fuller paragraph", () => {
    const text = [
      "§ 1\tVal av justerare\t2",
      "§ 2\tBudget 2022\t2",
      "",
      "§ 1",
      "Val av justerare",
      "Beslut",
      "Anna Berg väljs att justera protokollet.",
      "",
      "§ 2",
      "Budget 2022",
      "Beslut",
      "Budgeten fastställs.",
    ].join("\n");
    const result = parseProtocol(text);
    expect(result.paragraphs.map((p) => [p.number, p.title, p.decision])).toEqual([
      [1, "Val av justerare", "Anna Berg väljs att justera protokollet."],
      [2, "Budget 2022", "Budgeten fastställs."],
    ]);
  });

  it("keeps a '§ 3' line quoted inside a later paragraph as text", () => {
    const text = [
      "§ 7 Dnr 2022/1",
      "Uppföljning",
      "Beslut",
      "Rapporten godkänns.",
      "Beslutsunderlag",
      "§ 3 Protokoll från förra sammanträdet",
      "",
      "§ 8 Dnr 2022/2",
      "Övrigt",
      "Beslut",
      "Inga övriga frågor.",
    ].join("\n");
    const result = parseProtocol(text);
    expect(result.paragraphs.map((p) => [p.number, p.dnr, p.basis])).toEqual([
      [7, "2022/1", ["§ 3 Protokoll från förra sammanträdet"]],
      [8, "2022/2", []],
    ]);
  });

  it("takes 'Information' for a title but never 'Bakgrund'", () => {
    const result = parseProtocol("§ 5\nInformation\nBeslut\nInformationen noteras.\n\n§ 6\nBakgrund\nEn bakgrund.\nBeslut\nÄrendet avslutas.");
    expect(result.paragraphs.map((p) => [p.number, p.title, p.decision])).toEqual([
      [5, "Information", "Informationen noteras."],
      [6, "", "Ärendet avslutas."],
    ]);
  });

  it("reads a paragraph without a title line", () => {
    const result = parseProtocol("§ 4 Dnr 2022/9\nBeslut\nÄrendet bordläggs.");
    expect(result.paragraphs).toEqual([
      { number: 4, dnr: "2022/9", dnrClass: null, title: "", decision: "Ärendet bordläggs.", proposalToCouncil: null, basis: [], sentTo: [], assignments: [] },
    ]);
  });
});

describe("robustness", () => {
  it("returns an empty protocol for empty input", () => {
    expect(parseProtocol("")).toEqual({
      meeting: { body: null, date: null, place: null, startTime: null, endTime: null, postedFrom: null, postedUntil: null },
      paragraphs: [],
    });
  });

  it("never throws and keeps paragraph numbers rising on scrambled text", () => {
    const pieces = ["§ 12", "§ 3 Dnr KS 2020/1", "Beslut", "Beslut:", "Dnr:", "Expedieras till", "**", "\t", "Sida 1 av 2", "Kommunstyrelsen", "Text.", "att", "2022-13-45", "§§", "§ 99999", "\u00A0", "\r\n", ""];
    let seed = 7;
    const next = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed;
    };
    for (let round = 0; round < 200; round++) {
      const text = Array.from({ length: 40 }, () => pieces[next() % pieces.length]).join(next() % 2 ? "\n" : " ");
      const result = parseProtocol(text);
      const numbers = result.paragraphs.map((p) => p.number);
      expect(numbers).toEqual([...numbers].sort((a, b) => a - b));
      expect(new Set(numbers).size).toBe(numbers.length);
    }
  });
});

describe("real-world layouts (issue #16)", () => {
  const recipients = (lines: string) =>
    parseProtocol(`§ 1 Dnr 2024/1\nTitel\nBeslut\nNämnden godkänner.\nBeslutet skickas till\n${lines}`).paragraphs[0].sentTo;

  it("reads recipients by the list's structure, not by its line breaks", () => {
    // a company name wrapped by the PDF
    expect(recipients("Kommunfullmäktige\nNorrbergs Energi och\nVatten AB")).toEqual(["Kommunfullmäktige", "Norrbergs Energi och Vatten AB"]);
    expect(recipients("• Fastighetsenheten\n• Lindås Bostäder\n  AB")).toEqual(["Fastighetsenheten", "Lindås Bostäder AB"]);
    expect(recipients("Individ- och familjeomsorgen\nRegion Älvstrand, Hälso- och\nsjukvårdsförvaltningen")).toEqual([
      "Individ- och familjeomsorgen",
      "Region Älvstrand, Hälso- och sjukvårdsförvaltningen",
    ]);
    // a list on one line, with commas and "och"
    expect(recipients("Förvaltningschef, rektorer i grundskolan, Skolskjutssamordnaren")).toEqual([
      "Förvaltningschef",
      "rektorer i grundskolan",
      "Skolskjutssamordnaren",
    ]);
    expect(recipients("Barn- och utbildningsförvaltningen och Elevhälsan")).toEqual(["Barn- och utbildningsförvaltningen", "Elevhälsan"]);
    expect(recipients("Kommunstyrelsen och dess utskott för kännedom")).toEqual(["Kommunstyrelsen och dess utskott för kännedom"]);
    // a comma list wrapped over two lines
    expect(recipients("KLK, Ekonomienheten,\nRevisorerna")).toEqual(["KLK", "Ekonomienheten", "Revisorerna"]);
  });

  it("keeps the proposal to kommunfullmäktige apart and takes no uppdrag from it", () => {
    const text = [
      "§ 5 Dnr KS 2024/0456 1.2.1",
      "Motion om näringslivsråd",
      "Kommunstyrelsens förslag till kommunfullmäktige",
      "Motionen bifalls. Kommunstyrelsen får i uppdrag att inrätta ett näringslivsråd.",
      "Kommunstyrelsens beslut",
      "Näringslivsenheten får i uppdrag att ta fram ett underlag senast 2025-03-31.",
    ].join("\n");
    const [p] = parseProtocol(text).paragraphs;
    expect(p).toMatchObject({ dnr: "KS 2024/0456", dnrClass: "1.2.1" });
    expect(p.proposalToCouncil).toBe("Motionen bifalls. Kommunstyrelsen får i uppdrag att inrätta ett näringslivsråd.");
    expect(p.decision).toBe("Näringslivsenheten får i uppdrag att ta fram ett underlag senast 2025-03-31.");
    expect(p.assignments.map((a) => [a.responsible, a.deadline])).toEqual([["Näringslivsenheten", "2025-03-31"]]);
    // only the proposal: it stands as the decision text, without uppdrag
    const [only] = parseProtocol(text.split("\n").slice(0, 4).join("\n")).paragraphs;
    expect(only.decision).toBe(only.proposalToCouncil);
    expect(only.assignments).toEqual([]);
  });

  it("finds uppdrag written without 'i uppdrag', and återremiss", () => {
    const find = (s: string) => findAssignments(s, { meetingDate: "2024-09-11" }).map((a) => [a.responsible, a.deadline, assignmentTitle(a.text)]);
    expect(find("Förvaltningen ska i november 2025 redovisa en plan för skolskjutsar.")).toEqual([
      ["Förvaltningen", "2025-11-30", "Redovisa en plan för skolskjutsar"],
    ]);
    expect(find("Ärendet återremitteras till tekniska förvaltningen för att komplettera underlaget.")).toEqual([
      ["tekniska förvaltningen", null, "Komplettera underlaget"],
    ]);
    expect(find("Utbildningsförvaltningen återkommer med en analys till sammanträdet i juni.")).toEqual([
      ["Utbildningsförvaltningen", "2025-06-30", "Återkomma med en analys till sammanträdet i juni"],
    ]);
    expect(find("HR-enheten ska senast 2026-03-31 lämna en rapport.")).toEqual([["HR-enheten", "2026-03-31", "Lämna en rapport"]]);
    // a rule, not an uppdrag
    expect(find("Taxan ska gälla från och med den 1 januari 2025.")).toEqual([]);
  });

  it("shortens a long title at a clause boundary, never mid-word or with an ellipsis", () => {
    const title = assignmentTitle(
      "KLK ges i uppdrag att utreda förutsättningarna för en gemensam servicefunktion för lokalvård, fastighetsskötsel och måltider inom kommunkoncernen, med beaktande av de kommunala bolagens behov och befintliga avtal, samt att återkomma med ett förslag.",
    );
    expect(title).toBe("Utreda förutsättningarna för en gemensam servicefunktion för lokalvård, fastighetsskötsel och måltider inom kommunkoncernen");
    expect(title).not.toMatch(/…/);
  });
});
