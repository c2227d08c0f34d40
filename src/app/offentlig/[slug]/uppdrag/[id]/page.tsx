// /offentlig/SLUG/uppdrag/ID — one uppdrag of the municipality's open view:
// the decision, status, responsible units, dates and the status history
// without authors; comments and the named official only when the municipality
// shows them. A hidden uppdrag, another municipality's and an unknown one are
// all the same "not found" (docs/decisions/007-public-view.md).
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { openPublicPage } from "@/server/entry/page";
import { getPublicUppdrag } from "@/server/public/public-uppdrag";
import { NotFoundError } from "@/server/permissions";
import { PublicShell } from "@/components/public/public-shell";
import { StatusBadge } from "@/components/uppdrag/status-badge";
import { LaterDecisions } from "@/components/uppdrag/later-decisions";
import { diariumUrl } from "@/lib/handling-steps";
import { formatDate, formatIsoDate } from "@/lib/dates";
import { isOverdue } from "@/lib/status";

type Props = { params: Promise<{ slug: string; id: string }> };

/** One load per request, shared by the page and its title; not found the same whatever the reason. */
const load = cache(async (slug: string, id: string) => {
  const { db, view } = await openPublicPage("/offentlig/[slug]/uppdrag/[id]", { slug });
  try {
    return { view, u: await getPublicUppdrag(db, view, id) };
  } catch (err) {
    if (err instanceof NotFoundError) notFound();
    throw err;
  }
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug, id } = await params;
  const { view, u } = await load(slug, id);
  return { title: { absolute: `${u.title} (${u.body.shortName} § ${u.paragraph.number}) – ${view.name}` } };
}

export default async function PublicUppdragPage({ params }: Props) {
  const { slug, id } = await params;
  const { view, u } = await load(slug, id);
  const p = u.paragraph;
  const diarium = diariumUrl(view.diariumUrlPattern, p.dnr);
  const overdue = isOverdue(u, new Date());
  return (
    <PublicShell view={view}>
      <nav aria-label="Brödsmulor" className="text-sm">
        <Link prefetch={false} href={`/offentlig/${view.slug}`} className="inline-flex min-h-11 items-center text-brand-700 underline">
          ← Alla uppdrag i {view.name}
        </Link>
      </nav>
      <div className="mt-2 flex flex-wrap items-start justify-between gap-3">
        <h1 className="max-w-3xl text-2xl font-bold text-brand-900">{u.title}</h1>
        <div className="flex items-center gap-2">
          <StatusBadge status={u.status} />
          {overdue && <span className="rounded bg-red-700 px-2 py-1 text-sm font-semibold text-white">Försenad mot datum</span>}
        </div>
      </div>
      {u.statusComment && (
        <p className="mt-2 max-w-3xl">
          <span className="font-medium">Senaste kommentar: </span>
          {u.statusComment}
        </p>
      )}
      <div className="mt-6 grid gap-6 lg:grid-cols-[3fr_2fr]">
        <div className="space-y-6">
          <section aria-labelledby="uppdraget" className="rounded-lg border border-slate-200 bg-white p-5">
            <h2 id="uppdraget" className="text-lg font-semibold">
              Uppdraget
            </h2>
            <p className="mt-2 whitespace-pre-line">{u.text}</p>
            <dl className="mt-4 grid grid-cols-[auto_1fr] gap-x-4 gap-y-2">
              <dt className="font-medium">Ansvarig enhet</dt>
              <dd>{u.units.join(", ") || "–"}</dd>
              {view.showNames && (
                <>
                  <dt className="font-medium">Ansvarig person</dt>
                  <dd>{u.responsiblePerson ?? "–"}</dd>
                </>
              )}
              <dt className="font-medium">Klart senast</dt>
              <dd>{formatDate(u.deadline)}</dd>
              <dt className="font-medium">Planerat klart</dt>
              <dd>{formatDate(u.plannedCompletion)}</dd>
            </dl>
          </section>
          <section aria-labelledby="beslutet" className="rounded-lg border border-slate-200 bg-white p-5">
            <h2 id="beslutet" className="text-lg font-semibold">
              Beslutet
            </h2>
            <dl className="mt-3 grid grid-cols-[auto_1fr] gap-x-4 gap-y-2">
              <dt className="font-medium">Organ</dt>
              <dd>
                {u.body.name} ({u.body.shortName})
              </dd>
              <dt className="font-medium">Sammanträde</dt>
              <dd>
                {formatDate(p.meeting.date)}
                {p.meeting.place ? `, ${p.meeting.place}` : ""}
                {p.meeting.protocolState === "DRAFT" ? " (protokollet är inte justerat)" : ""}
              </dd>
              <dt className="font-medium">Paragraf</dt>
              <dd>
                § {p.number} {p.title}
              </dd>
              <dt className="font-medium">Dnr</dt>
              <dd className="flex flex-wrap items-baseline gap-x-2">
                {p.dnr ?? "–"}
                {diarium && (
                  <a href={diarium} className="inline-block py-2.5 leading-6 text-brand-700 underline" rel="noopener noreferrer" target="_blank">
                    Öppna i diariet<span className="sr-only"> (öppnas i nytt fönster)</span>
                  </a>
                )}
              </dd>
            </dl>
            <h3 className="mt-4 font-semibold">Beslut</h3>
            <p className="mt-1 whitespace-pre-line">{p.decision}</p>
          </section>
          <LaterDecisions links={u.links} />
        </div>
        <section aria-labelledby="historik" className="self-start rounded-lg border border-slate-200 bg-white p-5">
          <h2 id="historik" className="text-lg font-semibold">
            Historik
          </h2>
          <ol className="mt-3 space-y-4">
            {u.history.map((h) => (
              <li key={h.id} className="border-l-4 border-slate-200 pl-3">
                <p className="flex flex-wrap items-center gap-2">
                  <StatusBadge status={h.status} />
                  <time dateTime={formatIsoDate(h.at)} className="text-sm text-slate-700">
                    {formatDate(h.at)}
                  </time>
                </p>
                {h.reportedAtMeeting && (
                  <p className="mt-1 text-sm text-slate-700">
                    Rapporterat vid {h.reportedAtMeeting.body.shortName} {formatIsoDate(h.reportedAtMeeting.date)}
                  </p>
                )}
                {h.comment && <p className="mt-1 whitespace-pre-line">{h.comment}</p>}
                {h.plannedCompletion && <p className="mt-1 text-sm">Planerat klart: {formatDate(h.plannedCompletion)}</p>}
              </li>
            ))}
          </ol>
        </section>
      </div>
    </PublicShell>
  );
}
