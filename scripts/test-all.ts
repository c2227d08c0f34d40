// `npm test`: every stage of the test suite, in order, and at the end how long
// each took (also when one fails, so a slow or failing stage is plain to see).
// Stages in one group run at the same time: the static checks are single
// threaded, so on two cores they share the machine well. The first failing
// group stops the run.
import { spawn } from "node:child_process";

interface Stage {
  name: string;
  command: string;
}

const GROUPS: Stage[][] = [
  [
    { name: "typecheck", command: "npm run --silent typecheck" },
    { name: "lint", command: "npm run --silent lint" },
    { name: "migrations", command: "npm run --silent db:check" },
  ],
  // Both Vitest projects (vitest.config.ts) in one run: PostgreSQL and the embedded PGlite.
  [{ name: "unit + integration (PostgreSQL and PGlite)", command: "npm run --silent test:unit" }],
  [{ name: "build", command: "npm run --silent build" }],
  [{ name: "end-to-end (Playwright)", command: "npx playwright test" }],
];

interface Result {
  name: string;
  seconds: number;
  code: number;
}

function run(stage: Stage, buffered: boolean): Promise<Result> {
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(stage.command, { shell: true, stdio: buffered ? ["ignore", "pipe", "pipe"] : "inherit", env: process.env });
    const out: Buffer[] = [];
    child.stdout?.on("data", (d: Buffer) => out.push(d));
    child.stderr?.on("data", (d: Buffer) => out.push(d));
    child.on("close", (code) => {
      // A group's stages print whole, one after the other, not interleaved.
      if (buffered) process.stdout.write(`\n── ${stage.name}\n${Buffer.concat(out).toString()}`);
      resolve({ name: stage.name, seconds: (Date.now() - started) / 1000, code: code ?? 1 });
    });
  });
}

const began = Date.now();
const results: Result[] = [];
let failed = false;
for (const group of GROUPS) {
  console.log(`\n══ ${group.map((s) => s.name).join(" + ")}`);
  const done = await Promise.all(group.map((s) => run(s, group.length > 1)));
  results.push(...done);
  if (done.some((r) => r.code !== 0)) {
    failed = true;
    break;
  }
}

const total = (Date.now() - began) / 1000;
const fmt = (s: number) => `${Math.floor(s / 60)}:${String(Math.round(s % 60)).padStart(2, "0")}`;
console.log("\nTime per stage (m:ss):");
for (const r of results) console.log(`  ${fmt(r.seconds).padStart(6)}  ${r.name}${r.code === 0 ? "" : `  FAILED (exit ${r.code})`}`);
console.log(`  ${fmt(total).padStart(6)}  the whole suite${failed ? ", stopped at the first failure" : ""}`);
process.exit(failed ? 1 : 0);
