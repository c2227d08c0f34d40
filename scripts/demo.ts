// npm run demo — the first command of the README: prepares the embedded
// database with demo data, builds the app when needed and serves it on
// http://localhost:3000 (PORT to change). With DATABASE_URL set it uses that server.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { randomBytes } from "node:crypto";
import path from "node:path";
import { openCliDatabase } from "./cli-db";
import { ensureDemoData } from "../src/server/seed/demo";

const dataDir = path.join(process.cwd(), ".data");
mkdirSync(dataDir, { recursive: true });

// A signing secret for this machine's demo, kept between runs so sessions survive a restart.
if (!process.env.NEXTAUTH_SECRET) {
  const file = path.join(dataDir, "auth-secret");
  if (!existsSync(file)) writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600 });
  process.env.NEXTAUTH_SECRET = readFileSync(file, "utf8").trim();
}
const port = process.env.PORT ?? "3000";
process.env.NEXTAUTH_URL ??= `http://localhost:${port}`;
// The explicit demo switch: `next start` runs as production, which refuses the
// embedded database and the demo users without it.
process.env.DEMO_MODE = "true";
// The demo administrators' password is on the sign-in page; they are not made to set up TOTP (.env.example).
process.env.REQUIRE_ADMIN_TOTP ??= "false";

const db = await openCliDatabase();
const loaded = await ensureDemoData(db.prisma);
await db.close();
console.log(loaded ? "Demodata inläst." : "Databasen har redan data.");

const next = path.join(process.cwd(), "node_modules", ".bin", "next");
if (!existsSync(path.join(process.cwd(), ".next", "BUILD_ID")) || process.argv.includes("--build")) {
  const build = spawnSync(next, ["build"], { stdio: "inherit", env: process.env });
  if (build.status !== 0) process.exit(build.status ?? 1);
}
console.log(`Uppdragskollen startar på http://localhost:${port}`);
const server = spawn(next, ["start", "-p", port], { stdio: "inherit", env: process.env });
for (const sig of ["SIGINT", "SIGTERM"] as const) process.on(sig, () => server.kill(sig));
server.on("exit", (code) => process.exit(code ?? 0));
