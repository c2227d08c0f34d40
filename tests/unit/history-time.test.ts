import { describe, expect, it } from "vitest";
import { historyTime, isDateOnly } from "@/components/uppdrag/history-time";

describe("when a history entry happened, on the uppdrag page", () => {
  it("shows a date-only entry (from a document or an import) as the date alone, never an invented 02:00", () => {
    const summer = new Date("2020-04-20T00:00:00.000Z"); // 02:00 in Sweden
    expect(isDateOnly(summer)).toBe(true);
    expect(historyTime(summer)).toEqual({ dateTime: "2020-04-20", text: "20 april 2020" });
    expect(historyTime(new Date("2021-01-25T00:00:00Z")).text).toBe("25 januari 2021"); // 01:00 in Sweden
    expect(historyTime(summer).text).not.toMatch(/\d{2}:\d{2}/);
  });

  it("shows a recorded moment with its time in Swedish time", () => {
    const saved = new Date("2026-12-06T13:05:42.120Z");
    expect(isDateOnly(saved)).toBe(false);
    expect(historyTime(saved)).toEqual({ dateTime: "2026-12-06T13:05:42.120Z", text: "6 dec. 2026 14:05" });
    // Saved at Swedish midnight is a moment, not a date (23:00 UTC).
    expect(historyTime(new Date("2026-12-06T23:00:00Z")).text).toBe("7 dec. 2026 00:00");
  });
});
