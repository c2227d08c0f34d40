import { describe, expect, it } from "vitest";
import { indicatorOutcome, parseActivityStatus, parseSwedishNumber, rollup, rollupSentence, sumRollups, statusGroup } from "@/lib/plan/status";
import { activityCommentCell } from "@/server/plan/report";

describe("activity status", () => {
  it("reads the seed's words, in any case", () => {
    expect(["Pågår", "pågår", "klart", "Klart", "Ej inlett", "Inte inlett", "Påbörjat", "Genomförs ej", "Okänt"].map(parseActivityStatus)).toEqual([
      "IN_PROGRESS",
      "IN_PROGRESS",
      "COMPLETED",
      "COMPLETED",
      "NOT_STARTED",
      "NOT_STARTED",
      "STARTED",
      "NOT_CARRIED_OUT",
      null,
    ]);
  });
  it("groups påbörjat with pågår, and a missing nuläge as ej rapporterat", () => {
    expect(statusGroup("STARTED")).toBe("ongoing");
    expect(statusGroup(null)).toBe("unreported");
  });
});

describe("Swedish numbers in indicator values", () => {
  it("reads grouping spaces, decimal commas, signs and units", () => {
    expect(["26 602", "14,5%", "+7,2 mkr", "1,4 ha", "5 ha", "+0", "−3", "Inga nya data", "2% trakasserier, 3% diskriminering", null].map(parseSwedishNumber)).toEqual([
      26602,
      14.5,
      7.2,
      1.4,
      5,
      0,
      -3,
      null,
      null,
      null,
    ]);
  });
});

describe("indicator outcome against önskat läge", () => {
  const o = (baseline: string | null, target: string, value: string | null, noNewData = false) => indicatorOutcome({ baseline, target, value, noNewData });
  it("follows the direction from the baseline to the target", () => {
    expect(o("26 602", "26 900", "26 611")).toBe("towards"); // seed 003: invånarantal
    expect(o("14,5%", "18,5%", "36%")).toBe("reached"); // egenförsörjning
    expect(o("63", "50", "38")).toBe("reached"); // fewer subsidised jobs wanted
    expect(o("312", "300", "399")).toBe("notTowards");
    expect(o("10", "5 ha", "0")).toBe("reached");
    expect(o("725", "800", "230")).toBe("notTowards");
  });
  it("understands Ökning/Minskning, and says when it cannot judge", () => {
    expect(o("51%", "Minskning", "40%")).toBe("towards");
    expect(o("51%", "Minskning", "60%")).toBe("notTowards");
    expect(o(null, "32", "8")).toBe("unknown");
    expect(o("Under medel", "Medel", "Medel")).toBe("unknown");
    expect(o("66", "68", null, true)).toBe("noNewData");
    expect(o("66", "68", null)).toBe("unreported");
  });
});

describe("roll-up", () => {
  it("counts activities and indicators per level and sums them upwards", () => {
    const c1 = rollup(["COMPLETED", "IN_PROGRESS", "STARTED", null], ["reached", "noNewData"]);
    const c2 = rollup(["NOT_STARTED", "NOT_CARRIED_OUT"], ["towards"]);
    expect(c1.activities).toEqual({ done: 1, ongoing: 2, notStarted: 0, dropped: 0, unreported: 1, total: 4 });
    const goal = sumRollups([c1, c2]);
    expect(goal.activities).toEqual({ done: 1, ongoing: 2, notStarted: 1, dropped: 1, unreported: 1, total: 6 });
    expect(goal.indicators).toMatchObject({ reached: 1, towards: 1, noNewData: 1, total: 3 });
    expect(rollupSentence(goal)).toBe("1 klart, 2 pågår, 1 ej inlett, 1 genomförs ej, 1 ej rapporterat");
    expect(rollupSentence(rollup([], []))).toBe("Inga aktiviteter");
  });
});

describe("the report's comment column", () => {
  it("joins the responsible and the comment like the seed", () => {
    expect(activityCommentCell({ responsible: "KLK", comment: "Antagen av KS." })).toBe("KLK. Antagen av KS.");
    expect(activityCommentCell({ responsible: "Personalavd.", comment: "Ta in synpunkter" })).toBe("Personalavd. Ta in synpunkter");
    expect(activityCommentCell({ responsible: null, comment: "Upphandling klar" })).toBe("Upphandling klar");
    expect(activityCommentCell({ responsible: "Tillväxtkontoret", comment: null })).toBe("Tillväxtkontoret");
  });
});
