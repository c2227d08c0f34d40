// scripts/audit-verdict.mjs decides what `npm run audit:prod` exits with, from
// the JSON that `npm audit --omit=dev --json` printed. The fixtures are real npm
// 11 output: the 405 this machine's registry gives (host name replaced), a
// refused connection on the loopback, and two reports npm wrote against a
// loopback stand-in for the advisory endpoint (one synthetic high advisory on
// jszip, plus the real moderate uuid advisory GHSA-w5hq-g745-h8pq).
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "../..");
const fixture = (name: string) => path.join(root, "tests/fixtures/audit", name);

function verdict(jsonFile: string, stderrFile?: string) {
  const r = spawnSync(process.execPath, ["scripts/audit-verdict.mjs", jsonFile, ...(stderrFile ? [stderrFile] : [])], { cwd: root, encoding: "utf8" });
  return { code: r.status, out: r.stdout + r.stderr };
}

function tempFile(content: string): string {
  const file = path.join(mkdtempSync(path.join(tmpdir(), "audit-verdict-")), "out");
  writeFileSync(file, content);
  return file;
}

describe("audit:prod verdict", () => {
  it("warns and passes when the registry refuses the audit endpoint (405)", () => {
    const { code, out } = verdict(fixture("unreachable-405.json"));
    expect(code).toBe(0);
    expect(out).toContain("WARNING: the npm audit service could not be reached");
    expect(out).toContain("405 Method Not Allowed");
    expect(out).toContain("docs/security/dependency-review.md");
  });

  it("warns and passes on a network error", () => {
    const { code, out } = verdict(fixture("unreachable-network.json"));
    expect(code).toBe(0);
    expect(out).toContain("ECONNREFUSED");
    expect(out).toContain("docs/security/dependency-review.md");
  });

  it("warns and passes when npm printed no JSON at all, naming npm's error line", () => {
    const { code, out } = verdict(tempFile(""), tempFile("npm warn something\nnpm error audit endpoint returned an error\n"));
    expect(code).toBe(0);
    expect(out).toContain("could not be reached");
    expect(out).toContain("npm error audit endpoint returned an error");
  });

  it("fails on a high advisory and names the package, the advisory and what depends on it", () => {
    const { code, out } = verdict(fixture("found-high.json"));
    expect(code).toBe(1);
    expect(out).toContain("FAILED: npm audit --omit=dev reports 0 info, 0 low, 1 moderate, 3 high, 0 critical.");
    expect(out).toContain("high: jszip");
    expect(out).toContain("https://github.com/advisories/GHSA-test-test-test (<=3.10.2)");
    expect(out).toContain("high: exceljs");
    expect(out).not.toContain("moderate: uuid");
  });

  it("fails on a critical advisory in the npm 6 report format too", () => {
    const v6 = {
      advisories: { "1": { module_name: "next", severity: "critical", vulnerable_versions: "<16.3.3", title: "RCE", url: "https://github.com/advisories/GHSA-x" } },
      metadata: { vulnerabilities: { info: 0, low: 0, moderate: 0, high: 0, critical: 1 } },
    };
    const { code, out } = verdict(tempFile(JSON.stringify(v6)));
    expect(code).toBe(1);
    expect(out).toContain("critical: next <16.3.3 RCE");
  });

  it("passes when only moderate findings remain, and says so", () => {
    const { code, out } = verdict(fixture("clean-moderate.json"));
    expect(code).toBe(0);
    expect(out).toContain("OK: npm audit --omit=dev reports 0 info, 0 low, 2 moderate, 0 high, 0 critical");
  });

  it("passes on an empty report", () => {
    const clean = { auditReportVersion: 2, vulnerabilities: {}, metadata: { vulnerabilities: { info: 0, low: 0, moderate: 0, high: 0, critical: 0, total: 0 } } };
    const { code, out } = verdict(tempFile(JSON.stringify(clean)));
    expect(code).toBe(0);
    expect(out).toContain("OK:");
  });
});
