// The demo's and the tests' local SMTP server: in demo mode without SMTP_HOST
// the app starts it in its own process on a free port of 127.0.0.1 and sends
// its reminders to it over SMTP, as it would to the municipality's mail server.
// Each received mail is parsed and kept in OutboxMail under the municipality
// its header names, for /admin/utkorg. It accepts only from this machine and
// keeps nothing for a municipality that no run has registered.
import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import { simpleParser } from "mailparser";
import type { ScopedClient } from "@/server/db/scoped";

const MAX_BYTES = 1_000_000;

interface CatcherState {
  server?: SMTPServer;
  port?: Promise<number>;
  /** municipalityId → the database confined to it, registered by the run that sends its mail. */
  outboxes: Map<string, ScopedClient>;
}
const g = globalThis as unknown as { uppdragMailCatcher?: CatcherState };
const state: CatcherState = (g.uppdragMailCatcher ??= { outboxes: new Map() });

/** The run about to send a municipality's mail through the catcher registers where it is filed. */
export function registerOutbox(municipalityId: string, db: ScopedClient): void {
  state.outboxes.set(municipalityId, db);
}

/** Starts the catcher once per process; resolves to its port. */
export function startCatcher(): Promise<number> {
  state.port ??= new Promise<number>((resolve, reject) => {
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ["AUTH", "STARTTLS"],
      size: MAX_BYTES,
      banner: "Uppdragskollen demo",
      logger: false,
      onConnect(session, cb) {
        const ip = session.remoteAddress.replace(/^::ffff:/, "");
        cb(ip === "127.0.0.1" || ip === "::1" ? undefined : new Error("Endast lokala anslutningar."));
      },
      onData(stream, _session, cb) {
        simpleParser(stream)
          .then(async (mail) => {
            const municipalityId = String(mail.headers.get("x-uppdragskollen-kommun") ?? "");
            const db = state.outboxes.get(municipalityId);
            if (!db) return cb();
            const to = (Array.isArray(mail.to) ? mail.to : mail.to ? [mail.to] : []).map((a) => a.text).join(", ");
            await db.outboxMail.create({ data: { municipalityId, to, subject: mail.subject ?? "", text: mail.text ?? "", html: typeof mail.html === "string" ? mail.html : null } });
            cb();
          })
          .catch((err: Error) => cb(err));
      },
    });
    server.on("error", (err) => console.error(`[påminnelser] lokal SMTP-server: ${err.message}`));
    server.listen(0, "127.0.0.1", () => {
      state.server = server;
      resolve((server.server.address() as AddressInfo).port);
    });
    server.server.once("error", reject);
  });
  return state.port;
}
