// Single sign-on with OpenID Connect (e.g. Microsoft Entra ID), configured by
// environment variables (see .env.example and the README). An account is keyed
// on the provider's issuer and subject (ExternalIdentity), never on e-mail
// alone: a first sign-in links to a person an administrator created with that
// e-mail in the municipality the issuer belongs to (only on an e-mail the
// provider verified: email_verified true), or creates one when the group claims
// map to a role; anyone else is refused. A role the groups gave is taken away
// with the groups: out of every mapped group, the next sign-in is refused.
import type { PrismaClient } from "@/generated/prisma/client";
import type { Role } from "@/generated/prisma/enums";
import { recordAudit } from "@/server/audit";

export interface OidcConfig {
  /** next-auth provider id; the redirect URI is <NEXTAUTH_URL>/api/auth/callback/oidc. */
  id: "oidc";
  /** Shown as "Logga in med <name>". */
  name: string;
  issuer: string;
  clientId: string;
  clientSecret: string;
  scope: string;
  /** The municipality (slug) whose staff sign in with this issuer. */
  municipalitySlug: string;
  /** The claim holding group ids (Entra ID: "groups"). */
  groupsClaim: string;
  /** group id → role. */
  roleGroups: Map<string, Role>;
}

const ROLE_RANK: Role[] = ["LEDAMOT", "HANDLAGGARE", "SEKRETERARE", "ADMINISTRATOR"];

/** "ADMINISTRATOR=<group>,SEKRETERARE=<group>,..." → group → role. A role may be named more than once. */
export function parseRoleGroups(spec: string | undefined): Map<string, Role> {
  const map = new Map<string, Role>();
  for (const part of (spec ?? "").split(",").map((s) => s.trim()).filter(Boolean)) {
    const eq = part.indexOf("=");
    const role = part.slice(0, eq).trim().toUpperCase();
    const group = part.slice(eq + 1).trim();
    if (eq < 1 || !group || !ROLE_RANK.includes(role as Role)) throw new Error(`OIDC_ROLE_GROUPS: cannot read "${part}" (expected ROLE=group-id; roles ${ROLE_RANK.join(", ")})`);
    map.set(group, role as Role);
  }
  return map;
}

/** SSO settings from the environment, or null when SSO is not configured. */
export function oidcConfigFromEnv(env: Record<string, string | undefined> = process.env): OidcConfig | null {
  const issuer = env.OIDC_ISSUER?.trim();
  if (!issuer) return null;
  const missing = ["OIDC_CLIENT_ID", "OIDC_CLIENT_SECRET", "OIDC_MUNICIPALITY"].filter((k) => !env[k]?.trim());
  if (missing.length) throw new Error(`OIDC_ISSUER is set but ${missing.join(", ")} ${missing.length > 1 ? "are" : "is"} not`);
  return {
    id: "oidc",
    name: env.OIDC_NAME?.trim() || "kommunens konto",
    issuer: issuer.replace(/\/$/, ""),
    clientId: env.OIDC_CLIENT_ID!.trim(),
    clientSecret: env.OIDC_CLIENT_SECRET!.trim(),
    scope: env.OIDC_SCOPE?.trim() || "openid profile email",
    municipalitySlug: env.OIDC_MUNICIPALITY!.trim(),
    groupsClaim: env.OIDC_GROUPS_CLAIM?.trim() || "groups",
    roleGroups: parseRoleGroups(env.OIDC_ROLE_GROUPS),
  };
}

/** The highest role any of the person's groups maps to, or null. */
export function roleFromGroups(config: Pick<OidcConfig, "roleGroups">, groups: unknown): Role | null {
  if (!Array.isArray(groups)) return null;
  const roles = groups.filter((g): g is string => typeof g === "string").map((g) => config.roleGroups.get(g)).filter((r): r is Role => !!r);
  if (roles.length === 0) return null;
  return roles.sort((a, b) => ROLE_RANK.indexOf(b) - ROLE_RANK.indexOf(a))[0];
}

