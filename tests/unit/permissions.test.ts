import { describe, expect, it } from "vitest";
import { can, PERMISSIONS, requirePermission, ForbiddenError, canWriteAnything, canImportSome, canRegisterSomeMeeting, bodiesForMeetingRegistration, canManageSomePlan, type Actor, type Permission, type Target } from "@/server/permissions";
import type { Role } from "@/generated/prisma/enums";

const M = "m-1";
const OTHER_M = "m-2";
const actor = (role: Role): Actor => ({
  userId: `u-${role}`,
  name: role,
  municipalityId: M,
  municipalitySlug: "m",
  municipalityName: "M",
  role,
  unitId: role === "HANDLAGGARE" ? "unit-own" : null,
  secretaryOf: role === "SEKRETERARE" ? ["body-own"] : [],
  memberOf: role === "LEDAMOT" ? ["body-own"] : [],
});

const targets: Record<string, Target | undefined> = {
  none: undefined,
  ownBodyOwnUnit: { municipalityId: M, bodyId: "body-own", unitIds: ["unit-own"] },
  ownBodyOtherUnit: { municipalityId: M, bodyId: "body-own", unitIds: ["unit-x"] },
  otherBodyOwnUnit: { municipalityId: M, bodyId: "body-x", unitIds: ["unit-own"] },
  otherBodyOtherUnit: { municipalityId: M, bodyId: "body-x", unitIds: ["unit-x"] },
  otherMunicipality: { municipalityId: OTHER_M, bodyId: "body-own", unitIds: ["unit-own"] },
};
type TargetName = keyof typeof targets;

// The expected answer for every role × permission × target. "✓" = allowed.
const ALL = Object.keys(targets) as TargetName[];
const within = ALL.filter((t) => t !== "otherMunicipality");
const expected: Record<Role, Partial<Record<Permission, TargetName[]>>> = {
  LEDAMOT: { "uppdrag:read": within, "report:read-frozen": within, "meeting:read": within, "plan:read": within, "account:own": within, "motion:read": within },
  HANDLAGGARE: {
    "uppdrag:read": within,
    "account:own": within,
    "report:read-frozen": within,
    "meeting:read": within,
    "uppdrag:change-status": ["ownBodyOwnUnit", "otherBodyOwnUnit"],
    "plan:read": within,
    "plan:follow-up": ["ownBodyOwnUnit", "otherBodyOwnUnit"],
    "motion:read": within,
  },
  SEKRETERARE: {
    "uppdrag:read": within,
    "meeting:read": within,
    "uppdrag:change-status": ["ownBodyOwnUnit", "ownBodyOtherUnit"],
    "uppdrag:create": ["ownBodyOwnUnit", "ownBodyOtherUnit"],
    "meeting:create": ["ownBodyOwnUnit", "ownBodyOtherUnit"],
    // Corrections: the secretary of the body, whatever the unit; never a handläggare or a member.
    "meeting:correct": ["ownBodyOwnUnit", "ownBodyOtherUnit"],
    "uppdrag:correct": ["ownBodyOwnUnit", "ownBodyOtherUnit"],
    "uppdrag:import": ["ownBodyOwnUnit", "ownBodyOtherUnit"],
    "uppdrag:export": within,
    "uppdrag:link-decision": ["ownBodyOwnUnit", "ownBodyOtherUnit"],
    "report:produce": ["ownBodyOwnUnit", "ownBodyOtherUnit"],
    "report:freeze": ["ownBodyOwnUnit", "ownBodyOtherUnit"],
    "report:read-frozen": within,
    "plan:read": within,
    "plan:follow-up": ["ownBodyOwnUnit", "ownBodyOtherUnit"],
    "plan:close-occasion": ["ownBodyOwnUnit", "ownBodyOtherUnit"],
    "plan:manage": ["ownBodyOwnUnit", "ownBodyOtherUnit"],
    "account:own": within,
    "motion:read": within,
    // The register is kept by kommunfullmäktige's secretaries: the target is KF.
    "motion:manage": ["ownBodyOwnUnit", "ownBodyOtherUnit"],
  },
  ADMINISTRATOR: Object.fromEntries(PERMISSIONS.map((p) => [p, within])),
};

describe("permission matrix", () => {
  const roles = Object.keys(expected) as Role[];
  for (const role of roles) {
    for (const permission of PERMISSIONS) {
      for (const t of ALL) {
        const allowed = (expected[role][permission] ?? []).includes(t);
        it(`${role} ${allowed ? "may" : "may not"} ${permission} on ${t}`, () => {
          expect(can(actor(role), permission, targets[t])).toBe(allowed);
        });
      }
    }
  }

  it("a signed-out visitor may do nothing", () => {
    for (const p of PERMISSIONS) for (const t of ALL) expect(can(null, p, targets[t])).toBe(false);
  });

  it("requirePermission throws ForbiddenError when refused", () => {
    expect(() => requirePermission(actor("LEDAMOT"), "uppdrag:change-status", targets.ownBodyOwnUnit)).toThrow(ForbiddenError);
    expect(() => requirePermission(actor("ADMINISTRATOR"), "admin:manage")).not.toThrow();
  });

  it("the import page is for secretaries and administrators only", () => {
    expect(canImportSome(actor("ADMINISTRATOR"))).toBe(true);
    expect(canImportSome(actor("SEKRETERARE"))).toBe(true);
    expect(canImportSome({ ...actor("SEKRETERARE"), secretaryOf: [] })).toBe(false);
    expect(canImportSome(actor("HANDLAGGARE"))).toBe(false);
    expect(canImportSome(actor("LEDAMOT"))).toBe(false);
  });

  it("only a ledamot has no write permission at all", () => {
    expect(canWriteAnything(actor("LEDAMOT"))).toBe(false);
    for (const r of ["HANDLAGGARE", "SEKRETERARE", "ADMINISTRATOR"] as Role[]) expect(canWriteAnything(actor(r))).toBe(true);
  });

  it("registers meetings: a secretary for the bodies they serve, an administrator for all, nobody else", () => {
    const bodies = [{ id: "body-own" }, { id: "body-x" }];
    expect(bodiesForMeetingRegistration(actor("SEKRETERARE"), bodies)).toEqual([{ id: "body-own" }]);
    expect(bodiesForMeetingRegistration(actor("ADMINISTRATOR"), bodies)).toEqual(bodies);
    for (const r of ["LEDAMOT", "HANDLAGGARE"] as Role[]) expect(bodiesForMeetingRegistration(actor(r), bodies)).toEqual([]);
    expect(canRegisterSomeMeeting(actor("SEKRETERARE"))).toBe(true);
    expect(canRegisterSomeMeeting(actor("ADMINISTRATOR"))).toBe(true);
    expect(canRegisterSomeMeeting({ ...actor("SEKRETERARE"), secretaryOf: [] })).toBe(false);
    for (const r of ["LEDAMOT", "HANDLAGGARE"] as Role[]) expect(canRegisterSomeMeeting(actor(r))).toBe(false);
  });

  it("only secretaries and administrators manage plans", () => {
    expect((["LEDAMOT", "HANDLAGGARE", "SEKRETERARE", "ADMINISTRATOR"] as Role[]).map((r) => canManageSomePlan(actor(r)))).toEqual([false, false, true, true]);
  });
});
