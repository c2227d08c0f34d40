// The parser against hand-written minutes in the layouts Swedish municipalities
// use: PDF text with page headers, Word tables, two-column layouts, markdown,
// compact protocols without headings.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseProtocol, type ParsedParagraph, type ParsedProtocol } from "@/lib/protocol";

const UNITS = [
  "Kommunledningskontoret",
  "Administrativa avdelningen",
  "Ekonomiavdelningen",
  "Samhällsbyggnadsförvaltningen",
  "Barn- och utbildningsförvaltningen",
  "Tekniska förvaltningen",
  "Socialförvaltningen",
];

/** Parses a fixture; `units: null` parses it as a municipality without registered units. */
function parseFixture(name: string, units: string[] | null = UNITS): ParsedProtocol {
  const text = readFileSync(path.resolve(import.meta.dirname, "fixtures", name), "utf8");
  return parseProtocol(text, units ? { units } : {});
}

const FURNITURE = /Justerandes sign|Utdragsbestyrkande|Justerare|Sida \d|\d \(\d\)|SAMMANTRÄDESPROTOKOLL|Sammanträdesdatum|Vid protokollet|_{3}|\|/;

/** No header, footer or signature text in anything a secretary reads. */
function expectNoFurniture(result: ParsedProtocol): void {
  for (const p of result.paragraphs) {
    for (const text of [p.title, p.decision, ...p.basis, ...p.sentTo]) {
      expect(text).not.toMatch(FURNITURE);
      if (result.meeting.body) expect(text.split("\n")).not.toContain(result.meeting.body);
    }
  }
}

function paragraph(result: ParsedProtocol, n: number): ParsedParagraph {
  const p = result.paragraphs.find((x) => x.number === n);
  if (!p) throw new Error(`§ ${n} not found`);
  return p;
}

