// The report's "Klart senast" column and late marker, and a report made before
// its report date is over (6 December for 31 December).
import { describe, expect, it } from "vitest";
import { buildReportSections, type Report, type ReportBody, type ReportInputUppdrag } from "@/lib/report/point-in-time";
import { isMadeBeforeAsOf, lateCutoff } from "@/lib/report/report-dates";
import { asOfNotYetSentence, carriesDeadlines, lateSentence, madeBeforeAsOfWarning, scopeSentence } from "@/lib/report/labels";
import { renderReportHtml } from "@/server/report/html";
import { plainToReport, reportToPlain } from "@/server/report/json";

const d = (iso: string) => new Date(`${iso}T00:00:00Z`);
const iso = (x: Date) => x.toISOString().slice(0, 10);
const KS: ReportBody = { id: "b-ks", shortName: "KS", name: "Kommunstyrelsen", kind: "STYRELSE" };
const ASOF = d("2026-12-31");
const PREVIOUS = d("2026-06-30");
const DEC_6 = new Date("2026-12-06T20:57:00Z");
const JAN_8 = new Date("2027-01-08T09:00:00Z");

const uppdrag = (id: string, o: { deadline?: Date | null; planned?: string; status?: "IN_PROGRESS" | "COMPLETED" } = {}): ReportInputUppdrag => ({
  id,
  decidedOn: d("2026-02-09"),
  title: `Uppdrag ${id}`,
  unitNames: "Kommunledningskontoret",
  paragraph: { number: 12, dnr: "KS 2026/0042" },
  bodyId: KS.id,
  deadline: o.deadline,
  history: [{ status: o.status ?? "IN_PROGRESS", at: new Date("2026-09-01T10:00:00Z"), comment: null, plannedCompletion: o.planned ? d(o.planned) : null }],
});

const LIST = [
  uppdrag("passed", { deadline: d("2026-11-30") }),
  uppdrag("due-on-the-day", { deadline: d("2026-12-31") }),
  uppdrag("between", { deadline: d("2026-12-15") }),
  uppdrag("future", { deadline: d("2027-03-31") }),
  uppdrag("planned-passed", { deadline: null, planned: "2026-10-01" }),
  uppdrag("none"),
  uppdrag("closed", { deadline: d("2026-08-01"), status: "COMPLETED" }),
];

function report(now: Date): Report {
  const s = buildReportSections({ bodies: [KS], uppdrag: LIST, asOf: ASOF, previous: PREVIOUS, now });
  return { municipality: { name: "Exempelstads kommun", slug: "exempelstad" }, asOf: ASOF, previous: PREVIOUS, generatedAt: now, ...s };
}
const lateIds = (r: Report) => r.open.flatMap((g) => g.rows.filter((x) => x.late).map((x) => x.uppdragId)).sort();

describe("a report made before its report date is over", () => {
  it("is told apart from one made afterwards, by the end of the day in Swedish time", () => {
    expect(isMadeBeforeAsOf(ASOF, DEC_6)).toBe(true);
    expect(isMadeBeforeAsOf(ASOF, new Date("2026-12-31T22:59:59Z"))).toBe(true); // 23:59:59 in Sweden
    expect(isMadeBeforeAsOf(ASOF, new Date("2026-12-31T23:00:00Z"))).toBe(false); // midnight
    expect(isMadeBeforeAsOf(ASOF, JAN_8)).toBe(false);
  });

  it("warns, and says the figures are as of now instead of 'as registered then' about a future day", () => {
    expect(madeBeforeAsOfWarning(ASOF, DEC_6)).toBe(
      "Observera: redovisningen är framtagen 6 dec. 2026 21:57, innan redovisningsdagen den 31 december 2026 är slut. " +
        "Uppgifterna visar läget nu, inte vid dagens slut den 31 december 2026, och kan ändras fram till dess. " +
        "Ta fram redovisningen på nytt efter den 31 december 2026 för att få läget per redovisningsdagen.",
    );
    expect(madeBeforeAsOfWarning(ASOF, JAN_8)).toBeNull();
    const early = scopeSentence(ASOF, PREVIOUS, DEC_6);
    expect(early).toContain("som inte var verkställda när redovisningen togs fram, 6 dec. 2026 21:57");
    expect(early).not.toContain("vid dagens slut den 31 december 2026");
    expect(scopeSentence(ASOF, PREVIOUS, JAN_8)).toContain("inte var verkställda vid dagens slut den 31 december 2026");
    expect(asOfNotYetSentence(ASOF, DEC_6)).toMatch(/^Redovisningsdagen 31 december 2026 är inte slut än\. En redovisning som tas fram eller fastställs nu visar läget nu/);
    expect(asOfNotYetSentence(ASOF, JAN_8)).toBeNull();
  });

  it("prints the warning on the first page and in every page's footer", () => {
    const html = renderReportHtml(report(DEC_6));
    expect(html).toContain('<p class="warning" role="note">Observera: redovisningen är framtagen 6 dec. 2026 21:57');
    expect(html).toContain("läget 6 dec. 2026 21:57, före redovisningsdagen");
    const after = renderReportHtml(report(JAN_8));
    expect(after).not.toContain("Observera");
    expect(after).not.toContain("före redovisningsdagen");
  });
});

