// How a digest leaves the app: SMTP through nodemailer (SMTP_HOST, SMTP_PORT,
// SMTP_SECURE, SMTP_USER, SMTP_PASSWORD, SMTP_FROM; .env.example). In demo mode
// without SMTP_HOST the mail goes to the app's own local SMTP server (the
// catcher, ./catcher.ts), which keeps it for the outbox page. Otherwise, with
// no SMTP_HOST, nothing is sent (the job says so).
import nodemailer from "nodemailer";
import { isDemoMode } from "@/server/config";
import { startCatcher } from "./catcher";

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  html: string;
  /** The municipality the mail is about: the catcher files it under it. */
  municipalityId: string;
}

export interface Mailer {
  /** Where mail goes, for the log ("smtp.example.se:587", "lokal SMTP-server (demo)"). */
  describe: string;
  send(mail: OutgoingMail): Promise<void>;
}

export const MUNICIPALITY_HEADER = "X-Uppdragskollen-Kommun";

export function smtpFrom(env: Record<string, string | undefined> = process.env): string {
  return env.SMTP_FROM || "Uppdragskollen <noreply@uppdragskollen.invalid>";
}

function smtpMailer(o: { host: string; port: number; secure: boolean; user?: string; password?: string; describe: string }, from: string): Mailer {
  const transport = nodemailer.createTransport({
    host: o.host,
    port: o.port,
    secure: o.secure,
    auth: o.user ? { user: o.user, pass: o.password ?? "" } : undefined,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 20_000,
  });
  return {
    describe: o.describe,
    async send(mail) {
      await transport.sendMail({ from, to: mail.to, subject: mail.subject, text: mail.text, html: mail.html, headers: { [MUNICIPALITY_HEADER]: mail.municipalityId } });
    },
  };
}

/** The mailer the environment configures, or null when mail cannot be sent (no SMTP_HOST outside demo mode). */
export async function mailerFromEnv(env: Record<string, string | undefined> = process.env): Promise<Mailer | null> {
  const from = smtpFrom(env);
  if (env.SMTP_HOST) {
    const port = Number(env.SMTP_PORT || 587);
    return smtpMailer({ host: env.SMTP_HOST, port, secure: env.SMTP_SECURE === "true", user: env.SMTP_USER, password: env.SMTP_PASSWORD, describe: `${env.SMTP_HOST}:${port}` }, from);
  }
  if (isDemoMode(env)) {
    const port = await startCatcher();
    return smtpMailer({ host: "127.0.0.1", port, secure: false, describe: `lokal SMTP-server (demo) på 127.0.0.1:${port}` }, from);
  }
  return null;
}