describe("KS Storsjö 2022-03-14: PDF text with page headers, table of contents, numbered decisions", () => {
  const result = parseFixture("ks-storsjo-2022-03-14.txt");

  it("reads 'Plats och tid' and 'Sammanträdesdatum'", () => {
    expect(result.meeting).toMatchObject({
      body: "Kommunstyrelsen",
      date: "2022-03-14",
      place: "Kommunhuset, Sessionssalen",
      startTime: "09:00",
      endTime: "12:15",
    });
  });

  it("finds each paragraph once, skipping attendance lines and the table of contents", () => {
    expect(result.paragraphs.map((p) => [p.number, p.dnr, p.title])).toEqual([
      [41, "KS 2022/12", "Val av justerare"],
      [42, "KS 2022/13", "Fastställande av dagordning"],
      [43, "KS 2022/58", "Uppföljning av budget 2022, februari"],
      [44, "KS 2021/245", "Lokalförsörjningsplan 2023–2027"],
      [45, "KS 2021/198", "Svar på motion om solceller på kommunens fastigheter"],
    ]);
  });

  it("rejoins a decision wrapped at the page width", () => {
    expect(paragraph(result, 42).decision).toBe(
      "Dagordningen fastställs med tillägg av ärendet ”Information om vägsamfälligheter” som anmäls under § 45.",
    );
  });

  it("keeps numbered points on their own lines and reads two uppdrag-sentences as one uppdrag with a deadline", () => {
    const p = paragraph(result, 43);
    expect(p.decision.split("\n")).toEqual([
      "1. Kommunstyrelsen godkänner uppföljningen för februari 2022.",
      "2. Ekonomiavdelningen får i uppdrag att ta fram en åtgärdsplan för de verksamheter som visar underskott.",
      "3. Åtgärdsplanen ska återrapporteras till kommunstyrelsen senast den 30 juni 2022.",
    ]);
    expect(p.basis).toEqual(["Tjänsteskrivelse 2022-03-02", "Budgetuppföljning februari 2022"]);
    expect(p.sentTo).toEqual(["Ekonomiavdelningen", "Samtliga nämnder"]);
    expect(p.assignments).toEqual([
      {
        text:
          "Ekonomiavdelningen får i uppdrag att ta fram en åtgärdsplan för de verksamheter som visar underskott. " +
          "Åtgärdsplanen ska återrapporteras till kommunstyrelsen senast den 30 juni 2022.",
        responsible: "Ekonomiavdelningen",
        deadline: "2022-06-30",
      },
    ]);
  });

  it("follows a decision across a page break and finds both uppdrag in it", () => {
    const p = paragraph(result, 44);
    expect(p.decision.split("\n")).toEqual([
      "Kommunstyrelsen föreslår kommunfullmäktige besluta",
      "att anta lokalförsörjningsplan 2023–2027.",
      "Kommunstyrelsen beslutar för egen del",
      "att uppdra åt samhällsbyggnadsförvaltningen att i samråd med barn- och utbildningsförvaltningen utreda behovet av en ny förskola i Norrby, samt",
      "att samhällsbyggnadsförvaltningen ska återkomma till kommunstyrelsen med en investeringskalkyl senast i oktober 2022.",
    ]);
    expect(p.assignments.map((a) => [a.responsible, a.deadline])).toEqual([
      ["Samhällsbyggnadsförvaltningen", null],
      ["Samhällsbyggnadsförvaltningen", "2022-10-31"],
    ]);
    expect(p.assignments.map((a) => a.text)).toEqual([
      "att uppdra åt samhällsbyggnadsförvaltningen att i samråd med barn- och utbildningsförvaltningen utreda behovet av en ny förskola i Norrby",
      "att samhällsbyggnadsförvaltningen ska återkomma till kommunstyrelsen med en investeringskalkyl senast i oktober 2022.",
    ]);
    expect(p.basis).toEqual(["Tjänsteskrivelse 2022-02-21", "Lokalförsörjningsplan 2023–2027, förslag"]);
    expect(p.sentTo).toEqual(["Kommunfullmäktige", "Samhällsbyggnadsförvaltningen", "Barn- och utbildningsförvaltningen"]);
  });

  it("prefers the body's decision over the proposal, and stops at Reservation and at the signatures", () => {
    const p = paragraph(result, 45);
    expect(p.decision).toBe("Kommunstyrelsen föreslår kommunfullmäktige besluta att motionen ska anses besvarad.");
    expect(p.sentTo).toEqual(["Kommunfullmäktige", "Motionären"]);
    expect(p.assignments).toEqual([]);
  });

  it("reports the raw phrase as responsible when no units are given", () => {
    const raw = parseFixture("ks-storsjo-2022-03-14.txt", null);
    expect(paragraph(raw, 44).assignments.map((a) => a.responsible)).toEqual([
      "samhällsbyggnadsförvaltningen",
      "samhällsbyggnadsförvaltningen",
    ]);
  });

  it("lets no header, footer or signature leak", () => {
    expectNoFurniture(result);
  });
});

