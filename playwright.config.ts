import { defineConfig, devices } from "@playwright/test";
import { existsSync } from "node:fs";
import os from "node:os";

const port = Number(process.env.E2E_PORT ?? 3111);
const baseURL = `http://localhost:${port}`;
// A real OpenID Connect provider for the SSO tests (tests/support/oidc-provider.ts),
// started beside the app; the app is configured for it like for Entra ID.
const oidcPort = Number(process.env.OIDC_TEST_PORT ?? port + 1);
const oidcIssuer = `http://localhost:${oidcPort}`;
// Debian's Chromium when present (Playwright cannot download its own here),
// Playwright's own browser elsewhere. Headless runs take Debian's headless shell
// when it is installed: it is what Playwright itself runs headless, the same
// Chromium without the desktop browser around it, and it halved the suite's
// browser CPU here (340 -> 150 s; docs/decisions/010-test-speed.md). A visible
// browser (--headed, --ui, PWDEBUG) needs the full one. E2E_CHROMIUM overrides.
const headed = Boolean(process.env.E2E_HEADED) || Boolean(process.env.PWDEBUG) || process.argv.some((a) => a === "--headed" || a === "--ui" || a.startsWith("--ui-"));
// Workers load this file again: they inherit the runner's environment, not its arguments.
if (headed) process.env.E2E_HEADED = "1";
const executablePath =
  process.env.E2E_CHROMIUM ??
  [...(headed ? [] : ["/usr/bin/chromium-headless-shell"]), "/usr/bin/chromium"].find((p) => existsSync(p));

export default defineConfig({
  testDir: "tests/e2e",
  // Test files run in parallel, one worker per core; each file has its own copies
  // of the demo municipalities (tests/support/e2e-worlds.ts), and a file's tests run in order.
  fullyParallel: false,
  workers: Number(process.env.E2E_WORKERS ?? os.availableParallelism()),
  retries: process.env.CI ? 1 : 0,
  reporter: process.env.CI ? [["list"]] : [["list"]],
  timeout: 30_000,
  expect: { timeout: 10_000 },
  use: {
    ...devices["Desktop Chrome"],
    baseURL,
    viewport: { width: 1024, height: 768 },
    locale: "sv-SE",
    timezoneId: "Europe/Stockholm",
    // Recording a trace costs every test CPU (a DOM snapshot per action), so CI
    // records one only for a failed test's retry; locally every failure keeps one.
    trace: process.env.CI ? "on-first-retry" : "retain-on-failure",
    launchOptions: {
      executablePath,
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
    },
  },
  projects: [{ name: "chromium" }],
  webServer: [
    {
      command: "npx tsx tests/support/oidc-provider.ts",
      url: `${oidcIssuer}/.well-known/openid-configuration`,
      reuseExistingServer: false,
      timeout: 60_000,
      env: { E2E_PORT: String(port), OIDC_TEST_PORT: String(oidcPort) },
      stdout: "ignore",
      stderr: "ignore",
    },
    {
      command: "npx tsx scripts/e2e-server.ts",
      url: `${baseURL}/api/health`,
      reuseExistingServer: false,
      timeout: 180_000,
      // Without it Playwright kills the server outright, and the server's database
      // on TEST_DATABASE_URL's server was left behind after every run.
      gracefulShutdown: { signal: "SIGTERM", timeout: 20_000 },
      env: {
        PORT: String(port),
        OIDC_ISSUER: oidcIssuer,
        OIDC_NAME: "Exempelstads konto",
        OIDC_CLIENT_ID: "uppdragskollen-e2e",
        OIDC_CLIENT_SECRET: "e2e-only-client-secret-0123456789abcdef",
        OIDC_MUNICIPALITY: "exempelstad",
        OIDC_ROLE_GROUPS: "SEKRETERARE=grp-sekreterare,ADMINISTRATOR=grp-admin",
      },
      stdout: "ignore",
      stderr: "pipe",
    },
  ],
});
