// The files that run with a module graph of their own are exactly those that
// need one (tests/support/isolation.ts): a new test that mocks a module or stubs
// the environment fails here until it is listed, so it cannot leak into the next
// file of its worker.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ISOLATED, NEEDS_ISOLATION } from "../support/isolation";

const ROOT = path.resolve(import.meta.dirname, "../..");
const testFiles = (dir: string): string[] =>
  readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? testFiles(`${dir}/${e.name}`) : e.name.endsWith(".test.ts") ? [`${dir}/${e.name}`] : [],
  );

describe("test isolation", () => {
  it("lists exactly the test files that mock, stub or spy", () => {
    const self = path.relative(ROOT, import.meta.filename); // its examples below are text, not calls
    const needing = [...testFiles("tests/unit"), ...testFiles("tests/integration")].filter((f) => f !== self && NEEDS_ISOLATION.test(readFileSync(path.join(ROOT, f), "utf8")));
    expect(needing.sort()).toEqual([...ISOLATED].sort());
  });

  it("recognises what needs isolation", () => {
    for (const line of ['vi.mock("@/server/db")', "vi.stubEnv('X', '1')", "process.env.DEMO_MODE = \"true\"", 'process.env["A"] = "b"', "delete process.env.X", "vi.useFakeTimers()", "globalThis.fetch = f"])
      expect(NEEDS_ISOLATION.test(line), line).toBe(true);
    for (const line of ["process.env.DEMO_MODE === \"true\"", "const x = process.env.X", "vi.fn()", "expect(globalThis.x).toBe(1)"]) expect(NEEDS_ISOLATION.test(line), line).toBe(false);
  });
});
