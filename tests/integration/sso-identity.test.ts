import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase, scopedFor } from "../support/db";
import { buildWorld, type World } from "../support/world";
import type { Database } from "@/server/db/connect";
import { oidcConfigFromEnv, parseRoleGroups, resolveOidcSignIn, roleFromGroups, type OidcConfig } from "@/server/auth/oidc";
import { actorForSession, startSession } from "@/server/auth/sessions";
import { setUserActive } from "@/server/admin/users";

let db: Database;
let w: World;
let other: World;
let config: OidcConfig;
const ISS = "https://login.microsoftonline.com/11111111-2222-3333-4444-555555555555/v2.0";

beforeAll(async () => {
  db = await openTestDatabase();
  w = await buildWorld(db.prisma, "SSO-kommun");
  other = await buildWorld(db.prisma, "Grannkommun");
  config = oidcConfigFromEnv({
    OIDC_ISSUER: ISS,
    OIDC_CLIENT_ID: "client",
    OIDC_CLIENT_SECRET: "secret",
    OIDC_MUNICIPALITY: w.municipality.slug,
    OIDC_ROLE_GROUPS: "ADMINISTRATOR=grp-admin, SEKRETERARE=grp-sekr,LEDAMOT=grp-pol",
  })!;
});
afterAll(async () => db?.close());

// The provider vouches for the e-mail (linking needs it; sign-in-sso.test.ts covers an unverified one).
const claims = (sub: string, extra: Record<string, unknown> = {}) => ({ iss: ISS, sub, email_verified: true, ...extra });

describe("configuration", () => {
  it("is off without OIDC_ISSUER, refuses a half configuration, and reads the role groups", () => {
    expect(oidcConfigFromEnv({})).toBeNull();
    expect(() => oidcConfigFromEnv({ OIDC_ISSUER: ISS })).toThrow(/OIDC_CLIENT_ID, OIDC_CLIENT_SECRET, OIDC_MUNICIPALITY/);
    expect(() => parseRoleGroups("CHEF=abc")).toThrow(/OIDC_ROLE_GROUPS/);
    expect(config.groupsClaim).toBe("groups");
    expect(roleFromGroups(config, ["x", "grp-pol", "grp-sekr"])).toBe("SEKRETERARE");
    expect(roleFromGroups(config, ["grp-admin", "grp-pol"])).toBe("ADMINISTRATOR");
    expect(roleFromGroups(config, ["okänd"])).toBeNull();
    expect(roleFromGroups(config, "grp-admin")).toBeNull();
  });
});

describe("identity mapping", () => {
  it("creates a person only when a group maps to a role, keyed on issuer + subject; the next sign-in finds them by subject, not e-mail", async () => {
    const first = await resolveOidcSignIn(db.prisma, config, claims("sub-ny", { email: "Ny.Person@sso.test", name: "Ny Person", groups: ["grp-sekr"] }));
    expect(first).toMatchObject({ ok: true, how: "created", municipalityId: w.municipality.id });
    if (!first.ok) return;
    const identity = await db.prisma.externalIdentity.findUniqueOrThrow({ where: { issuer_subject: { issuer: ISS, subject: "sub-ny" } } });
    expect(identity).toMatchObject({ userId: first.userId, municipalityId: w.municipality.id });
    // The e-mail changed at the provider: still the same person, by subject.
    const again = await resolveOidcSignIn(db.prisma, config, claims("sub-ny", { email: "annan@sso.test", groups: ["grp-sekr"] }));
    expect(again).toMatchObject({ ok: true, how: "known", userId: first.userId });
    const actor = await actorForSession(db.prisma, (await startSession(db.prisma, first.userId, w.municipality.id)).id);
    expect(actor).toMatchObject({ role: "SEKRETERARE", name: "Ny Person" });
    expect((await db.prisma.auditEvent.findMany({ where: { entityId: first.userId } })).map((e) => e.action)).toContain("user.sso.create");
  });

  it("refuses an unknown subject without a mapped group, and creates nothing", async () => {
    const before = await db.prisma.user.count();
    expect(await resolveOidcSignIn(db.prisma, config, claims("sub-okand", { email: "okand@sso.test", groups: ["grp-annat"] }))).toEqual({ ok: false, reason: "unknown" });
    expect(await resolveOidcSignIn(db.prisma, config, claims("sub-okand2", { email: "okand2@sso.test" }))).toEqual({ ok: false, reason: "unknown" });
    expect(await db.prisma.user.count()).toBe(before);
  });

  it("links a person an administrator created in the issuer's municipality, and maps their role from groups", async () => {
    const ledamot = w.actors.LEDAMOT;
    const r = await resolveOidcSignIn(db.prisma, config, claims("sub-ledamot", { email: `LEDAMOT@${w.municipality.slug}.test`, groups: ["grp-pol"] }));
    expect(r).toMatchObject({ ok: true, how: "linked", userId: ledamot.userId });
    // An administrator-assigned role stays when no group maps; a mapped group wins.
    expect(await resolveOidcSignIn(db.prisma, config, claims("sub-ledamot", {}))).toMatchObject({ ok: true, how: "known" });
    expect((await db.prisma.membership.findFirstOrThrow({ where: { userId: ledamot.userId } })).role).toBe("LEDAMOT");
    await resolveOidcSignIn(db.prisma, config, claims("sub-ledamot", { groups: ["grp-admin"] }));
    expect((await db.prisma.membership.findFirstOrThrow({ where: { userId: ledamot.userId } })).role).toBe("ADMINISTRATOR");
  });

  it("never links on e-mail alone to a person of another municipality, even with a mapped group", async () => {
    const target = other.actors.ADMINISTRATOR;
    const r = await resolveOidcSignIn(db.prisma, config, claims("sub-kapare", { email: `administrator@${other.municipality.slug}.test`, groups: ["grp-admin"] }));
    expect(r).toEqual({ ok: false, reason: "other-account" });
    expect(await db.prisma.externalIdentity.count({ where: { userId: target.userId } })).toBe(0);
  });

  it("never links a second subject to a person already linked at this issuer", async () => {
    const r = await resolveOidcSignIn(db.prisma, config, claims("sub-annan", { email: `LEDAMOT@${w.municipality.slug}.test`, groups: ["grp-pol"] }));
    expect(r).toEqual({ ok: false, reason: "other-account" });
  });

  it("refuses another issuer, and a deactivated person", async () => {
    expect(await resolveOidcSignIn(db.prisma, config, { iss: "https://evil.test", sub: "sub-ny", groups: ["grp-admin"] })).toEqual({ ok: false, reason: "wrong-issuer" });
    const sekr = w.actors.SEKRETERARE;
    await resolveOidcSignIn(db.prisma, config, claims("sub-sekr", { email: `sekreterare@${w.municipality.slug}.test` }));
    const v = (await db.prisma.user.findUniqueOrThrow({ where: { id: sekr.userId } })).version;
    await setUserActive(scopedFor(db.prisma, w.actors.ADMINISTRATOR), w.actors.ADMINISTRATOR, { id: sekr.userId, expectedVersion: v }, false);
    expect(await resolveOidcSignIn(db.prisma, config, claims("sub-sekr", {}))).toEqual({ ok: false, reason: "inactive" });
  });

  it("refuses when the configured municipality does not exist", async () => {
    expect(await resolveOidcSignIn(db.prisma, { ...config, municipalitySlug: "finns-inte" }, claims("sub-ny", { groups: ["grp-admin"] }))).toEqual({ ok: false, reason: "not-configured" });
  });
});