describe("BUN 2021-09-22: Word tables, Dnr line above the § heading, 'Expedieras till'", () => {
  const result = parseFixture("bun-2021-09-22-tabs.txt");

  it("reads the meeting from 'Plats och tid' with a Swedish month name", () => {
    expect(result.meeting).toMatchObject({
      body: "Barn- och utbildningsnämnden",
      date: "2021-09-22",
      place: "Bildningens hus, lokal Ekorren",
      startTime: "13:30",
      endTime: "16:45",
    });
  });

  it("skips the 'Ärendelista' and takes the 'Dnr:' line above each heading", () => {
    expect(result.paragraphs.map((p) => [p.number, p.dnr, p.title])).toEqual([
      [12, "2021/45", "Skolskjutsregler för läsåret 2022/2023"],
      [13, "2021/51", "Delårsrapport augusti 2021"],
      [14, "2021/60", "Kvalitetsrapport grundskolan"],
      [15, null, "Delegationsbeslut"],
    ]);
  });

  it("reads the plain 'Beslut' heading, not the administration's proposal", () => {
    const p = paragraph(result, 12);
    expect(p.decision).toBe(
      "Barn- och utbildningsnämnden antar reviderade skolskjutsregler för läsåret 2022/2023 enligt bilaga.\n" +
        "Barn- och utbildningsförvaltningen ska återkomma till nämnden med en utvärdering av reglerna efter läsårets slut.",
    );
    expect(p.sentTo).toEqual(["Barn- och utbildningsförvaltningen", "Skolskjutsentreprenören", "Tekniska förvaltningen"]);
    expect(p.assignments).toEqual([
      {
        text: "Barn- och utbildningsförvaltningen ska återkomma till nämnden med en utvärdering av reglerna efter läsårets slut.",
        responsible: "Barn- och utbildningsförvaltningen",
        deadline: null,
      },
    ]);
  });

  it("does not let the next paragraph's Dnr line end up among the recipients", () => {
    expect(paragraph(result, 12).sentTo.join(" ")).not.toMatch(/Dnr/);
    expect(paragraph(result, 13).sentTo).toEqual(["Kommunstyrelsen", "Ekonomiavdelningen"]);
  });

  it("adds a follow-up sentence's date to the uppdrag before it", () => {
    const p = paragraph(result, 13);
    expect(p.basis).toEqual(["Tjänsteskrivelse daterad 2021-09-08", "Delårsrapport augusti 2021"]);
    expect(p.assignments).toEqual([
      {
        text:
          "Förvaltningschefen får i uppdrag att vidta åtgärder för att nå en budget i balans. " +
          "Åtgärderna redovisas för nämnden senast 2021-11-24.",
        responsible: "Förvaltningschefen",
        deadline: "2021-11-24",
      },
    ]);
  });

  it("reads 'Beslut:' with the decision on the same line", () => {
    const p = paragraph(result, 14);
    expect(p.decision).toBe("Nämnden lägger kvalitetsrapporten till handlingarna.");
    expect(p.sentTo).toEqual(["Rektorer i grundskolan"]);
    expect(p.assignments).toEqual([]);
  });

  it("reads the last paragraph up to the page footer", () => {
    expect(paragraph(result, 15).decision).toBe(
      "Redovisningen av delegationsbeslut för perioden 2021-06-01 – 2021-08-31 godkänns.",
    );
  });

  it("lets no header, footer or signature leak", () => {
    expectNoFurniture(result);
  });
});

