// One-time password links, the side no one is signed in on: the link itself is
// the authorisation and names its municipality, so it is read with the
// unscoped client (only auth and the data layer hold one). Issuing a link is
// administration (src/server/admin/users.ts).
import "server-only";
import { createHash } from "node:crypto";
import type { PrismaClient } from "@/generated/prisma/client";
import { getPrisma } from "@/server/db";
import { scopedClient } from "@/server/db/scoped";
import { recordAudit } from "@/server/audit";
import { RefusedError } from "@/server/errors";
import { hashPassword } from "./password";
import { revokeUserSessions } from "./sessions";
import { passwordProblem } from "@/lib/validation/password";

/** What is stored of a link's token (the token itself is shown once and never kept). */
export const hashLinkToken = (token: string) => createHash("sha256").update(token).digest("hex");

/** The person a one-time link is for, while it still works. */
export async function passwordLinkHolder(prisma: PrismaClient, token: string, now = new Date()) {
  // Unscoped: the link itself is the authorisation; it names its municipality.
  const link = await prisma.passwordLink.findUnique({
    where: { tokenHash: hashLinkToken(token) },
    select: { id: true, userId: true, municipalityId: true, usedAt: true, expiresAt: true, user: { select: { name: true, email: true, active: true } } },
  });
  if (!link || link.usedAt || link.expiresAt <= now || !link.user.active) return null;
  return link;
}

/** Sets the password with a one-time link; the link is used up. Returns the e-mail to sign in with. */
export async function redeemPasswordLink(prisma: PrismaClient, token: string, password: string, now = new Date()): Promise<{ email: string }> {
  const link = await passwordLinkHolder(prisma, token, now);
  if (!link) throw new RefusedError("Länken fungerar inte längre: den är redan använd, för gammal eller ersatt av en nyare. Be administratören om en ny.");
  const problem = passwordProblem(password, { email: link.user.email, name: link.user.name });
  if (problem) throw new RefusedError(problem, "password");
  const passwordHash = await hashPassword(password);
  const db = scopedClient(prisma, link.municipalityId);
  await db.$transaction(async (tx) => {
    const r = await tx.passwordLink.updateMany({ where: { id: link.id, usedAt: null }, data: { usedAt: now } });
    if (r.count !== 1) throw new RefusedError("Länken är redan använd.");
    await tx.user.update({ where: { id: link.userId }, data: { passwordHash, version: { increment: 1 } } });
    await revokeUserSessions(tx, link.userId, { now });
    await recordAudit(tx, { municipalityId: link.municipalityId, actorId: link.userId, action: "user.password.set-with-link", entity: "User", entityId: link.userId });
  });
  return { email: link.user.email };
}

/** For the link's page: who the link is for (name and e-mail), or null when it does not work. */
export async function openPasswordLink(token: string): Promise<{ name: string; email: string } | null> {
  if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return null;
  const link = await passwordLinkHolder(await getPrisma(), token);
  return link && { name: link.user.name, email: link.user.email };
}

/** For the link's form (a public endpoint): sets the password with the link. */
export async function choosePasswordWithLink(token: string, password: string): Promise<{ email: string }> {
  return redeemPasswordLink(await getPrisma(), token, password);
}
