// The database an integration test file works on: the run's PostgreSQL
// database (TEST_DATABASE_URL) or an in-memory PGlite of its own. Tests create
// uniquely named data (a municipality of their own) instead of resetting.
import { inject } from "vitest";
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { openPglite, openPostgres, type Database } from "@/server/db/connect";
import { scopedClient, type ScopedClient } from "@/server/db/scoped";
import type { PrismaClient } from "@/generated/prisma/client";

export async function openTestDatabase(): Promise<Database> {
  const url = inject("databaseUrl");
  return url ? openPostgres(url) : openTestPglite();
}

/** An in-memory PGlite of the file's own, started from the run's migrated dump (tests/support/global-setup.ts). */
export async function openTestPglite(): Promise<Database> {
  const snapshot = inject("pgliteSnapshot");
  if (!snapshot) throw new Error("Only the pglite projects have a PGlite dump (tests/support/global-setup.ts): run this file there (vitest.config.ts).");
  return openPglite("memory://", { from: new Blob([readFileSync(snapshot)]) });
}

export const uniqueSlug = (prefix = "test") => `${prefix}-${randomUUID().slice(0, 8)}`;

/** The database as a domain function receives it from the entry layer: confined to the actor's municipality. */
export const scopedFor = (prisma: PrismaClient, actor: { municipalityId: string } | string): ScopedClient =>
  scopedClient(prisma, typeof actor === "string" ? actor : actor.municipalityId);
