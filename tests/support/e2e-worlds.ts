// How an end-to-end test file's own copy of a demo municipality is named. The
// e2e server (scripts/e2e-server.ts) creates the copies before the app starts;
// the tests (tests/e2e/fixtures.ts) sign in to them.
import path from "node:path";

/** "exempelstad" in tests/e2e/frozen-report.spec.ts → "exempelstad-frozen-report". */
export function e2eSlug(template: string, testFile: string): string {
  const stem = path.basename(testFile).replace(/\.spec\.ts$/, "");
  return `${template}-${stem}`;
}
