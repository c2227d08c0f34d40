import { describe, expect, it } from "vitest";
import { THROTTLE, clientAddress, emailHash, waitAfterFailures, waitForAddress } from "@/server/auth/throttle";

const now = new Date("2026-11-25T12:00:00Z");
const ago = (seconds: number) => new Date(now.getTime() - seconds * 1000);
const failures = (n: number, everySeconds = 1) => Array.from({ length: n }, (_, i) => ago((n - i) * everySeconds));

describe("sign-in throttling by e-mail address", () => {
  it("lets the first failures through without waiting", () => {
    expect(waitAfterFailures([], now)).toBe(0);
    expect(waitAfterFailures(failures(THROTTLE.freeFailures - 1), now)).toBe(0);
  });

  it("makes the next attempt wait after the free failures, doubling with each further one", () => {
    // The last failure was 1 s ago.
    expect(waitAfterFailures(failures(THROTTLE.freeFailures), now)).toBe(THROTTLE.baseDelaySeconds - 1);
    expect(waitAfterFailures(failures(THROTTLE.freeFailures + 1), now)).toBe(THROTTLE.baseDelaySeconds * 2 - 1);
    expect(waitAfterFailures(failures(THROTTLE.freeFailures + 3), now)).toBe(THROTTLE.baseDelaySeconds * 8 - 1);
  });

  it("caps the wait", () => {
    expect(waitAfterFailures(failures(THROTTLE.freeFailures + 40), now)).toBe(THROTTLE.maxDelaySeconds - 1);
  });

  it("lets an attempt through once the wait has passed", () => {
    const old = failures(THROTTLE.freeFailures).map((d) => new Date(d.getTime() - THROTTLE.baseDelaySeconds * 1000));
    expect(waitAfterFailures(old, now)).toBe(0);
  });

  it("keys on the address whatever its case or spaces", () => {
    expect(emailHash(" Anna@Exempelstad.SE ")).toBe(emailHash("anna@exempelstad.se"));
  });
});

describe("sign-in throttling by client address", () => {
  it("holds back an address with very many failures in the window until the oldest leaves it", () => {
    expect(waitForAddress(failures(THROTTLE.ipFailures - 1), now)).toBe(0);
    const many = failures(THROTTLE.ipFailures, 2); // oldest 2*ipFailures seconds ago
    expect(waitForAddress(many, now)).toBe(THROTTLE.ipWindowSeconds - 2 * THROTTLE.ipFailures);
  });

  it("reads the first forwarded address, or says unknown", () => {
    expect(clientAddress({ "x-forwarded-for": "203.0.113.7, 10.0.0.1" })).toBe("203.0.113.7");
    expect(clientAddress({ "x-real-ip": "198.51.100.2" })).toBe("198.51.100.2");
    expect(clientAddress({})).toBe("unknown");
    expect(clientAddress(undefined)).toBe("unknown");
  });
});
