// The load part of `npm run bench`: the production server under concurrent
// requests (autocannon), for one instance and for as many instances as the
// machine has cores, all on one PostgreSQL database, as in production behind a
// reverse proxy. autocannon spreads its connections over the instances' ports
// evenly, as a round-robin proxy would (without the proxy's own cost).
// The load generator runs on the same cores: figures are the machine's, not one
// process's, and are printed with the load average they were taken under.
import { spawn, type ChildProcess } from "node:child_process";
import os from "node:os";
import path from "node:path";
import autocannon from "autocannon";

export interface LoadTarget {
  name: string;
  /** A path per request: rotating paths keep one cached answer from being measured. */
  paths: string[];
  signedIn: boolean;
}

export interface LoadFigure {
  target: string;
  instances: number;
  connections: number;
  requestsPerSecond: number;
  p50: number;
  p99: number;
  non2xx: number;
  errors: number;
  /** One answer's size in bytes: the HTML a first visit gets, and the React (RSC) payload an in-app navigation gets (0 for a route handler). */
  htmlBytes: number;
  rscBytes: number;
  /** The 1-minute load average as the figure was taken (this machine is shared): figures under a high load are not comparable. */
  loadAverage: number;
}

export interface LoadBenchOptions {
  databaseUrl: string;
  firstPort: number;
  instances: number[];
  connections: number[];
  seconds: number;
  targets: LoadTarget[];
  email: string;
  password: string;
  log: (...a: unknown[]) => void;
}

async function startInstances(o: LoadBenchOptions, n: number): Promise<{ bases: string[]; stop: () => Promise<void> }> {
  const next = path.join(process.cwd(), "node_modules", ".bin", "next");
  const bases = Array.from({ length: n }, (_, i) => `http://127.0.0.1:${o.firstPort + i}`);
  const servers: ChildProcess[] = bases.map((base, i) =>
    spawn(next, ["start", "-p", String(o.firstPort + i)], {
      stdio: ["ignore", "ignore", "inherit"],
      env: {
        ...process.env,
        NODE_ENV: "production",
        DATABASE_URL: o.databaseUrl,
        DEMO_MODE: "false",
        NEXTAUTH_URL: bases[0],
        NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET ?? "bench-only-secret-0123456789abcdef",
        // The bench signs in many times from one address.
        SIGNIN_IP_FAILURES: "100000",
      },
    }),
  );
  const stop = async () => {
    await Promise.all(
      servers.map(
        (s) =>
          new Promise<void>((resolve) => {
            if (s.exitCode !== null) return resolve();
            s.once("exit", () => resolve());
            s.kill("SIGTERM");
          }),
      ),
    );
  };
  process.once("exit", () => servers.forEach((s) => s.kill("SIGTERM")));
  for (const [i, base] of bases.entries()) {
    for (let t = 0; ; t++) {
      if (servers[i].exitCode !== null) throw new Error(`instance ${i + 1} exited (code ${servers[i].exitCode}) before it answered`);
      if (t > 240) throw new Error(`instance ${i + 1} did not start`);
      const ok = await fetch(`${base}/api/health`).then(
        (r) => r.ok,
        () => false,
      );
      if (ok) break;
      await new Promise((r) => setTimeout(r, 250));
    }
  }
  return { bases, stop };
}

/** Signs in through next-auth's credentials endpoint; returns the Cookie header. The session lives in the database, so every instance accepts it. */
export async function signInCookie(base: string, email: string, password: string): Promise<string> {
  const jar = new Map<string, string>();
  const keep = (res: Response) => {
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(";");
      const i = pair.indexOf("=");
      jar.set(pair.slice(0, i), pair.slice(i + 1));
    }
  };
  const header = () => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
  const r = await fetch(`${base}/api/auth/csrf`);
  keep(r);
  const { csrfToken } = (await r.json()) as { csrfToken: string };
  const login = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: header(), origin: base },
    body: new URLSearchParams({ csrfToken, email, password, json: "true" }),
  });
  keep(login);
  if (![...jar.keys()].some((k) => k.includes("session-token"))) throw new Error(`sign-in as ${email} failed`);
  return header();
}

