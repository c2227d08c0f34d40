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

  it("ignores X-Forwarded-For and X-Real-IP without trusted proxies (TRUSTED_PROXY_HOPS=0): a client can write them", () => {
    expect(clientAddress({ "x-forwarded-for": "203.0.113.7, 10.0.0.1" }, 0)).toBe("unknown");
    expect(clientAddress({ "x-real-ip": "198.51.100.2" }, 0)).toBe("unknown");
    expect(clientAddress({}, 0)).toBe("unknown");
    expect(clientAddress(undefined, 0)).toBe("unknown");
  });

  it("with one trusted proxy takes the address that proxy added (the last), never the client's own claim", () => {
    // The client sent "X-Forwarded-For: 1.2.3.4"; the proxy appended the address it saw.
    expect(clientAddress({ "x-forwarded-for": "1.2.3.4, 203.0.113.7" }, 1)).toBe("203.0.113.7");
    expect(clientAddress({ "x-forwarded-for": "203.0.113.7" }, 1)).toBe("203.0.113.7");
    // Several spoofed values, and the header split over several lines.
    expect(clientAddress({ "x-forwarded-for": ["9.9.9.9, 8.8.8.8", "203.0.113.7"] }, 1)).toBe("203.0.113.7");
    expect(clientAddress({ "x-forwarded-for": "unknown, 203.0.113.7" }, 1)).toBe("203.0.113.7");
  });

  it("with N trusted proxies takes the Nth address from the right", () => {
    expect(clientAddress({ "x-forwarded-for": "1.2.3.4, 203.0.113.7, 10.0.0.2" }, 2)).toBe("203.0.113.7");
    expect(clientAddress({ "x-forwarded-for": "1.2.3.4, 5.6.7.8, 2001:db8::1, 10.0.0.2, 10.0.0.3" }, 3)).toBe("2001:db8::1");
    // Fewer entries than proxies: the leftmost was still written by a proxy.
    expect(clientAddress({ "x-forwarded-for": "203.0.113.7" }, 3)).toBe("203.0.113.7");
  });

  it("refuses what is not an address, and reads X-Real-IP only from a trusted proxy", () => {
    expect(clientAddress({ "x-forwarded-for": "1.2.3.4, <script>" }, 1)).toBe("unknown");
    expect(clientAddress({ "x-forwarded-for": "1.2.3.4, " + "9".repeat(200) }, 1)).toBe("unknown");
    expect(clientAddress({ "x-real-ip": "198.51.100.2" }, 1)).toBe("198.51.100.2");
    expect(clientAddress({}, 1)).toBe("unknown");
  });
});

describe("password hashing is bounded (a flood of sign-ins cannot queue unbounded scrypt work)", () => {
  it("never runs more than the bound at once, queues a few, and refuses the overflow without running it", async () => {
    const { HashLimiter, PasswordBusyError } = await import("@/server/auth/password");
    const limiter = new HashLimiter(2, 3);
    let running = 0;
    let most = 0;
    let started = 0;
    const gates: (() => void)[] = [];
    const job = () =>
      limiter.run(async () => {
        started++;
        running++;
        most = Math.max(most, running);
        await new Promise<void>((resolve) => gates.push(resolve));
        running--;
        return "klar";
      });
    const results = Array.from({ length: 8 }, () => job().then((v) => v, (e: unknown) => e));
    await new Promise((r) => setImmediate(r));
    expect(started, "two run, the rest wait").toBe(2);
    // Release one at a time until every admitted job has run.
    while (gates.length) {
      gates.shift()!();
      await new Promise((r) => setImmediate(r));
    }
    const settled = await Promise.all(results);
    expect(most).toBe(2);
    expect(settled.filter((v) => v === "klar")).toHaveLength(5);
    const refused = settled.filter((v) => v instanceof PasswordBusyError);
    expect(refused, "2 running + 3 queued admitted, 3 refused").toHaveLength(3);
    expect(started, "a refused job never hashes").toBe(5);
    // Afterwards the limiter admits again.
    const again = limiter.run(async () => "igen");
    expect(await again).toBe("igen");
  });

  it("frees its slot when a job fails", async () => {
    const { HashLimiter } = await import("@/server/auth/password");
    const limiter = new HashLimiter(1, 0);
    await expect(limiter.run(async () => Promise.reject(new Error("trasig")))).rejects.toThrow("trasig");
    expect(await limiter.run(async () => 1)).toBe(1);
  });
});