/** The verified ID token's claims that matter here. */
export interface OidcClaims {
  iss: string;
  sub: string;
  email?: string;
  preferred_username?: string;
  name?: string;
  [claim: string]: unknown;
}

export type OidcOutcome =
  | { ok: true; userId: string; municipalityId: string; how: "known" | "linked" | "created" }
  | { ok: false; reason: "not-configured" | "wrong-issuer" | "inactive" | "unknown" | "other-account" | "unverified-email" | "no-role" };

/** Swedish text for each refusal, shown on the sign-in page (/logga-in?fel=sso-<reason>). */
export const OIDC_REFUSAL_TEXT: Record<Exclude<OidcOutcome, { ok: true }>["reason"], string> = {
  "not-configured": "Inloggningen med kommunens konto är inte rätt inställd. Kontakta administratören.",
  "wrong-issuer": "Inloggningen kom från en annan identitetstjänst än den kommunen använder.",
  inactive: "Ditt konto är inaktiverat. Kontakta administratören om du behöver komma åt Uppdragskollen.",
  unknown: "Du har inget konto i Uppdragskollen, och din grupptillhörighet ger ingen roll här. Be administratören lägga upp dig eller ge dig behörighet.",
  "other-account": "Ditt konto kunde inte kopplas till inloggningen. Kontakta administratören.",
  "unverified-email":
    "Identitetstjänsten har inte bekräftat din e-postadress, så inloggningen kan inte kopplas till ditt konto i Uppdragskollen. Kontakta administratören.",
  "no-role": "Du är inte längre med i någon grupp som ger behörighet i Uppdragskollen. Kontakta administratören om du behöver komma åt den.",
};

const asEmail = (v: unknown) => (typeof v === "string" && v.includes("@") ? v.trim().toLowerCase() : undefined);
/** The e-mail the person claims: the email claim, else an e-mail-like preferred_username (for a new person only). */
const claimedEmailOf = (c: OidcClaims) => asEmail(c.email) ?? asEmail(c.preferred_username);
/** The e-mail the provider vouches for: the email claim with email_verified true; never preferred_username. */
const verifiedEmailOf = (c: OidcClaims) => (c.email_verified === true || c.email_verified === "true" ? asEmail(c.email) : undefined);

/** Audit actions that set a person's role, and whether the role then came from the groups. */
const ROLE_SOURCES = ["user.sso.create", "user.sso.link", "user.role.from-groups", "user.invite", "user.update"];

/**
 * Decides who a verified OIDC sign-in is. Unscoped by necessity (no actor yet):
 * every query names the configured municipality or the issuer+subject key.
 */