describe("TN 2019-10-03: two-column layout, separate Datum/Plats/Tid lines", () => {
  const result = parseFixture("tn-2019-10-03-two-columns.txt");

  it("reads the labelled meeting lines and an upper-case body name", () => {
    expect(result.meeting).toMatchObject({
      body: "Tekniska nämnden",
      date: "2019-10-03",
      place: "Stadshuset, sal Ljusnan",
      startTime: "13:30",
      endTime: "16:00",
    });
  });

  it("reads § / Dnr / title on separate lines", () => {
    expect(result.paragraphs.map((p) => [p.number, p.dnr, p.title])).toEqual([
      [67, "TN 2019/88", "Ny avfallstaxa 2020"],
      [68, "TN 2019/102", "Trafiksäkerhetsåtgärder vid Björkskolan"],
      [69, "TN 2019/15", "Upphandling av vinterväghållning"],
      [70, "TN 2019/3", "Anmälan av delegationsbeslut"],
    ]);
  });

  it("reads headings in the left column with their text in the right one", () => {
    const p = paragraph(result, 67);
    expect(p.decision).toBe(
      "Tekniska nämnden föreslår kommunfullmäktige att anta avfallstaxa 2020 enligt bilaga.\n" +
        "Tekniska nämnden uppdrar åt tekniska förvaltningen att informera hushållen om den nya taxan senast den 1 december 2019.",
    );
    expect(p.basis).toEqual(["Tjänsteskrivelse 2019-09-12", "Förslag till avfallstaxa 2020"]);
    expect(p.sentTo).toEqual(["Kommunfullmäktige", "Tekniska förvaltningen"]);
    expect(p.assignments).toEqual([
      {
        text: "Tekniska nämnden uppdrar åt tekniska förvaltningen att informera hushållen om den nya taxan senast den 1 december 2019.",
        responsible: "Tekniska förvaltningen",
        deadline: "2019-12-01",
      },
    ]);
  });

  it("reads 'Tekniska nämndens beslut' and joins a date broken over two lines", () => {
    const p = paragraph(result, 68);
    expect(p.decision).toMatch(/senast den 15 december 2019\.$/);
    expect(p.decision).not.toMatch(/Föräldraföreningen/);
    expect(p.sentTo).toEqual(["Tekniska förvaltningen", "Barn- och utbildningsförvaltningen för kännedom"]);
    expect(p.assignments).toHaveLength(1);
    expect(p.assignments[0]).toMatchObject({ responsible: "Tekniska förvaltningen", deadline: "2019-12-15" });
    expect(p.assignments[0].text).toMatch(/^Tekniska nämnden ger tekniska förvaltningen i uppdrag att anlägga/);
  });

  it("finds two uppdrag in an att-list and stops the decision at 'Jäv'", () => {
    const p = paragraph(result, 69);
    expect(p.decision.split("\n")).toEqual([
      "Tekniska nämnden beslutar",
      "att godkänna förfrågningsunderlaget för upphandling av vinterväghållning 2020–2024,",
      "att uppdra åt tekniska förvaltningen att genomföra upphandlingen, samt",
      "att förvaltningschefen får i uppdrag att teckna avtal med vinnande anbudsgivare.",
    ]);
    expect(p.assignments).toEqual([
      // the list's ", samt" is dropped from the uppdrag, not from the decision
      { text: "att uppdra åt tekniska förvaltningen att genomföra upphandlingen", responsible: "Tekniska förvaltningen", deadline: null },
      { text: "att förvaltningschefen får i uppdrag att teckna avtal med vinnande anbudsgivare.", responsible: "förvaltningschefen", deadline: null },
    ]);
    expect(p.sentTo).toEqual(["Tekniska förvaltningen", "Upphandlingsenheten"]);
  });

  it("ends the last paragraph at 'Justeras'", () => {
    expect(paragraph(result, 70).decision).toBe("Tekniska nämnden lägger redovisningen av delegationsbeslut till handlingarna.");
    expect(paragraph(result, 70).sentTo).toEqual([]);
  });

  it("lets no header, footer or signature leak", () => {
    expectNoFurniture(result);
  });
});

