import { defineConfig } from "vitest/config";
import os from "node:os";
import path from "node:path";
import { ISOLATED } from "./tests/support/isolation.js";
import LongestFirst from "./tests/support/sequencer.js";

// Two projects in one run, sharing its workers:
// - "postgresql" (with TEST_DATABASE_URL, as in .ci/run): unit and integration
//   tests on one migrated database on that server;
// - "pglite": the integration tests again, each file on an in-memory PGlite of
//   its own, the embedded database of the demo. Without TEST_DATABASE_URL it is
//   the only project and runs the unit tests too.
// Tests of PostgreSQL itself (roles and privileges, two instances) need a
// server: they run only in the "postgresql" project, and the run says when they
// are left out.
const POSTGRES_ONLY = ["tests/integration/database-roles.test.ts", "tests/integration/live-instances.test.ts"];
const withServer = Boolean(process.env.TEST_DATABASE_URL);
if (!withServer) console.warn(`Without TEST_DATABASE_URL these PostgreSQL-only tests are not run: ${POSTGRES_ONLY.join(", ")}`);

// Files whose result cannot depend on the project's database (they use none,
// or open a PGlite of their own): run once, in the "pglite" project.
const DATABASE_INDEPENDENT = [
  "tests/integration/hostile-uploads.test.ts",
  "tests/integration/report-pdf.test.ts",
  "tests/integration/sign-in-demo-mode.test.ts",
  "tests/integration/live-channel.test.ts",
  "tests/integration/plan-report.test.ts",
  "tests/integration/demo-data.test.ts",
  "tests/integration/report-cli.test.ts",
  "tests/integration/migrations.test.ts",
];
// Random hostile input at every server action: its subject is the entry layer's
// validation, and no fuzzed input reaches SQL, so PostgreSQL alone runs it.
const ENTRY_LAYER_ONLY = ["tests/integration/fuzz-actions.test.ts"];

const UNIT = "tests/unit/";
const INTEGRATION = "tests/integration/";

// Most integration time is spent waiting for PostgreSQL or in PGlite's own
// work, so one worker per core plus one keeps both cores busy (Vitest's
// default, cores − 1, ran one worker at a time on this 2-core machine).
const workers = Number(process.env.VITEST_WORKERS) || os.availableParallelism() + 1;

/**
 * A database's project, as two. Files that change what other files in the same
 * worker would see (module mocks, stubbed environment or globals, fake timers,
 * spies; tests/support/isolation.ts) get a fresh module graph each, Vitest's
 * default. Every other file shares its worker's loaded modules with the files
 * before it (isolate: false), which spares importing the app again for each
 * file: the run's CPU fell by a third (docs/decisions/010-test-speed.md).
 */
function projects(name: "postgresql" | "pglite", dirs: string[], exclude: string[]) {
  const skip = ["**/node_modules/**", ...exclude];
  const isolated = ISOLATED.filter((f) => dirs.some((d) => f.startsWith(d)) && !exclude.includes(f));
  return [
    { extends: true as const, test: { name, include: dirs.map((d) => `${d}**/*.test.ts`), exclude: [...skip, ...ISOLATED], isolate: false } },
    ...(isolated.length ? [{ extends: true as const, test: { name: `${name}:isolated`, include: isolated, isolate: true } }] : []),
  ];
}

export default defineConfig({
  resolve: {
    alias: {
      "@": path.resolve(import.meta.dirname, "src"),
      // Next.js resolves this marker itself; under Vitest it is a no-op.
      "server-only": path.resolve(import.meta.dirname, "tests/support/server-only.ts"),
    },
  },
  test: {
    globalSetup: ["tests/support/global-setup.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: "forks",
    maxWorkers: workers,
    sequence: { sequencer: LongestFirst },
    projects: [
      ...(withServer ? projects("postgresql", [UNIT, INTEGRATION], DATABASE_INDEPENDENT) : []),
      ...projects("pglite", withServer ? [INTEGRATION] : [UNIT, INTEGRATION], [...POSTGRES_ONLY, ...(withServer ? ENTRY_LAYER_ONLY : [])]),
    ],
  },
});
