// Single sign-on hardening (issue #15): linking on e-mail needs an e-mail the
// provider verified, and the groups decide access for a role they gave.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase } from "../support/db";
import { buildWorld, type World } from "../support/world";
import type { Database } from "@/server/db/connect";
import { OIDC_REFUSAL_TEXT, oidcConfigFromEnv, resolveOidcSignIn, type OidcConfig } from "@/server/auth/oidc";

let db: Database;
let w: World;
let config: OidcConfig;
const ISS = "https://idp.example-kommun.se";
const claims = (sub: string, extra: Record<string, unknown> = {}) => ({ iss: ISS, sub, ...extra });
const pause = () => new Promise((r) => setTimeout(r, 5)); // audit times apart

beforeAll(async () => {
  db = await openTestDatabase();
  w = await buildWorld(db.prisma, "SSO-härdning");
  config = oidcConfigFromEnv({
    OIDC_ISSUER: ISS,
    OIDC_CLIENT_ID: "client",
    OIDC_CLIENT_SECRET: "secret",
    OIDC_MUNICIPALITY: w.municipality.slug,
    OIDC_ROLE_GROUPS: "ADMINISTRATOR=grp-admin,SEKRETERARE=grp-sekr,LEDAMOT=grp-pol",
  })!;
});
afterAll(async () => db?.close());

const identities = (userId: string) => db.prisma.externalIdentity.count({ where: { userId } });
const roleOf = async (userId: string) => (await db.prisma.membership.findFirstOrThrow({ where: { userId, municipalityId: w.municipality.id } })).role;

describe("first link to an existing person by e-mail", () => {
  it("is refused unless the provider says the e-mail is verified", async () => {
    const target = w.actors.HANDLAGGARE;
    const email = `handlaggare@${w.municipality.slug}.test`;
    for (const extra of [{ email }, { email, email_verified: false }, { email, email_verified: "false" }, { preferred_username: email }, { preferred_username: email, email_verified: true }]) {
      const r = await resolveOidcSignIn(db.prisma, config, claims("sub-okontrollerad", { ...extra, groups: ["grp-admin"] }));
      expect(r, JSON.stringify(extra)).toEqual({ ok: false, reason: "unverified-email" });
    }
    expect(await identities(target.userId), "never linked").toBe(0);
    expect(await roleOf(target.userId), "the groups gave no role").toBe("HANDLAGGARE");
    expect(OIDC_REFUSAL_TEXT["unverified-email"]).toMatch(/e-post/);
  });

  it("links with a verified e-mail", async () => {
    const target = w.actors.HANDLAGGARE;
    const r = await resolveOidcSignIn(db.prisma, config, claims("sub-handlaggare", { email: `Handlaggare@${w.municipality.slug}.test`, email_verified: true }));
    expect(r).toMatchObject({ ok: true, how: "linked", userId: target.userId });
    expect(await roleOf(target.userId)).toBe("HANDLAGGARE");
  });
});

describe("removal from every mapped group", () => {
  it("refuses the next sign-in of a person whose role came from the groups", async () => {
    const created = await resolveOidcSignIn(db.prisma, config, claims("sub-grupp", { email: "grupp.person@sso-hardning.test", email_verified: true, groups: ["grp-sekr"] }));
    expect(created).toMatchObject({ ok: true, how: "created" });
    await pause();
    // Still in the group: signs in.
    expect(await resolveOidcSignIn(db.prisma, config, claims("sub-grupp", { groups: ["grp-sekr", "grp-annat"] }))).toMatchObject({ ok: true, how: "known" });
    await pause();
    // Out of every mapped group: refused.
    expect(await resolveOidcSignIn(db.prisma, config, claims("sub-grupp", { groups: ["grp-annat"] }))).toEqual({ ok: false, reason: "no-role" });
    expect(await resolveOidcSignIn(db.prisma, config, claims("sub-grupp", { groups: [] }))).toEqual({ ok: false, reason: "no-role" });
    expect(OIDC_REFUSAL_TEXT["no-role"]).toMatch(/grupp/);
    // Back in a group: signs in again with the group's role.
    expect(await resolveOidcSignIn(db.prisma, config, claims("sub-grupp", { groups: ["grp-pol"] }))).toMatchObject({ ok: true, how: "known" });
    if (created.ok) expect(await roleOf(created.userId)).toBe("LEDAMOT");
  });

  it("refuses a linked person whose role a group set, once out of the groups", async () => {
    const target = w.actors.LEDAMOT;
    const r = await resolveOidcSignIn(db.prisma, config, claims("sub-ledamot", { email: `ledamot@${w.municipality.slug}.test`, email_verified: true, groups: ["grp-sekr"] }));
    expect(r).toMatchObject({ ok: true, how: "linked", userId: target.userId });
    expect(await roleOf(target.userId)).toBe("SEKRETERARE");
    await pause();
    expect(await resolveOidcSignIn(db.prisma, config, claims("sub-ledamot", { groups: [] }))).toEqual({ ok: false, reason: "no-role" });
  });

  it("keeps a role an administrator gave when no group maps, and when the token has no groups claim (Entra's overage)", async () => {
    // Linked above without a mapped group: the role is the administrator's.
    const target = w.actors.HANDLAGGARE;
    expect(await resolveOidcSignIn(db.prisma, config, claims("sub-handlaggare", { groups: ["grp-annat"] }))).toMatchObject({ ok: true, userId: target.userId });
    expect(await resolveOidcSignIn(db.prisma, config, claims("sub-handlaggare", {}))).toMatchObject({ ok: true, userId: target.userId });
    expect(await roleOf(target.userId)).toBe("HANDLAGGARE");
  });
});
