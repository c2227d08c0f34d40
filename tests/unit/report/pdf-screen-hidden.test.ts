// The report PDF's document is hidden on the screen (Chromium then lays out
// nothing before and after printing) and only there: print media shows it all.
import { describe, expect, it } from "vitest";
import { hiddenOnScreen } from "@/server/report/pdf";

describe("hiddenOnScreen", () => {
  it("puts a screen-only style that hides the document first in the head", () => {
    const html = hiddenOnScreen(`<!doctype html><html lang="sv"><head><meta charset="utf-8"><style>@page { size: A4 landscape; }</style></head><body><p>Rapport</p></body></html>`);
    expect(html).toBe(
      `<!doctype html><html lang="sv"><head><style media="screen">html { display: none !important; }</style><meta charset="utf-8"><style>@page { size: A4 landscape; }</style></head><body><p>Rapport</p></body></html>`,
    );
  });

  it("finds a head with attributes, and puts the style first in a document without one", () => {
    expect(hiddenOnScreen(`<html><HEAD data-x="1"><title>t</title></HEAD></html>`)).toMatch(/^<html><HEAD data-x="1"><style media="screen">/);
    expect(hiddenOnScreen(`<p>Rapport</p>`)).toBe(`<style media="screen">html { display: none !important; }</style><p>Rapport</p>`);
  });

  it("leaves the print styles alone: the hiding style is for the screen only", () => {
    const html = hiddenOnScreen(`<html><head></head><body></body></html>`);
    expect(html).not.toMatch(/media="print"/);
    expect(html.match(/display: none/g)).toHaveLength(1);
    expect(html).toMatch(/<style media="screen">html \{ display: none !important; \}<\/style>/);
  });
});
