"use client";
// Fastställa a report: the date and bodies chosen in the form above it (the one
// the secretary has just previewed and downloaded with), a note and an explicit
// confirmation, since a frozen report can never be changed. The server checks
// everything again.
import { useActionState, useEffect, useState } from "react";
import { freezeReportAction } from "@/app/rapporter/actions";
import type { ActionState } from "@/server/entry/answer";
import { useAnswerFocus } from "@/components/ui/use-answer-focus";

const longDate = new Intl.DateTimeFormat("sv-SE", { dateStyle: "long", timeZone: "UTC" });
const dateLabel = (iso: string) => (/^\d{4}-\d{2}-\d{2}$/.test(iso) ? longDate.format(new Date(`${iso}T00:00:00Z`)) : "");

export function FreezeForm({
  asOf,
  bodies,
  checked,
  choiceFormId,
}: {
  asOf: string;
  bodies: { id: string; label: string }[];
  checked: string[];
  /** The form whose date and bodies are frozen: what the secretary previewed. */
  choiceFormId: string;
}) {
  const [state, action, pending] = useActionState<ActionState, FormData>(freezeReportAction, { ok: false });
  const { formRef, messageRef } = useAnswerFocus(state.answeredAt);
  const v = state.ok ? undefined : state.values;
  const err = (f: string) => state.fieldErrors?.[f]?.[0];
  // Follows the choice above as it changes; without JavaScript the defaults shown are what is sent.
  const [choice, setChoice] = useState({ asOf, bodies: checked });
  useEffect(() => {
    const form = document.getElementById(choiceFormId);
    if (!(form instanceof HTMLFormElement)) return;
    const read = () => {
      const data = new FormData(form);
      setChoice({ asOf: String(data.get("asOf") ?? ""), bodies: data.getAll("body").map(String) });
    };
    read();
    form.addEventListener("input", read);
    form.addEventListener("change", read);
    return () => {
      form.removeEventListener("input", read);
      form.removeEventListener("change", read);
    };
  }, [choiceFormId]);
  const chosenLabels = bodies.filter((b) => choice.bodies.includes(b.id)).map((b) => b.label);
  // The fields to correct are in the choice form above: each error links to its field.
  const choiceErrors = [
    { text: err("asOf"), href: "#asOf" },
    { text: err("body"), href: "#report-bodies" },
  ].filter((e): e is { text: string; href: string } => !!e.text);
  return (
    <form ref={formRef} action={action} noValidate className="mt-4 max-w-3xl space-y-5 rounded-lg border border-slate-200 bg-white p-5">
      {state.message && (
        <p ref={messageRef} tabIndex={-1} role={state.ok ? "status" : "alert"} className={`rounded-md border p-3 ${state.ok ? "border-green-300 bg-green-50 text-green-900" : "border-red-300 bg-red-50 text-red-900"}`}>
          {state.message}
        </p>
      )}
      <div key={state.answeredAt ?? 0} className="space-y-5">
        <div id="freeze-choice" className="rounded-md border border-slate-300 bg-slate-50 p-3">
          <p className="font-medium">Det här fastställs</p>
          <p id="freeze-choice-summary">
            Redovisning per {dateLabel(choice.asOf) || "(inget datum valt)"}, {chosenLabels.length ? chosenLabels.join(", ") : "(inga organ valda)"}.
          </p>
          <p className="mt-1 text-sm text-slate-700">Datum och organ väljer du ovan, under Ta fram redovisningen: det du fastställer är det du har granskat.</p>
          <input type="hidden" name="asOf" value={choice.asOf} />
          {choice.bodies.map((id) => (
            <input key={id} type="hidden" name="body" value={id} />
          ))}
          {choiceErrors.map((e) => (
            <p key={e.href} className="mt-1 text-sm font-medium text-red-800">
              <a href={e.href} className="underline">
                {e.text}
              </a>
            </p>
          ))}
        </div>
        <div>
          <label htmlFor="freeze-note" className="block font-medium">
            Anteckning (valfri)
          </label>
          <p id="freeze-note-hint" className="text-sm text-slate-700">
            Till exempel vilket sammanträde redovisningen anmäls vid.
          </p>
          <input
            id="freeze-note"
            name="note"
            type="text"
            maxLength={500}
            defaultValue={v?.note ?? ""}
            aria-invalid={!!err("note")}
            aria-describedby={err("note") ? "freeze-note-hint freeze-note-error" : "freeze-note-hint"}
            className="ul-field"
          />
          {err("note") && (
            <p id="freeze-note-error" className="mt-1 text-sm text-red-800">
              {err("note")}
            </p>
          )}
        </div>
        <div>
          <label className="ul-check">
            <input
              type="checkbox"
              name="confirm"
              value="ja"
              className="size-5"
              aria-invalid={!!err("confirm")}
              aria-describedby={err("confirm") ? "freeze-confirm-error" : undefined}
            />
            Jag förstår att en fastställd redovisning sparas som den är och inte kan ändras.
          </label>
          {err("confirm") && (
            <p id="freeze-confirm-error" className="mt-1 text-sm text-red-800">
              {err("confirm")}
            </p>
          )}
        </div>
      </div>
      {/* The summary is not on the way when tabbing: the button says what it freezes. */}
      <button
        type="submit"
        disabled={pending}
        aria-describedby="freeze-choice-summary"
        className="inline-flex min-h-11 items-center rounded-md bg-brand-700 px-4 font-semibold text-white hover:bg-brand-800 disabled:opacity-60"
      >
        {pending ? "Fastställer …" : "Fastställ redovisningen"}
      </button>
    </form>
  );
}
