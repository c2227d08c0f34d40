import { describe, expect, it } from "vitest";
import { formatDate, formatAge, parseIsoDate, compareSv, ageInDays, formatIsoDate, formatNumber } from "@/lib/dates";
import { dnrKey } from "@/lib/dnr";
import { swedishSortKey } from "@/lib/sort-key";
import { isOverdue, STATUS_LABEL, OPEN_STATUSES, CLOSED_STATUSES } from "@/lib/status";
import { changeStatusSchema, listFiltersSchema, listHref } from "@/lib/validation/uppdrag";
import { prefixTsQuery, searchDocumentOf } from "@/lib/search";
import { signInSchema } from "@/lib/validation/auth";
import { scopeArgs } from "@/server/db/scoped";

describe("Swedish dates", () => {
  it("formats calendar dates in Swedish without shifting the day", () => {
    expect(formatDate(new Date(Date.UTC(2020, 1, 25)))).toBe("25 februari 2020");
    expect(formatDate(null)).toBe("–");
    expect(formatIsoDate(new Date(Date.UTC(2018, 10, 28)))).toBe("2018-11-28");
  });
  it("parses only real ISO dates", () => {
    expect(parseIsoDate("2020-02-29")?.toISOString()).toBe("2020-02-29T00:00:00.000Z");
    expect(parseIsoDate("2021-02-29")).toBeNull();
    expect(parseIsoDate("25/2/2020")).toBeNull();
  });
  it("sorts å, ä, ö after z", () => {
    expect(["Östen", "Åsa", "Zeta", "Ärlig", "Apa"].sort(compareSv)).toEqual(["Apa", "Zeta", "Åsa", "Ärlig", "Östen"]);
  });
  it("groups digits the Swedish way", () => {
    expect(formatNumber(3560)).toBe("3\u00a0560");
    expect(formatNumber(12)).toBe("12");
  });
  it("describes ages", () => {
    expect(ageInDays(new Date(Date.UTC(2020, 0, 1)), new Date(Date.UTC(2020, 0, 11)))).toBe(10);
    expect(formatAge(1)).toBe("1 dag");
    expect(formatAge(400)).toBe("1 år 1 mån");
  });
});

describe("Dnr key", () => {
  it("ignores case and separators across formats", () => {
    expect(dnrKey("2020/000053 000")).toBe("2020000053000");
    expect(dnrKey("2018.303 KS")).toBe("2018303ks");
    expect(dnrKey("KS 2020/123")).toBe(dnrKey("ks 2020-123"));
    expect(dnrKey("  ")).toBeNull();
  });
});

describe("status rules", () => {
  const today = new Date(Date.UTC(2024, 5, 1));
  it("an open uppdrag past its deadline is overdue; a closed one never", () => {
    expect(isOverdue({ status: "IN_PROGRESS", deadline: new Date(Date.UTC(2024, 4, 31)), plannedCompletion: null }, today)).toBe(true);
    expect(isOverdue({ status: "IN_PROGRESS", deadline: new Date(Date.UTC(2024, 5, 1)), plannedCompletion: null }, today)).toBe(false);
    expect(isOverdue({ status: "COMPLETED", deadline: new Date(Date.UTC(2020, 0, 1)), plannedCompletion: null }, today)).toBe(false);
    expect(isOverdue({ status: "NOT_STARTED", deadline: null, plannedCompletion: new Date(Date.UTC(2024, 0, 1)) }, today)).toBe(true);
  });
  it("every status has a Swedish label and is open or closed", () => {
    expect(STATUS_LABEL.ON_HOLD).toBe("Vilande (senarelagd)");
    expect(OPEN_STATUSES.length + CLOSED_STATUSES.length).toBe(Object.keys(STATUS_LABEL).length);
  });
});

