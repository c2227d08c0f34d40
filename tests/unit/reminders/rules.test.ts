// The reminders' rules (src/lib/reminders/rules.ts) as of a day, the report's
// cut-off window, the motion year, the digest per person and its key.
import { describe, expect, it } from "vitest";
import {
  cutoffRule,
  cutoffWindow,
  DEFAULT_PREFERENCES,
  digestKey,
  isoWeek,
  monthsBefore,
  motionRule,
  motionYearEnds,
  nextAttemptAfter,
  planDigests,
  uppdragRules,
  MAX_ATTEMPTS,
  type DigestItem,
  type UppdragAsOf,
} from "@/lib/reminders/rules";
import { renderDigest } from "@/lib/reminders/mail";

const d = (s: string) => new Date(`${s}T00:00:00Z`);
const at = (s: string) => new Date(`${s}T10:00:00Z`);
const ASOF = d("2026-06-10");
const u = (o: Partial<UppdragAsOf> = {}): UppdragAsOf => ({
  id: "u1",
  title: "Utreda cykelbanor",
  status: "IN_PROGRESS",
  deadline: null,
  plannedCompletion: null,
  lastStatusAt: at("2026-05-01"),
  decidedOn: d("2026-01-20"),
  ...o,
});
const rules = (x: UppdragAsOf, asOf = ASOF) => uppdragRules(x, asOf).map((h) => h.rule);

describe("uppdrag rules as of a day", () => {
  it("near: planned completion or deadline within 14 days, today and the 14th day included", () => {
    expect(rules(u({ deadline: d("2026-06-10") }))).toEqual(["DEADLINE_NEAR"]);
    expect(rules(u({ deadline: d("2026-06-24") }))).toEqual(["DEADLINE_NEAR"]);
    expect(rules(u({ deadline: d("2026-06-25") }))).toEqual([]);
  });
  it("the planned completion wins over the deadline", () => {
    expect(rules(u({ deadline: d("2026-06-12"), plannedCompletion: d("2026-09-30") }))).toEqual([]);
    expect(rules(u({ deadline: d("2026-01-31"), plannedCompletion: d("2026-06-20") }))).toEqual(["DEADLINE_NEAR"]);
  });
  it("passed: due before today with no status recorded on or after the due date", () => {
    expect(rules(u({ deadline: d("2026-05-31"), lastStatusAt: at("2026-05-01") }))).toEqual(["DEADLINE_PASSED"]);
    expect(rules(u({ deadline: d("2026-05-31"), lastStatusAt: at("2026-05-31") }))).toEqual([]);
    expect(rules(u({ deadline: d("2026-05-31"), lastStatusAt: at("2026-06-02") }))).toEqual([]);
  });
  it("closed uppdrag give nothing; vilande ones no date reminders", () => {
    expect(rules(u({ status: "COMPLETED", deadline: d("2026-05-31"), lastStatusAt: at("2025-01-01") }))).toEqual([]);
    expect(rules(u({ status: "NOT_CARRIED_OUT", deadline: d("2026-06-12") }))).toEqual([]);
    expect(rules(u({ status: "ON_HOLD", deadline: d("2026-05-31") }))).toEqual([]);
  });
  it("silent: no status for six months (or none since the decision)", () => {
    expect(rules(u({ lastStatusAt: at("2025-12-10") }))).toEqual(["SILENT"]);
    expect(rules(u({ lastStatusAt: at("2025-12-11") }))).toEqual([]);
    expect(rules(u({ lastStatusAt: null, decidedOn: d("2025-11-01") }))).toEqual(["SILENT"]);
    expect(monthsBefore(d("2026-08-31"), 6)).toEqual(d("2026-02-28"));
  });
  it("item keys name the rule, the record and what triggered it", () => {
    const [near] = uppdragRules(u({ deadline: d("2026-06-20") }), ASOF);
    expect(near.itemKey).toBe("near:u1:2026-06-20");
    // A new planned date is a new reminder.
    expect(uppdragRules(u({ plannedCompletion: d("2026-06-21") }), ASOF)[0].itemKey).toBe("near:u1:2026-06-21");
  });
});

describe("the report's cut-off", () => {
  it("opens three weeks before 30 June and 31 December and closes after the day", () => {
    expect(cutoffWindow(d("2026-06-08"), ["06-30", "12-31"])).toBeNull();
    expect(cutoffWindow(d("2026-06-09"), ["06-30", "12-31"])).toEqual({ reportDate: d("2026-06-30"), previous: d("2025-12-31") });
    expect(cutoffWindow(d("2026-06-30"), ["06-30", "12-31"])?.reportDate).toEqual(d("2026-06-30"));
    expect(cutoffWindow(d("2026-07-01"), ["06-30", "12-31"])).toBeNull();
    expect(cutoffWindow(d("2026-12-20"), ["06-30", "12-31"])).toEqual({ reportDate: d("2026-12-31"), previous: d("2026-06-30") });
  });
  it("follows the municipality's own report days", () => {
    expect(cutoffWindow(d("2026-04-20"), ["04-30", "10-31"])).toEqual({ reportDate: d("2026-04-30"), previous: d("2025-10-31") });
  });
  it("lists open uppdrag with no status after the previous report date", () => {
    const w = cutoffWindow(ASOF, ["06-30", "12-31"])!;
    expect(cutoffRule(u({ lastStatusAt: at("2025-12-31") }), w)?.itemKey).toBe("cutoff:u1:2026-06-30");
    expect(cutoffRule(u({ lastStatusAt: at("2026-01-02") }), w)).toBeNull();
    expect(cutoffRule(u({ lastStatusAt: at("2025-01-02"), status: "COMPLETED" }), w)).toBeNull();
  });
});

