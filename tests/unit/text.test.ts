import { describe, expect, it } from "vitest";
import { controlCharacterPath } from "@/lib/validation/text";
import { shortenAtWord } from "@/lib/text";

describe("control characters in input", () => {
  it("are found with the path of the field that holds them", () => {
    expect(controlCharacterPath({ name: "per 30 april", note: "a\u0000b" })).toBe("note");
    expect(controlCharacterPath({ paragraphs: [{ title: "ok" }, { title: "\u001b[31m" }] })).toBe("paragraphs.1.title");
    expect(controlCharacterPath(["x", ["\u007f"]])).toBe("1.0");
    expect(controlCharacterPath("\u0001")).toBe("form");
  });

  it("let ordinary text, tabs, line breaks and form feeds through", () => {
    expect(controlCharacterPath({ a: "Rad 1\nRad 2\r\n\tIndrag\fSida 2", b: "Åsa <script>", c: 3, d: null })).toBeNull();
  });
});

describe("shortenAtWord", () => {
  it("leaves text that fits as it is", () => {
    expect(shortenAtWord("Avvaktar budgetbeslut.", 22)).toBe("Avvaktar budgetbeslut.");
  });

  it("cuts at the last whole word and marks the cut, within the limit", () => {
    const cut = shortenAtWord("Utredningen försenas eftersom underlaget från Trafikverket dröjer", 40);
    expect(cut).toBe("Utredningen försenas eftersom…");
    expect(cut.length).toBeLessThanOrEqual(40);
  });

  it("cuts inside a word when the last space would leave too little", () => {
    const cut = shortenAtWord("Ab Bygglovsavgiftsutredningsarbetet", 20);
    expect(cut).toBe("Ab Bygglovsavgiftsu…");
    expect(cut).toHaveLength(20);
  });
});
