import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { requirePermission } from "@/server/entry/page";
import { getMeeting } from "@/server/meetings/read-meetings";
import { AppShell } from "@/components/ui/app-shell";
import { StatusBadge } from "@/components/uppdrag/status-badge";
import { formatDate, formatIsoDate } from "@/lib/dates";
import { BackLink } from "@/components/ui/back-link";
import { Disclosure } from "@/components/ui/disclosure";
import { ActionForm, type FormField } from "@/components/admin/action-form";
import { CorrectionList } from "@/components/corrections/correction-list";
import { REASON_LABEL } from "@/lib/validation/correction";
import { addMissedUppdragAction, correctMeetingAction, correctParagraphAction, markJusteratAction } from "./actions";

export const metadata: Metadata = { title: "Sammanträde" };

const reasonField = (hint?: string): FormField => ({ kind: "textarea", name: "reason", label: REASON_LABEL, rows: 2, required: !hint, hint: hint ?? "Till exempel: fel Dnr i protokollet, tolkningen läste fel. Syns i historiken." });

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
  const approved = m.protocolState === "APPROVED";
  const justering = approved
    ? `Protokollet justerades${m.approvedOn ? ` ${formatDate(m.approvedOn)}` : ""}${m.approvedBy ? ` av ${m.approvedBy}` : ""}`
    : "Protokollet är inte justerat";
  const paragraphLabel = new Map(m.paragraphs.map((p) => [p.id, `§ ${p.number} ${p.title}`]));
  const hidden = (name: string, value: string | number): FormField => ({ kind: "hidden", name, value: String(value) });
  return (
    <AppShell actor={actor}>
      <BackLink href="/moten">Alla sammanträden</BackLink>
      <h1 className="mt-2 text-2xl font-bold text-brand-900">
        {m.body.name} {formatDate(m.date)}
      </h1>
      <p className="mt-1 text-slate-700">{[m.place, time, justering].filter(Boolean).join(" · ")}</p>
      {saved && (
        <p role="status" className="mt-3 rounded-md border border-green-300 bg-green-50 p-3 text-green-900">
          Registreringen är sparad.
        </p>
      )}
      {m.canCorrect && (
        <section aria-labelledby="ratta-motet" className="no-print mt-4">
          <h2 id="ratta-motet" className="sr-only">
            Justera och rätta sammanträdet
          </h2>
          <div className="grid items-start gap-3 lg:grid-cols-2">
            <Disclosure summary={approved ? "Rätta justeringen" : "Markera som justerat"}>
              <ActionForm
                id="justering"
                action={markJusteratAction}
                errorSummary
                intro={approved ? undefined : "När protokollet är justerat är besluten slutliga."}
                fields={[
                  hidden("meetingId", m.id),
                  hidden("expectedVersion", m.version),
                  { kind: "date", name: "approvedOn", label: "Justeringsdatum", required: true, defaultValue: m.approvedOn ? formatIsoDate(m.approvedOn) : formatIsoDate(new Date()) },
                  { kind: "text", name: "approvedBy", label: "Justerat av", required: true, defaultValue: m.approvedBy ?? "", hint: "Ordföranden och justerarna, som protokollet namnger dem." },
                  ...(approved ? [reasonField()] : []),
                ]}
                submitLabel={approved ? "Spara rättelsen" : "Markera som justerat"}
              />
            </Disclosure>
            <Disclosure summary="Rätta sammanträdet">
              <ActionForm
                id="motet"
                action={correctMeetingAction}
                errorSummary
                fields={[
                  hidden("meetingId", m.id),
                  hidden("expectedVersion", m.version),
                  { kind: "select", name: "bodyId", label: "Organ", required: true, defaultValue: m.body.id, options: m.bodies.map((b) => ({ value: b.id, label: `${b.name} (${b.shortName})` })) },
                  { kind: "date", name: "date", label: "Datum", required: true, defaultValue: formatIsoDate(m.date) },
                  { kind: "text", name: "place", label: "Plats", defaultValue: m.place ?? "" },
                  { kind: "text", name: "startTime", label: "Starttid", defaultValue: m.startTime ?? "", width: "short", hint: "TT:MM, till exempel 13:00." },
                  { kind: "text", name: "endTime", label: "Sluttid", defaultValue: m.endTime ?? "", width: "short" },
                  reasonField(),
                ]}
                submitLabel="Spara rättelsen"
              />
            </Disclosure>
          </div>
        </section>
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
              {p.basis.length > 0 && (
                <p className="mt-3 text-slate-700">
                  <span className="font-medium text-slate-900">Beslutsunderlag:</span> {p.basis.join("; ")}
                </p>
              )}
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
              {(m.canCorrect || m.canAddUppdrag) && (
                <div className="mt-4 grid items-start gap-3 lg:grid-cols-2">
                  {m.canCorrect && (
                    <Disclosure summary={<>Rätta § {p.number}<span className="sr-only"> {p.title}</span></>}>
                      <ActionForm
                        id={`ratta-${p.id}`}
                        action={correctParagraphAction}
                        errorSummary
                        fields={[
                          hidden("paragraphId", p.id),
                          hidden("expectedVersion", p.version),
                          { kind: "text", name: "number", label: "Paragrafnummer", required: true, defaultValue: String(p.number), width: "short" },
                          { kind: "text", name: "dnr", label: "Dnr", defaultValue: p.dnr ?? "" },
                          { kind: "text", name: "title", label: "Rubrik", required: true, defaultValue: p.title },
                          { kind: "textarea", name: "decision", label: "Beslut", required: true, rows: 6, defaultValue: p.decision },
                          { kind: "textarea", name: "basis", label: "Beslutsunderlag", rows: 3, defaultValue: p.basis.join("\n"), hint: "Ett dokument per rad." },
                          { kind: "textarea", name: "sentTo", label: "Beslutet skickas till", rows: 3, defaultValue: p.sentTo.join("\n"), hint: "En mottagare per rad." },
                          reasonField(),
                        ]}
                        submitLabel="Spara rättelsen"
                      />
                    </Disclosure>
                  )}
                  {m.canAddUppdrag && (
                    <Disclosure summary={<>Lägg till ett missat uppdrag<span className="sr-only"> i § {p.number}</span></>}>
                      <ActionForm
                        id={`nytt-${p.id}`}
                        action={addMissedUppdragAction}
                        errorSummary
                        fields={[
                          hidden("paragraphId", p.id),
                          { kind: "text", name: "title", label: "Uppdragets rubrik", required: true },
                          { kind: "textarea", name: "text", label: "Uppdragstext", rows: 3, hint: "Tom: rubriken blir uppdragstexten." },
                          { kind: "select", name: "unitId", label: "Ansvarig enhet", required: true, defaultValue: "", options: [{ value: "", label: "Välj enhet" }, ...m.units.map((u) => ({ value: u.id, label: u.name }))] },
                          { kind: "text", name: "responsiblePerson", label: "Ansvarig person" },
                          { kind: "date", name: "deadline", label: "Klart senast" },
                          reasonField(),
                        ]}
                        submitLabel="Lägg till uppdraget"
                      />
                    </Disclosure>
                  )}
                </div>
              )}
            </article>
          </li>
        ))}
      </ol>
      {m.corrections.length > 0 && (
        <section aria-labelledby="rattelser" className="mt-6 rounded-lg border border-slate-200 bg-white p-5">
          <h2 id="rattelser" className="text-lg font-semibold">
            Rättelser och justering
          </h2>
          <CorrectionList corrections={m.corrections} recordLabel={(c) => (c.entity === "Meeting" ? "Sammanträdet" : (paragraphLabel.get(c.entityId) ?? "Paragraf"))} />
        </section>
      )}
    </AppShell>
  );
}
