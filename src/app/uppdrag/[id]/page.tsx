import type { Metadata } from "next";
import { cache } from "react";
import { notFound } from "next/navigation";
import { after } from "next/server";
import { z } from "zod";
import { requirePermission } from "@/server/entry/page";
import type { Actor } from "@/server/permissions";
import type { ScopedClient } from "@/server/db/scoped";
import { getUppdrag } from "@/server/uppdrag/get-uppdrag";
import { recordUppdragView } from "@/server/uppdrag/list-uppdrag";
import { handlingSteps, diariumUrl } from "@/lib/handling-steps";
import { LiveRefresh } from "@/components/ui/live-refresh";
import { BackToList } from "@/components/uppdrag/list-view-memory";
import { HandlingStepper } from "@/components/uppdrag/handling-stepper";
import { formatDate, formatIsoDate } from "@/lib/dates";
import { historyTime } from "@/components/uppdrag/history-time";
import { STATUS_LABEL, isOverdue } from "@/lib/status";
import { AppShell } from "@/components/ui/app-shell";
import { StatusBadge } from "@/components/uppdrag/status-badge";
import { LaterDecisions } from "@/components/uppdrag/later-decisions";
import { StatusForm } from "@/components/uppdrag/status-form";
import { LinkDecisionForm } from "@/components/uppdrag/link-decision-form";
import { UppdragPlanLinks } from "@/components/plan/uppdrag-plan-links";
import { PublicViewControl } from "@/components/public/public-view-control";
import { FollowControl } from "@/components/reminders/follow-control";
import { Disclosure } from "@/components/ui/disclosure";
import { ActionForm } from "@/components/admin/action-form";
import { CorrectionList } from "@/components/corrections/correction-list";
import { REASON_LABEL } from "@/lib/validation/correction";
import { correctUppdragAction } from "./actions";

/** One load per request, shared by the page and its title. */
const loadUppdrag = cache(async (db: ScopedClient, actor: Actor, id: string) => getUppdrag(db, actor, id));

/** The uppdrag's own title, so tabs and history tell uppdrag apart (same checks as the page). */
export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  const { id } = await params;
  const page = await requirePermission("/uppdrag/[id]", { id });
  const u = page.allowed && z.uuid().safeParse(id).success ? await loadUppdrag(page.db, page.actor, id).catch(() => null) : null;
  return { title: u ? `${u.title} (${u.body.shortName} § ${u.paragraph.number})` : "Uppdrag" };
}

