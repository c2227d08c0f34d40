// Hostile input for property-based tests: what an attacker or a broken client
// sends to a public endpoint (a server action is one).
import fc from "fast-check";

export const HOSTILE_STRINGS = [
  "<script>alert(1)</script>",
  "\"><img src=x onerror=alert(1)>",
  "javascript:alert(1)",
  "'; DROP TABLE \"Uppdrag\"; --",
  "' OR '1'='1",
  "1; SELECT pg_sleep(10)",
  "%00",
  "\u0000\u0001\u0002\u001b[31m",
  "\u202e\u200b\ufeff",
  "../../etc/passwd",
  "{{7*7}}${7*7}",
  "=HYPERLINK(\"http://x\")",
  "00000000-0000-0000-0000-000000000000",
  "2026-02-30",
  "9999-99-99",
  "-1",
  "1e309",
  "NaN",
  "",
  " ",
];

const huge = fc.constantFrom("x".repeat(1_000_000), "å".repeat(300_000), "<".repeat(200_000));

export const hostileString: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...HOSTILE_STRINGS) },
  { weight: 3, arbitrary: fc.string({ unit: "binary", maxLength: 200 }) },
  { weight: 1, arbitrary: huge },
);

export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 6, arbitrary: hostileString },
  { weight: 1, arbitrary: fc.oneof(fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.constant(undefined)) },
  { weight: 1, arbitrary: fc.array(hostileString, { maxLength: 3 }) },
  { weight: 1, arbitrary: fc.dictionary(fc.string({ maxLength: 5 }), hostileString, { maxKeys: 3 }) },
);

/** An object with the schema's own keys (so validation goes deep), each holding something hostile or missing. */
export function hostileObject(keys: string[]): fc.Arbitrary<Record<string, unknown>> {
  return fc.record(Object.fromEntries(keys.map((k) => [k, hostileValue])), { requiredKeys: [] });
}

/** The same as FormData fields: strings only (what a browser can send to a server action). */
export function hostileFormFields(keys: string[]): fc.Arbitrary<Partial<Record<string, string>>> {
  return fc.record(Object.fromEntries(keys.map((k) => [k, hostileString])), { requiredKeys: [] });
}
