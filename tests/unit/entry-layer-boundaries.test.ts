// The entry layer is the only way in (docs/decisions/005-entry-layer.md): the
// session is read, and the database scoped, only there, in auth, in the data
// layer and in seeding. A page, action, route or domain function that reads the
// session or opens the unscoped database itself fails here.
import { describe, expect, it } from "vitest";
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";

const ROOT = path.resolve(import.meta.dirname, "../..");

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) return name === "generated" ? [] : sourceFiles(p);
    return /\.(ts|tsx)$/.test(name) ? [p] : [];
  });
}

const FILES = sourceFiles(path.join(ROOT, "src")).map((abs) => ({
  file: path.relative(ROOT, abs).split(path.sep).join("/"),
  // Comments may name the functions; only code counts.
  code: readFileSync(abs, "utf8").replace(/\/\*[\s\S]*?\*\//g, "").replace(/(^|[^:"'`])\/\/.*$/gm, "$1"),
}));

/** Who may call what: everything else is a way around the entry layer. */
const RULES: { call: RegExp; allowedIn: RegExp; why: string }[] = [
  { call: /\bgetActor\(|\brequireActor\(|\bgetServerSession\(/, allowedIn: /^src\/server\/(auth|entry)\//, why: "the session is read by the entry layer (serveAction, serveRoute, requirePermission)" },
  { call: /\bscopedClient\(/, allowedIn: /^src\/server\/(db|entry|seed|auth)\//, why: "run() and page.db are already scoped to the actor's municipality" },
  { call: /\bgetPrisma\(|\bgetDb\(/, allowedIn: /^src\/server\/(db|entry|auth|seed)\/|^src\/instrumentation(-node)?\.ts$/, why: "the unscoped client belongs to the data layer, auth and seeding" },
  { call: /from "@\/server\/(action|http)"/, allowedIn: /^$/, why: "runAction and withActor are replaced by serveAction and serveRoute" },
];

describe("the entry layer is the only way in", () => {
  for (const rule of RULES) {
    it(`${rule.call.source}: ${rule.why}`, () => {
      const outside = FILES.filter((f) => rule.call.test(f.code) && !rule.allowedIn.test(f.file)).map((f) => f.file);
      expect(outside).toEqual([]);
    });
  }

  it("finds the files it guards", () => {
    expect(FILES.length).toBeGreaterThan(150);
    expect(FILES.some((f) => f.file === "src/server/entry/gate.ts" && /getActor\(/.test(f.code))).toBe(true);
  });
});
