import { describe, expect, it } from "vitest";
import { listRowView, LIST_COMMENT_MAX, type ListRowSource } from "@/lib/list-row";

const d = (s: string) => new Date(`${s}T00:00:00Z`);
const today = new Date("2026-12-04T10:00:00Z");
const row = (over: Partial<ListRowSource> = {}): ListRowSource => ({
  id: "a1",
  title: "Utred förskolans lokaler",
  status: "IN_PROGRESS",
  statusComment: null,
  decidedOn: d("2024-09-30"),
  deadline: null,
  plannedCompletion: null,
  unitNames: "Barn- och utbildningsförvaltningen",
  body: { shortName: "KS" },
  paragraph: { number: 112, dnr: "KS 2024/321" },
  changedForReader: false,
  ...over,
});

describe("a list row as the browser gets it", () => {
  it("formats the decision, its date and age in Swedish on the server", () => {
    const v = listRowView(row(), today);
    expect(v).toMatchObject({ decision: "KS § 112", decidedOn: "2024-09-30", dnr: "KS 2024/321", age: "2 år 2 mån", due: "–", overdue: false, comment: null });
  });

  it("takes the deadline before the planned completion, and marks an open uppdrag past it as overdue", () => {
    expect(listRowView(row({ deadline: d("2026-12-03"), plannedCompletion: d("2027-06-30") }), today)).toMatchObject({ due: "2026-12-03", overdue: true });
    expect(listRowView(row({ plannedCompletion: d("2026-12-04") }), today)).toMatchObject({ due: "2026-12-04", overdue: false });
    expect(listRowView(row({ status: "COMPLETED", deadline: d("2025-01-01") }), today).overdue).toBe(false);
  });

  it("cuts a long comment to one line at a word and keeps a short one whole", () => {
    const long = "Arbetet har försenats eftersom upphandlingen av konsultstöd överklagades ".repeat(4).trim();
    const v = listRowView(row({ statusComment: long }), today);
    expect(v.comment!.length).toBeLessThanOrEqual(LIST_COMMENT_MAX);
    expect(v.comment!.endsWith("…")).toBe(true);
    expect(long.startsWith(v.comment!.slice(0, -1))).toBe(true);
    expect(listRowView(row({ statusComment: "Väntar på KF." }), today).comment).toBe("Väntar på KF.");
  });
});
