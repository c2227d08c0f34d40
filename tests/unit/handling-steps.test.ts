import { describe, expect, it } from "vitest";
import { handlingSteps, diariumUrl } from "@/lib/handling-steps";

const states = (s: ReturnType<typeof handlingSteps>) => s.map((x) => `${x.label}:${x.state}`);

describe("handling steps", () => {
  it("a new uppdrag is at 'beslutat'", () => {
    expect(states(handlingSteps({ status: "NOT_STARTED", history: [{ status: "NOT_STARTED" }], links: [] }))).toEqual([
      "Beslutat:current", "Pågår:upcoming", "Återrapporterat:upcoming", "Verkställd:upcoming",
    ]);
  });
  it("a delayed one is in the works, and says so", () => {
    expect(states(handlingSteps({ status: "DELAYED", history: [{ status: "NOT_STARTED" }, { status: "DELAYED" }], links: [] }))).toEqual([
      "Beslutat:done", "Pågår – försenad:current", "Återrapporterat:upcoming", "Verkställd:upcoming",
    ]);
  });
  it("reported back but not closed", () => {
    expect(states(handlingSteps({ status: "IN_PROGRESS", history: [], links: [{ kind: "REPORTED" }] }))).toEqual([
      "Beslutat:done", "Pågår:done", "Återrapporterat:current", "Verkställd:upcoming",
    ]);
  });
  it("completed: every step done, the last current", () => {
    expect(states(handlingSteps({ status: "COMPLETED", history: [], links: [] }))).toEqual([
      "Beslutat:done", "Pågår:done", "Återrapporterat:done", "Verkställd:current",
    ]);
  });
  it("the other ends: postponed and not carried out (seed 004)", () => {
    expect(handlingSteps({ status: "ON_HOLD", history: [{ status: "IN_PROGRESS" }], links: [{ kind: "POSTPONED" }] })[1]).toEqual({ label: "Vilande (senarelagd)", state: "current" });
    expect(states(handlingSteps({ status: "NOT_CARRIED_OUT", history: [{ status: "ON_HOLD" }], links: [{ kind: "POSTPONED" }, { kind: "CANCELLED" }] }))).toEqual([
      "Beslutat:done", "Pågår:done", "Återrapporterat:upcoming", "Genomförs ej:current",
    ]);
  });
});

describe("diarium link", () => {
  it("fills the Dnr into the municipality's pattern, encoded", () => {
    expect(diariumUrl("https://diarium.example.se/sok?dnr={dnr}", "KS 2020/123")).toBe("https://diarium.example.se/sok?dnr=KS%202020%2F123");
  });
  it("gives no link without a pattern, a Dnr, or a safe scheme", () => {
    expect(diariumUrl(null, "KS 1")).toBeNull();
    expect(diariumUrl("https://x/{dnr}", null)).toBeNull();
    expect(diariumUrl("javascript:alert('{dnr}')", "1")).toBeNull();
  });
});
