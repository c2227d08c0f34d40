import { defineConfig } from "vitest/config";
import os from "node:os";
import path from "node:path";

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
];
// Random hostile input at every server action: its subject is the entry layer's
// validation, and no fuzzed input reaches SQL, so PostgreSQL alone runs it.
const ENTRY_LAYER_ONLY = ["tests/integration/fuzz-actions.test.ts"];

const UNIT = "tests/unit/**/*.test.ts";
const INTEGRATION = "tests/integration/**/*.test.ts";

// Most integration time is spent waiting for PostgreSQL or in PGlite's own
// work, so one worker per core plus one keeps both cores busy (Vitest's
// default, cores − 1, ran one worker at a time on this 2-core machine).
const workers = Number(process.env.VITEST_WORKERS) || os.availableParallelism() + 1;

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
    projects: [
      ...(withServer
        ? [{ extends: true as const, test: { name: "postgresql", include: [UNIT, INTEGRATION], exclude: ["**/node_modules/**", ...DATABASE_INDEPENDENT] } }]
        : []),
      {
        extends: true as const,
        test: { name: "pglite", include: withServer ? [INTEGRATION] : [UNIT, INTEGRATION], exclude: ["**/node_modules/**", ...POSTGRES_ONLY, ...(withServer ? ENTRY_LAYER_ONLY : [])] },
      },
    ],
  },
});
