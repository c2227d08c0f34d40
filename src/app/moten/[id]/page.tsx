import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { requirePermission } from "@/server/entry/page";
import { getMeeting } from "@/server/meetings/read-meetings";
import { AppShell } from "@/components/ui/app-shell";
import { StatusBadge } from "@/components/uppdrag/status-badge";
import { formatDate } from "@/lib/dates";
import { BackLink } from "@/components/ui/back-link";

export const metadata: Metadata = { title: "Sammanträde" };

export default async function MeetingPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ sparat?: string }> }) {
  const { id } = await params;
  const saved = (await searchParams).sparat === "1";
  const page = await requirePermission("/moten/[id]", { id });
  // Like another municipality's meeting: one the actor may not read does not exist for them.
  if (!page.allowed) notFound();
  const { actor, db } = page;
  if (!z.uuid().safeParse(id).success) notFound();
  const m = await getMeeting(db, actor, id);
  if (!m) notFound();
  const time = m.startTime ? `kl. ${m.startTime}${m.endTime ? `–${m.endTime}` : ""}` : null;
  return (
    <AppShell actor={actor}>
      <BackLink href="/moten">Alla sammanträden</BackLink>
      <h1 className="mt-2 text-2xl font-bold text-brand-900">
        {m.body.name} {formatDate(m.date)}
      </h1>
      <p className="mt-1 text-slate-700">{[m.place, time, m.protocolState === "APPROVED" ? "Protokollet är justerat" : "Protokollet är inte justerat"].filter(Boolean).join(" · ")}</p>
      {saved && (
        <p role="status" className="mt-3 rounded-md border border-green-300 bg-green-50 p-3 text-green-900">
          Registreringen är sparad.
        </p>
      )}
      <h2 className="mt-6 text-lg font-semibold">
        {m.paragraphs.length} {m.paragraphs.length === 1 ? "paragraf" : "paragrafer"}
      </h2>
      <ol className="mt-3 space-y-4">
        {m.paragraphs.map((p) => (
          <li key={p.id} className="rounded-lg border border-slate-200 bg-white p-5">
            <article aria-labelledby={`p-${p.number}`}>
              <h3 id={`p-${p.number}`} className="text-lg font-semibold">
                § {p.number} {p.title}
              </h3>
              {p.dnr && <p className="text-slate-700">Dnr {p.dnr}</p>}
              <h4 className="mt-3 font-medium">Beslut</h4>
              <p className="mt-1 max-w-3xl whitespace-pre-line">{p.decision}</p>
              {p.sentTo.length > 0 && (
                <p className="mt-3 text-slate-700">
                  <span className="font-medium text-slate-900">Beslutet skickas till:</span> {p.sentTo.join(", ")}
                </p>
              )}
              {p.uppdrag.length > 0 && (
                <>
                  <h4 className="mt-3 font-medium">Uppdrag</h4>
                  <ul className="mt-1 space-y-2">
                    {p.uppdrag.map((u) => (
                      <li key={u.id} className="flex flex-wrap items-center gap-x-3 gap-y-1">
                        <Link href={`/uppdrag/${u.id}`} className="inline-flex min-h-11 items-center font-medium text-brand-700 underline">
                          {u.title}
                        </Link>
                        <StatusBadge status={u.status} />
                        <span className="text-sm text-slate-700">
                          {u.unitNames || "–"}
                          {u.deadline ? ` · klart senast ${formatDate(u.deadline)}` : ""}
                        </span>
                      </li>
                    ))}
                  </ul>
                </>
              )}
            </article>
          </li>
        ))}
      </ol>
    </AppShell>
  );
}
