import { describe, expect, it } from "vitest";
import { reportParamsSchema } from "@/lib/validation/report";

const BODY = "0b6f7a52-3f0e-4f7e-9a4a-0c2d1e0f9a11";

describe("the report's URL parameters", () => {
  it("without bodies mean the default bodies (a link, or the page's first view)", () => {
    expect(reportParamsSchema.parse({}).body).toBeUndefined();
  });
  it("take one body or several", () => {
    expect(reportParamsSchema.parse({ body: BODY }).body).toEqual([BODY]);
    expect(reportParamsSchema.parse({ body: [BODY, BODY] }).body).toHaveLength(2);
  });
  it("refuse a form sent with every body unticked, in Swedish, instead of reporting the default bodies", () => {
    const r = reportParamsSchema.safeParse({ valt: "1" });
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => i.message)).toEqual(["Välj minst ett organ som ska redovisas."]);
    expect(reportParamsSchema.safeParse({ valt: "1", body: BODY }).success).toBe(true);
  });
});