describe("KF 2021-12-13: markdown protokollsutdrag", () => {
  const result = parseFixture("kf-2021-12-13-markdown.txt");

  it("reads bold labels and markdown headings", () => {
    expect(result.meeting).toMatchObject({
      body: "Kommunfullmäktige",
      date: "2021-12-13",
      place: "Folkets hus, stora salen",
      startTime: "18:00",
      endTime: "21:40",
    });
    expect(result.paragraphs.map((p) => [p.number, p.dnr, p.title])).toEqual([
      [142, "KS 2021/310", "Budget 2022 och flerårsplan 2023–2024"],
      [143, "KS 2021/355", "Redovisning av ej verkställda beslut, december 2021"],
    ]);
  });

  it("reads a 'Beslut:' heading and three uppdrag among four points", () => {
    const p = paragraph(result, 142);
    expect(p.decision.split("\n")).toHaveLength(4);
    expect(p.decision).not.toMatch(/\*\*|Sverigedemokraterna/);
    expect(p.assignments).toEqual([
      {
        text: "Kommunfullmäktige ger kommunstyrelsen i uppdrag att senast den 30 juni 2022 redovisa en plan för minskade lokalkostnader.",
        responsible: "kommunstyrelsen",
        deadline: "2022-06-30",
      },
      {
        text: "Kommunfullmäktige uppdrar åt samtliga nämnder att inom sina ramar prioritera förebyggande insatser.",
        responsible: "samtliga nämnder",
        deadline: null,
      },
      {
        text: "Kommunledningskontoret får i uppdrag att ta fram en ny modell för resursfördelning till förskolan.",
        responsible: "Kommunledningskontoret",
        deadline: null,
      },
    ]);
    expect(p.sentTo).toEqual(["Kommunstyrelsen", "Samtliga nämnder", "Ekonomiavdelningen"]);
    expect(p.basis).toEqual([]);
  });

  it("reads bulleted beslutsunderlag and an uppdrag to report back", () => {
    const p = paragraph(result, 143);
    expect(p.decision).toBe(
      "Kommunfullmäktige lägger redovisningen till handlingarna. " +
        "Kommunledningskontoret ska återrapportera ej verkställda beslut till kommunfullmäktige i juni 2022.",
    );
    expect(p.basis).toEqual([
      "Kommunstyrelsens beslut 2021-11-22 § 205",
      "Sammanställning av ej verkställda beslut per 2021-11-01",
    ]);
    expect(p.sentTo).toEqual(["Kommunledningskontoret"]);
    expect(p.assignments).toEqual([
      {
        text: "Kommunledningskontoret ska återrapportera ej verkställda beslut till kommunfullmäktige i juni 2022.",
        responsible: "Kommunledningskontoret",
        deadline: "2022-06-30",
      },
    ]);
  });

  it("lets no header, footer or signature leak", () => {
    expectNoFurniture(result);
  });
});

describe("KSAU 2022-04-05: compact protocol without section headings", () => {
  const result = parseFixture("ksau-2022-04-05-compact.txt");

  it("reads the date from the title line and the place after the time", () => {
    expect(result.meeting).toMatchObject({
      body: "Kommunstyrelsens arbetsutskott",
      date: "2022-04-05",
      place: "Stadshuset, rum Kajen",
      startTime: "08:30",
      endTime: "11:45",
    });
  });

  it("ignores '§ 54 Peter Ek, ekonomichef' in the attendance list", () => {
    expect(result.paragraphs.map((p) => [p.number, p.dnr, p.title])).toEqual([
      [51, null, "Val av justerare"],
      [52, "KS 2022/140", "Medborgarförslag om utegym i Norrby"],
      [53, "KS 2022/97", "Rekrytering av säkerhetssamordnare"],
      [54, "KS 2022/18", "Ekonomisk uppföljning mars 2022"],
      [55, null, "Information om arbetsmiljöarbetet"],
    ]);
  });

  it("takes the text under the title as the decision when no heading marks it", () => {
    expect(paragraph(result, 51).decision).toBe("Johan Berg (M) utses att jämte ordföranden justera protokollet.");
    expect(paragraph(result, 55).decision).toBe(
      "HR-chefen informerar om det systematiska arbetsmiljöarbetet. Sjukfrånvaron har minskat jämfört med samma period förra året.\n" +
        "Arbetsutskottet tackar för informationen.",
    );
    expect(paragraph(result, 55).assignments).toEqual([]);
  });

  it("finds the responsible unit of a passive 'återrapporteras' among the recipients", () => {
    const p = paragraph(result, 52);
    expect(p.sentTo).toEqual(["Kultur- och fritidsnämnden", "Kommunledningskontoret"]);
    expect(p.assignments).toEqual([
      {
        text: "Ärendet återrapporteras till arbetsutskottet när nämnden har yttrat sig.",
        responsible: "Kommunledningskontoret",
        deadline: null,
      },
    ]);
    const raw = paragraph(parseFixture("ksau-2022-04-05-compact.txt", null), 52);
    expect(raw.assignments[0].responsible).toBeNull();
  });

  it("takes the arbetsutskott's proposal to kommunstyrelsen as its decision", () => {
    const p = paragraph(result, 53);
    expect(p.decision).toBe(
      "Kommunstyrelsen ger kommundirektören i uppdrag att rekrytera en säkerhetssamordnare med tillträde senast den 1 september 2022.",
    );
    expect(p.basis).toEqual(["Tjänsteskrivelse från kommunledningskontoret, 2022-03-21"]);
    expect(p.assignments).toEqual([{ text: p.decision, responsible: "kommundirektören", deadline: "2022-09-01" }]);
  });

  it("splits sentences and finds 'ska återkomma'", () => {
    expect(paragraph(result, 54).assignments).toEqual([
      {
        text: "Ekonomichefen ska återkomma med en fördjupad analys av personalkostnaderna till arbetsutskottets sammanträde i maj.",
        responsible: "Ekonomichefen",
        // the meeting is 2022-04-05: the next May
        deadline: "2022-05-31",
      },
    ]);
  });

  it("lets no header, footer or signature leak", () => {
    expectNoFurniture(result);
  });
});

