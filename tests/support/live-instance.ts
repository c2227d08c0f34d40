// One app "instance" for tests/integration/live-instances.test.ts: a Node.js
// process of its own running the real live module (src/server/live.ts) and
// the real domain functions on DATABASE_URL, driven by the test over IPC.
//   watch: opens the live stream a tablet's EventSource reads (liveStream) and
//          reports each server-sent event with the time it arrived;
//   save:  a status change as the secretary's form makes it (changeStatus);
//   list:  the member's list as the page renders it (listUppdrag).
// Run: node --import tsx tests/support/live-instance.ts (with an IPC channel).
import { openPostgres } from "@/server/db/connect";
import { scopedClient } from "@/server/db/scoped";
import { liveReady, liveStream } from "@/server/live";
import { changeStatus } from "@/server/uppdrag/change-status";
import { listUppdrag } from "@/server/uppdrag/list-uppdrag";
import { changeStatusSchema } from "@/lib/validation/uppdrag";
import type { Actor } from "@/server/permissions";
import type { UppdragStatus } from "@/generated/prisma/enums";

export type InstanceRequest =
  | { id: number; cmd: "watch"; municipalityId: string; sessionId: string }
  | { id: number; cmd: "save"; actor: Actor; uppdragId: string; status: UppdragStatus; comment: string }
  | { id: number; cmd: "list"; actor: Actor; q: string }
  | { id: number; cmd: "ready" };

export type InstanceMessage =
  | { kind: "reply"; id: number; ok: true; value: unknown }
  | { kind: "reply"; id: number; ok: false; error: string }
  | { kind: "event"; event: string; data: unknown; receivedAt: number };

const url = process.env.DATABASE_URL;
if (!url || !process.send) throw new Error("live-instance: needs DATABASE_URL and an IPC channel");
const send = (m: InstanceMessage) => process.send!(m);
const db = await openPostgres(url);

async function watch(municipalityId: string, sessionId: string) {
  const abort = new AbortController();
  process.on("disconnect", () => abort.abort());
  const reader = liveStream({ municipalityId, sessionId, signal: abort.signal, stillValid: async () => true }).getReader();
  const decoder = new TextDecoder();
  void (async () => {
    let buffer = "";
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      buffer += decoder.decode(value, { stream: true });
      let end: number;
      while ((end = buffer.indexOf("\n\n")) >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const event = /^event: (.+)$/m.exec(block)?.[1];
        const data = /^data: (.+)$/m.exec(block)?.[1];
        if (event) send({ kind: "event", event, data: data ? JSON.parse(data) : null, receivedAt: Date.now() });
      }
    }
  })();
  await liveReady(); // the instance's listening connection is in place
}

async function handle(r: InstanceRequest): Promise<unknown> {
  switch (r.cmd) {
    case "ready":
      await liveReady();
      return true;
    case "watch":
      await watch(r.municipalityId, r.sessionId);
      return true;
    case "save": {
      const scoped = scopedClient(db.prisma, r.actor.municipalityId);
      const { version } = await db.prisma.uppdrag.findUniqueOrThrow({ where: { id: r.uppdragId }, select: { version: true } });
      const input = changeStatusSchema.parse({ uppdragId: r.uppdragId, expectedVersion: version, status: r.status, comment: r.comment });
      await changeStatus(scoped, r.actor, input);
      return { committedAt: Date.now() };
    }
    case "list": {
      const page = await listUppdrag(scopedClient(db.prisma, r.actor.municipalityId), r.actor, { q: r.q, showClosed: true });
      return page.rows.map((row) => ({ id: row.id, title: row.title, status: row.status }));
    }
  }
}

process.on("message", (r: InstanceRequest) => {
  handle(r).then(
    (value) => send({ kind: "reply", id: r.id, ok: true, value }),
    (err: Error) => send({ kind: "reply", id: r.id, ok: false, error: err.stack ?? err.message }),
  );
});
process.on("disconnect", () => {
  void db.close().finally(() => process.exit(0));
});
send({ kind: "reply", id: 0, ok: true, value: "started" });
