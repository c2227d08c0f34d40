// Which test files need a module graph of their own (vitest.config.ts). A file
// that mocks a module, stubs the environment or a global, fakes the clock or
// spies on a shared object would change what the next file in the same worker
// sees, since the others share their worker's loaded modules.
// tests/unit/isolation-list.test.ts keeps this list equal to what the files do.

/** What in a test file makes it need isolation. */
export const NEEDS_ISOLATION =
  /\bvi\.(mock|doMock|stubEnv|stubGlobal|useFakeTimers|spyOn|resetModules)\b|process\.env(\.\w+|\[[^\]]+\])\s*=(?!=)|delete process\.env|globalThis\.\w+\s*=(?!=)|Object\.defineProperty\(globalThis/;

export const ISOLATED = [
  "tests/integration/endpoint-matrix.test.ts",
  "tests/integration/entry-layer.test.ts",
  "tests/integration/fuzz-actions.test.ts",
  "tests/integration/import.test.ts",
  "tests/integration/meetings.test.ts",
  "tests/integration/public-view.test.ts",
  "tests/integration/report-pdf.test.ts",
  "tests/integration/sign-in-demo-mode.test.ts",
  "tests/integration/sign-in-throttle.test.ts",
  "tests/integration/totp.test.ts",
  "tests/unit/live-refresh.test.ts",
  "tests/unit/session-cookie.test.ts",
];
