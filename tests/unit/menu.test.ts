import { describe, expect, it } from "vitest";
import { currentMenuHref } from "@/lib/menu";

describe("the main menu's current item", () => {
  const hrefs = ["/uppdrag", "/statusrunda", "/admin", "/admin/logg", "/rapporter"];
  it("is the page's own item", () => {
    expect(currentMenuHref("/uppdrag", hrefs)).toBe("/uppdrag");
  });
  it("is the parent item on a page below it", () => {
    expect(currentMenuHref("/uppdrag/0b6f7a52-3f0e-4f7e-9a4a-0c2d1e0f9a11", hrefs)).toBe("/uppdrag");
    expect(currentMenuHref("/admin/organ/1", hrefs)).toBe("/admin");
  });
  it("prefers the longest match where items nest", () => {
    expect(currentMenuHref("/admin/logg", hrefs)).toBe("/admin/logg");
  });
  it("needs a whole path segment, and is none on pages outside the menu", () => {
    expect(currentMenuHref("/uppdragx", hrefs)).toBeUndefined();
    expect(currentMenuHref("/konto", hrefs)).toBeUndefined();
  });
});
