import { describe, expect, it } from "vitest";
import type { UppdragStatus } from "@/generated/prisma/enums";
import { buildReportSections, compareBodies, stateAtEndOf, type HistoryEntry, type ReportBody, type ReportInputUppdrag } from "@/lib/report/point-in-time";

const d = (iso: string) => new Date(`${iso}T00:00:00Z`);
const at = (isoMoment: string) => new Date(isoMoment);
const entry = (status: UppdragStatus, when: string, o: { comment?: string; planned?: string } = {}): HistoryEntry => ({
  status,
  at: when.length === 10 ? d(when) : at(when),
  comment: o.comment ?? null,
  plannedCompletion: o.planned ? d(o.planned) : null,
});

const KF: ReportBody = { id: "b-kf", shortName: "KF", name: "Kommunfullmäktige", kind: "FULLMAKTIGE" };
const KS: ReportBody = { id: "b-ks", shortName: "KS", name: "Kommunstyrelsen", kind: "STYRELSE" };
const AU: ReportBody = { id: "b-au", shortName: "KSAU", name: "Kommunstyrelsens arbetsutskott", kind: "UTSKOTT" };
const OMS: ReportBody = { id: "b-om", shortName: "ON", name: "Omsorgsnämnden", kind: "NAMND" };
const ALD: ReportBody = { id: "b-al", shortName: "ÄN", name: "Äldrenämnden", kind: "NAMND" };
const BYGG: ReportBody = { id: "b-by", shortName: "BN", name: "Bygg- och miljönämnden", kind: "NAMND" };
const ZON: ReportBody = { id: "b-zo", shortName: "ZN", name: "Zonnämnden", kind: "NAMND" };

let n = 0;
const uppdrag = (body: ReportBody, decidedOn: string, history: HistoryEntry[], o: { title?: string; number?: number } = {}): ReportInputUppdrag => ({
  id: `u-${++n}`,
  decidedOn: d(decidedOn),
  title: o.title ?? `Uppdrag ${n}`,
  unitNames: "Kommunledningskontoret",
  paragraph: { number: o.number ?? n, dnr: `KS 2026/${n}` },
  bodyId: body.id,
  history,
});

const ASOF = d("2026-12-31");
const PREVIOUS = d("2026-06-30");
const sections = (list: ReportInputUppdrag[], bodies = [KF, KS]) => buildReportSections({ bodies, uppdrag: list, asOf: ASOF, previous: PREVIOUS });
const openTitles = (s: ReturnType<typeof sections>) => s.open.flatMap((g) => g.rows.map((r) => r.title));

describe("the state at the end of a day", () => {
  const history = [
    entry("NOT_STARTED", "2026-03-02"),
    entry("DELAYED", "2026-11-20T09:00:00Z", { comment: "Väntar på yttrande", planned: "2027-03-31" }),
    entry("COMPLETED", "2027-01-01T07:00:00Z", { comment: "Återrapporterat" }),
  ];
  it("is the last entry recorded by the end of the day, with its comment and planned completion", () => {
    const s = stateAtEndOf(history, ASOF);
    expect(s.status).toBe("DELAYED");
    expect(s.comment).toBe("Väntar på yttrande");
    expect(s.plannedCompletion).toEqual(d("2027-03-31"));
    expect(s.since).toEqual(at("2026-11-20T09:00:00Z"));
  });
  it("counts a change late in the evening in Swedish time, not one after midnight", () => {
    const h = [entry("NOT_STARTED", "2026-03-02"), entry("IN_PROGRESS", "2026-12-31T22:59:59Z")];
    expect(stateAtEndOf(h, ASOF).status).toBe("IN_PROGRESS"); // 23:59:59 in Sweden
    const late = [entry("NOT_STARTED", "2026-03-02"), entry("IN_PROGRESS", "2026-12-31T23:00:00Z")];
    expect(stateAtEndOf(late, ASOF).status).toBe("NOT_STARTED"); // 00:00 on 1 January
  });
  it("does not depend on the order the history is given in", () => {
    expect(stateAtEndOf([...history].reverse(), ASOF).status).toBe("DELAYED");
  });
  it("keeps the standing comment when an entry only changes the date, not when the status changes", () => {
    const h = [
      entry("IN_PROGRESS", "2026-09-01", { comment: "Dialog pågår", planned: "2027-01-31" }),
      entry("IN_PROGRESS", "2026-10-01", { planned: "2027-03-31" }),
    ];
    expect(stateAtEndOf(h, ASOF)).toMatchObject({ status: "IN_PROGRESS", comment: "Dialog pågår", plannedCompletion: d("2027-03-31") });
    const changed = [...h, entry("DELAYED", "2026-11-01", { comment: "Vakanser" }), entry("IN_PROGRESS", "2026-12-01")];
    expect(stateAtEndOf(changed, ASOF).comment).toBeNull();
  });
  it("is 'not started' before anything was recorded", () => {
    const s = stateAtEndOf([entry("IN_PROGRESS", "2027-02-01")], ASOF);
    expect(s).toEqual({ status: "NOT_STARTED", comment: null, plannedCompletion: null, since: null });
  });
});

