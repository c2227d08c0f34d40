import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requirePermission } from "@/server/entry/page";
import { FollowControl } from "@/components/reminders/follow-control";
import { NotFoundError } from "@/server/permissions";
import { getMotion, motionFormChoices } from "@/server/motions/read";
import { canManageMotions } from "@/server/motions/access";
import { AppShell } from "@/components/ui/app-shell";
import { BackLink } from "@/components/ui/back-link";
import { Disclosure } from "@/components/ui/disclosure";
import { ActionForm } from "@/components/admin/action-form";
import { StatusBadge } from "@/components/uppdrag/status-badge";
import { formatDate, formatDateTime, formatIsoDate } from "@/lib/dates";
import { givesUppdrag } from "@/lib/motions/clock";
import { MOTION_KIND_LABEL, MOTION_OUTCOME_LABEL, MOTION_STATE_LABEL, stateText } from "@/lib/motions/labels";
import { swedishCalendarDate } from "@/lib/report/report-dates";
import { answerMotionAction, changeMotionStateAction, createMotionUppdragAction, linkMotionUppdragAction } from "../actions";

export const metadata: Metadata = { title: "Motion eller medborgarförslag" };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export default async function MotionPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const page = await requirePermission("/motioner/[id]", { id });
  if (!page.allowed || !UUID.test(id)) notFound();
  const { actor, db } = page;
  let m;
  try {
    m = await getMotion(db, actor, id);
  } catch (err) {
    if (err instanceof NotFoundError) notFound();
    throw err;
  }
  const manage = await canManageMotions(db, actor);
  const choices = manage ? await motionFormChoices(db, m.answeredAtParagraph?.id) : null;
  const granted = m.state === "BESVARAD" && givesUppdrag(m.outcome) && !!m.answeredAtParagraph;
  const kind = MOTION_KIND_LABEL[m.kind];
  const clockTone = m.clock?.overAYear ? "font-bold text-red-800" : "";
  const paragraphOptions = (choices?.councilParagraphs ?? [])
    .filter((p) => p.meeting.date >= m.raisedOn)
    .map((p) => ({ value: p.id, label: `KF ${formatIsoDate(p.meeting.date)} § ${p.number} – ${p.title}` }));

  return (
    <AppShell actor={actor}>
      <BackLink href="/motioner">Motioner och medborgarförslag</BackLink>
      <p className="mt-2 text-slate-700">
        {kind}
        {m.dnr ? ` · Dnr ${m.dnr}` : ""}
      </p>
      <h1 className="text-2xl font-bold text-brand-900">{m.title}</h1>

      <div className="mt-4 grid gap-6 lg:grid-cols-2">
        <section aria-labelledby="uppgifter" className="rounded-lg border border-slate-200 bg-white p-5">
          <h2 id="uppgifter" className="text-lg font-semibold">
            Uppgifter
          </h2>
          <dl className="mt-3 grid grid-cols-[auto_1fr] gap-x-4 gap-y-2">
            <dt className="font-medium">Förslagsställare</dt>
            <dd>{m.proposersText}</dd>
            <dt className="font-medium">Väckt</dt>
            <dd>
              {formatDate(m.raisedOn)}
              {m.raisedAtParagraph ? (
                <>
                  {", "}
                  <Link href={`/moten/${m.raisedAtParagraph.meetingId}`} className="text-brand-700 underline">
                    KF § {m.raisedAtParagraph.number}
                  </Link>
                </>
              ) : m.raisedAtNumber !== null ? (
                `, KF § ${m.raisedAtNumber}`
              ) : null}
            </dd>
            <dt className="font-medium">Bereds av</dt>
            <dd>{m.preparingBody ? `${m.preparingBody.name} (${m.preparingBody.shortName})` : "Inte bestämt"}</dd>
            <dt className="font-medium">Handläggare</dt>
            <dd>{m.handlaggareText ?? "–"}</dd>
            <dt className="font-medium">Läge</dt>
            <dd>{stateText(m.state, m.outcome)}</dd>
            <dt className="font-medium">Ett år</dt>
            <dd className={clockTone}>
              {m.clockText}
              {m.clock && !m.clock.overAYear && <span className="block text-sm font-normal text-slate-700">Fullmäktige bör besluta senast {formatDate(m.clock.deadline)}.</span>}
            </dd>
          </dl>
        </section>

        <section aria-labelledby="beslut" className="rounded-lg border border-slate-200 bg-white p-5">
          <h2 id="beslut" className="text-lg font-semibold">
            Kommunfullmäktiges beslut
          </h2>
          {m.answeredAtParagraph ? (
            <dl className="mt-3 grid grid-cols-[auto_1fr] gap-x-4 gap-y-2">
              <dt className="font-medium">Beslut</dt>
              <dd>{m.outcome ? MOTION_OUTCOME_LABEL[m.outcome] : MOTION_STATE_LABEL[m.state]}</dd>
              <dt className="font-medium">Paragraf</dt>
              <dd>
                <Link href={`/moten/${m.answeredAtParagraph.meetingId}`} className="text-brand-700 underline">
                  KF {formatDate(m.answeredAtParagraph.meeting.date)} § {m.answeredAtParagraph.number}
                </Link>
                <span className="block text-sm text-slate-700">{m.answeredAtParagraph.title}</span>
              </dd>
            </dl>
          ) : (
            <p className="mt-3 text-slate-700">Inte besvarad än.</p>
          )}
          <h3 className="mt-4 font-semibold">Vad som har kommit fram vid beredningen</h3>
          <p className="mt-1 whitespace-pre-line">{m.preparationNote ?? "Inget antecknat än."}</p>
        </section>
      </div>

      {manage && choices && m.open && (
        <section aria-labelledby="hantera" className="mt-6 space-y-3">
          <h2 id="hantera" className="text-lg font-semibold">
            Hantera
          </h2>
          <Disclosure summary="Ändra läge eller beredning">
            <ActionForm
              id="change-state"
              action={changeMotionStateAction}
              submitLabel="Spara läget"
              errorSummary
              fields={[
                { kind: "hidden", name: "motionId", value: m.id },
                { kind: "hidden", name: "expectedVersion", value: String(m.version) },
                {
                  kind: "select",
                  name: "state",
                  label: "Läge",
                  defaultValue: m.state,
                  options: (["VACKT", "REMITTERAD", "UNDER_BEREDNING"] as const).map((s) => ({ value: s, label: MOTION_STATE_LABEL[s] })),
                },
                { kind: "date", name: "on", label: "Från och med", defaultValue: formatIsoDate(swedishCalendarDate(new Date())) },
                {
                  kind: "select",
                  name: "preparingBodyId",
                  label: "Bereds av",
                  defaultValue: m.preparingBody?.id ?? "",
                  options: [{ value: "", label: "Inte bestämt" }, ...choices.bodies.map((b) => ({ value: b.id, label: `${b.name} (${b.shortName})` }))],
                },
                {
                  kind: "select",
                  name: "handlaggareId",
                  label: "Handläggare",
                  defaultValue: m.handlaggare?.id ?? "",
                  options: [{ value: "", label: "Ingen vald" }, ...choices.people.map((p) => ({ value: p.id, label: p.name }))],
                },
                { kind: "text", name: "handlaggareName", label: "Handläggare (annan)", defaultValue: m.handlaggareName ?? "" },
                { kind: "textarea", name: "preparationNote", label: "Vad som har kommit fram vid beredningen", defaultValue: m.preparationNote ?? "", rows: 4 },
                { kind: "text", name: "comment", label: "Kommentar till historiken" },
              ]}
            />
          </Disclosure>
          <Disclosure summary="Registrera kommunfullmäktiges beslut">
            {paragraphOptions.length ? (
              <ActionForm
                id="answer"
                action={answerMotionAction}
                submitLabel="Spara beslutet"
                errorSummary
                fields={[
                  { kind: "hidden", name: "motionId", value: m.id },
                  { kind: "hidden", name: "expectedVersion", value: String(m.version) },
                  {
                    kind: "select",
                    name: "decision",
                    label: "Beslut",
                    required: true,
                    options: [
                      { value: "", label: "Välj beslut" },
                      ...(["BIFALLEN", "DELVIS_BIFALLEN", "AVSLAGEN", "BESVARAD"] as const).map((o) => ({ value: o, label: MOTION_OUTCOME_LABEL[o] })),
                      { value: "AVSKRIVEN", label: "Avskriven" },
                    ],
                  },
                  { kind: "select", name: "paragraphId", label: "Kommunfullmäktiges paragraf", required: true, options: [{ value: "", label: "Välj paragraf" }, ...paragraphOptions] },
                  { kind: "text", name: "comment", label: "Kommentar till historiken" },
                ]}
              />
            ) : (
              <p>
                Kommunfullmäktiges protokoll med beslutet är inte registrerat.{" "}
                <Link href="/moten/registrera" className="text-brand-700 underline">
                  Registrera sammanträdet
                </Link>{" "}
                först, så kan beslutet kopplas till sin paragraf.
              </p>
            )}
          </Disclosure>
        </section>
      )}

      <section aria-labelledby="uppdrag" className="mt-6 rounded-lg border border-slate-200 bg-white p-5">
        <h2 id="uppdrag" className="text-lg font-semibold">
          Uppdrag
        </h2>
        {m.uppdrag.length ? (
          <ul className="mt-3 divide-y divide-slate-200">
            {m.uppdrag.map((u) => (
              <li key={u.id} className="py-2">
                <Link href={`/uppdrag/${u.id}`} className="inline-flex min-h-11 items-center font-medium text-brand-700 underline">
                  {u.title}
                </Link>
                <div className="flex flex-wrap items-center gap-3 text-sm">
                  <StatusBadge status={u.status} />
                  <span>{u.unitNames || "–"}</span>
                  {u.deadline && <span>Klart senast {formatIsoDate(u.deadline)}</span>}
                </div>
                {u.statusComment && <p className="mt-1 text-sm text-slate-700">{u.statusComment}</p>}
              </li>
            ))}
          </ul>
        ) : (
          <p className="mt-3 text-slate-700">{granted ? "Inga uppdrag är registrerade för beslutet än." : "En bifallen motion ger uppdrag; de visas här."}</p>
        )}
        {manage && choices && granted && (
          <div className="mt-4 space-y-3">
            <Disclosure summary="Skapa uppdrag ur beslutet">
              <ActionForm
                id="motion-uppdrag"
                action={createMotionUppdragAction}
                submitLabel="Skapa uppdraget"
                errorSummary
                fields={[
                  { kind: "hidden", name: "motionId", value: m.id },
                  { kind: "text", name: "title", label: "Uppdragets rubrik", required: true },
                  { kind: "textarea", name: "text", label: "Uppdragstext", rows: 3 },
                  { kind: "select", name: "unitId", label: "Ansvarig enhet", required: true, options: [{ value: "", label: "Välj enhet" }, ...choices.units.map((u) => ({ value: u.id, label: u.name }))] },
                  { kind: "text", name: "responsiblePerson", label: "Ansvarig person" },
                  { kind: "date", name: "deadline", label: "Klart senast" },
                ]}
              />
            </Disclosure>
            {choices.paragraphUppdrag.length > 0 && (
              <Disclosure summary="Koppla ett registrerat uppdrag">
                <ActionForm
                  id="link-uppdrag"
                  action={linkMotionUppdragAction}
                  submitLabel="Koppla"
                  fields={[
                    { kind: "hidden", name: "motionId", value: m.id },
                    { kind: "select", name: "uppdragId", label: "Uppdrag vid paragrafen", options: [{ value: "", label: "Välj uppdrag" }, ...choices.paragraphUppdrag.map((u) => ({ value: u.id, label: u.title }))] },
                  ]}
                />
              </Disclosure>
            )}
          </div>
        )}
      </section>

      <section aria-labelledby="historik" className="mt-6 rounded-lg border border-slate-200 bg-white p-5">
        <h2 id="historik" className="text-lg font-semibold">
          Historik
        </h2>
        <ol className="mt-3 space-y-3">
          {m.events.map((e) => (
            <li key={e.id} className="border-l-4 border-brand-100 pl-3">
              <p className="font-medium">
                {stateText(e.state, e.outcome)}
                {e.paragraph ? `, KF § ${e.paragraph.number}` : ""} <span className="font-normal text-slate-700">från {formatDate(e.on)}</span>
              </p>
              <p className="text-sm text-slate-700">{e.author ? `${e.author.name}, ${formatDateTime(e.at)}` : "Inläst ur handlingarna"}</p>
              {e.comment && <p className="mt-1">{e.comment}</p>}
            </li>
          ))}
        </ol>
      </section>
      <div className="mt-6">
        <FollowControl db={db} actor={actor} motionId={m.id} />
      </div>
    </AppShell>
  );
}
