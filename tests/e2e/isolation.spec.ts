// A user of one municipality can neither see nor change another's records,
// through pages, route handlers and server actions; a ledamot cannot write.
import { test, expect, contextAs, openUppdrag, type DemoTemplate, type RoleKey } from "./fixtures";
import type { Browser } from "@playwright/test";

async function session(browser: Browser, municipality: DemoTemplate, role: RoleKey) {
  const ctx = await contextAs(browser, municipality, role);
  return { ctx, page: await ctx.newPage() };
}

async function firstOpenUppdrag(browser: Browser, municipality: DemoTemplate) {
  const { ctx } = await session(browser, municipality, "administrator");
  const r = await ctx.request.get("/api/uppdrag");
  expect(r.ok()).toBe(true);
  const body = (await r.json()) as { rows: { id: string; status: string }[] };
  await ctx.close();
  return body.rows[0];
}

async function statusOf(browser: Browser, municipality: DemoTemplate, id: string) {
  const { ctx } = await session(browser, municipality, "administrator");
  const r = await ctx.request.get(`/api/uppdrag/${id}`);
  const body = (await r.json()) as { status: string; version: number; history: unknown[] };
  await ctx.close();
  return body;
}

test("route handlers refuse visitors and other municipalities", async ({ browser, request }) => {
  const target = await firstOpenUppdrag(browser, "exempelstad");
  expect((await request.get("/api/uppdrag")).status()).toBe(401);
  expect((await request.get(`/api/uppdrag/${target.id}`)).status()).toBe(401);

  const { ctx } = await session(browser, "vimmerby", "administrator");
  expect((await ctx.request.get(`/api/uppdrag/${target.id}`)).status()).toBe(404);
  const list = (await (await ctx.request.get("/api/uppdrag?showClosed=1")).json()) as { rows: { id: string }[]; total: number };
  expect(list.rows.map((r) => r.id)).not.toContain(target.id);
  expect(list.total).toBe(2); // Vimmerby's two uppdrag from seed 001
  await ctx.close();
});

test("pages of another municipality's records are not found", async ({ browser }) => {
  const target = await firstOpenUppdrag(browser, "exempelstad");
  const { ctx, page } = await session(browser, "vimmerby", "administrator");
  const res = await page.goto(`/uppdrag/${target.id}`);
  expect(res?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Sidan finns inte" })).toBeVisible();
  await ctx.close();
});

test("the status action refuses another municipality's uppdrag and changes nothing", async ({ browser }) => {
  const target = await firstOpenUppdrag(browser, "exempelstad");
  const before = await statusOf(browser, "exempelstad", target.id);

  // Vimmerby's administrator opens one of their own uppdrag, then points the form at Exempelstad's.
  const { ctx, page } = await session(browser, "vimmerby", "administrator");
  await page.goto("/uppdrag?showClosed=1");
  await openUppdrag(page, page.locator("table tbody tr a").first());
  const form = page.getByRole("region", { name: "Rapportera status" });
  await form.getByLabel("Ny status").selectOption({ label: "Genomförs ej" });
  await form.getByLabel("Kommentar").fill("Försök att ändra en annan kommuns uppdrag");
  // The request is changed on its way out, as an attacker's proxy would: changing the
  // hidden fields in the page races React, which may render its own values back.
  const ownId = page.url().split("/").pop()!;
  let tampered = false;
  await page.route(page.url(), async (route) => {
    const req = route.request();
    if (req.method() !== "POST" || !req.headers()["next-action"]) return route.continue();
    const body = req.postDataBuffer()!.toString("latin1");
    const changed = body.replaceAll(ownId, target.id).replace(/(name="expectedVersion"\r\n\r\n)\d+/, "$11");
    tampered = changed.includes(target.id) && !changed.includes(ownId);
    await route.continue({ postData: Buffer.from(changed, "latin1") });
  });
  await form.getByRole("button", { name: "Spara status" }).click();
  await expect.poll(() => tampered, { message: "the sent form named the other municipality's uppdrag" }).toBe(true);
  await expect(form.getByRole("alert")).toContainText("finns inte");
  await ctx.close();

  const after = await statusOf(browser, "exempelstad", target.id);
  expect(after.status).toBe(before.status);
  expect(after.version).toBe(before.version);
  expect(after.history.length).toBe(before.history.length);
});

test("a ledamot's page has no form, and replaying the action's request as a ledamot changes nothing", async ({ browser }) => {
  // Capture the real server-action request an administrator's form sends (and stop it there).
  const adm = await session(browser, "exempelstad", "administrator");
  await adm.page.goto("/uppdrag?status=NOT_STARTED");
  await openUppdrag(adm.page, adm.page.locator("table tbody tr a").first());
  const url = adm.page.url();
  const id = url.split("/").pop()!;
  const before = await statusOf(browser, "exempelstad", id);
  let captured: { headers: Record<string, string>; body: Buffer } | undefined;
  await adm.page.route(url, async (route) => {
    const req = route.request();
    if (req.method() === "POST" && req.headers()["next-action"]) {
      captured = { headers: req.headers(), body: req.postDataBuffer()! };
      await route.abort();
    } else await route.continue();
  });
  const form = adm.page.getByRole("region", { name: "Rapportera status" });
  await form.getByLabel("Ny status").selectOption({ label: "Verkställd" });
  await form.getByLabel("Kommentar").fill("Skickat i en annan session");
  await form.getByRole("button", { name: "Spara status" }).click();
  await expect.poll(() => captured !== undefined).toBe(true);
  const { headers, body } = captured!;
  const replayHeaders = Object.fromEntries(Object.entries(headers).filter(([k]) => !["cookie", "content-length", "host"].includes(k)));

  const led = await session(browser, "exempelstad", "ledamot");
  await led.page.goto(url);
  await expect(led.page.getByRole("region", { name: "Rapportera status" })).toHaveCount(0);
  const refused = await led.ctx.request.post(url, { headers: replayHeaders, data: body });
  expect(refused.status()).toBeLessThan(500);
  expect(await refused.text()).toContain("Du har inte behörighet att göra den ändringen.");
  await led.ctx.close();
  const after = await statusOf(browser, "exempelstad", id);
  expect(after.status).toBe(before.status);
  expect(after.version).toBe(before.version);
  expect(after.history.length).toBe(before.history.length);

  // Control: the same request from the administrator's session does change it,
  // so the refusal above came from the server's check, not a broken replay.
  const ok = await adm.ctx.request.post(url, { headers: replayHeaders, data: body });
  expect(await ok.text()).toContain("Statusen är sparad.");
  await adm.ctx.close();
  const control = await statusOf(browser, "exempelstad", id);
  expect(control.status).toBe("COMPLETED");
  expect(control.version).toBe(before.version + 1);
});
