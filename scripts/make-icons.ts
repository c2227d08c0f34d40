// Renders public/icon.svg to the PNG icons the web app manifest and iOS need (run after changing the SVG).
import { chromium } from "@playwright/test";
import { existsSync, readFileSync } from "node:fs";
const svg = readFileSync("public/icon.svg", "utf8");
const browser = await chromium.launch({ executablePath: existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined, args: ["--no-sandbox", "--disable-gpu"] });
for (const [size, name, pad] of [[192, "icon-192.png", 0], [512, "icon-512.png", 0], [180, "apple-touch-icon.png", 0], [512, "icon-maskable-512.png", 64]] as const) {
  const page = await browser.newPage({ viewport: { width: size, height: size } });
  await page.setContent(`<html><body style="margin:0;background:#173d6e;display:flex;align-items:center;justify-content:center;width:${size}px;height:${size}px">${svg.replace("<svg ", `<svg width="${size - 2 * pad}" height="${size - 2 * pad}" `)}</body></html>`);
  await page.screenshot({ path: `public/${name}`, omitBackground: false });
  await page.close();
}
await browser.close();
