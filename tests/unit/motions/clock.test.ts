import { describe, expect, it } from "vitest";
import { clockText, givesUppdrag, isOpenMotion, motionClock, motionClockText, oneYearAfter } from "@/lib/motions/clock";
import { proposersText, readProposers, stateText } from "@/lib/motions/labels";

const d = (s: string) => new Date(`${s}T00:00:00Z`);

describe("the one-year clock (KL 5 kap. 35 §)", () => {
  it("ends on the same calendar date a year after väckt", () => {
    expect(oneYearAfter(d("2025-12-06"))).toEqual(d("2026-12-06"));
    expect(oneYearAfter(d("2024-02-29"))).toEqual(d("2025-02-28"));
    expect(oneYearAfter(d("2023-03-01"))).toEqual(d("2024-03-01"));
  });

  it("counts the days left to the deadline", () => {
    const c = motionClock(d("2026-06-15"), d("2026-12-06"));
    expect(c.deadline).toEqual(d("2027-06-15"));
    expect(c.daysLeft).toBe(191);
    expect(c.age).toBe(174);
    expect(c.overAYear).toBe(false);
    expect(clockText(c)).toBe("191 dagar kvar");
  });

  it("says the last day and one day in words", () => {
    expect(clockText(motionClock(d("2025-12-06"), d("2026-12-06")))).toBe("Sista dagen i dag");
    expect(clockText(motionClock(d("2025-12-07"), d("2026-12-06")))).toBe("1 dag kvar");
  });

  it("is over a year the day after the deadline, with the days since väckt", () => {
    const c = motionClock(d("2025-12-05"), d("2026-12-06"));
    expect(c.overAYear).toBe(true);
    expect(c.daysLeft).toBe(-1);
    expect(clockText(c)).toBe("Över ett år (366 dagar)");
    expect(clockText(motionClock(d("2016-03-01"), d("2026-12-06")))).toMatch(/^Över ett år \(3932 dagar\)$/);
  });

  it("counts only väckt, remitterad and under beredning as obesvarad", () => {
    expect(isOpenMotion("VACKT")).toBe(true);
    expect(isOpenMotion("REMITTERAD")).toBe(true);
    expect(isOpenMotion("UNDER_BEREDNING")).toBe(true);
    expect(isOpenMotion("BESVARAD")).toBe(false);
    expect(isOpenMotion("AVSKRIVEN")).toBe(false);
  });

  it("gives no countdown once KF has decided", () => {
    expect(motionClockText({ state: "BESVARAD", raisedOn: d("2026-01-10"), answeredOn: d("2026-06-10") }, d("2026-12-06"))).toBe("Besvarad efter 151 dagar");
    expect(motionClockText({ state: "AVSKRIVEN", raisedOn: d("2024-01-10"), answeredOn: d("2025-06-10") }, d("2026-12-06"))).toBe("Avskriven efter 517 dagar (över ett år)");
    expect(motionClockText({ state: "REMITTERAD", raisedOn: d("2026-12-01"), answeredOn: null }, d("2026-12-06"))).toBe("360 dagar kvar");
  });

  it("lets bifall and delvis bifall give uppdrag", () => {
    expect(givesUppdrag("BIFALLEN")).toBe(true);
    expect(givesUppdrag("DELVIS_BIFALLEN")).toBe(true);
    expect(givesUppdrag("AVSLAGEN")).toBe(false);
    expect(givesUppdrag("BESVARAD")).toBe(false);
    expect(givesUppdrag(null)).toBe(false);
  });
});

describe("labels", () => {
  it("names proposers with party, and an anonymised proposer not at all", () => {
    expect(proposersText([{ name: "Anna Ek", party: "S" }, { name: "Bo Lind", party: null }], false)).toBe("Anna Ek (S), Bo Lind");
    expect(proposersText([{ name: null }], true)).toBe("Anonymiserad på begäran");
    expect(readProposers([{ name: "Åsa Öst", party: "C" }, 3, null])).toEqual([{ name: "Åsa Öst", party: "C" }]);
  });
  it("says the outcome of an answered motion", () => {
    expect(stateText("BESVARAD", "DELVIS_BIFALLEN")).toBe("Besvarad – delvis bifallen");
    expect(stateText("UNDER_BEREDNING")).toBe("Under beredning");
  });
});