export default async function UppdragPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const page = await requirePermission("/uppdrag/[id]", { id });
  if (!page.allowed) return page.refuse("Uppdrag", "Du har inte behörighet att läsa uppdraget.");
  const { actor, db } = page;
  if (!z.uuid().safeParse(id).success) notFound();
  const u = await loadUppdrag(db, actor, id);
  if (!u) notFound();
  const now = new Date();
  // Recorded once the page is sent: the reader need not wait for the write.
  after(() => recordUppdragView(db, actor, u.id, now));
  const p = u.paragraph;
  const overdue = isOverdue(u, now);
  const diarium = diariumUrl(u.municipality.diariumUrlPattern, p.dnr);
  // The status forms keep a version that changed under them and say someone else changed it;
  // a correction the reader saved here themselves starts them afresh instead.
  const ownCorrections = new Set(u.corrections.filter((c) => c.entity === "Uppdrag" && c.authorId === actor.userId).map((c) => c.batchId)).size;

  return (
    <AppShell actor={actor}>
      <div className="flex flex-wrap items-center justify-between gap-2">
        <nav aria-label="Brödsmulor" className="no-print text-sm">
          <BackToList className="inline-flex min-h-11 items-center text-brand-700 underline" />
        </nav>
        <LiveRefresh renderedAt={now.toISOString()} />
      </div>
      <div className="mt-2 flex flex-wrap items-start justify-between gap-3">
        <h1 className="max-w-3xl text-2xl font-bold text-brand-900">{u.title}</h1>
        <div className="flex items-center gap-2">
          <StatusBadge status={u.status} />
          {overdue && <span className="rounded bg-red-700 px-2 py-1 text-sm font-semibold text-white">Försenad mot datum</span>}
        </div>
      </div>

      <div className="mt-4">
        <HandlingStepper steps={handlingSteps(u)} />
      </div>

      <div className="mt-6 grid gap-6 lg:grid-cols-[3fr_2fr]">
        <div className="space-y-6">
          <section aria-labelledby="uppdraget" className="rounded-lg border border-slate-200 bg-white p-5">
            <h2 id="uppdraget" className="text-lg font-semibold">Uppdraget</h2>
            <p className="mt-2 whitespace-pre-line">{u.text}</p>
            <dl className="mt-4 grid grid-cols-[auto_1fr] gap-x-4 gap-y-2">
              <dt className="font-medium">Ansvarig enhet</dt>
              <dd>{u.units.map((x) => x.unit.name).join(", ") || "–"}</dd>
              <dt className="font-medium">Ansvarig person</dt>
              <dd>{u.responsiblePerson ?? "–"}</dd>
              <dt className="font-medium">Klart senast</dt>
              <dd>{formatDate(u.deadline)}</dd>
              <dt className="font-medium">Planerat klart</dt>
              <dd>{formatDate(u.plannedCompletion)}</dd>
            </dl>
          </section>

          <section aria-labelledby="beslutet" className="rounded-lg border border-slate-200 bg-white p-5">
            <h2 id="beslutet" className="text-lg font-semibold">Beslutet</h2>
            <dl className="mt-3 grid grid-cols-[auto_1fr] gap-x-4 gap-y-2">
              <dt className="font-medium">Organ</dt>
              <dd>{u.body.name} ({u.body.shortName})</dd>
              <dt className="font-medium">Sammanträde</dt>
              <dd>
                {formatDate(p.meeting.date)}
                {p.meeting.place ? `, ${p.meeting.place}` : ""}
                {p.meeting.protocolState === "DRAFT" ? " (protokollet är inte justerat)" : ""}
              </dd>
              <dt className="font-medium">Paragraf</dt>
              <dd>§ {p.number} {p.title}</dd>
              <dt className="font-medium">Dnr</dt>
              <dd className="flex flex-wrap items-baseline gap-x-2">
                {p.dnr ?? "–"}
                {diarium && (
                  <>
                    <a href={diarium} className="inline-block py-2.5 leading-6 text-brand-700 underline" rel="noopener noreferrer" target="_blank">
                      Öppna i diariet<span className="sr-only"> (öppnas i nytt fönster)</span>
                    </a>
                  </>
                )}
              </dd>
            </dl>
            <h3 className="mt-4 font-semibold">Beslut</h3>
            <p className="mt-1 whitespace-pre-line">{p.decision}</p>
            {p.basis.length > 0 && (
              <>
                <h3 className="mt-4 font-semibold">Beslutsunderlag</h3>
                <ul className="mt-1 list-disc pl-6">
                  {p.basis.map((b) => <li key={b}>{b}</li>)}
                </ul>
              </>
            )}
            {p.sentTo.length > 0 && (
              <>
                <h3 className="mt-4 font-semibold">Beslutet skickas till</h3>
                <ul className="mt-1 list-disc pl-6">
                  {p.sentTo.map((s) => <li key={s}>{s}</li>)}
                </ul>
              </>
            )}
          </section>

          <LaterDecisions links={u.links} />
          {u.canCorrect && (
            <section aria-labelledby="ratta-uppdraget" className="no-print rounded-lg border border-brand-100 bg-white p-5">
              <h2 id="ratta-uppdraget" className="text-lg font-semibold">Rätta uppdraget</h2>
              <p className="mt-1 text-sm text-slate-700">
                När uppgifterna registrerades fel. Rättelsen och varför syns under Rättelser; status och planerat klart rapporteras som status.
              </p>
              <Disclosure summary="Rätta uppdragets uppgifter" className="mt-3">
                <ActionForm
                  id="ratta"
                  action={correctUppdragAction}
                  errorSummary
                  fields={[
                    { kind: "hidden", name: "uppdragId", value: u.id },
                    { kind: "hidden", name: "expectedVersion", value: String(u.version) },
                    { kind: "text", name: "title", label: "Rubrik", required: true, defaultValue: u.title },
                    { kind: "textarea", name: "text", label: "Uppdragstext", required: true, rows: 4, defaultValue: u.text },
                    { kind: "checkboxes", name: "unitIds", label: "Ansvarig enhet", options: u.allUnits.map((x) => ({ value: x.id, label: x.name })), defaultValues: u.units.map((x) => x.unit.id) },
                    { kind: "text", name: "responsiblePerson", label: "Ansvarig person", defaultValue: u.responsiblePerson ?? "" },
                    { kind: "date", name: "deadline", label: "Klart senast", defaultValue: u.deadline ? formatIsoDate(u.deadline) : "" },
                    { kind: "textarea", name: "reason", label: REASON_LABEL, rows: 2, required: true, hint: "Till exempel: fel datum i protokollet. Syns i historiken." },
                  ]}
                  submitLabel="Spara rättelsen"
                />
              </Disclosure>
            </section>
          )}
        </div>

        <div className="space-y-6">
          {u.canChangeStatus && (
            <section aria-labelledby="andra-status" className="no-print rounded-lg border border-brand-100 bg-white p-5">
              <h2 id="andra-status" className="text-lg font-semibold">Rapportera status</h2>
              <div className="mt-3">
                <StatusForm
                  key={`own-corrections-${ownCorrections}`}
                  uppdragId={u.id}
                  version={u.version}
                  status={u.status}
                  plannedCompletion={u.plannedCompletion ? formatIsoDate(u.plannedCompletion) : ""}
                  meetings={u.meetings.map((m) => ({ id: m.id, label: `${m.bodyShortName} ${formatIsoDate(m.date)}` }))}
                />
              </div>
            </section>
          )}
          {u.canLinkDecision && (
            <section aria-labelledby="koppla-beslut" className="no-print rounded-lg border border-brand-100 bg-white p-5">
              <h2 id="koppla-beslut" className="text-lg font-semibold">Koppla ett senare beslut</h2>
              <p className="mt-1 text-sm text-slate-700">När ett senare sammanträde har senarelagt, ändrat, upphävt eller tagit emot återrapporteringen av uppdraget.</p>
              <div className="mt-3">
                {u.laterParagraphs.length === 0 ? (
                  <p>Det finns inga senare paragrafer registrerade än.</p>
                ) : (
                  <LinkDecisionForm
                    key={`own-corrections-${ownCorrections}`}
                    uppdragId={u.id}
                    version={u.version}
                    status={u.status}
                    plannedCompletion={u.plannedCompletion ? formatIsoDate(u.plannedCompletion) : ""}
                    paragraphs={u.laterParagraphs.map((lp) => ({
                      id: lp.id,
                      bodyName: `${lp.body.name} (${lp.body.shortName})`,
                      label: `${lp.body.shortName} ${formatIsoDate(lp.date)} § ${lp.number} ${lp.title}${lp.dnr ? `, Dnr ${lp.dnr}` : ""}`,
                    }))}
                  />
                )}
              </div>
            </section>
          )}
          <UppdragPlanLinks db={db} actor={actor} uppdragId={u.id} />
          <PublicViewControl db={db} actor={actor} uppdragId={u.id} />
          <FollowControl db={db} actor={actor} uppdragId={u.id} />
          {u.corrections.length > 0 && (
            <section aria-labelledby="rattelser" className="rounded-lg border border-slate-200 bg-white p-5">
              <h2 id="rattelser" className="text-lg font-semibold">Rättelser</h2>
              <CorrectionList
                corrections={u.corrections}
                recordLabel={(c) => (c.entity === "Uppdrag" ? "Uppdraget" : c.entity === "Paragraph" ? `§ ${p.number}` : "Sammanträdet")}
              />
            </section>
          )}
          <section aria-labelledby="historik" className="rounded-lg border border-slate-200 bg-white p-5">
            <h2 id="historik" className="text-lg font-semibold">Historik</h2>
            <ol className="mt-3 space-y-4">
              {u.history.map((h) => (
                <li key={h.id} className="border-l-4 border-slate-200 pl-3">
                  <p className="flex flex-wrap items-center gap-2">
                    <StatusBadge status={h.status} />
                    <span className="text-sm text-slate-700">
                      <time dateTime={historyTime(h.at).dateTime}>{historyTime(h.at).text}</time>
                      {h.author ? `, ${h.author.name}` : ""}
                    </span>
                  </p>
                  {h.comment && <p className="mt-1">{h.comment}</p>}
                  {h.plannedCompletion && <p className="text-sm text-slate-700">Planerat klart: {formatDate(h.plannedCompletion)}</p>}
                  {h.reportedAtMeeting && (
                    <p className="text-sm text-slate-700">
                      Rapporterat vid {h.reportedAtMeeting.body.shortName} {formatDate(h.reportedAtMeeting.date)}
                    </p>
                  )}
                  <span className="sr-only">Status: {STATUS_LABEL[h.status]}</span>
                </li>
              ))}
            </ol>
          </section>
        </div>
      </div>
    </AppShell>
  );
}
