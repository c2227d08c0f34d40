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

export const test = base;
export { expect };