describe("SN 2022-05-18: '1 (3)' footers, Dnr after the title, 'Beslutet expedieras till'", () => {
  const result = parseFixture("sn-2022-05-18-pagefooters.txt");

  it("reads the meeting and the notice of posting", () => {
    expect(result.meeting).toEqual({
      body: "Socialnämnden",
      date: "2022-05-18",
      place: "Socialkontoret, konferensrum Tallen",
      startTime: "13:15",
      endTime: "15:50",
      postedFrom: "2022-05-24",
      postedUntil: "2022-06-15",
    });
  });

  it("reads 'Diarienummer:' and a Dnr after the title on the § line", () => {
    expect(result.paragraphs.map((p) => [p.number, p.dnr, p.title])).toEqual([
      [80, "SN 2022/7", "Val av justerare"],
      [81, "2022.041 SN", "Överenskommelse om hemsjukvård"],
      [82, "SN 2022/19", "Rapportering av ej verkställda beslut enligt SoL och LSS, kvartal 1"],
    ]);
  });

  it("stops the decision at 'Omröstning' and keeps a quoted '§ 29' line inside the basis", () => {
    const p = paragraph(result, 81);
    expect(p.decision).toBe(
      "Socialnämnden godkänner överenskommelsen om hemsjukvård.\n" +
        "Socialnämnden uppdrar åt socialförvaltningen att i samverkan med regionen ta fram lokala rutiner för hemsjukvården. " +
        "Rutinerna ska vara klara senast 2022-12-31.",
    );
    expect(p.basis).toEqual([
      "Tjänsteskrivelse 2022-04-29",
      "Protokollsutdrag KS 2022-02-07",
      "§ 29 Kommunstyrelsens yttrande över överenskommelse om hemsjukvård",
      "Överenskommelse om hemsjukvård, slutligt förslag",
    ]);
    expect(p.sentTo).toEqual(["Region Skåne", "Socialförvaltningen, äldreomsorgen", "Medicinskt ansvarig sjuksköterska"]);
  });

  it("names the unit, not its cooperation partner, and dates the uppdrag from the follow-up sentence", () => {
    expect(paragraph(result, 81).assignments).toEqual([
      {
        text:
          "Socialnämnden uppdrar åt socialförvaltningen att i samverkan med regionen ta fram lokala rutiner för hemsjukvården. " +
          "Rutinerna ska vara klara senast 2022-12-31.",
        responsible: "Socialförvaltningen",
        deadline: "2022-12-31",
      },
    ]);
  });

  it("keeps an abbreviation in apposition with its recipient", () => {
    const p = paragraph(result, 82);
    expect(p.decision).toBe("Socialnämnden lägger rapporten till handlingarna och överlämnar den till kommunfullmäktige.");
    expect(p.sentTo).toEqual(["Kommunfullmäktige", "Inspektionen för vård och omsorg, IVO"]);
    expect(p.assignments).toEqual([]);
  });

  it("lets no header, footer or signature leak", () => {
    expectNoFurniture(result);
  });
});

