import { test as setup, expect } from "@playwright/test";
import { ROLES, stateFile, demoEmail, DEMO_PASSWORD } from "./fixtures";

const USERS = [
  ...ROLES.map((r) => ["exempelstad", r] as const),
  ["vimmerby", "administrator"] as const,
  ["vimmerby", "ledamot"] as const,
  ["vimmerby", "sekreterare"] as const,
  // Seed 003's verksamhetsplan (tests/e2e/plan.spec.ts) and meeting registration
  ["mjolby", "ledamot"] as const,
  ["mjolby", "sekreterare"] as const,
  ["mjolby", "handlaggare"] as const,
];

for (const [municipality, role] of USERS) {
  setup(`sign in as ${role} in ${municipality}`, async ({ page }) => {
    await page.goto("/logga-in");
    await page.getByLabel("E-post").fill(demoEmail(municipality, role));
    await page.getByLabel("Lösenord").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Logga in", exact: true }).click();
    await page.waitForURL("**/uppdrag");
    await expect(page.getByRole("heading", { level: 1, name: "Uppdrag" })).toBeVisible();
    await page.context().storageState({ path: stateFile(municipality, role) });
  });
}
