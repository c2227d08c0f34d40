// Checks a several-instance deployment through its proxy (README, "Several
// instances"), on a database with the demo data: requests are spread over more
// than one instance, and a status a secretary saves reaches a member's open
// list within 2 seconds when the save and the member's live stream are served
// by different instances. The proxy must name the instance that answered in an
// "X-Instance" response header (for this check only, e.g. nginx:
// add_header X-Instance $upstream_addr always;).
//   npx tsx deploy/check-live.ts http://localhost:8080
import { chromium, type Browser, type Page } from "@playwright/test";
import { existsSync } from "node:fs";

const base = (process.argv[2] ?? "http://localhost:8080").replace(/\/$/, "");
const PASSWORD = "demo-losenord";

async function fail(message: string): Promise<never> {
  console.error(`FAIL: ${message}`);
  process.exit(1);
}

// 1. Requests are spread over the instances.
const seen = new Set<string>();
for (let i = 0; i < 8; i++) {
  const res = await fetch(`${base}/api/health`);
  if (!res.ok) await fail(`/api/health answered ${res.status}`);
  seen.add(res.headers.get("x-instance") ?? "?");
}
console.log(`/api/health was served by: ${[...seen].join(", ")}`);
if (seen.size < 2) await fail("the proxy sent every request to one instance (or does not set X-Instance)");

async function signIn(browser: Browser, email: string): Promise<Page> {
  const ctx = await browser.newContext({ baseURL: base, locale: "sv-SE" });
  const page = await ctx.newPage();
  await page.goto("/logga-in");
  await page.getByLabel("E-post").fill(email);
  await page.getByLabel("Lösenord").fill(PASSWORD);
  await page.getByRole("button", { name: "Logga in", exact: true }).click();
  await page.waitForURL("**/uppdrag");
  return page;
}

const browser = await chromium.launch({ executablePath: existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined, args: ["--no-sandbox"] });
try {
  const member = await signIn(browser, "ledamot@exempelstad.example");
  let streamInstance = "";
  member.on("response", (r) => {
    if (new URL(r.url()).pathname === "/api/live") streamInstance = r.headers()["x-instance"] ?? "?";
  });
  const secretary = await signIn(browser, "sekreterare@exempelstad.example");

  let crossed = 0;
  for (let attempt = 1; attempt <= 6 && crossed < 2; attempt++) {
    // An uppdrag of KS or KF in progress (the secretary serves both); each attempt takes another.
    await secretary.goto("/uppdrag?status=IN_PROGRESS");
    const link = secretary.locator("table tbody tr", { hasText: /\b(KS|KF) §/ }).first().locator("a");
    const title = (await link.innerText()).trim();
    await link.click();
    await secretary.waitForURL(/\/uppdrag\/[^/?]+$/);

    await member.goto(`/uppdrag?q=${encodeURIComponent(title)}`);
    await member.getByText(/Uppdateras direkt/).waitFor({ timeout: 10_000 });
    const row = member.locator("table tbody tr", { hasText: title }).first();

    let saveInstance = "";
    const saved = secretary.waitForResponse((r) => r.request().method() === "POST").then((r) => (saveInstance = r.headers()["x-instance"] ?? "?"));
    const form = secretary.getByRole("region", { name: "Rapportera status" });
    await form.getByLabel("Ny status").selectOption({ label: "Försenad" });
    await form.getByLabel("Kommentar").fill(`Kontroll ${attempt} genom proxyn`);
    const t0 = Date.now();
    await form.getByRole("button", { name: "Spara status" }).click();
    await saved;
    await row.getByText("Försenad").waitFor({ timeout: 2_000 }).catch(() => fail(`attempt ${attempt}: the member's list did not update within 2 s (save on ${saveInstance}, stream on ${streamInstance})`));
    const ms = Date.now() - t0;
    const across = saveInstance !== streamInstance;
    if (across) crossed++;
    console.log(`save on ${saveInstance}, member's stream on ${streamInstance}: the list updated ${ms} ms after the click${across ? " (across instances)" : ""}`);
  }
  if (!crossed) await fail("no save landed on another instance than the member's stream; run again");
  console.log("OK");
} finally {
  await browser.close();
}
