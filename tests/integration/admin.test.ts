import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase, scopedFor } from "../support/db";
import { buildWorld, type World } from "../support/world";
import type { Database } from "@/server/db/connect";
import { ForbiddenError, NotFoundError } from "@/server/permissions";
import { RefusedError, StaleRecordError } from "@/server/errors";
import { addBodyAssignment, createBody, removeBodyAssignment, updateBody } from "@/server/admin/bodies";
import { createUnit, updateUnit } from "@/server/admin/units";
import {
  ANONYMIZED_NAME,
  anonymizeUser,
  changeOwnPassword,
  createPasswordLink,
  inviteUser,
  passwordLinkHolder,
  setUserActive,
  signOutEverywhere,
  updateUser,
  redeemPasswordLink,
} from "@/server/admin/users";
import { readFileSync } from "node:fs";
import { getLogo, readLogo, setLogo, updateSettings, getSettings, removeLogo } from "@/server/admin/settings";
import { actorForSession, authenticate, startSession } from "@/server/auth/sessions";
import { verifyPassword, dummyPasswordHash } from "@/server/auth/password";
import { changeStatus } from "@/server/uppdrag/change-status";
import { getUppdrag } from "@/server/uppdrag/get-uppdrag";
import { passwordProblem } from "@/lib/validation/password";
import { buildReport } from "@/server/report/build-report";

let db: Database;
let w: World;
let other: World;
const GOOD = "Blåbärssoppa-Vasaloppet-1922";

beforeAll(async () => {
  db = await openTestDatabase();
  w = await buildWorld(db.prisma, "Adminkommun");
  other = await buildWorld(db.prisma, "Annan kommun");
});
afterAll(async () => db?.close());

const admin = () => w.actors.ADMINISTRATOR;
const auditOf = (entityId: string) => db.prisma.auditEvent.findMany({ where: { entityId }, orderBy: { at: "asc" }, select: { action: true, before: true, after: true, municipalityId: true } });

describe("password policy", () => {
  it("refuses short, common, e-mail-like and guessable passwords in Swedish; accepts a long unusual one", () => {
    expect(passwordProblem("kort")).toMatch(/minst 12 tecken/);
    expect(passwordProblem("password1234")).toMatch(/vanliga och läckta/);
    expect(passwordProblem("qwertyuiop123")).toMatch(/vanliga och läckta/);
    expect(passwordProblem("anna.berg@kommun.se", { email: "anna.berg@kommun.se" })).toMatch(/e-postadress/);
    expect(passwordProblem("xanna.bergx2025!", { email: "anna.berg@kommun.se" })).toMatch(/e-postadress/);
    expect(passwordProblem("aaaaaaaaaaaaaaaa")).toMatch(/för lätt att gissa/);
    expect(passwordProblem(GOOD)).toBeNull();
  });
});

