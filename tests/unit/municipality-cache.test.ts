import { describe, expect, it } from "vitest";
import { cachedForMunicipality } from "@/server/uppdrag/municipality-cache";
import { publish } from "@/server/live";

describe("per-municipality cache", () => {
  it("serves the cached value until a change in that municipality", async () => {
    let loads = 0;
    const load = async () => ++loads;
    expect(await cachedForMunicipality("m-a", "k", load)).toBe(1);
    expect(await cachedForMunicipality("m-a", "k", load)).toBe(1);
    expect(await cachedForMunicipality("m-b", "k", load), "another municipality has its own").toBe(2);
    publish("m-b", { type: "uppdrag-changed", uppdragId: "x", at: new Date().toISOString() });
    expect(await cachedForMunicipality("m-a", "k", load), "a change elsewhere leaves it").toBe(1);
    publish("m-a", { type: "uppdrag-changed", uppdragId: "x", at: new Date().toISOString() });
    expect(await cachedForMunicipality("m-a", "k", load)).toBe(3);
  });
  it("expires after a minute and never keeps a failure", async () => {
    let loads = 0;
    const t = Date.now();
    await cachedForMunicipality("m-c", "k", async () => ++loads, t);
    expect(await cachedForMunicipality("m-c", "k", async () => ++loads, t + 61_000)).toBe(2);
    await expect(cachedForMunicipality("m-c", "f", async () => Promise.reject(new Error("db down")))).rejects.toThrow("db down");
    expect(await cachedForMunicipality("m-c", "f", async () => "ok")).toBe("ok");
  });
});