export async function resolveOidcSignIn(prisma: PrismaClient, config: OidcConfig, claims: OidcClaims, now = new Date()): Promise<OidcOutcome> {
  const issuer = String(claims.iss ?? "").replace(/\/$/, "");
  const subject = String(claims.sub ?? "");
  if (!issuer || !subject) return { ok: false, reason: "unknown" };
  if (issuer !== config.issuer) return { ok: false, reason: "wrong-issuer" };
  const municipality = await prisma.municipality.findUnique({ where: { slug: config.municipalitySlug }, select: { id: true } });
  if (!municipality) return { ok: false, reason: "not-configured" };
  const municipalityId = municipality.id;
  const mappedRole = roleFromGroups(config, claims[config.groupsClaim]);
  const audit = (tx: Parameters<typeof recordAudit>[0], userId: string, action: string, after?: unknown) =>
    recordAudit(tx, { municipalityId, actorId: userId, action, entity: "User", entityId: userId, after });

  return prisma.$transaction(async (tx) => {
    // 1. A known identity: issuer + subject.
    const identity = await tx.externalIdentity.findUnique({
      where: { issuer_subject: { issuer, subject } },
      select: { id: true, municipalityId: true, user: { select: { id: true, active: true, memberships: { where: { municipalityId }, select: { id: true, role: true } } } } },
    });
    if (identity) {
      if (identity.municipalityId !== municipalityId || identity.user.memberships.length === 0) return { ok: false, reason: "other-account" } as const;
      if (!identity.user.active) return { ok: false, reason: "inactive" } as const;
      const membership = identity.user.memberships[0];
      // The groups claim is there but maps to no role: if the role came from the
      // groups, it went with them. (No claim at all, as with Entra's overage: the role stays.)
      if (!mappedRole && Array.isArray(claims[config.groupsClaim]) && config.roleGroups.size > 0) {
        const last = await tx.auditEvent.findFirst({
          where: { municipalityId, entity: "User", entityId: identity.user.id, action: { in: ROLE_SOURCES } },
          orderBy: { at: "desc" },
          select: { action: true, after: true },
        });
        const fromGroups =
          last?.action === "user.sso.create" || last?.action === "user.role.from-groups" || (last?.action === "user.sso.link" && (last.after as { fromGroups?: unknown } | null)?.fromGroups === true);
        if (fromGroups) return { ok: false, reason: "no-role" } as const;
      }
      await tx.externalIdentity.update({ where: { id: identity.id }, data: { lastSignInAt: now } });
      if (mappedRole && mappedRole !== membership.role) {
        await tx.membership.update({ where: { id: membership.id }, data: { role: mappedRole } });
        await tx.user.update({ where: { id: identity.user.id }, data: { version: { increment: 1 } } });
        await audit(tx, identity.user.id, "user.role.from-groups", { before: membership.role, after: mappedRole });
      }
      return { ok: true, userId: identity.user.id, municipalityId, how: "known" } as const;
    }

    // 2. A person an administrator created in this municipality with this e-mail,
    //    not yet linked to another subject of this issuer.
    //    Only on an e-mail the provider verified: anyone who can set their own
    //    e-mail or username at the provider could otherwise take over an account.
    const email = claimedEmailOf(claims);
    const verified = verifiedEmailOf(claims);
    const existing = verified
      ? await tx.user.findUnique({
          where: { email: verified },
          select: { id: true, active: true, memberships: { select: { id: true, role: true, municipalityId: true } }, identities: { where: { issuer }, select: { id: true } } },
        })
      : null;
    if (!existing && email && (await tx.user.findUnique({ where: { email }, select: { id: true } }))) return { ok: false, reason: "unverified-email" } as const;
    if (existing) {
      const membership = existing.memberships.find((m) => m.municipalityId === municipalityId);
      // The e-mail belongs to someone elsewhere, or to a person already linked to
      // another subject: never link on e-mail alone.
      if (!membership || existing.identities.length > 0) return { ok: false, reason: "other-account" } as const;
      if (!existing.active) return { ok: false, reason: "inactive" } as const;
      await tx.externalIdentity.create({ data: { municipalityId, issuer, subject, userId: existing.id, createdAt: now, lastSignInAt: now } });
      if (mappedRole && mappedRole !== membership.role) await tx.membership.update({ where: { id: membership.id }, data: { role: mappedRole } });
      await tx.user.update({ where: { id: existing.id }, data: { version: { increment: 1 } } });
      await audit(tx, existing.id, "user.sso.link", { issuer, role: mappedRole ?? membership.role, fromGroups: !!mappedRole });
      return { ok: true, userId: existing.id, municipalityId, how: "linked" } as const;
    }

    // 3. Someone new whose groups give a role here.
    if (!mappedRole || !email) return { ok: false, reason: "unknown" } as const;
    const name = typeof claims.name === "string" && claims.name.trim() ? claims.name.trim().slice(0, 120) : email;
    const user = await tx.user.create({ data: { email, name, passwordHash: null, createdAt: now }, select: { id: true } });
    await tx.membership.create({ data: { userId: user.id, municipalityId, role: mappedRole } });
    await tx.externalIdentity.create({ data: { municipalityId, issuer, subject, userId: user.id, createdAt: now, lastSignInAt: now } });
    await audit(tx, user.id, "user.sso.create", { issuer, role: mappedRole });
    return { ok: true, userId: user.id, municipalityId, how: "created" } as const;
  });
}
