import { test as base, expect, type Locator, type Page } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";

export const ROLES = ["ledamot", "sekreterare", "handlaggare", "administrator"] as const;
export type RoleKey = (typeof ROLES)[number];

/** Stored sign-in state, written once per user by auth.setup.ts. */
export const stateFile = (municipality: string, role: RoleKey) => `test-results/.auth/${municipality}-${role}.json`;
export const demoEmail = (municipality: string, role: RoleKey) => `${role}@${municipality}.example`;
export const DEMO_PASSWORD = "demo-losenord";

/** Fails on any WCAG 2.1 A/AA violation that axe finds on the page as it is now. */
export async function expectNoAxeViolations(page: Page) {
  // Next.js streams a page's metadata: after a server action refreshes the page,
  // the <title> is put back once the refreshed metadata has resolved. Check the
  // settled page; a page that never gets a title still fails here.
  await expect(page, "the page has a title").toHaveTitle(/\S/);
  const result = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const summary = result.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(", ")}`);
  expect(summary, "axe violations").toEqual([]);
}

export async function expectNoHorizontalScroll(page: Page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, "page scrolls sideways").toBeLessThanOrEqual(0);
}

/** Clicks a link to an uppdrag page and waits until it has opened. */
export async function openUppdrag(page: Page, link: Locator) {
  await Promise.all([page.waitForURL(/\/uppdrag\/[0-9a-f-]{36}$/), link.click()]);
}

/**
 * Messages the browser logs as errors that are a page working as meant: a
 * refusal or "not found" page is answered with its 4xx status, and Chromium logs
 * every such response as "Failed to load resource".
 */
const EXPECTED_CONSOLE_ERRORS = [/^Failed to load resource: the server responded with a status of 4\d\d/];

/** A React hydration error, in development or production words (#418, #423, #425: the server's HTML and the first render differ). */
export const HYDRATION_ERROR = /Minified React error #(418|419|421|422|423|425)|Hydration failed|hydrat(ed|ion).*(mismatch|didn't match)|server rendered (HTML|text) didn't match/i;

/**
 * Collects what the page reports as an error while it shows the app: console.error,
 * uncaught exceptions and React's hydration errors (another site's pages, such as
 * the test identity provider's, are not the app's to answer for).
 * `expectNoBrowserErrors()` fails on any of them; every test that uses `page`
 * checks it at its end (see `test` below).
 */
export function watchBrowserErrors(page: Page, appOrigin?: string) {
  const errors: string[] = [];
  const inApp = () => !appOrigin || page.url() === "about:blank" || page.url().startsWith(appOrigin);
  page.on("console", (m) => {
    if (m.type() !== "error" || !inApp()) return;
    const text = m.text();
    if (!EXPECTED_CONSOLE_ERRORS.some((re) => re.test(text))) errors.push(`console.error on ${page.url()}: ${text}`);
  });
  page.on("pageerror", (e) => {
    if (inApp()) errors.push(`${HYDRATION_ERROR.test(e.message) ? "hydration error" : "uncaught error"} on ${page.url()}: ${e.message}`);
  });
  return {
    errors,
    expectNoBrowserErrors: () => expect(errors, "errors in the browser console (React hydration errors included)").toEqual([]),
  };
}

/**
 * Every test's `page` fails the test when the browser reports an error: a
 * console.error, an uncaught exception or a React hydration error (#418). A test
 * that provokes one on purpose opts out with `test.use({ failOnBrowserErrors: false })`.
 */
export const test = base.extend<{ failOnBrowserErrors: boolean }>({
  failOnBrowserErrors: [true, { option: true }],
  page: async ({ page, failOnBrowserErrors, baseURL }, provide) => {
    const watch = watchBrowserErrors(page, baseURL ? new URL(baseURL).origin : undefined);
    await provide(page);
    if (failOnBrowserErrors) watch.expectNoBrowserErrors();
  },
});
export { expect };
