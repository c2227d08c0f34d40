import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requirePermission } from "@/server/entry/page";
import { AdminFrame, NotAdmin, Section } from "@/components/admin/admin-frame";
import { ActionForm } from "@/components/admin/action-form";
import { sendRemindersNowAction } from "@/app/admin/reminder-actions";
import { isDemoMode } from "@/server/config";
import { formatDateTime } from "@/lib/dates";

export const metadata: Metadata = { title: "Utkorg (demo) – administration" };

/**
 * Demo mode only (issue #17): the mail the app's local SMTP server received for
 * this municipality, readable, and a button that sends the reminders now. Outside
 * demo mode the page does not exist.
 */
export default async function OutboxPage() {
  if (!isDemoMode()) notFound();
  const page = await requirePermission("/admin/utkorg");
  if (!page.allowed) return <NotAdmin actor={page.actor} />;
  const { actor, db } = page;
  const mails = await db.outboxMail.findMany({ orderBy: { receivedAt: "desc" }, take: 50, select: { id: true, to: true, subject: true, text: true, receivedAt: true } });
  return (
    <AdminFrame actor={actor} current="/admin/utkorg" title="Utkorg (demo)">
      <p className="mt-3 max-w-3xl">
        I demoläget skickas påminnelserna till appens egen lokala e-postserver i stället för till mottagarna. Här kan du läsa dem. Servern skickar veckans
        sammanställningar varje timme; knappen skickar dem nu. En sammanställning skickas bara en gång per person och vecka.
      </p>
      <Section id="skicka" title="Skicka påminnelser">
        <ActionForm id="skicka" action={sendRemindersNowAction} submitLabel="Skicka påminnelser nu" fields={[]} />
      </Section>
      <Section id="mejl" title={`Mottagna mejl (${mails.length})`}>
        {mails.length === 0 ? (
          <p>Inga mejl än.</p>
        ) : (
          <ul className="space-y-6">
            {mails.map((m) => (
              <li key={m.id}>
                <article aria-labelledby={`mejl-${m.id}`} className="rounded border border-slate-200 p-4">
                  <h3 id={`mejl-${m.id}`} className="font-semibold">
                    {m.subject}
                  </h3>
                  <p className="text-sm text-slate-700">
                    Till {m.to}, {formatDateTime(m.receivedAt)}
                  </p>
                  <pre className="mt-3 whitespace-pre-wrap break-words font-sans text-sm">{m.text}</pre>
                </article>
              </li>
            ))}
          </ul>
        )}
      </Section>
    </AdminFrame>
  );
}