/** The size of one answer for the target's first path: as a page load (HTML) and as an in-app navigation (the RSC payload, header RSC: 1). */
async function answerBytes(base: string, target: LoadTarget, cookie: string): Promise<{ htmlBytes: number; rscBytes: number }> {
  const get = async (headers: Record<string, string>) => {
    const r = await fetch(`${base}${target.paths[0]}`, { headers: { ...(target.signedIn ? { cookie } : {}), ...headers } });
    const body = Buffer.from(await r.arrayBuffer());
    return { type: r.headers.get("content-type") ?? "", bytes: body.length };
  };
  const html = await get({});
  const rsc = html.type.includes("text/html") ? await get({ RSC: "1" }) : null;
  return { htmlBytes: html.bytes, rscBytes: rsc?.type.includes("text/x-component") ? rsc.bytes : 0 };
}

function hammer(bases: string[], target: LoadTarget, connections: number, seconds: number, cookie: string): Promise<autocannon.Result> {
  let n = 0;
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        // Several URLs: connection i goes to URL i mod n (autocannon's run.js); its types know only one.
        url: bases.map((b) => `${b}${target.paths[0]}`) as unknown as string,
        connections,
        duration: seconds,
        headers: target.signedIn ? { cookie } : {},
        requests: [{ setupRequest: (req) => ({ ...req, path: target.paths[n++ % target.paths.length] }) }],
      },
      (err, result) => (err ? reject(err) : resolve(result)),
    );
    void instance; // not tracked: nothing is printed while it runs, the figures are printed together
  });
}

export async function runLoadBench(o: LoadBenchOptions): Promise<LoadFigure[]> {
  const figures: LoadFigure[] = [];
  for (const n of o.instances) {
    const { bases, stop } = await startInstances(o, n);
    try {
      const cookie = await signInCookie(bases[0], o.email, o.password);
      for (const target of o.targets) {
        // A short warm-up per target: compiled routes, connection pools, caches as in a running service.
        await hammer(bases, target, 4, 2, cookie);
        const bytes = await answerBytes(bases[0], target, cookie);
        for (const connections of o.connections) {
          const loadBefore = os.loadavg()[0];
          const r = await hammer(bases, target, connections, o.seconds, cookie);
          const f: LoadFigure = {
            target: target.name,
            instances: n,
            connections,
            requestsPerSecond: Math.round(r.requests.average * 10) / 10,
            p50: r.latency.p50,
            p99: r.latency.p99,
            non2xx: r.non2xx,
            errors: r.errors + r.timeouts,
            ...bytes,
            loadAverage: Math.round(((loadBefore + os.loadavg()[0]) / 2) * 10) / 10,
          };
          figures.push(f);
          o.log(`load: ${n} instance(s), ${connections} connections, ${target.name}: ${f.requestsPerSecond} req/s, p50 ${f.p50} ms, p99 ${f.p99} ms, load average ${f.loadAverage}${f.non2xx || f.errors ? `, ${f.non2xx} non-2xx, ${f.errors} errors` : ""}`);
        }
      }
    } finally {
      await stop();
    }
  }
  return figures;
}

export function formatLoadFigures(figures: LoadFigure[]): string {
  const lines = [`load (autocannon, ${os.availableParallelism()} cores, load average ${os.loadavg()[0].toFixed(1)} at the end; client and servers share the cores)`];
  lines.push("instances  connections  target        req/s    p50 ms   p99 ms   HTML B    RSC B  load");
  for (const f of figures) {
    lines.push(
      `${String(f.instances).padStart(9)}  ${String(f.connections).padStart(11)}  ${f.target.padEnd(12)} ${String(f.requestsPerSecond).padStart(7)}  ${String(f.p50).padStart(7)}  ${String(f.p99).padStart(7)}  ${String(f.htmlBytes).padStart(7)}  ${String(f.rscBytes || "–").padStart(7)}  ${f.loadAverage.toFixed(1).padStart(4)}${f.non2xx || f.errors ? `  (${f.non2xx} non-2xx, ${f.errors} errors)` : ""}`,
    );
  }
  return lines.join("\n");
}