describe("the report's sections", () => {
  it("a status changed after the report date does not show: the row has the state of the report date", () => {
    const u = uppdrag(KS, "2026-03-02", [
      entry("NOT_STARTED", "2026-03-02"),
      entry("DELAYED", "2026-10-01", { comment: "Resursbrist", planned: "2027-06-30" }),
      entry("COMPLETED", "2027-01-15", { comment: "Klart" }),
    ]);
    const s = sections([u]);
    const row = s.open.find((g) => g.body.id === KS.id)!.rows[0];
    expect(row).toMatchObject({ uppdragId: u.id, status: "DELAYED", statusLabel: "Försenad", comment: "Resursbrist", plannedCompletion: d("2027-06-30") });
    expect(s.closedSince).toEqual([]);
  });
  it("an uppdrag decided after the report date does not appear; one decided on it does", () => {
    const later = uppdrag(KS, "2027-01-10", [entry("NOT_STARTED", "2026-12-20")], { title: "Senare beslut" });
    const onTheDay = uppdrag(KS, "2026-12-31", [entry("NOT_STARTED", "2026-12-31T15:00:00Z")], { title: "Samma dag" });
    const s = sections([later, onTheDay]);
    expect(openTitles(s)).toEqual(["Samma dag"]);
  });
  it("an uppdrag registered after the report date but decided before it is reported as not started", () => {
    const u = uppdrag(KS, "2026-12-14", [entry("IN_PROGRESS", "2027-01-08")], { title: "Registrerat i efterhand" });
    expect(sections([u]).open[1].rows[0]).toMatchObject({ status: "NOT_STARTED", statusLabel: "Ej påbörjad", comment: null, statusSince: null });
  });
  it("closed since the previous report: after its end (exclusive) up to the end of the report date (inclusive)", () => {
    const closedOnPrevious = uppdrag(KS, "2026-01-12", [entry("NOT_STARTED", "2026-01-12"), entry("COMPLETED", "2026-06-30T21:59:00Z")], { title: "Klar 30 juni" });
    const closedJustAfter = uppdrag(KS, "2026-01-12", [entry("NOT_STARTED", "2026-01-12"), entry("COMPLETED", "2026-06-30T22:00:00Z")], { title: "Klar 1 juli" });
    const closedOnAsOf = uppdrag(KF, "2026-02-16", [entry("IN_PROGRESS", "2026-02-16"), entry("NOT_CARRIED_OUT", "2026-12-31T20:00:00Z", { comment: "KF upphävde" })], {
      title: "Genomförs ej 31 dec",
    });
    const closedAfter = uppdrag(KS, "2026-01-12", [entry("NOT_STARTED", "2026-01-12"), entry("COMPLETED", "2027-01-01T00:30:00+01:00")], { title: "Klar 1 jan" });
    const decidedAndClosedInPeriod = uppdrag(KS, "2026-09-07", [entry("NOT_STARTED", "2026-09-07"), entry("COMPLETED", "2026-11-02")], { title: "Beslut och klart i perioden" });
    const reopenedAndClosedAgain = uppdrag(
      KS,
      "2025-05-05",
      [entry("NOT_STARTED", "2025-05-05"), entry("COMPLETED", "2025-11-01"), entry("IN_PROGRESS", "2026-08-01"), entry("COMPLETED", "2026-10-01")],
      { title: "Återöppnat och klart igen" },
    );
    const s = sections([closedOnPrevious, closedJustAfter, closedOnAsOf, closedAfter, decidedAndClosedInPeriod, reopenedAndClosedAgain]);
    expect(s.closedSince.map((r) => r.title)).toEqual(["Genomförs ej 31 dec", "Återöppnat och klart igen", "Klar 1 juli", "Beslut och klart i perioden"]);
    const byTitle = Object.fromEntries(s.closedSince.map((r) => [r.title, r]));
    expect(byTitle["Klar 1 juli"].closedOn).toEqual(d("2026-07-01"));
    expect(byTitle["Återöppnat och klart igen"].closedOn).toEqual(d("2026-10-01"));
    expect(byTitle["Genomförs ej 31 dec"]).toMatchObject({ status: "NOT_CARRIED_OUT", statusLabel: "Genomförs ej", comment: "KF upphävde", closedOn: d("2026-12-31") });
    // Not closed at the report date: still open in the report.
    expect(openTitles(s)).toEqual(["Klar 1 jan"]);
    expect(s.summary.closedSince).toBe(4);
    expect(s.summary.closedSinceByStatus).toMatchObject({ COMPLETED: 3, NOT_CARRIED_OUT: 1 });
  });
  it("groups by body, KF first, then KS, then the others by name in Swedish order, each by decision date", () => {
    const bodies = [ZON, ALD, OMS, KS, BYGG, AU, KF];
    const list = [
      uppdrag(ALD, "2026-01-01", [entry("NOT_STARTED", "2026-01-01")], { title: "Ä1" }),
      uppdrag(KS, "2026-05-04", [entry("NOT_STARTED", "2026-05-04")], { title: "KS sen", number: 80 }),
      uppdrag(KS, "2025-05-04", [entry("NOT_STARTED", "2025-05-04")], { title: "KS tidig" }),
      uppdrag(KS, "2026-05-04", [entry("NOT_STARTED", "2026-05-04")], { title: "KS sen § 12", number: 12 }),
      uppdrag(ZON, "2026-01-01", [entry("ON_HOLD", "2026-01-01", { comment: "Senarelagt" })], { title: "Z1" }),
      uppdrag(KF, "2024-11-20", [entry("IN_PROGRESS", "2024-11-20")], { title: "KF 1" }),
      uppdrag(OMS, "2026-01-01", [entry("NOT_STARTED", "2026-01-01")], { title: "O1" }),
      uppdrag(AU, "2026-01-01", [entry("NOT_STARTED", "2026-01-01")], { title: "AU1" }),
    ];
    const s = sections(list, bodies);
    expect(s.open.map((g) => g.body.shortName)).toEqual(["KF", "KS", "BN", "KSAU", "ON", "ZN", "ÄN"]);
    expect(s.open[1].rows.map((r) => r.title)).toEqual(["KS tidig", "KS sen § 12", "KS sen"]);
    expect(s.open.find((g) => g.body.id === BYGG.id)!.rows).toEqual([]); // every body gets a group
    expect([OMS, ALD, ZON, AU].sort(compareBodies).map((b) => b.name)).toEqual([
      "Kommunstyrelsens arbetsutskott",
      "Omsorgsnämnden",
      "Zonnämnden",
      "Äldrenämnden",
    ]);
  });
  it("leaves out uppdrag of bodies not reported", () => {
    const s = sections([uppdrag(OMS, "2026-01-01", [entry("NOT_STARTED", "2026-01-01")])]);
    expect(openTitles(s)).toEqual([]);
    expect(s.summary.open).toBe(0);
  });
  it("counts by status and by body", () => {
    const list = [
      uppdrag(KF, "2026-01-01", [entry("NOT_STARTED", "2026-01-01")]),
      uppdrag(KF, "2026-01-01", [entry("DELAYED", "2026-01-01", { comment: "x" })]),
      uppdrag(KS, "2026-01-01", [entry("DELAYED", "2026-01-01", { comment: "y" })]),
      uppdrag(KS, "2026-01-01", [entry("ON_HOLD", "2026-01-01", { comment: "z" })]),
      uppdrag(KS, "2026-01-01", [entry("IN_PROGRESS", "2026-01-01"), entry("COMPLETED", "2026-08-01")]),
      uppdrag(KS, "2025-01-01", [entry("IN_PROGRESS", "2025-01-01"), entry("COMPLETED", "2025-08-01")]), // closed long ago: nowhere
    ];
    const { summary } = sections(list);
    expect(summary.open).toBe(4);
    expect(summary.byStatus).toEqual({ NOT_STARTED: 1, IN_PROGRESS: 0, DELAYED: 2, ON_HOLD: 1, COMPLETED: 0, NOT_CARRIED_OUT: 0 });
    expect(summary.byBody.map((b) => [b.body.shortName, b.open, b.byStatus.DELAYED])).toEqual([
      ["KF", 2, 1],
      ["KS", 2, 1],
    ]);
    expect(summary.closedSince).toBe(1);
  });
});
