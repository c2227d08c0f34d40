// scoped.ts lists the models that carry municipalityId; the schema is the truth.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { TENANT_MODELS } from "@/server/db/scoped";

// Keyed by (userId, uppdragId) and written only through its own module; not scoped (yet).
const NOT_SCOPED = new Set(["UppdragView"]);

describe("tenant scoping", () => {
  it("covers every model with a municipalityId column", () => {
    const schema = readFileSync(path.resolve(import.meta.dirname, "../../prisma/schema.prisma"), "utf8");
    const withMunicipality = [...schema.matchAll(/^model (\w+) \{([\s\S]*?)^\}/gm)].filter(([, , body]) => /^\s+municipalityId\s/m.test(body)).map(([, name]) => name);
    expect(withMunicipality.length).toBeGreaterThan(10);
    expect(withMunicipality.filter((m) => !NOT_SCOPED.has(m)).sort()).toEqual([...TENANT_MODELS].sort());
  });
});
