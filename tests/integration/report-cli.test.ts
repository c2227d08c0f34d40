// scripts/report.ts run as an operator would: through tsx, in a child process,
// on an embedded database (PGLITE_DIR) of its own. Its result cannot depend on
// the test project's database, so it runs once (vitest.config.ts).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { uniqueSlug } from "../support/db";
import { buildWorld } from "../support/world";
import { openPglite } from "@/server/db/connect";
import type { PlainReport } from "@/server/report/json";

const REPO = path.resolve(import.meta.dirname, "../..");

describe("scripts/report.ts", () => {
  const tsx = path.join(REPO, "node_modules", ".bin", "tsx");
  let dir: string;
  let slug: string;
  const run = (...args: string[]) => {
    const env: NodeJS.ProcessEnv = { ...process.env, PGLITE_DIR: path.join(dir, "pglite") };
    delete env.DATABASE_URL;
    const r = spawnSync(tsx, ["scripts/report.ts", ...args], { cwd: REPO, encoding: "utf8", env });
    return { status: r.status, stdout: r.stdout, stderr: r.stderr };
  };

  beforeAll(async () => {
    // The command reads the embedded database in PGLITE_DIR: give it a world of its own.
    dir = mkdtempSync(path.join(os.tmpdir(), "uppdrag-report-"));
    const cliDb = await openPglite(path.join(dir, "pglite"));
    try {
      const world = await buildWorld(cliDb.prisma, "Skriptkommun");
      slug = world.municipality.slug;
    } finally {
      await cliDb.close();
    }
  });
  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  // Each run starts tsx in a child process: give them time on a busy machine.
  it("writes the report and confirms in Swedish", { timeout: 120_000 }, () => {
    const out = path.join(dir, "rapport.json");
    const r = run("--municipality", slug, "--as-of", "2024-06-30", "--format", "json", "--out", out);
    expect(r.stderr).toContain(`Redovisningen för Skriptkommun per 30 juni 2024 är skriven till ${out}: 2 ej verkställda uppdrag, 0 avslutade sedan 31 december 2023.`);
    expect(r.status).toBe(0);
    const json = JSON.parse(readFileSync(out, "utf8")) as PlainReport;
    expect(json.open.map((g) => [g.body.shortName, g.rows.map((x) => x.title)])).toEqual([
      ["KF", ["Ta fram en vägplan"]],
      ["KS", ["Se över lokalerna"]],
    ]);
  });

  it("writes a PDF through Chromium", { timeout: 120_000 }, () => {
    const out = path.join(dir, "r.pdf");
    const r = run("--municipality", slug, "--as-of", "2024-06-30", "--format", "pdf", "--out", out);
    expect(r.status, r.stderr).toBe(0);
    expect(readFileSync(out).subarray(0, 5).toString()).toBe("%PDF-");
  });

  it("refuses bad input with Swedish messages: exit 1", { timeout: 120_000 }, () => {
    const bad = run("--municipality", "x", "--as-of", "2024-02-30", "--out", path.join(dir, "x.json"));
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain("Ogiltigt datum för --as-of: 2024-02-30");
    expect(bad.stderr).toContain("Ange formatet med --format");
    const unknown = run("--municipality", uniqueSlug("saknas"), "--format", "json", "--out", path.join(dir, "x.json"));
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toContain("Det finns ingen kommun med kortnamnet");
  });
});