describe("bodies", () => {
  it("creates, renames with a version check, refuses a duplicate short name, audits each write", async () => {
    const { id } = await createBody(scopedFor(db.prisma, admin()), admin(), { name: "Barn- och utbildningsnämnden", shortName: "BUN", kind: "NAMND" });
    await expect(createBody(scopedFor(db.prisma, admin()), admin(), { name: "Bygg", shortName: "bun", kind: "NAMND" })).rejects.toMatchObject({ field: "shortName" });
    await updateBody(scopedFor(db.prisma, admin()), admin(), { id, expectedVersion: 1, name: "Utbildningsnämnden", shortName: "UN", kind: "NAMND" });
    await expect(updateBody(scopedFor(db.prisma, admin()), admin(), { id, expectedVersion: 1, name: "Krock", shortName: "KR", kind: "NAMND" })).rejects.toBeInstanceOf(StaleRecordError);
    const b = await db.prisma.body.findUniqueOrThrow({ where: { id } });
    expect([b.name, b.shortName, b.version]).toEqual(["Utbildningsnämnden", "UN", 2]);
    expect((await auditOf(id)).map((e) => e.action)).toEqual(["body.create", "body.update"]);
  });

  it("refuses every role but administrator, and answers 'not found' for another municipality's body", async () => {
    for (const role of ["LEDAMOT", "SEKRETERARE", "HANDLAGGARE"] as const)
      await expect(createBody(scopedFor(db.prisma, w.actors[role]), w.actors[role], { name: "X", shortName: "X", kind: "NAMND" })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(updateBody(scopedFor(db.prisma, admin()), admin(), { id: other.ks.id, expectedVersion: 1, name: "Kapad", shortName: "KAP", kind: "STYRELSE" })).rejects.toBeInstanceOf(NotFoundError);
    expect((await db.prisma.body.findUniqueOrThrow({ where: { id: other.ks.id } })).name).toBe("Kommunstyrelsen");
  });

  it("adds and removes members and secretaries; a secretary seat needs the secretary role; never a person of another municipality", async () => {
    const kf = w.kf.id;
    await addBodyAssignment(scopedFor(db.prisma, admin()), admin(), { bodyId: kf, userId: w.actors.SEKRETERARE.userId, role: "SECRETARY" });
    await expect(addBodyAssignment(scopedFor(db.prisma, admin()), admin(), { bodyId: kf, userId: w.actors.LEDAMOT.userId, role: "SECRETARY" })).rejects.toBeInstanceOf(RefusedError);
    await addBodyAssignment(scopedFor(db.prisma, admin()), admin(), { bodyId: kf, userId: w.actors.LEDAMOT.userId, role: "MEMBER" });
    await expect(addBodyAssignment(scopedFor(db.prisma, admin()), admin(), { bodyId: kf, userId: other.actors.LEDAMOT.userId, role: "MEMBER" })).rejects.toMatchObject({ field: "userId" });
    const s = await actorForSession(db.prisma, (await startSession(db.prisma, w.actors.SEKRETERARE.userId, w.municipality.id)).id);
    expect(s?.secretaryOf.sort()).toEqual([w.ks.id, kf].sort());
    await removeBodyAssignment(scopedFor(db.prisma, admin()), admin(), { bodyId: kf, userId: w.actors.SEKRETERARE.userId, role: "SECRETARY" });
    await expect(removeBodyAssignment(scopedFor(db.prisma, admin()), admin(), { bodyId: kf, userId: w.actors.SEKRETERARE.userId, role: "SECRETARY" })).rejects.toBeInstanceOf(NotFoundError);
    expect((await auditOf(kf)).map((e) => e.action)).toEqual(["body.assignment.add", "body.assignment.add", "body.assignment.remove"]);
  });
});

describe("units", () => {
  it("builds a tree, moves a unit, refuses a loop, and renames in the uppdrag lists at once", async () => {
    const parent = await createUnit(scopedFor(db.prisma, admin()), admin(), { name: "Samhällsbyggnadsförvaltningen", kind: "FORVALTNING" });
    const child = await createUnit(scopedFor(db.prisma, admin()), admin(), { name: "Gatuavdelningen", kind: "AVDELNING", parentId: parent.id });
    await expect(updateUnit(scopedFor(db.prisma, admin()), admin(), { id: parent.id, expectedVersion: 1, name: "Samhällsbyggnadsförvaltningen", kind: "FORVALTNING", parentId: child.id })).rejects.toMatchObject({
      field: "parentId",
    });
    await updateUnit(scopedFor(db.prisma, admin()), admin(), { id: w.unitB.id, expectedVersion: 1, name: "Tekniska kontoret", kind: "KONTOR", parentId: parent.id });
    const moved = await db.prisma.unit.findUniqueOrThrow({ where: { id: w.unitB.id } });
    expect([moved.name, moved.parentId, moved.version]).toEqual(["Tekniska kontoret", parent.id, 2]);
    expect((await db.prisma.uppdrag.findUniqueOrThrow({ where: { id: w.kfUppdrag.id } })).unitNames).toBe("Tekniska kontoret");
    await expect(updateUnit(scopedFor(db.prisma, admin()), admin(), { id: w.unitB.id, expectedVersion: 1, name: "Gammalt", kind: "KONTOR" })).rejects.toBeInstanceOf(StaleRecordError);
    await expect(createUnit(scopedFor(db.prisma, admin()), admin(), { name: "gatuavdelningen", kind: "ENHET" })).rejects.toMatchObject({ field: "name" });
    await expect(updateUnit(scopedFor(db.prisma, admin()), admin(), { id: other.unitA.id, expectedVersion: 1, name: "Kapad", kind: "KONTOR" })).rejects.toBeInstanceOf(NotFoundError);
    expect((await auditOf(w.unitB.id)).map((e) => e.action)).toEqual(["unit.move"]);
  });
});

describe("users", () => {
  it("invites with a one-time link: the link sets a password once, under the policy, and the person can sign in", async () => {
    const { id, token } = await inviteUser(scopedFor(db.prisma, admin()), admin(), { name: "Nina Nyberg", email: "Nina.Nyberg@adminkommun.test", role: "HANDLAGGARE", unitId: w.unitA.id });
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(await passwordLinkHolder(db.prisma, token!)).toMatchObject({ userId: id });
    await expect(redeemPasswordLink(db.prisma, token!, "nina.nyberg@adminkommun.test")).rejects.toMatchObject({ field: "password" });
    expect((await redeemPasswordLink(db.prisma, token!, GOOD)).email).toBe("nina.nyberg@adminkommun.test");
    await expect(redeemPasswordLink(db.prisma, token!, GOOD + "x")).rejects.toBeInstanceOf(RefusedError);
    expect(await authenticate(db.prisma, "nina.nyberg@adminkommun.test", GOOD, verifyPassword, dummyPasswordHash)).toMatchObject({ id, municipalityId: w.municipality.id });
    const links = await db.prisma.passwordLink.findMany({ where: { userId: id } });
    expect(links.every((l) => l.tokenHash !== token)).toBe(true); // only the hash is stored
    const events = await auditOf(id);
    expect(events.map((e) => e.action)).toEqual(["user.invite", "user.password.set-with-link"]);
    expect(JSON.stringify(events)).not.toMatch(/nina/i); // no personal data in the append-only log
  });

  it("refuses a handläggare without unit, a taken e-mail (even of another municipality) and a weak initial password", async () => {
    await expect(inviteUser(scopedFor(db.prisma, admin()), admin(), { name: "H", email: "h@adminkommun.test", role: "HANDLAGGARE" })).rejects.toMatchObject({ field: "unitId" });
    // A person already in this municipality is this administrator's to see.
    await expect(inviteUser(scopedFor(db.prisma, admin()), admin(), { name: "Dubbel", email: `LEDAMOT@${w.municipality.slug}.test`, role: "LEDAMOT" })).rejects.toMatchObject({ field: "email" });
    await expect(inviteUser(scopedFor(db.prisma, admin()), admin(), { name: "Svag", email: "svag@adminkommun.test", role: "LEDAMOT", password: "password1234" })).rejects.toMatchObject({ field: "password" });
    expect(await db.prisma.user.findUnique({ where: { email: "svag@adminkommun.test" } })).toBeNull();
  });

  it("changes role, unit and bodies with a version check; refuses changing one's own role", async () => {
    const { id } = await inviteUser(scopedFor(db.prisma, admin()), admin(), { name: "Rolf Roll", email: "rolf@adminkommun.test", role: "LEDAMOT", password: GOOD });
    await updateUser(scopedFor(db.prisma, admin()), admin(), { id, expectedVersion: 1, name: "Rolf Roll", role: "SEKRETERARE", secretaryOf: [w.kf.id], memberOf: [w.ks.id] });
    await expect(updateUser(scopedFor(db.prisma, admin()), admin(), { id, expectedVersion: 1, name: "Rolf Roll", role: "LEDAMOT", secretaryOf: [], memberOf: [] })).rejects.toBeInstanceOf(StaleRecordError);
    const actor = await actorForSession(db.prisma, (await startSession(db.prisma, id, w.municipality.id)).id);
    expect(actor).toMatchObject({ role: "SEKRETERARE", secretaryOf: [w.kf.id], memberOf: [w.ks.id] });
    await expect(updateUser(scopedFor(db.prisma, admin()), admin(), { id: admin().userId, expectedVersion: 1, name: admin().name, role: "LEDAMOT", secretaryOf: [], memberOf: [] })).rejects.toMatchObject({ field: "role" });
    await expect(updateUser(scopedFor(db.prisma, admin()), admin(), { id: other.actors.LEDAMOT.userId, expectedVersion: 1, name: "X", role: "ADMINISTRATOR", secretaryOf: [], memberOf: [] })).rejects.toBeInstanceOf(NotFoundError);
  });

  it("deactivating ends every open session at once and keeps what the person wrote; reactivating lets them in again", async () => {
    const h = w.actors.HANDLAGGARE;
    const sid = (await startSession(db.prisma, h.userId, w.municipality.id)).id;
    expect(await actorForSession(db.prisma, sid)).not.toBeNull();
    const u = await getUppdrag(scopedFor(db.prisma, h), h, w.ksUppdrag.id);
    await changeStatus(scopedFor(db.prisma, h), h, { uppdragId: w.ksUppdrag.id, expectedVersion: u!.version, status: "IN_PROGRESS", comment: "Påbörjat av handläggaren", plannedCompletion: null, reportedAtMeetingId: null });
    const version = (await db.prisma.user.findUniqueOrThrow({ where: { id: h.userId } })).version;
    await setUserActive(scopedFor(db.prisma, admin()), admin(), { id: h.userId, expectedVersion: version }, false);
    expect(await actorForSession(db.prisma, sid)).toBeNull();
    expect((await db.prisma.session.findUniqueOrThrow({ where: { id: sid } })).revokedAt).not.toBeNull();
    expect(await db.prisma.statusEntry.count({ where: { authorId: h.userId } })).toBe(1);
    await setUserActive(scopedFor(db.prisma, admin()), admin(), { id: h.userId, expectedVersion: version + 1 }, true);
    expect(await actorForSession(db.prisma, (await startSession(db.prisma, h.userId, w.municipality.id)).id)).not.toBeNull();
    await expect(setUserActive(scopedFor(db.prisma, admin()), admin(), { id: admin().userId, expectedVersion: 1 }, false)).rejects.toBeInstanceOf(RefusedError);
    expect((await auditOf(h.userId)).map((e) => e.action)).toEqual(["user.deactivate", "user.reactivate"]);
  });

  it("anonymising removes name, e-mail, password and identities; the history stays whole and reads 'Anonymiserad användare'", async () => {
    const { id } = await inviteUser(scopedFor(db.prisma, admin()), admin(), { name: "Greta Gått", email: "greta@adminkommun.test", role: "ADMINISTRATOR", password: GOOD });
    const greta = (await actorForSession(db.prisma, (await startSession(db.prisma, id, w.municipality.id)).id))!;
    const u = await getUppdrag(scopedFor(db.prisma, greta), greta, w.kfUppdrag.id);
    await changeStatus(scopedFor(db.prisma, greta), greta, { uppdragId: w.kfUppdrag.id, expectedVersion: u!.version, status: "DELAYED", comment: "Väntar på budget", plannedCompletion: null, reportedAtMeetingId: null });
    await db.prisma.externalIdentity.create({ data: { municipalityId: w.municipality.id, issuer: "https://idp.test", subject: "greta-sub", userId: id } });
    const sid = (await startSession(db.prisma, id, w.municipality.id)).id;
    const entriesBefore = await db.prisma.statusEntry.count({ where: { uppdragId: w.kfUppdrag.id } });
    // An enrolled second factor (as stored: the secret encrypted, the recovery codes hashed).
    await db.prisma.user.update({ where: { id }, data: { totpSecret: "krypterad-hemlighet", totpEnrolledAt: new Date(), totpLastStep: 1 } });
    await db.prisma.recoveryCode.create({ data: { userId: id, codeHash: "hash" } });

    await anonymizeUser(scopedFor(db.prisma, admin()), admin(), { id, expectedVersion: 1 });
    const user = await db.prisma.user.findUniqueOrThrow({ where: { id } });
    expect(user).toMatchObject({ name: ANONYMIZED_NAME, passwordHash: null, active: false, totpSecret: null, totpEnrolledAt: null, totpLastStep: null });
    expect(await db.prisma.recoveryCode.count({ where: { userId: id } })).toBe(0);
    expect(user.email).not.toMatch(/greta/);
    expect(user.anonymizedAt).not.toBeNull();
    expect(await db.prisma.externalIdentity.count({ where: { userId: id } })).toBe(0);
    expect(await actorForSession(db.prisma, sid)).toBeNull();
    expect(await db.prisma.statusEntry.count({ where: { uppdragId: w.kfUppdrag.id } })).toBe(entriesBefore);
    const after = await getUppdrag(scopedFor(db.prisma, admin()), admin(), w.kfUppdrag.id);
    expect(JSON.stringify(after)).toContain(ANONYMIZED_NAME);
    expect(JSON.stringify(after)).toContain("Väntar på budget");
    expect(JSON.stringify(after)).not.toContain("Greta");
    expect(JSON.stringify(await auditOf(id))).not.toMatch(/greta/i);
    await expect(anonymizeUser(scopedFor(db.prisma, admin()), admin(), { id, expectedVersion: 2 })).rejects.toBeInstanceOf(RefusedError);
    await expect(setUserActive(scopedFor(db.prisma, admin()), admin(), { id, expectedVersion: 2 }, true)).rejects.toBeInstanceOf(RefusedError);
  });

  it("a new one-time link replaces the old one", async () => {
    const { id, token } = await inviteUser(scopedFor(db.prisma, admin()), admin(), { name: "Lena Länk", email: "lena@adminkommun.test", role: "LEDAMOT" });
    const second = await createPasswordLink(scopedFor(db.prisma, admin()), admin(), { id });
    expect(await passwordLinkHolder(db.prisma, token!)).toBeNull();
    expect(await passwordLinkHolder(db.prisma, second)).not.toBeNull();
    expect(await passwordLinkHolder(db.prisma, second, new Date(Date.now() + 8 * 86_400_000))).toBeNull();
  });
});

describe("Mitt konto", () => {
  it("changes one's own password under the policy and ends the other sessions; sign-out everywhere ends all", async () => {
    const { id } = await inviteUser(scopedFor(db.prisma, admin()), admin(), { name: "Olle Egen", email: "olle@adminkommun.test", role: "LEDAMOT", password: GOOD });
    const here = (await startSession(db.prisma, id, w.municipality.id)).id;
    const there = (await startSession(db.prisma, id, w.municipality.id)).id;
    const olle = (await actorForSession(db.prisma, here))!;
    await expect(changeOwnPassword(scopedFor(db.prisma, olle), olle, { currentPassword: "fel", password: "Ny-Lingonsylt-Kanot-77", sessionId: here })).rejects.toMatchObject({ field: "currentPassword" });
    await expect(changeOwnPassword(scopedFor(db.prisma, olle), olle, { currentPassword: GOOD, password: "iloveyou1234", sessionId: here })).rejects.toMatchObject({ field: "password" });
    await changeOwnPassword(scopedFor(db.prisma, olle), olle, { currentPassword: GOOD, password: "Ny-Lingonsylt-Kanot-77", sessionId: here });
    expect(await actorForSession(db.prisma, here)).not.toBeNull();
    expect(await actorForSession(db.prisma, there)).toBeNull();
    expect(await verifyPassword("Ny-Lingonsylt-Kanot-77", (await db.prisma.user.findUniqueOrThrow({ where: { id } })).passwordHash)).toBe(true);
    expect(await signOutEverywhere(scopedFor(db.prisma, olle), olle)).toBe(1);
    expect(await actorForSession(db.prisma, here)).toBeNull();
    expect((await auditOf(id)).map((e) => e.action)).toEqual(["user.invite", "user.password.change", "session.sign-out-everywhere"]);
  });
});

describe("inviting an e-mail that is already used in another municipality (issue #15, 10b)", () => {
  /** Everything the inviting administrator is told: the answer and their own audit log. */
  async function invite(email: string, password?: string) {
    const r = await inviteUser(scopedFor(db.prisma, admin()), admin(), { name: "Ny Person", email, role: "LEDAMOT", ...(password ? { password } : {}) });
    const event = await db.prisma.auditEvent.findMany({ where: { municipalityId: w.municipality.id, entityId: r.id }, select: { action: true, actorId: true, entity: true, before: true, after: true } });
    return { keys: Object.keys(r).sort(), token: r.token?.replace(/[A-Za-z0-9_-]/g, "x"), id: typeof r.id, event };
  }

  it("answers exactly as for a new e-mail, links a membership here and changes nothing of the existing account", async () => {
    const existing = other.actors.SEKRETERARE;
    const before = await db.prisma.user.findUniqueOrThrow({ where: { id: existing.userId } });
    const elsewhere = await invite(`  ${before.email.toUpperCase()} `);
    const fresh = await invite("helt.ny@adminkommun.test");
    expect(elsewhere).toEqual(fresh);
    expect(elsewhere.token).toMatch(/^x{43}$/);

    // The same person, now a member here too, with the role this administrator chose.
    expect(await db.prisma.membership.findUnique({ where: { userId_municipalityId: { userId: existing.userId, municipalityId: w.municipality.id } } })).toMatchObject({ role: "LEDAMOT" });
    const after = await db.prisma.user.findUniqueOrThrow({ where: { id: existing.userId } });
    expect(after).toMatchObject({ name: before.name, email: before.email, passwordHash: before.passwordHash, active: before.active });
    // No link that could set the password the other municipality uses.
    expect(await db.prisma.passwordLink.count({ where: { userId: existing.userId } })).toBe(0);
  });

  it("with an initial password: the same answer, and the existing password stays", async () => {
    const existing = other.actors.HANDLAGGARE;
    const before = await db.prisma.user.findUniqueOrThrow({ where: { id: existing.userId } });
    expect(await invite(before.email, GOOD)).toEqual(await invite("annan.ny@adminkommun.test", GOOD));
    expect((await db.prisma.user.findUniqueOrThrow({ where: { id: existing.userId } })).passwordHash).toBe(before.passwordHash);
  });
});

describe("a person with an account in two municipalities", () => {
  it("gets no one-time password link from one municipality: the password is the other's too (issue #15, 10a)", async () => {
    const { id } = await inviteUser(scopedFor(db.prisma, admin()), admin(), { name: "Länk Delad", email: "lank.delad@adminkommun.test", role: "LEDAMOT", password: GOOD });
    await db.prisma.membership.create({ data: { municipalityId: other.municipality.id, userId: id, role: "LEDAMOT" } });
    await expect(createPasswordLink(scopedFor(db.prisma, admin()), admin(), { id })).rejects.toThrow(/annan kommun/);
    await expect(createPasswordLink(scopedFor(db.prisma, other.actors.ADMINISTRATOR), other.actors.ADMINISTRATOR, { id })).rejects.toThrow(/annan kommun/);
    expect(await db.prisma.passwordLink.count({ where: { userId: id } })).toBe(0);
    expect((await auditOf(id)).map((e) => e.action)).toEqual(["user.invite"]);
  });

  it("is renamed and deactivated only together with the other municipality; signing out everywhere ends the sessions in both", async () => {
    const { id } = await inviteUser(scopedFor(db.prisma, admin()), admin(), { name: "Dela Delad", email: "dela@adminkommun.test", role: "LEDAMOT", password: GOOD });
    await db.prisma.membership.create({ data: { municipalityId: other.municipality.id, userId: id, role: "LEDAMOT" } });
    await expect(setUserActive(scopedFor(db.prisma, admin()), admin(), { id, expectedVersion: 1 }, false)).rejects.toThrow(/annan kommun/);
    await expect(updateUser(scopedFor(db.prisma, admin()), admin(), { id, expectedVersion: 1, name: "Nytt namn", role: "LEDAMOT", secretaryOf: [], memberOf: [] })).rejects.toThrow(/annan kommun/);
    // The same name is no rename: the role and bodies are this municipality's own.
    await updateUser(scopedFor(db.prisma, admin()), admin(), { id, expectedVersion: 1, name: "Dela Delad", role: "LEDAMOT", secretaryOf: [], memberOf: [w.kf.id] });

    const here = (await startSession(db.prisma, id, w.municipality.id)).id;
    const there = (await startSession(db.prisma, id, other.municipality.id)).id;
    const dela = (await actorForSession(db.prisma, here))!;
    expect(await signOutEverywhere(scopedFor(db.prisma, dela), dela)).toBe(2);
    expect(await actorForSession(db.prisma, here)).toBeNull();
    expect(await actorForSession(db.prisma, there)).toBeNull();
  });
});

describe("settings", () => {
  it("saves name, diarium pattern and report days with a version check; the report uses the days", async () => {
    const s = await getSettings(scopedFor(db.prisma, admin()), admin());
    await updateSettings(scopedFor(db.prisma, admin()), admin(), { expectedVersion: s.version, name: "Adminkommun", diariumUrlPattern: "https://diarium.test/?q={dnr}", reportDayFirst: "04-30", reportDaySecond: "10-31" });
    await expect(updateSettings(scopedFor(db.prisma, admin()), admin(), { expectedVersion: s.version, name: "Krock", reportDayFirst: "06-30", reportDaySecond: "12-31" })).rejects.toBeInstanceOf(StaleRecordError);
    const report = await buildReport(scopedFor(db.prisma, admin()), admin(), {}, new Date("2026-05-15T10:00:00Z"));
    expect(report.asOf.toISOString().slice(0, 10)).toBe("2026-10-31");
    expect(report.previous.toISOString().slice(0, 10)).toBe("2026-04-30");
    await expect(getSettings(scopedFor(db.prisma, w.actors.SEKRETERARE), w.actors.SEKRETERARE)).rejects.toBeInstanceOf(ForbiddenError);
  });

  it("accepts a PNG logo, refuses other files and large files", async () => {
    // The hostile-SVG corpus is tests/unit/logo-svg.test.ts.
    const png = readFileSync("public/apple-touch-icon.png");
    expect((await readLogo(png)).type).toBe("image/png");
    await expect(readLogo(Buffer.from("GIF89a...."))).rejects.toBeInstanceOf(RefusedError);
    const v = (await getSettings(scopedFor(db.prisma, admin()), admin())).version;
    await expect(setLogo(scopedFor(db.prisma, admin()), admin(), { expectedVersion: v, bytes: Buffer.alloc(300 * 1024, 1) })).rejects.toMatchObject({ field: "logo" });
    await setLogo(scopedFor(db.prisma, admin()), admin(), { expectedVersion: v, bytes: png });
    const m = await db.prisma.municipality.findUniqueOrThrow({ where: { id: w.municipality.id } });
    expect(m.logoType).toBe("image/png");
    expect(Buffer.from(m.logo!).equals(png)).toBe(true);
    await removeLogo(scopedFor(db.prisma, admin()), admin(), { expectedVersion: v + 1 });
    expect((await db.prisma.municipality.findUniqueOrThrow({ where: { id: w.municipality.id } })).logo).toBeNull();
    const actions = (await auditOf(w.municipality.id)).map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(["municipality.settings.update", "municipality.logo.set", "municipality.logo.remove"]));
  });

  it("stores an SVG logo as the PNG the server drew, and serves no SVG (issue #15, 10d)", async () => {
    const v = (await getSettings(scopedFor(db.prisma, admin()), admin())).version;
    await setLogo(scopedFor(db.prisma, admin()), admin(), { expectedVersion: v, bytes: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="40" height="20" onload="alert(1)"><rect width="40" height="20" fill="#123456"/></svg>') });
    const m = await db.prisma.municipality.findUniqueOrThrow({ where: { id: w.municipality.id } });
    expect(m.logoType).toBe("image/png");
    expect(Buffer.from(m.logo!).subarray(1, 4).toString()).toBe("PNG");
    // A logo stored as SVG before this change is drawn to a PNG when served.
    await db.prisma.municipality.update({ where: { id: w.municipality.id }, data: { logo: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="4" height="4"><script>alert(1)</script></svg>'), logoType: "image/svg+xml" } });
    const served = (await getLogo(scopedFor(db.prisma, admin()), admin()))!;
    expect(served.type).toBe("image/png");
    expect(Buffer.from(served.bytes).toString("latin1")).not.toContain("script");
  });
});
