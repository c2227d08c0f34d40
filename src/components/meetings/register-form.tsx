"use client";
// The register-meeting form: a proposal from a pasted or uploaded protocol (or
// nothing) is reviewed and corrected here, then saved in one go. Keyboard-fast:
// Enter moves to the next field, Alt+P adds a paragraph, Alt+U an uppdrag to
// the paragraph being edited, Ctrl+Enter saves. Errors stand next to their
// field; the first one gets the focus.
import { useEffect, useRef, useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import Link from "next/link";
import { useUnsavedChangesWarning } from "@/components/ui/use-unsaved-changes";
import { registerMeetingAction } from "@/app/moten/registrera/actions";
import {
  emptyParagraphDraft,
  emptyUppdragDraft,
  fieldErrorsOf,
  isSkipped,
  registerMeetingSchema,
  type MeetingDraft,
  type ParagraphDraft,
  type UppdragDraft,
} from "@/lib/validation/meeting";

const MAX_BYTES = 10 * 1024 * 1024;
const ACCEPTED = [".txt", ".docx", ".pdf"];

type UppdragRow = UppdragDraft & { key: number };
type ParagraphRow = Omit<ParagraphDraft, "uppdrag"> & { key: number; uppdrag: UppdragRow[] };
type Draft = Omit<MeetingDraft, "paragraphs"> & { paragraphs: ParagraphRow[] };

let nextKey = 1;
const keyed = (p: ParagraphDraft): ParagraphRow => ({ ...p, key: nextKey++, uppdrag: p.uppdrag.map((u) => ({ ...u, key: nextKey++ })) });
const emptyDraft = (): Draft => ({ bodyId: "", date: "", place: "", startTime: "", endTime: "", paragraphs: [keyed(emptyParagraphDraft())] });

/** Field ids follow the error paths: "paragraphs.0.uppdrag.1.title" → "f-paragraphs-0-uppdrag-1-title". */
const fid = (path: string) => `f-${path.replace(/\./g, "-")}`;

function nextNumber(paragraphs: ParagraphRow[]): string {
  const numbers = paragraphs.map((p) => Number(p.number)).filter((n) => Number.isInteger(n) && n > 0);
  return numbers.length ? String(Math.max(...numbers) + 1) : "";
}

/** The server's field errors (a list per path) as the form shows them: the first message of each path. */
const firstErrors = (fieldErrors: Record<string, string[]> | undefined): Record<string, string> =>
  Object.fromEntries(Object.entries(fieldErrors ?? {}).flatMap(([path, texts]) => (texts.length ? [[path, texts[0]]] : [])));

/** Asked before a proposal from a protocol replaces what the secretary has entered. */
const REPLACE_WARNING = "Förslaget från protokollet ersätter det du har fyllt i under Sammanträdet. Vill du fortsätta?";

export function RegisterMeetingForm({ bodies, units }: { bodies: { id: string; name: string; shortName: string }[]; units: { id: string; name: string }[] }) {
  const router = useRouter();
  const [start] = useState<Draft>(() => ({ ...emptyDraft(), bodyId: bodies.length === 1 ? bodies[0].id : "" }));
  const [draft, setDraft] = useState<Draft>(start);
  // The draft as started or as last proposed from a protocol: anything else is the secretary's own work.
  const [pristine, setPristine] = useState<Draft>(start);
  const [saved, setSaved] = useState(false);
  const edited = draft !== pristine;
  useUnsavedChangesWarning(edited && !saved);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [notes, setNotes] = useState<string[]>([]);
  const [sourceError, setSourceError] = useState<{ field: "text" | "file"; text: string } | null>(null);
  const [proposing, setProposing] = useState(false);
  const [saving, startSaving] = useTransition();
  // The field to focus after the next render (a new row, the first error).
  const focusAfterRender = useRef<string | null>(null);
  const setFocusId = (id: string) => (focusAfterRender.current = id);
  const pasted = useRef<HTMLTextAreaElement>(null);
  const file = useRef<HTMLInputElement>(null);
  const current = useRef<number>(0); // the paragraph being edited, for Alt+U

  useEffect(() => {
    if (!focusAfterRender.current) return;
    document.getElementById(focusAfterRender.current)?.focus();
    focusAfterRender.current = null;
  });

  const err = (path: string) => errors[path];
  const describe = (path: string, hint?: string) => [hint, err(path) ? `${fid(path)}-error` : null].filter(Boolean).join(" ") || undefined;
  const errorText = (path: string) =>
    err(path) ? (
      <p id={`${fid(path)}-error`} className="mt-1 text-sm font-medium text-red-800">
        {err(path)}
      </p>
    ) : null;

  const setMeeting = (field: "bodyId" | "date" | "place" | "startTime" | "endTime", value: string) => setDraft((d) => ({ ...d, [field]: value }));
  const setParagraph = (i: number, change: Partial<ParagraphRow>) =>
    setDraft((d) => ({ ...d, paragraphs: d.paragraphs.map((p, k) => (k === i ? { ...p, ...change } : p)) }));
  const setUppdrag = (i: number, j: number, change: Partial<UppdragRow>) =>
    setDraft((d) => ({
      ...d,
      paragraphs: d.paragraphs.map((p, k) => (k === i ? { ...p, uppdrag: p.uppdrag.map((u, l) => (l === j ? { ...u, ...change } : u)) } : p)),
    }));

  function addParagraph(after = draft.paragraphs.length - 1) {
    const row = keyed(emptyParagraphDraft(nextNumber(draft.paragraphs)));
    setDraft((d) => ({ ...d, paragraphs: [...d.paragraphs.slice(0, after + 1), row, ...d.paragraphs.slice(after + 1)] }));
    setFocusId(fid(`paragraphs.${after + 1}.number`));
  }
  function removeParagraph(i: number) {
    setDraft((d) => ({ ...d, paragraphs: d.paragraphs.filter((_, k) => k !== i) }));
    setErrors({});
    setFocusId(draft.paragraphs.length > 1 ? fid(`paragraphs.${Math.max(0, i - 1)}.number`) : "add-paragraph");
  }
  function addUppdrag(i: number) {
    const j = draft.paragraphs[i].uppdrag.length;
    setParagraph(i, { uppdrag: [...draft.paragraphs[i].uppdrag, { ...emptyUppdragDraft(), key: nextKey++ }] });
    setFocusId(fid(`paragraphs.${i}.uppdrag.${j}.title`));
  }
  function removeUppdrag(i: number, j: number) {
    setParagraph(i, { uppdrag: draft.paragraphs[i].uppdrag.filter((_, l) => l !== j) });
    setErrors({});
    setFocusId(`add-uppdrag-${i}`);
  }

  /** The paragraphs that will be saved (not those already registered), with their index in the form. */
  const toSave = draft.paragraphs.map((p, i) => ({ p, i })).filter(({ p }) => !isSkipped(p, draft.bodyId, draft.date));
  const skippedCount = draft.paragraphs.length - toSave.length;

  function payload() {
    return {
      bodyId: draft.bodyId,
      date: draft.date,
      place: draft.place,
      startTime: draft.startTime,
      endTime: draft.endTime,
      paragraphs: toSave.map(({ p }) => ({
        number: p.number,
        dnr: p.dnr,
        title: p.title,
        decision: p.decision,
        sentTo: p.sentTo,
        uppdrag: p.uppdrag.map((u) => ({ title: u.title, text: u.text, unitId: u.unitId, responsiblePerson: u.responsiblePerson, deadline: u.deadline })),
      })),
    };
  }

  /** Error paths count only the submitted paragraphs; the form shows every paragraph. */
  function toFormPaths(fieldErrors: Record<string, string>): Record<string, string> {
    const out: Record<string, string> = {};
    for (const [path, text] of Object.entries(fieldErrors)) {
      out[path.replace(/^paragraphs\.(\d+)/, (_, k: string) => `paragraphs.${toSave[Number(k)]?.i ?? k}`)] = text;
    }
    return out;
  }

  function showErrors(fieldErrors: Record<string, string>, text: string) {
    const formErrors = toFormPaths(fieldErrors);
    setErrors(formErrors);
    setMessage({ ok: false, text });
    const first = Object.keys(formErrors).map(fid).find((id) => document.getElementById(id));
    setFocusId(first ?? "register-message");
  }

  function save() {
    if (toSave.length === 0 && skippedCount > 0) {
      setErrors({});
      setMessage({ ok: false, text: "Alla paragrafer är redan registrerade. Det finns inget nytt att spara." });
      setFocusId("register-message");
      return;
    }
    const input = payload();
    const checked = registerMeetingSchema.safeParse(input);
    if (!checked.success) {
      showErrors(fieldErrorsOf(checked.error), "Rätta uppgifterna som är markerade. Ingenting är sparat.");
      return;
    }
    startSaving(async () => {
      const r = await registerMeetingAction(input);
      if (r.ok && r.meetingId) {
        setSaved(true);
        setMessage({ ok: true, text: r.message ?? "Sparat." });
        router.push(`/moten/${r.meetingId}?sparat=1`);
      } else showErrors(firstErrors(r.fieldErrors), r.message ?? "Ingenting är sparat.");
    });
  }

  async function propose(source: "text" | "file") {
    setSourceError(null);
    const body = new FormData();
    if (source === "text") {
      const text = pasted.current?.value ?? "";
      if (!text.trim()) {
        setSourceError({ field: "text", text: "Klistra in protokollets text först." });
        setFocusId("protocol-text");
        return;
      }
      body.set("text", text);
    } else {
      const f = file.current?.files?.[0];
      const problem = !f
        ? "Välj en fil först."
        : !ACCEPTED.some((ext) => f.name.toLowerCase().endsWith(ext))
          ? `Filtypen kan inte läsas. Ladda upp protokollet som .txt, .docx (Word) eller .pdf, eller klistra in texten.`
          : f.size > MAX_BYTES
            ? "Filen är för stor. Största tillåtna storlek är 10 MB."
            : null;
      if (problem || !f) {
        setSourceError({ field: "file", text: problem ?? "Välj en fil först." });
        setFocusId("protocol-file");
        return;
      }
      body.set("file", f);
    }
    if (edited && !window.confirm(REPLACE_WARNING)) return;
    setProposing(true);
    try {
      const res = await fetch("/moten/registrera/tolka", { method: "POST", body });
      // A refusal is { ok: false, message, fieldErrors? }.
      const json = (await res.json().catch(() => ({}))) as { message?: string; fieldErrors?: Record<string, string[]>; draft?: MeetingDraft; notes?: string[] };
      if (!res.ok || !json.draft) {
        const fieldMessage = Object.values(json.fieldErrors ?? {}).flat()[0];
        setSourceError({ field: source, text: fieldMessage ?? json.message ?? "Protokollet kunde inte läsas. Försök igen." });
        setFocusId(source === "text" ? "protocol-text" : "protocol-file");
        return;
      }
      const proposal = json.draft;
      const proposed = { ...proposal, bodyId: proposal.bodyId || draft.bodyId, paragraphs: proposal.paragraphs.length ? proposal.paragraphs.map(keyed) : [keyed(emptyParagraphDraft())] };
      setDraft(proposed);
      setPristine(proposed);
      setNotes(json.notes ?? []);
      setErrors({});
      setMessage(null);
      setFocusId("review-heading");
    } catch {
      setSourceError({ field: source, text: "Kontakten med servern bröts. Försök igen." });
    } finally {
      setProposing(false);
    }
  }

  function onKeyDown(e: React.KeyboardEvent<HTMLFormElement>) {
    const target = e.target as HTMLElement;
    if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      save();
    } else if (e.altKey && !e.ctrlKey && (e.key === "p" || e.key === "P" || e.code === "KeyP")) {
      e.preventDefault();
      addParagraph(current.current);
    } else if (e.altKey && !e.ctrlKey && (e.key === "u" || e.key === "U" || e.code === "KeyU")) {
      e.preventDefault();
      if (draft.paragraphs[current.current]) addUppdrag(current.current);
    } else if (e.key === "Enter" && ((target instanceof HTMLInputElement && target.type !== "file") || target instanceof HTMLSelectElement)) {
      // Enter moves on instead of saving half a meeting (from a closed list too: an open one takes the Enter itself).
      e.preventDefault();
      const fields = [...e.currentTarget.querySelectorAll<HTMLElement>("input:not([type=hidden]), select, textarea")];
      fields[fields.indexOf(target) + 1]?.focus();
    }
  }

  const field = "ul-field";
  const textarea = "mt-1 block w-full rounded-md border border-slate-400 bg-white px-3 py-2 text-base";
  const button = "inline-flex min-h-11 items-center rounded-md px-4 font-semibold";
  const secondary = `${button} border border-brand-700 bg-white text-brand-700 hover:bg-brand-50`;
  const invalid = (path: string) => ({ "aria-invalid": err(path) ? true : undefined, "aria-describedby": describe(path) });

  return (
    <div className="mt-4 space-y-6">
      <section aria-labelledby="source-heading" className="rounded-lg border border-slate-200 bg-white p-5">
        <h2 id="source-heading" className="text-lg font-semibold">
          Fyll i från protokollet
        </h2>
        <div className="mt-3 grid gap-5 lg:grid-cols-2">
          <div>
            <label htmlFor="protocol-text" className="block font-medium">
              Klistra in protokollets text
            </label>
            <textarea
              id="protocol-text"
              ref={pasted}
              rows={6}
              className={textarea}
              aria-invalid={sourceError?.field === "text" ? true : undefined}
              aria-describedby={sourceError?.field === "text" ? "protocol-text-error" : undefined}
            />
            {sourceError?.field === "text" && (
              <p id="protocol-text-error" className="mt-1 text-sm font-medium text-red-800">
                {sourceError.text}
              </p>
            )}
            <button type="button" onClick={() => propose("text")} disabled={proposing} className={`${secondary} mt-2`}>
              Föreslå från texten
            </button>
          </div>
          <div>
            <label htmlFor="protocol-file" className="block font-medium">
              Eller ladda upp protokollet
            </label>
            <p id="protocol-file-hint" className="text-sm text-slate-700">
              .txt, .docx (Word) eller .pdf, högst 10 MB.
            </p>
            <input
              id="protocol-file"
              ref={file}
              type="file"
              accept=".txt,.docx,.pdf,text/plain,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
              className="mt-1 block min-h-11 w-full text-base"
              aria-invalid={sourceError?.field === "file" ? true : undefined}
              aria-describedby={sourceError?.field === "file" ? "protocol-file-hint protocol-file-error" : "protocol-file-hint"}
              onChange={() => setSourceError(null)}
            />
            {sourceError?.field === "file" && (
              <p id="protocol-file-error" className="mt-1 text-sm font-medium text-red-800">
                {sourceError.text}
              </p>
            )}
            <button type="button" onClick={() => propose("file")} disabled={proposing} className={`${secondary} mt-2`}>
              Föreslå från filen
            </button>
          </div>
        </div>
        <p role="status" className="mt-2 text-sm text-slate-700">
          {proposing ? "Läser protokollet …" : ""}
        </p>
      </section>

      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          save();
        }}
        onKeyDown={onKeyDown}
        aria-labelledby="review-heading"
        className="space-y-6"
      >
        <div>
          <h2 id="review-heading" tabIndex={-1} className="text-lg font-semibold focus:outline-none">
            Sammanträdet
          </h2>
          <p className="text-sm text-slate-700">
            Tangentbord: Retur går till nästa fält, Alt+P lägger till en paragraf, Alt+U ett uppdrag i paragrafen du står i, Ctrl+Retur sparar.
          </p>
          {notes.length > 0 && (
            <div role="status">
              <ul className="mt-2 list-disc space-y-1 rounded-md border border-amber-400 bg-amber-50 p-3 pl-8 text-amber-950">
                {notes.map((n) => (
                  <li key={n}>{n}</li>
                ))}
              </ul>
            </div>
          )}
        </div>
        <div id="register-message" tabIndex={-1} className="focus:outline-none">
          {message && (
            <p role={message.ok ? "status" : "alert"} className={`rounded-md border p-3 ${message.ok ? "border-green-300 bg-green-50 text-green-900" : "border-red-300 bg-red-50 text-red-900"}`}>
              {message.text}
            </p>
          )}
        </div>

        <div className="grid gap-4 rounded-lg border border-slate-200 bg-white p-5 md:grid-cols-2 lg:grid-cols-5">
          <div className="lg:col-span-2">
            <label htmlFor={fid("bodyId")} className="block font-medium">
              Organ
            </label>
            <select id={fid("bodyId")} value={draft.bodyId} onChange={(e) => setMeeting("bodyId", e.target.value)} className={field} {...invalid("bodyId")}>
              <option value="">Välj organ</option>
              {bodies.map((b) => (
                <option key={b.id} value={b.id}>
                  {b.name} ({b.shortName})
                </option>
              ))}
            </select>
            {errorText("bodyId")}
          </div>
          <div>
            <label htmlFor={fid("date")} className="block font-medium">
              Datum
            </label>
            {/* Text, not a date picker: typed the same way in every browser and locale ("2020-02-25" or "20200225"). */}
            <input id={fid("date")} type="text" inputMode="numeric" placeholder="ÅÅÅÅ-MM-DD" autoComplete="off" value={draft.date} onChange={(e) => setMeeting("date", e.target.value)} className={field} {...invalid("date")} />
            {errorText("date")}
          </div>
          <div className="lg:col-span-2">
            <label htmlFor={fid("place")} className="block font-medium">
              Plats
            </label>
            <input id={fid("place")} type="text" value={draft.place} onChange={(e) => setMeeting("place", e.target.value)} className={field} {...invalid("place")} />
            {errorText("place")}
          </div>
          <div>
            <label htmlFor={fid("startTime")} className="block font-medium">
              Början <span className="font-normal text-slate-700">(valfritt)</span>
            </label>
            <input
              id={fid("startTime")}
              type="text"
              inputMode="numeric"
              placeholder="13:00"
              value={draft.startTime}
              onChange={(e) => setMeeting("startTime", e.target.value)}
              className={field}
              {...invalid("startTime")}
            />
            {errorText("startTime")}
          </div>
          <div>
            <label htmlFor={fid("endTime")} className="block font-medium">
              Slut <span className="font-normal text-slate-700">(valfritt)</span>
            </label>
            <input
              id={fid("endTime")}
              type="text"
              inputMode="numeric"
              placeholder="17:00"
              value={draft.endTime}
              onChange={(e) => setMeeting("endTime", e.target.value)}
              className={field}
              {...invalid("endTime")}
            />
            {errorText("endTime")}
          </div>
        </div>

        <section aria-labelledby="paragraphs-heading">
          <h2 id="paragraphs-heading" className="text-lg font-semibold">
            Paragrafer ({draft.paragraphs.length}
            {skippedCount > 0 ? `, varav ${skippedCount} redan registrerade` : ""})
          </h2>
          {errorText("paragraphs")}
          <ol className="mt-3 space-y-4">
            {draft.paragraphs.map((p, i) => {
              const at = (name: string) => `paragraphs.${i}.${name}`;
              // "§ 34"; a paragraph not yet numbered is named by its place in the list, not "§ ny".
              const label = p.number ? `§ ${p.number}` : `paragraf ${i + 1} i listan`;
              if (isSkipped(p, draft.bodyId, draft.date)) {
                return (
                  <li key={p.key} className="rounded-lg border border-slate-300 bg-slate-100 p-4" aria-label={`${label}, redan registrerad`}>
                    <p className="font-semibold">
                      § {p.number} {p.title}
                    </p>
                    {p.dnr && <p className="text-slate-700">Dnr {p.dnr}</p>}
                    <p className="mt-1">
                      Redan registrerad ({p.existing!.meetingLabel}). Hoppas över.{" "}
                      <Link href={`/moten/${p.existing!.meetingId}`} className="inline-flex min-h-11 items-center font-medium text-brand-700 underline">
                        Öppna sammanträdet med § {p.number}
                      </Link>
                    </p>
                  </li>
                );
              }
              return (
                <li key={p.key} className="rounded-lg border border-slate-200 bg-white p-5" onFocus={() => (current.current = i)}>
                  <fieldset>
                    <legend className="font-semibold">{p.number ? label : `Ny paragraf (${i + 1} i listan)`}</legend>
                    <div className="mt-2 grid gap-4 md:grid-cols-[7rem_12rem_1fr]">
                      <div>
                        <label htmlFor={fid(at("number"))} className="block font-medium">
                          §<span className="sr-only"> nummer</span>
                        </label>
                        <input
                          id={fid(at("number"))}
                          type="text"
                          inputMode="numeric"
                          value={p.number}
                          onChange={(e) => setParagraph(i, { number: e.target.value })}
                          className={field}
                          {...invalid(at("number"))}
                        />
                      </div>
                      <div>
                        <label htmlFor={fid(at("dnr"))} className="block font-medium">
                          Dnr<span className="sr-only"> för {label}</span>
                        </label>
                        <input id={fid(at("dnr"))} type="text" value={p.dnr} onChange={(e) => setParagraph(i, { dnr: e.target.value })} className={field} {...invalid(at("dnr"))} />
                      </div>
                      <div>
                        <label htmlFor={fid(at("title"))} className="block font-medium">
                          Rubrik<span className="sr-only"> för {label}</span>
                        </label>
                        <input id={fid(at("title"))} type="text" value={p.title} onChange={(e) => setParagraph(i, { title: e.target.value })} className={field} {...invalid(at("title"))} />
                      </div>
                    </div>
                    {errorText(at("number"))}
                    {errorText(at("dnr"))}
                    {errorText(at("title"))}
                    <div className="mt-3">
                      <label htmlFor={fid(at("decision"))} className="block font-medium">
                        Beslut<span className="sr-only"> i {label}</span>
                      </label>
                      <textarea
                        id={fid(at("decision"))}
                        rows={3}
                        value={p.decision}
                        onChange={(e) => setParagraph(i, { decision: e.target.value })}
                        className={textarea}
                        {...invalid(at("decision"))}
                      />
                      {errorText(at("decision"))}
                    </div>
                    <div className="mt-3">
                      <label htmlFor={fid(at("sentTo"))} className="block font-medium">
                        Beslutet skickas till<span className="sr-only"> i {label}</span> <span className="font-normal text-slate-700">(en mottagare per rad)</span>
                      </label>
                      <textarea
                        id={fid(at("sentTo"))}
                        rows={Math.min(8, Math.max(2, p.sentTo.split("\n").length))}
                        value={p.sentTo}
                        onChange={(e) => setParagraph(i, { sentTo: e.target.value })}
                        className={textarea}
                        {...invalid(at("sentTo"))}
                      />
                      {errorText(at("sentTo"))}
                    </div>

                    {p.uppdrag.length > 0 && (
                      <ol className="mt-4 space-y-3">
                        {p.uppdrag.map((u, j) => {
                          const uat = (name: string) => `paragraphs.${i}.uppdrag.${j}.${name}`;
                          const ulabel = `uppdrag ${j + 1} i ${label}`;
                          return (
                            <li key={u.key} className="rounded-md border border-brand-100 bg-brand-50 p-4">
                              <fieldset>
                                <legend className="font-medium">Uppdrag {j + 1}</legend>
                                <div className="mt-2 grid gap-3 md:grid-cols-2">
                                  <div className="md:col-span-2">
                                    <label htmlFor={fid(uat("title"))} className="block font-medium">
                                      Uppdragets rubrik<span className="sr-only"> för {ulabel}</span>
                                    </label>
                                    <input
                                      id={fid(uat("title"))}
                                      type="text"
                                      value={u.title}
                                      onChange={(e) => setUppdrag(i, j, { title: e.target.value })}
                                      className={field}
                                      {...invalid(uat("title"))}
                                    />
                                    {errorText(uat("title"))}
                                  </div>
                                  <div className="md:col-span-2">
                                    <label htmlFor={fid(uat("text"))} className="block font-medium">
                                      Uppdraget i beslutet<span className="sr-only"> för {ulabel}</span> <span className="font-normal text-slate-700">(valfritt)</span>
                                    </label>
                                    <textarea
                                      id={fid(uat("text"))}
                                      rows={2}
                                      value={u.text}
                                      onChange={(e) => setUppdrag(i, j, { text: e.target.value })}
                                      className={textarea}
                                      {...invalid(uat("text"))}
                                    />
                                    {errorText(uat("text"))}
                                  </div>
                                  <div>
                                    <label htmlFor={fid(uat("unitId"))} className="block font-medium">
                                      Ansvarig enhet<span className="sr-only"> för {ulabel}</span>
                                    </label>
                                    <select
                                      id={fid(uat("unitId"))}
                                      value={u.unitId}
                                      onChange={(e) => setUppdrag(i, j, { unitId: e.target.value })}
                                      className={field}
                                      {...invalid(uat("unitId"))}
                                      aria-describedby={describe(uat("unitId"), u.responsibleHint && !u.unitId ? `${fid(uat("unitId"))}-hint` : undefined)}
                                    >
                                      <option value="">Välj enhet</option>
                                      {units.map((unit) => (
                                        <option key={unit.id} value={unit.id}>
                                          {unit.name}
                                        </option>
                                      ))}
                                    </select>
                                    {u.responsibleHint && !u.unitId && (
                                      <p id={`${fid(uat("unitId"))}-hint`} className="mt-1 text-sm text-slate-700">
                                        Protokollet nämner: {u.responsibleHint}
                                      </p>
                                    )}
                                    {errorText(uat("unitId"))}
                                  </div>
                                  <div>
                                    <label htmlFor={fid(uat("responsiblePerson"))} className="block font-medium">
                                      Ansvarig person<span className="sr-only"> för {ulabel}</span> <span className="font-normal text-slate-700">(valfritt)</span>
                                    </label>
                                    <input
                                      id={fid(uat("responsiblePerson"))}
                                      type="text"
                                      value={u.responsiblePerson}
                                      onChange={(e) => setUppdrag(i, j, { responsiblePerson: e.target.value })}
                                      className={field}
                                      {...invalid(uat("responsiblePerson"))}
                                    />
                                    {errorText(uat("responsiblePerson"))}
                                  </div>
                                  <div>
                                    <label htmlFor={fid(uat("deadline"))} className="block font-medium">
                                      Klart senast<span className="sr-only"> för {ulabel}</span> <span className="font-normal text-slate-700">(valfritt)</span>
                                    </label>
                                    <input
                                      id={fid(uat("deadline"))}
                                      type="text"
                                      inputMode="numeric"
                                      placeholder="ÅÅÅÅ-MM-DD"
                                      autoComplete="off"
                                      value={u.deadline}
                                      onChange={(e) => setUppdrag(i, j, { deadline: e.target.value })}
                                      className={field}
                                      {...invalid(uat("deadline"))}
                                    />
                                    {errorText(uat("deadline"))}
                                  </div>
                                  <div className="flex items-end">
                                    <button type="button" onClick={() => removeUppdrag(i, j)} className={`${button} border border-red-700 bg-white text-red-800 hover:bg-red-50`}>
                                      Ta bort {ulabel}
                                    </button>
                                  </div>
                                </div>
                              </fieldset>
                            </li>
                          );
                        })}
                      </ol>
                    )}
                    <div className="mt-4 flex flex-wrap gap-3">
                      <button type="button" id={`add-uppdrag-${i}`} onClick={() => addUppdrag(i)} className={secondary}>
                        Lägg till uppdrag i {label}
                      </button>
                      <button type="button" onClick={() => removeParagraph(i)} className={`${button} border border-red-700 bg-white text-red-800 hover:bg-red-50`}>
                        Ta bort {label}
                      </button>
                    </div>
                  </fieldset>
                </li>
              );
            })}
          </ol>
          <div className="mt-4 flex flex-wrap gap-3">
            <button type="button" id="add-paragraph" onClick={() => addParagraph()} className={secondary}>
              Lägg till paragraf
            </button>
          </div>
        </section>

        <div className="flex flex-wrap items-center gap-3 border-t border-slate-200 pt-4">
          <button type="submit" disabled={saving} className={`${button} bg-brand-700 text-white hover:bg-brand-800 disabled:opacity-60`}>
            {saving ? "Sparar …" : `Spara ${toSave.length} ${toSave.length === 1 ? "paragraf" : "paragrafer"}`}
          </button>
          <p className="text-sm text-slate-700">Ingenting sparas förrän du väljer Spara.</p>
        </div>
      </form>
    </div>
  );
}
