// Prisma 7 CLI config: used for `prisma generate` only. Migrations are applied
// by our own runner (src/server/db/migrations.ts) and authored with the Prisma 6
// CLI (scripts/prisma-migrate.sh); see docs/decisions/001-migrations-offline.md.
import { defineConfig } from "prisma/config";

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://invalid@127.0.0.1:5432/invalid" },
});
