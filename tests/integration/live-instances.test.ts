// Two app instances on one PostgreSQL (issue #18): a status saved through
// instance A reaches a member's open list on instance B through LISTEN/NOTIFY
// within 2 seconds, and after PostgreSQL is stopped and started again the live
// updates resume without restarting either instance (each open page is first
// told to refresh once, since changes may have been missed meanwhile).
//
// The instances are two Node.js processes (tests/support/live-instance.ts),
// each running the real live module and domain functions with DATABASE_URL.
// The database is a PostgreSQL cluster of the test's own (initdb/pg_ctl into a
// temporary folder, tests/support/throwaway-postgres.ts), so stopping it does
// not disturb other tests on the machine's server. Where no cluster can be
// made, the restart is simulated on TEST_DATABASE_URL's server by terminating
// every connection to the test's database (pg_terminate_backend), and the run
// says so (LIVE_TEST_RESTART=terminate chooses that path here too).
//
// Needs PostgreSQL: it runs in `npm run test:unit` with TEST_DATABASE_URL (as
// .ci/run sets it) and is left out of the PGlite run explicitly (package.json,
// test:pglite; vitest.config.ts, POSTGRES_ONLY).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fork, type ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import path from "node:path";
import pg from "pg";
import { migratePostgres, openPostgres, type Database } from "@/server/db/connect";
import type { UppdragStatus } from "@/generated/prisma/enums";
import type { Actor } from "@/server/permissions";
import { buildWorld, type World } from "../support/world";
import { startThrowawayPostgres, type ThrowawayPostgres } from "../support/throwaway-postgres";
import type { InstanceMessage, InstanceRequest } from "../support/live-instance";

const runServer = process.env.TEST_DATABASE_URL;
if (!runServer) {
  throw new Error("tests/integration/live-instances.test.ts needs PostgreSQL: set TEST_DATABASE_URL (e.g. postgresql://postgres@127.0.0.1:5432/postgres, as .ci/run does). It is not a PGlite test.");
}

const root = path.resolve(import.meta.dirname, "../..");
const dbName = `uppdrag_live_${Date.now()}_${randomUUID().slice(0, 6)}`;
const DELIVERY_MS = 2_000;

type Received = { event: string; data: { uppdragId?: string; type?: string } | null; receivedAt: number };

class Instance {
  readonly events: Received[] = [];
  private next = 1;
  private replies = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  private waiters: (() => void)[] = [];
  readonly started: Promise<unknown>;

  constructor(
    readonly name: string,
    readonly child: ChildProcess,
  ) {
    this.started = new Promise((resolve, reject) => {
      this.replies.set(0, { resolve, reject });
      child.once("exit", (code) => reject(new Error(`instance ${name} exited (${code})`)));
    });
    child.on("message", (m: InstanceMessage) => {
      if (m.kind === "event") {
        this.events.push(m as Received);
        for (const w of this.waiters.splice(0)) w();
        return;
      }
      const r = this.replies.get(m.id);
      this.replies.delete(m.id);
      if (m.ok) r?.resolve(m.value);
      else r?.reject(new Error(`instance ${name}: ${m.error}`));
    });
  }

  static start(name: string, databaseUrl: string): Instance {
    const child = fork(path.join(root, "tests/support/live-instance.ts"), [], {
      cwd: root,
      execArgv: ["--import", "tsx"],
      env: { ...process.env, DATABASE_URL: databaseUrl, LIVE_RETRY_MAX_MS: "1000", NODE_ENV: "test" },
      stdio: ["ignore", "inherit", "inherit", "ipc"],
    });
    return new Instance(name, child);
  }

  ask<T>(r: Omit<InstanceRequest, "id"> & { cmd: InstanceRequest["cmd"] }): Promise<T> {
    const id = this.next++;
    return new Promise<T>((resolve, reject) => {
      this.replies.set(id, { resolve: resolve as (v: unknown) => void, reject });
      this.child.send({ ...r, id });
    });
  }

  /** The first event received from index `from` on that matches, or an error after `timeoutMs`. */
  async waitFor(match: (e: Received) => boolean, timeoutMs: number, from = 0): Promise<Received> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const hit = this.events.slice(from).find(match);
      if (hit) return hit;
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`instance ${this.name}: no matching event within ${timeoutMs} ms (got ${JSON.stringify(this.events.slice(from).map((e) => e.event))})`);
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(t);
          resolve();
        });
      });
    }
  }

  save(actor: Actor, uppdragId: string, status: UppdragStatus, comment: string) {
    return this.ask<{ committedAt: number }>({ cmd: "save", actor, uppdragId, status, comment } as never);
  }
  list(actor: Actor, q: string) {
    return this.ask<{ id: string; title: string; status: UppdragStatus }[]>({ cmd: "list", actor, q } as never);
  }
  watch(municipalityId: string) {
    return this.ask<true>({ cmd: "watch", municipalityId, sessionId: `${this.name}-${randomUUID()}` } as never);
  }
  stop() {
    if (this.child.connected) this.child.disconnect();
    this.child.kill();
  }
}

let cluster: ThrowawayPostgres | null = null;
let serverUrl: string;
let url: string;
let db: Database;
let w: World;
let a: Instance;
let b: Instance;

