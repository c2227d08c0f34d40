// The order in which Vitest hands out the test files: longest first, across all
// projects, so that the last minute is not one slow file running alone while
// the other workers wait (Vitest's own order runs the projects one after the
// other, and in a fresh checkout, without its cache of durations, the largest
// files first). With a cache (a local run after an earlier one) the measured
// durations decide; in CI the table below does, and files not in it follow by
// size. Seconds per file on the 2-core CI machine (docs/decisions/010-test-speed.md).
import path from "node:path";
import { statSync } from "node:fs";
import { BaseSequencer, type TestSpecification } from "vitest/node";

const SECONDS: Record<string, number> = {
  "tests/integration/endpoint-matrix.test.ts": 24,
  "tests/integration/fuzz-actions.test.ts": 23,
  "tests/integration/hostile-uploads.test.ts": 21,
  "tests/integration/report.test.ts": 16,
  "tests/integration/sign-in-throttle.test.ts": 9,
  "tests/integration/report-cli.test.ts": 9,
  "tests/unit/protocol/cli.test.ts": 8,
  "tests/integration/data-model.test.ts": 8,
  "tests/integration/report-pdf.test.ts": 6,
  "tests/integration/totp.test.ts": 5,
  "tests/integration/plan.test.ts": 5,
  "tests/unit/fuzz-schemas.test.ts": 5,
  "tests/integration/migrations.test.ts": 5,
};

export default class LongestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const root = this.ctx.config.root;
    const key = (s: TestSpecification) => `${s.project.name}:${path.relative(root, s.moduleId)}`;
    const cached = files.every((s) => this.ctx.cache.getFileTestResults(key(s)));
    const weight = (s: TestSpecification): number => {
      if (cached) return this.ctx.cache.getFileTestResults(key(s))!.duration;
      const known = SECONDS[path.relative(root, s.moduleId)];
      // Unknown files after the known slow ones, larger first (a byte is far below a millisecond).
      return known !== undefined ? known * 1000 + 1e9 : statSync(s.moduleId).size / 1e6;
    };
    const weights = new Map(files.map((s) => [s, weight(s)]));
    return [...files].sort((a, b) => weights.get(b)! - weights.get(a)!);
  }
}
