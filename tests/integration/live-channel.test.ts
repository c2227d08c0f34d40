// The live channel's notification payload (src/server/live-channel.ts): what an
// instance sends with pg_notify and what the listeners accept. No database needed.
import { describe, expect, it } from "vitest";
import { decodeLiveMessage, encodeLiveMessage, MAX_PAYLOAD_BYTES } from "@/server/live-channel";

describe("the live channel's payload", () => {
  const event = { type: "uppdrag-changed" as const, uppdragId: "0b6a3f4e-8d7c-4e2b-9a55-3c1f0e2d4b6a", at: "2026-12-06T20:00:00.000Z" };

  it("carries the municipality, the uppdrag, the kind of change and the time, far under NOTIFY's 8000 bytes", () => {
    const payload = encodeLiveMessage("5f0c1d2e-3b4a-4c5d-8e9f-a0b1c2d3e4f5", event);
    expect(Buffer.byteLength(payload)).toBeLessThan(200);
    expect(decodeLiveMessage(payload)).toEqual({ municipalityId: "5f0c1d2e-3b4a-4c5d-8e9f-a0b1c2d3e4f5", event });
  });

  it("refuses to send a payload PostgreSQL would refuse", () => {
    expect(() => encodeLiveMessage("m", { ...event, uppdragId: "x".repeat(MAX_PAYLOAD_BYTES) })).toThrow(/too large/);
  });

  it("ignores what is not one of its messages", () => {
    for (const p of [undefined, "", "not json", "{}", JSON.stringify({ m: "m", t: "something-else", u: "u" }), JSON.stringify({ m: 1, t: "uppdrag-changed", u: "u" })]) {
      expect(decodeLiveMessage(p)).toBeNull();
    }
  });
});
