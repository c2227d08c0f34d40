// Property-based tests of every zod schema the app validates input with: every
// module in src/lib/validation is loaded and each exported schema is fed hostile
// input (XSS and SQL fragments, control characters, 1 MB strings, wrong types).
// A schema must never throw, must refuse with Swedish messages only, and must
// never let a huge string through. A new schema is fuzzed without being listed.
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { readdirSync } from "node:fs";
import path from "node:path";
import { z } from "@/lib/validation/zod";
import { hostileObject, hostileValue } from "../support/hostile";

const dir = path.resolve(import.meta.dirname, "../../src/lib/validation");
const modules = readdirSync(dir).filter((f) => f.endsWith(".ts") && f !== "zod.ts");

/** English words zod uses in its default messages: none may reach a user. */
const ENGLISH = /\b(invalid|expected|required|received|too (big|small)|must (be|have|contain)|string|number|object|array)\b/i;
/** The longest string any accepted input may carry. */
const MAX_ACCEPTED_STRING = 100_000;

function longestString(v: unknown, seen = new Set<unknown>()): number {
  if (typeof v === "string") return v.length;
  if (!v || typeof v !== "object" || seen.has(v)) return 0;
  seen.add(v);
  return Math.max(0, ...Object.values(v as Record<string, unknown>).map((x) => longestString(x, seen)));
}

/** The object shape behind refinements and transforms, if the schema takes an object. */
function shapeOf(schema: z.ZodType): string[] | null {
  const s = schema as unknown as { shape?: Record<string, unknown>; _zod: { def: { type: string; in?: z.ZodType } } };
  if (s.shape) return Object.keys(s.shape);
  if (s._zod.def.type === "pipe" && s._zod.def.in) return shapeOf(s._zod.def.in);
  return null;
}

const RUNS = Number(process.env.FUZZ_RUNS ?? 300);
let fuzzedInputs = 0;

describe.each(modules)("schemas in %s", (file) => {
  it("take hostile input without throwing, refuse it in Swedish, and never accept a huge string", async () => {
    const mod = (await import(path.join(dir, file))) as Record<string, unknown>;
    const schemas = Object.entries(mod).filter((e): e is [string, z.ZodType] => e[1] instanceof z.ZodType);
    if (schemas.length === 0) return; // helpers only (text.ts); the schemas that use them are fuzzed
    for (const [name, schema] of schemas) {
      const keys = shapeOf(schema);
      const input = keys ? fc.oneof({ weight: 4, arbitrary: hostileObject(keys) }, { weight: 1, arbitrary: hostileValue }) : hostileValue;
      fc.assert(
        fc.property(input, (value) => {
          fuzzedInputs++;
          const result = schema.safeParse(value);
          if (result.success) {
            expect(longestString(result.data), `${name} accepted a string of over ${MAX_ACCEPTED_STRING} characters`).toBeLessThanOrEqual(MAX_ACCEPTED_STRING);
            return;
          }
          for (const issue of result.error.issues) {
            expect(issue.message, `${name}: empty message`).not.toBe("");
            expect(issue.message, `${name}: not Swedish`).not.toMatch(ENGLISH);
          }
        }),
        { numRuns: RUNS },
      );
    }
  });
});

it("fuzzed a meaningful number of inputs", () => {
  // Printed for the issue notes: how many hostile inputs the schemas took.
  console.log(`fuzz: ${modules.length} validation modules, ${fuzzedInputs} hostile inputs`);
  expect(fuzzedInputs).toBeGreaterThanOrEqual(modules.length * RUNS);
});
