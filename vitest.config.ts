import { defineConfig } from "vitest/config";
import path from "node:path";

// Tests of PostgreSQL itself (roles and privileges) need a server: they are part
// of the run only with TEST_DATABASE_URL (as in .ci/run), and the run says so
// when they are left out.
const POSTGRES_ONLY = ["tests/integration/database-roles.test.ts", "tests/integration/live-instances.test.ts"];
if (!process.env.TEST_DATABASE_URL) console.warn(`Without TEST_DATABASE_URL these PostgreSQL-only tests are not run: ${POSTGRES_ONLY.join(", ")}`);

export default defineConfig({
  resolve: {
    alias: {
      "@": path.resolve(import.meta.dirname, "src"),
      // Next.js resolves this marker itself; under Vitest it is a no-op.
      "server-only": path.resolve(import.meta.dirname, "tests/support/server-only.ts"),
    },
  },
  test: {
    include: ["tests/unit/**/*.test.ts", "tests/integration/**/*.test.ts"],
    exclude: ["**/node_modules/**", ...(process.env.TEST_DATABASE_URL ? [] : POSTGRES_ONLY)],
    globalSetup: ["tests/support/global-setup.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: "forks",
  },
});