function withDatabase(server: string, name: string) {
  const u = new URL(server);
  u.pathname = `/${name}`;
  return u.toString();
}
async function onServer(sql: string) {
  const c = new pg.Client({ connectionString: serverUrl });
  await c.connect();
  try {
    return await c.query(sql);
  } finally {
    await c.end();
  }
}

/** Stops PostgreSQL and starts it again (or, without a cluster of our own, cuts every connection to the test's database). */
async function restartPostgres() {
  if (cluster) {
    await cluster.stop();
    await new Promise((r) => setTimeout(r, 1_000)); // down for a moment: the listeners' first attempts fail
    await cluster.start();
  } else {
    await onServer(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '${dbName}' AND pid <> pg_backend_pid()`);
  }
}

beforeAll(async () => {
  // LIVE_TEST_RESTART=terminate: the simulated restart even where a cluster could be made (to check that path).
  cluster = process.env.LIVE_TEST_RESTART === "terminate" ? null : await startThrowawayPostgres().catch((err: Error) => {
    console.warn(`live-instances: no PostgreSQL cluster of its own (${err.message.split("\n")[0]})`);
    return null;
  });
  if (!cluster) console.warn("live-instances: the restart is simulated with pg_terminate_backend on TEST_DATABASE_URL's server");
  serverUrl = cluster?.serverUrl ?? runServer;
  await onServer(`CREATE DATABASE "${dbName}"`);
  url = withDatabase(serverUrl, dbName);
  await migratePostgres(url);
  db = await openPostgres(url);
  w = await buildWorld(db.prisma, "Livekommun");
  a = Instance.start("A", url);
  b = Instance.start("B", url);
  await Promise.all([a.started, b.started]);
  // Each instance has an open page (a tablet) of the municipality.
  await Promise.all([a.watch(w.municipality.id), b.watch(w.municipality.id)]);
}, 120_000);

afterAll(async () => {
  a?.stop();
  b?.stop();
  await db?.close();
  if (serverUrl) await onServer(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`).catch(() => {});
  await cluster?.destroy();
}, 60_000);

describe("live updates across two instances on one PostgreSQL", () => {
  it("a status saved by the secretary on instance A updates the member's list on instance B within 2 seconds, once on each instance", async () => {
    const { title } = await db.prisma.uppdrag.findUniqueOrThrow({ where: { id: w.ksUppdrag.id }, select: { title: true } });
    expect((await b.list(w.actors.LEDAMOT, title)).find((r) => r.id === w.ksUppdrag.id)?.status).toBe("NOT_STARTED");
    const fromA = a.events.length;
    const fromB = b.events.length;

    const { committedAt } = await a.save(w.actors.SEKRETERARE, w.ksUppdrag.id, "IN_PROGRESS", "Arbetet har startat");
    const isThis = (e: Received) => e.event === "uppdrag-changed" && e.data?.uppdragId === w.ksUppdrag.id;
    const onB = await b.waitFor(isThis, DELIVERY_MS, fromB);
    console.log(`live: instance A's save reached instance B's stream ${onB.receivedAt - committedAt} ms after its commit`);
    expect(onB.receivedAt - committedAt).toBeLessThan(DELIVERY_MS);
    // The page refreshes on the event: the member's list on B shows the new status.
    expect((await b.list(w.actors.LEDAMOT, title)).find((r) => r.id === w.ksUppdrag.id)?.status).toBe("IN_PROGRESS");

    // The sender's own pages hear it through the database too, and each instance exactly once.
    await a.waitFor(isThis, DELIVERY_MS, fromA);
    await new Promise((r) => setTimeout(r, 300));
    expect(a.events.slice(fromA).filter(isThis)).toHaveLength(1);
    expect(b.events.slice(fromB).filter(isThis)).toHaveLength(1);
  });

  it("after PostgreSQL is stopped and started again, open pages refresh once and live updates resume without restarting either instance", async () => {
    const fromA = a.events.length;
    const fromB = b.events.length;
    await restartPostgres();

    // Each instance listens again and tells its open pages to refresh (changes may have been missed).
    await Promise.all([a.waitFor((e) => e.event === "resync", 20_000, fromA), b.waitFor((e) => e.event === "resync", 20_000, fromB)]);

    const from = b.events.length;
    const { committedAt } = await a.save(w.actors.SEKRETERARE, w.ksUppdrag.id, "COMPLETED", "Klart efter omstarten");
    const onB = await b.waitFor((e) => e.event === "uppdrag-changed" && e.data?.uppdragId === w.ksUppdrag.id, DELIVERY_MS, from);
    console.log(`live: after the restart, instance A's save reached instance B's stream ${onB.receivedAt - committedAt} ms after its commit`);
    const { title } = await db.prisma.uppdrag.findUniqueOrThrow({ where: { id: w.ksUppdrag.id }, select: { title: true } });
    expect((await b.list(w.actors.LEDAMOT, title)).find((r) => r.id === w.ksUppdrag.id)?.status).toBe("COMPLETED");
    expect(b.events.slice(fromB).filter((e) => e.event === "resync"), "one refresh per reconnect").toHaveLength(1);
  });
});
