import { describe, expect, it } from "vitest";
import { defaultAsOf, endOfSwedishDay, isReportDate, parseMonthDay, previousReportDate, swedishCalendarDate } from "@/lib/report/report-dates";

const d = (iso: string) => new Date(`${iso}T00:00:00Z`);
const iso = (x: Date) => x.toISOString().slice(0, 10);

describe("report dates", () => {
  it("defaults to the next 30 June or 31 December on or after today", () => {
    expect(iso(defaultAsOf(new Date("2026-03-10T12:00:00Z")))).toBe("2026-06-30");
    expect(iso(defaultAsOf(new Date("2026-06-30T10:00:00Z")))).toBe("2026-06-30");
    expect(iso(defaultAsOf(new Date("2026-07-01T10:00:00Z")))).toBe("2026-12-31");
    expect(iso(defaultAsOf(new Date("2026-12-31T12:00:00Z")))).toBe("2026-12-31");
    expect(iso(defaultAsOf(new Date("2027-01-01T08:00:00Z")))).toBe("2027-06-30");
  });
  it("takes today as it reads in Sweden: 23:30 UTC on 31 December is already 1 January there", () => {
    expect(iso(defaultAsOf(new Date("2026-12-31T23:30:00Z")))).toBe("2027-06-30");
    expect(iso(defaultAsOf(new Date("2026-12-31T23:00:00Z")))).toBe("2027-06-30");
    expect(iso(defaultAsOf(new Date("2026-12-31T22:59:59Z")))).toBe("2026-12-31");
    // Summer time: 30 June ends at 22:00 UTC.
    expect(iso(defaultAsOf(new Date("2026-06-30T21:59:59Z")))).toBe("2026-06-30");
    expect(iso(defaultAsOf(new Date("2026-06-30T22:00:00Z")))).toBe("2026-12-31");
  });
  it("the previous report date is the one before", () => {
    expect(iso(previousReportDate(d("2026-12-31")))).toBe("2026-06-30");
    expect(iso(previousReportDate(d("2026-06-30")))).toBe("2025-12-31");
    expect(iso(previousReportDate(d("2027-01-01")))).toBe("2026-12-31");
    expect(iso(previousReportDate(d("2026-09-15")))).toBe("2026-06-30");
    expect(iso(previousReportDate(d("2026-07-01")))).toBe("2026-06-30");
    expect(iso(previousReportDate(d("2026-03-01")))).toBe("2025-12-31");
  });
  it("knows report dates", () => {
    expect(isReportDate(d("2026-06-30"))).toBe(true);
    expect(isReportDate(d("2026-12-31"))).toBe(true);
    expect(isReportDate(d("2026-12-30"))).toBe(false);
  });
  it("a day ends at midnight Swedish time, winter and summer", () => {
    expect(endOfSwedishDay(d("2026-12-31")).toISOString()).toBe("2026-12-31T23:00:00.000Z");
    expect(endOfSwedishDay(d("2026-06-30")).toISOString()).toBe("2026-06-30T22:00:00.000Z");
    // The nights the clocks change (29 March and 25 October 2026) end as they began.
    expect(endOfSwedishDay(d("2026-03-28")).toISOString()).toBe("2026-03-28T23:00:00.000Z");
    expect(endOfSwedishDay(d("2026-03-29")).toISOString()).toBe("2026-03-29T22:00:00.000Z");
    expect(endOfSwedishDay(d("2026-10-24")).toISOString()).toBe("2026-10-24T22:00:00.000Z");
    expect(endOfSwedishDay(d("2026-10-25")).toISOString()).toBe("2026-10-25T23:00:00.000Z");
  });
  it("reads a moment's calendar date in Swedish time", () => {
    expect(iso(swedishCalendarDate(new Date("2026-12-31T23:30:00Z")))).toBe("2027-01-01");
    expect(iso(swedishCalendarDate(new Date("2026-12-31T22:59:00Z")))).toBe("2026-12-31");
  });
});

describe("a municipality's own report days", () => {
  const days = ["04-30", "10-31"] as const;
  it("gives the next report date on or after today and the one before", () => {
    expect(defaultAsOf(new Date("2026-05-15T10:00:00Z"), days)).toEqual(d("2026-10-31"));
    expect(defaultAsOf(new Date("2026-11-02T10:00:00Z"), days)).toEqual(d("2027-04-30"));
    expect(defaultAsOf(new Date("2026-04-30T21:00:00Z"), days)).toEqual(d("2026-04-30")); // 23:00 in Sweden
    expect(previousReportDate(d("2026-10-31"), days)).toEqual(d("2026-04-30"));
    expect(previousReportDate(d("2026-04-30"), days)).toEqual(d("2025-10-31"));
    expect(previousReportDate(d("2026-01-15"), days)).toEqual(d("2025-10-31"));
  });
  it("reads only days that every year has", () => {
    expect(parseMonthDay("06-30")).toEqual([5, 30]);
    expect(parseMonthDay("02-29")).toBeNull();
    expect(parseMonthDay("13-01")).toBeNull();
    expect(parseMonthDay("6-30")).toBeNull();
  });
});
