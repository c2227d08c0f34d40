// Every event the code writes to the audit log has a Swedish name for the log
// page, its filter and the CSV: found by reading the source for action codes.
import { describe, expect, it } from "vitest";
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { AUDIT_ACTION_LABEL, auditActionLabel } from "@/lib/validation/audit";

const SRC = path.resolve(import.meta.dirname, "../../src");
const files = (dir: string): string[] =>
  readdirSync(dir).flatMap((f) => {
    const p = path.join(dir, f);
    if (statSync(p).isDirectory()) return f === "generated" ? [] : files(p);
    return /\.tsx?$/.test(f) ? [p] : [];
  });
// Action codes are "area.what[.more]" string literals in these areas.
const CODE = /"((?:access|body|import|meeting|motion|municipality|paragraph|plan|report|session|unit|uppdrag|user)\.[a-z][a-z.-]*)"/g;

describe("audit log event names", () => {
  const written = new Set<string>();
  for (const f of files(SRC)) {
    if (f.endsWith(path.join("validation", "audit.ts"))) continue;
    // Endpoint ids ("uppdrag.list") name endpoints in the refusal log, not audit events.
    if (path.basename(f) === "endpoints.ts") continue;
    // The open data's column names ("meeting.start") are OParl field paths, not audit events.
    if (f.endsWith(path.join("public", "open-data.ts"))) continue;
    for (const m of readFileSync(f, "utf8").matchAll(CODE)) written.add(m[1]);
  }
  it("finds the codes the code writes", () => {
    expect(written.size).toBeGreaterThan(30);
    expect(written).toContain("uppdrag.status.change");
  });
  it("has a Swedish name for every one of them", () => {
    expect([...written].filter((code) => !(code in AUDIT_ACTION_LABEL)).sort()).toEqual([]);
  });
  it("shows an unknown code as it is rather than hiding it", () => {
    expect(auditActionLabel("something.new")).toBe("something.new");
  });
});