describe("a motion approaching its year", () => {
  it("within 60 days of its year's end, and once it is over, only while open", () => {
    expect(motionRule({ id: "m", state: "REMITTERAD", raisedOn: d("2025-08-01") }, ASOF)).toEqual({ rule: "MOTION_YEAR", date: d("2026-08-01"), itemKey: "motion-year:m" });
    expect(motionRule({ id: "m", state: "REMITTERAD", raisedOn: d("2025-08-10") }, ASOF)).toBeNull();
    expect(motionRule({ id: "m", state: "VACKT", raisedOn: d("2025-06-10") }, ASOF)?.itemKey).toBe("motion-year:m");
    expect(motionRule({ id: "m", state: "VACKT", raisedOn: d("2025-06-09") }, ASOF)?.itemKey).toBe("motion-over:m");
    expect(motionRule({ id: "m", state: "BESVARAD", raisedOn: d("2025-07-01") }, ASOF)).toBeNull();
    expect(motionRule({ id: "m", state: "AVSKRIVEN", raisedOn: d("2024-07-01") }, ASOF)).toBeNull();
  });
  it("29 February's year ends on 28 February", () => {
    expect(motionYearEnds(d("2024-02-29"))).toEqual(d("2025-02-28"));
  });
});

describe("one digest per person", () => {
  const item = (o: Partial<DigestItem>): DigestItem => ({ rule: "DEADLINE_NEAR", kind: "uppdrag", recordId: "u1", title: "A", date: "2026-06-20", itemKey: "near:u1:2026-06-20", ...o });
  const recipients = new Map([
    ["p1", { userId: "p1", name: "Hans", email: "hans@x.example", preferences: { ...DEFAULT_PREFERENCES } }],
    ["p2", { userId: "p2", name: "Sara", email: "sara@x.example", preferences: { ...DEFAULT_PREFERENCES, silent: false } }],
  ]);
  it("groups, orders and dedupes a person's items; leaves out turned-off rules and what was sent", () => {
    const items = new Map([
      ["p1", [item({}), item({ rule: "DEADLINE_PASSED", recordId: "u2", title: "B", itemKey: "passed:u2" }), item({})]],
      ["p2", [item({ rule: "SILENT", itemKey: "silent:u1" }), item({ itemKey: "near:sent" })]],
    ]);
    const digests = planDigests({ municipalityId: "m1", asOf: ASOF, recipients, items, sent: new Map([["p2", new Set(["near:sent"])]]) });
    expect(digests.map((x) => [x.name, x.items.map((i) => i.itemKey)])).toEqual([["Hans", ["passed:u2", "near:u1:2026-06-20"]]]);
    expect(digests[0].key).toBe(digestKey("m1", "p1", "2026-W24"));
  });
  it("ISO weeks", () => {
    expect(isoWeek(d("2026-06-10"))).toBe("2026-W24");
    expect(isoWeek(d("2027-01-01"))).toBe("2026-W53");
    expect(isoWeek(d("2025-12-29"))).toBe("2026-W01");
  });
  it("the mail links every item to its page and says where to choose", () => {
    const mail = renderDigest({ name: "Hans", municipalityName: "Exempelstads kommun", week: "2026-W24", baseUrl: "https://uppdrag.example/", items: [item({}), item({ kind: "motion", rule: "MOTION_YEAR", recordId: "m9", title: "Motion <om> cykel", itemKey: "motion-year:m9" })] });
    expect(mail.subject).toBe("Påminnelser från Uppdragskollen, vecka 24: 2 saker att se över");
    expect(mail.text).toContain("https://uppdrag.example/uppdrag/u1");
    expect(mail.text).toContain("https://uppdrag.example/motioner/m9");
    expect(mail.text).toContain("https://uppdrag.example/konto#paminnelser");
    expect(mail.html).toContain('<a href="https://uppdrag.example/motioner/m9">Motion &lt;om&gt; cykel</a>');
  });
  it("backs off after a failed send and gives up after the last attempt", () => {
    const now = at("2026-06-10");
    expect(nextAttemptAfter(1, now)!.getTime() - now.getTime()).toBe(15 * 60_000);
    expect(nextAttemptAfter(3, now)!.getTime() - now.getTime()).toBe(60 * 60_000);
    expect(nextAttemptAfter(MAX_ATTEMPTS, now)).toBeNull();
  });
});
