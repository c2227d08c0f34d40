import { test as base, expect, type Browser, type BrowserContext, type BrowserContextOptions, type Locator, type Page } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import { existsSync, mkdirSync, renameSync } from "node:fs";
import path from "node:path";
import { e2eSlug } from "../support/e2e-worlds";

export const ROLES = ["ledamot", "sekreterare", "handlaggare", "administrator"] as const;
export type RoleKey = (typeof ROLES)[number];
/** The demo municipalities a test file can have its own copy of. */
export type DemoTemplate = "exempelstad" | "vimmerby" | "alingsas" | "mjolby";
export const DEMO_PASSWORD = "demo-losenord";

/**
 * This test file's own copy of a demo municipality: the e2e server creates one
 * per test file for every demo municipality the file names (scripts/e2e-server.ts),
 * so files run in parallel without seeing each other's changes. Call inside a test.
 */
export const slugOf = (template: DemoTemplate) => e2eSlug(template, base.info().file);
/** The demo user of a role in this test file's copy of a municipality. */
export const demoEmail = (template: DemoTemplate, role: RoleKey) => `${role}@${slugOf(template)}.example`;

/** Who a test's `page` is signed in as: [demo municipality, role], in this test file's copy. */
export type SignedInAs = readonly [DemoTemplate, RoleKey];
export const as = (template: DemoTemplate, role: RoleKey): SignedInAs => [template, role];

const SIGN_IN_TIMEOUT = 30_000;
const inFlight = new Map<string, Promise<string>>();
/**
 * The stored sign-in of a user (signed in through the form once per run and
 * test file, then reused). Returns the storage-state file's path.
 */
export async function signedInState(browser: Browser, baseURL: string, slug: string, role: RoleKey): Promise<string> {
  const file = path.join("test-results", ".auth", `${slug}-${role}.json`);
  if (existsSync(file)) return file;
  // Signing in is the test's set-up, not its work: it gets time of its own.
  const info = base.info();
  info.setTimeout(info.timeout + 2 * SIGN_IN_TIMEOUT);
  const pending = inFlight.get(file) ?? signIn(browser, baseURL, slug, role, file);
  inFlight.set(file, pending);
  try {
    return await pending;
  } finally {
    inFlight.delete(file);
  }
}

async function signIn(browser: Browser, baseURL: string, slug: string, role: RoleKey, file: string): Promise<string> {
  // Signed out explicitly: a context made inside a test takes the test's options, its storage state included.
  const ctx = await browser.newContext({ baseURL, storageState: { cookies: [], origins: [] } });
  try {
    const page = await ctx.newPage();
    await page.goto("/logga-in");
    await page.getByLabel("E-post").fill(`${role}@${slug}.example`);
    await page.getByLabel("Lösenord").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Logga in", exact: true }).click();
    // Signed in once the list answers (its "load" event waits for more than the session needs).
    await page.waitForURL("**/uppdrag", { waitUntil: "commit", timeout: SIGN_IN_TIMEOUT });
    await expect(page.getByRole("heading", { level: 1, name: "Uppdrag" })).toBeVisible({ timeout: SIGN_IN_TIMEOUT });
    mkdirSync(path.dirname(file), { recursive: true });
    const partial = `${file}.${process.pid}.tmp`;
    await ctx.storageState({ path: partial });
    renameSync(partial, file); // whole or not at all, should another worker read it
    return file;
  } finally {
    await ctx.close();
  }
}

/** The storage-state file of a user in this test file's copy of a demo municipality (call inside a test). */
export async function stateFor(browser: Browser, template: DemoTemplate, role: RoleKey): Promise<string> {
  return signedInState(browser, String(base.info().project.use.baseURL), slugOf(template), role);
}

/** A new browser context signed in as a user of this test file's copy of a demo municipality. */
export async function contextAs(browser: Browser, template: DemoTemplate, role: RoleKey, options: BrowserContextOptions = {}): Promise<BrowserContext> {
  const baseURL = String(base.info().project.use.baseURL);
  return browser.newContext({ baseURL, ...options, storageState: await signedInState(browser, baseURL, slugOf(template), role) });
}

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

/**
 * Waits until React has hydrated the page's forms. Before that a submit is the
 * browser's own form post (the app works without JavaScript too), not the
 * server-action request a test may want to watch or stop; React marks each
 * element it has taken over with its `__reactProps$…` key.
 */
export async function waitForHydration(page: Page) {
  await expect
    .poll(() => page.evaluate(() => [...document.forms].every((f) => Object.keys(f).some((k) => k.startsWith("__reactProps$")))), { message: "the page's forms are hydrated" })
    .toBe(true);
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
export const test = base.extend<{ failOnBrowserErrors: boolean; signedInAs: SignedInAs | null }>({
  failOnBrowserErrors: [true, { option: true }],
  /** `test.use({ signedInAs: as("exempelstad", "administrator") })`: the page is that user's, in this file's copy. */
  signedInAs: [null, { option: true }],
  storageState: async ({ signedInAs, storageState, browser, baseURL }, provide, testInfo) => {
    await provide(signedInAs ? await signedInState(browser, baseURL!, e2eSlug(signedInAs[0], testInfo.file), signedInAs[1]) : storageState);
  },
  page: async ({ page, failOnBrowserErrors, baseURL }, provide) => {
    const watch = watchBrowserErrors(page, baseURL ? new URL(baseURL).origin : undefined);
    await provide(page);
    if (failOnBrowserErrors) watch.expectNoBrowserErrors();
  },
});
export { expect };