describe("Klart senast and the late marker", () => {
  it("counts a date as passed by the end of the report date, or by today in a report made before it", () => {
    expect(iso(lateCutoff(ASOF))).toBe("2027-01-01");
    expect(iso(lateCutoff(ASOF, JAN_8))).toBe("2027-01-01");
    expect(iso(lateCutoff(ASOF, DEC_6))).toBe("2026-12-06");
    // Made afterwards: everything open whose deadline (else planned completion) was on or before 31 December.
    expect(lateIds(report(JAN_8))).toEqual(["between", "due-on-the-day", "passed", "planned-passed"]);
    // Made on 6 December: as the live list sees it today.
    expect(lateIds(report(DEC_6))).toEqual(["passed", "planned-passed"]);
    const rows = report(JAN_8).open[0].rows;
    expect(rows.find((r) => r.uppdragId === "future")).toMatchObject({ deadline: d("2027-03-31"), late: false });
    expect(rows.find((r) => r.uppdragId === "none")).toMatchObject({ deadline: null, late: false });
    expect(report(JAN_8).closedSince.find((r) => r.uppdragId === "closed")).toMatchObject({ late: false });
  });

  it("counts the late ones in the summary", () => {
    expect(report(JAN_8).summary.late).toBe(4);
    expect(lateSentence(report(JAN_8).summary)).toBe(
      "4 av de 6 ej verkställda uppdragen är försenade mot datum: klart senast (eller, utan ett sådant datum, planerat klart) hade passerat.",
    );
    expect(lateSentence({ open: 3, late: 0 })).toBe("Inget av de ej verkställda uppdragen är försenat mot datum.");
    expect(lateSentence({ open: 3 })).toBeNull();
  });

  it("prints the column and the marker, the list's words, and the JSON carries both", () => {
    const r = report(JAN_8);
    const html = renderReportHtml(r);
    // One cell for the dates (src/server/report/html.ts): the marker first when late, a line each.
    expect(html).toContain('<th scope="col">Klart senast och planerat klart</th>');
    expect(html).toMatch(/<td class="late">Försenad mot datum\nKlart senast 2026-11-30\nPlanerat klart [^<]*<\/td>/);
    expect(html).toMatch(/<td>Klart senast 2027-03-31\nPlanerat klart [^<]*<\/td>/);
    expect(html).toMatch(/<td>Klart senast –\nPlanerat klart [^<]*<\/td>/);
    expect(html).toContain("4 av de 6 ej verkställda uppdragen är försenade mot datum");
    const plain = reportToPlain(r);
    expect(plain.open[0].rows.find((x) => x.uppdragId === "passed")).toMatchObject({ deadline: "2026-11-30", late: true });
    expect(plain.open[0].rows.find((x) => x.uppdragId === "none")).toMatchObject({ deadline: null, late: false });
    expect(plain.summary.late).toBe(4);
    // Read back, the report is the same.
    expect(renderReportHtml(plainToReport(JSON.parse(JSON.stringify(plain))))).toBe(html);
  });

  it("leaves a report fastställd before the column existed as it was frozen", () => {
    const plain = JSON.parse(JSON.stringify(reportToPlain(report(JAN_8))));
    for (const row of [...plain.open.flatMap((g: { rows: unknown[] }) => g.rows), ...plain.closedSince]) {
      delete row.deadline;
      delete row.late;
    }
    delete plain.summary.late;
    const archived = plainToReport(plain);
    expect(carriesDeadlines(archived)).toBe(false);
    const html = renderReportHtml(archived);
    expect(html).not.toContain("Klart senast");
    expect(html).not.toContain("Försenad mot datum");
    expect(html).not.toContain("försenade mot datum");
    expect(html).toContain('<th scope="col">Planerat klart</th>');
    // And written out again it still has no such fields.
    const again = reportToPlain(archived);
    expect(JSON.parse(JSON.stringify(again)).open[0].rows[0]).not.toHaveProperty("deadline");
    expect(JSON.parse(JSON.stringify(again)).summary).not.toHaveProperty("late");
  });
});
