import { describe, expect, it } from "vitest";
import { isPrefetch } from "@/server/import/export";

describe("an export asked for by a prefetch", () => {
  it("is told apart from a download: Next.js's router, the browser's speculation rules and link previews", () => {
    expect(isPrefetch(new Headers({ "next-router-prefetch": "1", rsc: "1" }))).toBe(true);
    expect(isPrefetch(new Headers({ "sec-purpose": "prefetch" }))).toBe(true);
    expect(isPrefetch(new Headers({ "sec-purpose": "prefetch;prerender" }))).toBe(true);
    expect(isPrefetch(new Headers({ purpose: "prefetch" }))).toBe(true);
    expect(isPrefetch(new Headers({ "x-purpose": "preview" }))).toBe(true);
    expect(isPrefetch(new Headers({ accept: "text/html", "sec-fetch-dest": "document" }))).toBe(false);
    expect(isPrefetch(new Headers())).toBe(false);
  });
});
