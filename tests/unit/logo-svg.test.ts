// Uploaded logos (issue #15, 10d): what is stored and served is always a
// raster image the server has decoded itself. A PNG is kept as uploaded once
// it decodes; an SVG is drawn to a PNG on the server (librsvg through sharp:
// no script, no network, no files), so no uploaded SVG text is ever served.
import { readFileSync, writeFileSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { readLogo } from "@/server/admin/settings";
import { RefusedError } from "@/server/errors";

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const isPng = (b: Uint8Array) => Buffer.from(b).subarray(0, 8).equals(PNG_SIGNATURE);
const svg = (body: string, attrs = "") => `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="64" height="32" viewBox="0 0 64 32"${attrs}>${body}</svg>`;

/** A red 16×16 PNG on disk, for SVGs that try to read local files. */
const dir = mkdtempSync(path.join(tmpdir(), "logo-"));
const redFile = path.join(dir, "red.png");
writeFileSync(redFile, await sharp({ create: { width: 16, height: 16, channels: 3, background: "#ff0000" } }).png().toBuffer());

const HOSTILE: Record<string, string> = {
  script: svg('<script>alert(1)</script><rect width="10" height="10"/>'),
  onload: svg('<rect width="10" height="10"/>', ' onload="alert(1)"'),
  "event handler through an entity": `<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY h "onload">]>${svg("<rect width='10' height='10'/>", ' &h;="alert(1)"')}`,
  "handler spelled with a character reference": svg('<a xlink:href="jav&#x61;script:alert(1)"><rect width="10" height="10"/></a>'),
  "animate href to javascript:": svg('<a href="#x"><animate attributeName="href" values="javascript:alert(1)"/><rect width="10" height="10"/></a>'),
  "set href to javascript:": svg('<a xlink:href="#x"><set attributeName="xlink:href" to="javascript:alert(1)"/><rect width="10" height="10"/></a>'),
  "@import in style": svg('<style>@import url("https://evil.test/x.css");</style><rect width="10" height="10"/>'),
  "external image over http": svg('<image xlink:href="http://evil.test/track.png" width="10" height="10"/>'),
  "external use": svg('<use href="https://evil.test/sprite.svg#a"/>'),
  foreignObject: svg('<foreignObject width="64" height="32"><div xmlns="http://www.w3.org/1999/xhtml"><iframe src="javascript:alert(1)"></iframe></div></foreignObject>'),
  "javascript: link": svg('<a href="javascript:alert(1)"><text y="20">klicka</text></a>'),
  "CDATA script": svg("<script><![CDATA[ alert(document.cookie) ]]></script>"),
  "xml-stylesheet": `<?xml version="1.0"?><?xml-stylesheet href="https://evil.test/x.xsl" type="text/xsl"?>${svg("<rect width='10' height='10'/>")}`,
  "external entity": `<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY x SYSTEM "file:///etc/passwd">]>${svg("<text y='20'>&x;</text>")}`,
  "billion laughs": `<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;"><!ENTITY e "&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;"><!ENTITY f "&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;"><!ENTITY g "&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;">]>${svg("<text y='20'>&g;</text>")}`,
  "html with an svg inside": `<html><body>${svg("<rect width='10' height='10'/>")}<script>alert(1)</script></body></html>`,
};

describe("an uploaded SVG logo", () => {
  it("is drawn to a PNG on the server; a plain SVG keeps its shape", async () => {
    const logo = await readLogo(Buffer.from(svg('<rect width="64" height="32" fill="#0000ff"/>')));
    expect(logo.type).toBe("image/png");
    expect(isPng(logo.bytes)).toBe(true);
    const { width, height } = await sharp(logo.bytes).metadata();
    expect(width! / height!).toBeCloseTo(2, 1);
    expect(Math.max(width!, height!)).toBeGreaterThanOrEqual(256); // sharp in the header at 2× and more
  });

  for (const [name, text] of Object.entries(HOSTILE))
    it(`never keeps hostile SVG text: ${name}`, async () => {
      let logo: Awaited<ReturnType<typeof readLogo>> | undefined;
      try {
        logo = await readLogo(Buffer.from(text));
      } catch (e) {
        expect(e).toBeInstanceOf(RefusedError);
        expect((e as RefusedError).field).toBe("logo");
        return;
      }
      expect(logo.type).toBe("image/png");
      expect(isPng(logo.bytes)).toBe(true);
      const stored = Buffer.from(logo.bytes).toString("latin1");
      for (const word of ["<svg", "script", "javascript", "evil.test", "onload", "@import"]) expect(stored).not.toContain(word);
    });

  it("reads no file of the server", async () => {
    const logo = await readLogo(Buffer.from(svg(`<image href="file://${redFile}" width="64" height="32"/><image href="${redFile}" width="64" height="32"/>`)));
    const { data, info } = await sharp(logo.bytes).raw().toBuffer({ resolveWithObject: true });
    let red = 0;
    for (let i = 0; i < data.length; i += info.channels) if (data[i] > 200 && data[i + 1] < 50 && data[i + 2] < 50) red++;
    expect(red).toBe(0);
  });
});

describe("an uploaded PNG logo", () => {
  it("is kept as uploaded when it decodes", async () => {
    const png = readFileSync("public/apple-touch-icon.png");
    const logo = await readLogo(png);
    expect(logo.type).toBe("image/png");
    expect(Buffer.from(logo.bytes).equals(png)).toBe(true);
  });

  it("is refused when only its first bytes are a PNG, or it is cut short, or it unpacks to a huge image", async () => {
    await expect(readLogo(Buffer.concat([PNG_SIGNATURE, Buffer.alloc(100)]))).rejects.toBeInstanceOf(RefusedError);
    await expect(readLogo(Buffer.concat([PNG_SIGNATURE, Buffer.from("<html><script>alert(1)</script>")]))).rejects.toBeInstanceOf(RefusedError);
    const png = readFileSync("public/icon-512.png");
    await expect(readLogo(png.subarray(0, Math.floor(png.length / 2)))).rejects.toBeInstanceOf(RefusedError);
    const bomb = await sharp({ create: { width: 5000, height: 5000, channels: 3, background: "#000000" } }).png({ compressionLevel: 9 }).toBuffer();
    expect(bomb.length).toBeLessThan(200 * 1024);
    await expect(readLogo(bomb)).rejects.toThrow(/för stor/);
  });

  it("refuses what is neither PNG nor SVG, in Swedish", async () => {
    await expect(readLogo(Buffer.from("GIF89a...."))).rejects.toThrow("Logotypen ska vara en PNG- eller SVG-fil.");
    await expect(readLogo(Buffer.from("<html><body>hej</body></html>"))).rejects.toThrow("Logotypen ska vara en PNG- eller SVG-fil.");
  });
});
