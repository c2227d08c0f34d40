import { describe, expect, it } from "vitest";
import { safePath } from "@/lib/safe-path";

const ORIGIN = "https://uppdrag.example-kommun.se";

describe("safePath: where the sign-in may send the browser", () => {
  it("keeps a same-origin path with its query and fragment", () => {
    expect(safePath("/uppdrag", ORIGIN)).toBe("/uppdrag");
    expect(safePath("/uppdrag?status=DELAYED&q=%C3%A5", ORIGIN)).toBe("/uppdrag?status=DELAYED&q=%C3%A5");
    expect(safePath("/uppdrag/abc#historik", ORIGIN)).toBe("/uppdrag/abc#historik");
    expect(safePath(`${ORIGIN}/admin`, ORIGIN), "an absolute URL of this origin").toBe("/admin");
  });

  it.each([
    ["protocol-relative", "//evil.example"],
    ["backslash after the slash", "/\\evil.example"],
    ["backslash, decoded from %2F%5C", decodeURIComponent("%2F%5Cevil.example")],
    ["two backslashes", "\\\\evil.example"],
    ["tab between slashes", "/\t/evil.example"],
    ["newline between slashes", "/\n/evil.example"],
    ["carriage return", "/\r/evil.example"],
    ["leading space", " //evil.example"],
    ["NUL", "/\u0000/evil.example"],
    ["absolute URL elsewhere", "https://evil.example/uppdrag"],
    ["javascript:", "javascript:alert(1)"],
    ["data:", "data:text/html,hi"],
    ["relative without slash", "evil.example"],
    ["empty", ""],
    ["dot segments to a protocol-relative path", "/..//evil.example"],
    ["dot segment", "/.//evil.example"],
    ["an encoded backslash (stays a path here)", "/%5Cevil.example"],
  ])("refuses %s", (_label, hostile) => {
    const out = safePath(hostile, ORIGIN);
    // Whatever comes back resolves to this origin, and is a plain path.
    expect(new URL(out, ORIGIN).origin).toBe(ORIGIN);
    expect(out.startsWith("/") && !out.startsWith("//") && !/[\\\s\u0000-\u001f\u007f]/.test(out)).toBe(true);
    if (!hostile.startsWith("/%5C")) expect(out).toBe("/uppdrag");
    else expect(out).toBe("/%5Cevil.example");
  });

  it("falls back to /uppdrag for anything not a string", () => {
    expect(safePath(undefined, ORIGIN)).toBe("/uppdrag");
    expect(safePath(["/a", "/b"] as unknown as string, ORIGIN)).toBe("/uppdrag");
  });
});