describe("KS 2023-01-30: pdftotext -layout output with single-spaced headers", () => {
  const result = parseFixture("ks-2023-01-30-pdftotext-layout.txt");

  it("reads the body from 'Protokoll Kommunstyrelsen' and the place before the weekday", () => {
    expect(result.meeting).toMatchObject({
      body: "Kommunstyrelsen",
      date: "2023-01-30",
      place: "Stadshuset, Lilla salen",
      startTime: "13:00",
      endTime: "15:30",
    });
  });

  it("reads a Dnr far to the right of the § and a title wrapped onto an indented line", () => {
    expect(result.paragraphs.map((p) => [p.number, p.dnr, p.title])).toEqual([
      [1, "KS 2023/4", "Val av justerare"],
      [2, "KS 2022/410", "Motion om gatubelysning längs Kvarnvägen"],
    ]);
  });

  it("reads left-column headings and rejoins a date broken between month and year", () => {
    expect(paragraph(result, 1).decision).toBe("Kommunstyrelsen utser Per Holm (M) att justera protokollet.");
    const p = paragraph(result, 2);
    expect(p.decision).toBe(
      "Kommunstyrelsen ger tekniska förvaltningen i uppdrag att utreda frågan. Uppdraget ska redovisas senast den 1 juni 2023.",
    );
    expect(p.sentTo).toEqual(["Tekniska förvaltningen", "Motionären"]);
    expect(p.assignments).toEqual([{ text: p.decision, responsible: "Tekniska förvaltningen", deadline: "2023-06-01" }]);
  });

  it("lets no header, footer or signature leak", () => {
    expectNoFurniture(result);
  });
});

describe("KF 2019-06-17: bare Dnr '2019.212 KS' on the § line, capital letterhead and signature block on every page", () => {
  const result = parseFixture("kf-2019-06-17-bare-dnr-signatures.txt");

  it("reads the letterhead's date and 'Plats och tid'", () => {
    expect(result.meeting).toMatchObject({ body: "Kommunfullmäktige", date: "2019-06-17", place: "Sessionssalen, Stadshuset", startTime: "18:30", endTime: "21:10" });
  });

  it("skips the 'Ärendeförteckning' and reads the Dnr written without 'Dnr'", () => {
    expect(result.paragraphs.map((p) => [p.number, p.dnr, p.title])).toEqual([
      [101, "2019.212 KS", "Val av justerare"],
      [102, "2019.140 KS", "Delårsrapport per april 2019"],
      [103, "2018.303 KS", "Handlingsplan Effekt, uppföljning"],
      [104, "2019.077 KS", "Motion om fler laddplatser"],
    ]);
  });

  it("ends 'Expedieras till' at the next page's letterhead and at the attendance list", () => {
    expect(result.paragraphs.map((p) => p.sentTo)).toEqual([
      [],
      ["Kommunstyrelsen", "Ekonomiavdelningen"],
      ["Kommunledningskontoret"],
      ["Motionären", "Samhällsbyggnadsförvaltningen"],
    ]);
  });

  it("proposes the uppdrag with unit and deadline", () => {
    expect(result.paragraphs.flatMap((p) => p.assignments.map((a) => [p.number, a.responsible, a.deadline]))).toEqual([
      [102, "Kommunstyrelsen", "2019-09-30"],
      [103, "Kommunledningskontoret", "2020-03-31"],
      [104, "Samhällsbyggnadsförvaltningen", null],
    ]);
  });

  it("lets no header, footer or signature leak", () => {
    expectNoFurniture(result);
    for (const p of result.paragraphs) for (const t of [p.title, p.decision, ...p.sentTo]) expect(t).not.toMatch(/ALINGSÅS KOMMUN|Bilaga 1/);
  });
});
