import { describe, expect, it } from "vitest";
import type { UppdragStatus } from "@/generated/prisma/enums";
import { buildReportSections, type HistoryEntry, type Report, type ReportBody, type ReportInputUppdrag } from "@/lib/report/point-in-time";
import { compareReports } from "@/lib/report/compare";
import { plainToReport, reportToPlain } from "@/server/report/json";

const d = (iso: string) => new Date(`${iso}T00:00:00Z`);
const entry = (status: UppdragStatus, when: string, planned?: string): HistoryEntry => ({
  status,
  at: new Date(`${when}T10:00:00Z`),
  comment: status === "DELAYED" ? "Väntar på upphandling" : null,
  plannedCompletion: planned ? d(planned) : null,
});
const KS: ReportBody = { id: "b-ks", shortName: "KS", name: "Kommunstyrelsen", kind: "STYRELSE" };

const u = (id: string, decidedOn: string, history: HistoryEntry[]): ReportInputUppdrag => ({
  id,
  decidedOn: d(decidedOn),
  title: `Uppdrag ${id}`,
  unitNames: "Kommunledningskontoret",
  paragraph: { number: Number(id.replace(/\D/g, "")), dnr: `KS 2026/${id}` },
  bodyId: KS.id,
  history,
});

function report(asOf: string, previous: string, list: ReportInputUppdrag[]): Report {
  const sections = buildReportSections({ bodies: [KS], uppdrag: list, asOf: d(asOf), previous: d(previous) });
  return { municipality: { name: "Exempelstad", slug: "exempelstad" }, asOf: d(asOf), previous: d(previous), generatedAt: new Date("2026-12-01T08:00:00Z"), ...sections };
}

// One set of uppdrag with their whole history; June and December reports of it.
const all = [
  u("u1", "2026-02-01", [entry("IN_PROGRESS", "2026-02-02", "2026-09-30"), entry("IN_PROGRESS", "2026-08-01", "2027-03-31")]), // postponed (date moved)
  u("u2", "2026-02-01", [entry("IN_PROGRESS", "2026-02-02"), entry("COMPLETED", "2026-10-01")]), // closed between
  u("u3", "2026-03-01", [entry("NOT_STARTED", "2026-03-02")]), // still open, unchanged
  u("u4", "2026-09-01", [entry("NOT_STARTED", "2026-09-02")]), // new
  u("u5", "2026-03-01", [entry("IN_PROGRESS", "2026-03-02"), entry("DELAYED", "2026-11-01")]), // newly försenad
  u("u6", "2026-03-01", [entry("IN_PROGRESS", "2026-03-02", "2026-12-31"), entry("IN_PROGRESS", "2026-11-01", "2026-10-31")]), // moved earlier
];
const june = report("2026-06-30", "2025-12-31", all);
const december = report("2026-12-31", "2026-06-30", all);

describe("comparing two reports", () => {
  const c = compareReports(june, december);
  const ids = (rows: { uppdragId: string }[]) => rows.map((r) => r.uppdragId).sort();

  it("sorts out new, closed and still open", () => {
    expect(ids(c.added)).toEqual(["u4"]);
    expect(c.closed.map((r) => r.earlier.uppdragId)).toEqual(["u2"]);
    expect(c.closed[0].closed?.status).toBe("COMPLETED");
    expect(ids(c.stillOpen.map((s) => s.later))).toEqual(["u1", "u3", "u5", "u6"]);
  });

  it("counts as postponed again a later planned date or a new setback, not an earlier date", () => {
    expect(ids(c.postponed.map((s) => s.later))).toEqual(["u1", "u5"]);
    expect(c.stillOpen.find((s) => s.later.uppdragId === "u5")?.statusChanged).toBe(true);
  });

  it("takes the earlier report as earlier whichever order they are given in", () => {
    const reversed = compareReports(december, june);
    expect(reversed.earlier.asOf).toEqual(d("2026-06-30"));
    expect(ids(reversed.added)).toEqual(["u4"]);
  });

  it("compares a report with itself as all still open, nothing new or closed", () => {
    const same = compareReports(december, december);
    expect(same.added).toEqual([]);
    expect(same.closed).toEqual([]);
    expect(same.postponed).toEqual([]);
  });
});

describe("the archived (plain) form of a report", () => {
  it("turns back into the same report", () => {
    const plain = JSON.parse(JSON.stringify(reportToPlain(december)));
    expect(plainToReport(plain)).toEqual(december);
  });
});
