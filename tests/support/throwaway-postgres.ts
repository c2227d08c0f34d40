// A PostgreSQL cluster of a test's own, in a temporary folder on a free port,
// that the test may stop and start again without disturbing the machine's
// server (other test runs use that one). Made with the installed initdb and
// pg_ctl; as root they run as the "postgres" OS user, since PostgreSQL refuses
// to run as root. Returns null when there are no such binaries here.
import { execFile } from "node:child_process";
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);

export interface ThrowawayPostgres {
  /** postgresql://postgres@127.0.0.1:PORT/postgres */
  serverUrl: string;
  port: number;
  stop(): Promise<void>;
  start(): Promise<void>;
  /** Stops the cluster and removes its folder. */
  destroy(): Promise<void>;
}

function binDir(): string | null {
  const root = "/usr/lib/postgresql";
  if (!existsSync(root)) return null;
  const versions = readdirSync(root)
    .filter((v) => existsSync(path.join(root, v, "bin", "initdb")) && existsSync(path.join(root, v, "bin", "pg_ctl")))
    .sort((a, b) => Number(a) - Number(b));
  return versions.length ? path.join(root, versions[versions.length - 1], "bin") : null;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
}

export async function startThrowawayPostgres(): Promise<ThrowawayPostgres | null> {
  const bin = binDir();
  if (!bin) return null;
  const asRoot = process.getuid?.() === 0;
  const dir = mkdtempSync(path.join(os.tmpdir(), "uppdrag-pg-"));
  let uid: number | undefined;
  if (asRoot) {
    const { stdout } = await run("id", ["-u", "postgres"]).catch(() => ({ stdout: "" }));
    uid = Number(stdout.trim());
    if (!stdout.trim() || !Number.isInteger(uid)) {
      rmSync(dir, { recursive: true, force: true });
      return null;
    }
    chownSync(dir, uid, uid);
  }
  const exec = (cmd: string, args: string[]) => (asRoot ? run("runuser", ["-u", "postgres", "--", path.join(bin, cmd), ...args], { timeout: 60_000 }) : run(path.join(bin, cmd), args, { timeout: 60_000 }));
  const data = path.join(dir, "data");
  const port = await freePort();
  const pgCtl = (action: "start" | "stop") =>
    action === "start"
      ? exec("pg_ctl", ["-D", data, "-l", path.join(dir, "log"), "-w", "-t", "30", "-o", `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off`, "start"])
      : exec("pg_ctl", ["-D", data, "-m", "fast", "-w", "-t", "30", "stop"]);
  try {
    await exec("initdb", ["-D", data, "-A", "trust", "-U", "postgres", "--no-sync", "-E", "UTF8", "--locale=C.UTF-8"]);
    await pgCtl("start");
  } catch (err) {
    await pgCtl("stop").catch(() => {});
    rmSync(dir, { recursive: true, force: true });
    throw err;
  }
  let running = true;
  return {
    serverUrl: `postgresql://postgres@127.0.0.1:${port}/postgres`,
    port,
    async stop() {
      await pgCtl("stop");
      running = false;
    },
    async start() {
      await pgCtl("start");
      running = true;
    },
    async destroy() {
      if (running) await pgCtl("stop").catch(() => {});
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
