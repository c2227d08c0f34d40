import { describe, expect, it } from "vitest";
import { can, PERMISSIONS, requirePermission, ForbiddenError, canWriteAnything, type Actor, type Permission, type Target } from "@/server/permissions";
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
  LEDAMOT: { "uppdrag:read": within, "report:read-frozen": within, "account:own": within },
  HANDLAGGARE: {
    "uppdrag:read": within,
    "account:own": within,
    "report:read-frozen": within,
    "uppdrag:change-status": ["ownBodyOwnUnit", "otherBodyOwnUnit"],
  },
  SEKRETERARE: {
    "uppdrag:read": within,
    "uppdrag:change-status": ["ownBodyOwnUnit", "ownBodyOtherUnit"],
    "uppdrag:create": ["ownBodyOwnUnit", "ownBodyOtherUnit"],
    "meeting:create": ["ownBodyOwnUnit", "ownBodyOtherUnit"],
    "report:produce": ["ownBodyOwnUnit", "ownBodyOtherUnit"],
    "report:freeze": ["ownBodyOwnUnit", "ownBodyOtherUnit"],
    "report:read-frozen": within,
    "account:own": within,
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

  it("only a ledamot has no write permission at all", () => {
    expect(canWriteAnything(actor("LEDAMOT"))).toBe(false);
    for (const r of ["HANDLAGGARE", "SEKRETERARE", "ADMINISTRATOR"] as Role[]) expect(canWriteAnything(actor(r))).toBe(true);
  });
});
