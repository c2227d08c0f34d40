// The scale part of `npm run bench`: one municipality's list (the query
// in-process, and the page over HTTP from the production server) on a database
// that holds only it, and on one that also holds a country's worth of other
// municipalities (`npm run seed -- --municipalities 290 --uppdrag-per 2000`).
// The municipality is the same in both (Exempelstad with the bench's uppdrag), so
// the difference is what the other tenants' rows cost it.
import { spawn } from "node:child_process";
import path from "node:path";
import { openPostgres } from "../../src/server/db/connect";
import { scopedClient } from "../../src/server/db/scoped";
import { listUppdrag } from "../../src/server/uppdrag/list-uppdrag";
import { listFiltersSchema } from "../../src/lib/validation/uppdrag";
import type { Actor } from "../../src/server/permissions";
import { signInCookie } from "./load-bench";

export interface ScaleFigure {
  database: string;
  totalUppdrag: number;
  municipalityUppdrag: number;
  queryP50: number;
  queryP95: number;
  pageP50: number;
  pageP95: number;
}

const quantile = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return Math.round(s[Math.min(s.length - 1, Math.floor(p * s.length))] * 10) / 10;
};

export async function measureListScale(o: { label: string; databaseUrl: string; slug: string; email: string; password: string; port: number; runs: number }): Promise<ScaleFigure> {
  const db = await openPostgres(o.databaseUrl);
  let figure: Omit<ScaleFigure, "pageP50" | "pageP95">;
  try {
    const m = await db.prisma.municipality.findUniqueOrThrow({ where: { slug: o.slug }, select: { id: true, slug: true, name: true } });
    const membership = await db.prisma.membership.findFirstOrThrow({ where: { municipalityId: m.id, user: { email: o.email } }, select: { userId: true, role: true, unitId: true, user: { select: { name: true } } } });
    const actor: Actor = {
      userId: membership.userId,
      name: membership.user.name,
      municipalityId: m.id,
      municipalitySlug: m.slug,
      municipalityName: m.name,
      role: membership.role,
      unitId: membership.unitId,
      secretaryOf: [],
      memberOf: [],
    };
    const scoped = scopedClient(db.prisma, m.id);
    const filters = listFiltersSchema.parse({});
    const times: number[] = [];
    for (let i = 0; i < o.runs + 10; i++) {
      const t0 = performance.now();
      await listUppdrag(scoped, actor, filters, { today: new Date(), lastVisit: null });
      if (i >= 10) times.push(performance.now() - t0); // ten warm up
    }
    figure = {
      database: o.label,
      totalUppdrag: await db.prisma.uppdrag.count(),
      municipalityUppdrag: await db.prisma.uppdrag.count({ where: { municipalityId: m.id } }),
      queryP50: quantile(times, 0.5),
      queryP95: quantile(times, 0.95),
    };
  } finally {
    await db.close();
  }

  const base = `http://127.0.0.1:${o.port}`;
  const next = path.join(process.cwd(), "node_modules", ".bin", "next");
  const server = spawn(next, ["start", "-p", String(o.port)], {
    stdio: ["ignore", "ignore", "inherit"],
    env: { ...process.env, NODE_ENV: "production", DATABASE_URL: o.databaseUrl, DEMO_MODE: "false", NEXTAUTH_URL: base, NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET ?? "bench-only-secret-0123456789abcdef" },
  });
  try {
    for (let t = 0; ; t++) {
      if (server.exitCode !== null) throw new Error(`the server exited (code ${server.exitCode})`);
      if (t > 240) throw new Error("the server did not start");
      if (await fetch(`${base}/api/health`).then((r) => r.ok, () => false)) break;
      await new Promise((r) => setTimeout(r, 250));
    }
    const cookie = await signInCookie(base, o.email, o.password);
    const times: number[] = [];
    for (let i = 0; i < o.runs + 10; i++) {
      const t0 = performance.now();
      const r = await fetch(`${base}/uppdrag`, { headers: { cookie }, redirect: "manual" });
      await r.arrayBuffer();
      if (r.status !== 200) throw new Error(`/uppdrag answered ${r.status}`);
      if (i >= 10) times.push(performance.now() - t0);
    }
    return { ...figure, pageP50: quantile(times, 0.5), pageP95: quantile(times, 0.95) };
  } finally {
    await new Promise<void>((resolve) => {
      if (server.exitCode !== null) return resolve();
      server.once("exit", () => resolve());
      server.kill("SIGTERM");
    });
  }
}

export function formatScaleFigures(figures: ScaleFigure[]): string {
  const lines = ["scale: one municipality's list, alone and among a country's municipalities (sequential requests)"];
  lines.push("database                     uppdrag in all   in the municipality   query p50/p95 ms   page p50/p95 ms");
  for (const f of figures) {
    lines.push(`${f.database.padEnd(28)} ${String(f.totalUppdrag).padStart(14)}   ${String(f.municipalityUppdrag).padStart(19)}   ${`${f.queryP50} / ${f.queryP95}`.padStart(16)}   ${`${f.pageP50} / ${f.pageP95}`.padStart(15)}`);
  }
  if (figures.length === 2) {
    const [small, big] = figures;
    const pct = Math.round((big.pageP50 / small.pageP50 - 1) * 1000) / 10;
    lines.push(`the page at ${big.totalUppdrag} uppdrag: ${pct >= 0 ? "+" : ""}${pct} % p50 against ${small.totalUppdrag} (goal: within 10 %); the query p95 ${big.queryP95} ms (goal: at most 5 ms)`);
  }
  return lines.join("\n");
}