describe("validation", () => {
  const base = { uppdragId: "7f0b8a1e-4b7a-4c1a-9a55-0d6f0e0b1c2d", expectedVersion: "3", status: "IN_PROGRESS", comment: "" };
  it("accepts a plain status change", () => {
    const r = changeStatusSchema.safeParse({ ...base, plannedCompletion: "2025-06-30" });
    expect(r.success).toBe(true);
    expect(r.data?.comment).toBeNull();
    expect(r.data?.plannedCompletion?.toISOString()).toBe("2025-06-30T00:00:00.000Z");
  });
  it("requires a reason for delayed, on hold and not carried out, in Swedish", () => {
    for (const status of ["DELAYED", "ON_HOLD", "NOT_CARRIED_OUT"]) {
      const r = changeStatusSchema.safeParse({ ...base, status, comment: "   " });
      expect(r.success).toBe(false);
      expect(r.error?.issues[0].path).toEqual(["comment"]);
      expect(r.error?.issues[0].message).toMatch(/Skriv en kommentar/);
    }
  });
  it("refuses bad dates, unknown statuses and wrong ids with Swedish messages", () => {
    const r = changeStatusSchema.safeParse({ ...base, plannedCompletion: "30/6/2025", status: "KLAR", uppdragId: "1; DROP TABLE" });
    expect(r.success).toBe(false);
    const messages = r.error!.issues.map((i) => i.message).join(" | ");
    expect(messages).toMatch(/ÅÅÅÅ-MM-DD/);
    expect(messages).toMatch(/Välj en status/);
    expect(messages).toMatch(/Okänt uppdrag/);
  });
  it("refuses an overlong comment", () => {
    expect(changeStatusSchema.safeParse({ ...base, comment: "x".repeat(4001) }).success).toBe(false);
  });
  it("list filters ignore junk instead of failing", () => {
    const f = listFiltersSchema.parse({ status: ["DELAYED", "NOPE"], body: "not-a-uuid", page: "-3", q: "  skola ", year: "tjugo", changed: "igår", sort: "DROP", overdue: "ja" });
    expect(f).toMatchObject({ q: "skola", showClosed: false, overdue: false });
    for (const k of ["status", "body", "page", "year", "changed", "sort", "dir", "unit"] as const) expect(f[k]).toBeUndefined();
    expect(listFiltersSchema.parse({ status: "DELAYED" }).status).toEqual(["DELAYED"]);
    expect(listFiltersSchema.parse({ changed: "senaste-besok", year: "2020", overdue: "1", sort: "titel", dir: "asc" })).toMatchObject({
      changed: "senaste-besok", year: 2020, overdue: true, sort: "titel", dir: "asc",
    });
  });
  it("a filtered view round-trips through its URL", () => {
    const f = listFiltersSchema.parse({ q: "förskola", status: ["DELAYED", "ON_HOLD"], year: "2021", overdue: "1", sort: "klart", dir: "asc", page: "2" });
    const href = listHref(f);
    expect(href).toBe("/uppdrag?q=f%C3%B6rskola&status=DELAYED&status=ON_HOLD&year=2021&overdue=1&sort=klart&dir=asc&page=2");
    const back = new URLSearchParams(href.split("?")[1]);
    expect(listFiltersSchema.parse({ ...Object.fromEntries(back), status: back.getAll("status") })).toEqual(f);
    expect(listHref(f, { page: 1, sort: undefined, dir: undefined })).toBe("/uppdrag?q=f%C3%B6rskola&status=DELAYED&status=ON_HOLD&year=2021&overdue=1");
  });
  it("sign-in needs an e-mail and a password", () => {
    const r = signInSchema.safeParse({ email: "inte-en-adress", password: "" });
    expect(r.success).toBe(false);
    expect(r.error!.issues.map((i) => i.message)).toEqual(["Ange en giltig e-postadress.", "Ange ditt lösenord."]);
  });
});

describe("municipality scope", () => {
  it("adds the municipality to every where and create, overriding a forged one", () => {
    expect(scopeArgs("findMany", { where: { municipalityId: "other", status: "DELAYED" } }, "mine")).toEqual({
      where: { municipalityId: "mine", status: "DELAYED" },
    });
    expect(scopeArgs("findUnique", { where: { id: "x" } }, "mine").where).toEqual({ id: "x", municipalityId: "mine" });
    expect(scopeArgs("count", undefined, "mine")).toEqual({ where: { municipalityId: "mine" } });
    expect(scopeArgs("create", { data: { name: "a", municipalityId: "other" } }, "mine").data).toEqual({ name: "a", municipalityId: "mine" });
    expect(scopeArgs("createMany", { data: [{ a: 1 }, { a: 2 }] }, "mine").data).toEqual([
      { a: 1, municipalityId: "mine" },
      { a: 2, municipalityId: "mine" },
    ]);
    expect(scopeArgs("upsert", { where: { id: "x" }, create: { a: 1 }, update: {} }, "mine")).toMatchObject({
      where: { id: "x", municipalityId: "mine" },
      create: { a: 1, municipalityId: "mine" },
    });
  });
  it("refuses operations it does not know how to scope", () => {
    expect(() => scopeArgs("somethingNew", {}, "mine")).toThrow(/not supported/);
  });
});

describe("Swedish search query", () => {
  it("makes every word a prefix so inflected forms match", () => {
    expect(prefixTsQuery("Förskola uppdrag")).toBe("förskola:* & uppdrag:*");
  });
  it("drops every character tsquery would treat as syntax", () => {
    expect(prefixTsQuery("skola & !(drop) | 'x':*")).toBe("skola:* & drop:* & x:*");
    expect(prefixTsQuery(" ;:& ")).toBeNull();
  });
  it("builds the search document from all searchable parts", () => {
    expect(searchDocumentOf({ title: "T", text: "X", paragraph: { title: "P", decision: "D", dnr: "KS 1" }, comments: [null, "Försenat", ""] })).toBe("T\nX\nP\nD\nKS 1\nFörsenat");
  });
});

describe("Swedish sort key", () => {
  it("orders like a Swedish dictionary when compared byte by byte", () => {
    const words = ["Östen", "apa", "Åsa", "Zeta", "Ärlig", "Ångström", "Émile", "oliv", "Ødegaard", "Yngve", "Müller"];
    const byKey = [...words].sort((a, b) => (swedishSortKey(a) < swedishSortKey(b) ? -1 : swedishSortKey(a) > swedishSortKey(b) ? 1 : 0));
    expect(byKey).toEqual(["apa", "Émile", "Müller", "oliv", "Yngve", "Zeta", "Ångström", "Åsa", "Ärlig", "Ødegaard", "Östen"]);
  });
});
