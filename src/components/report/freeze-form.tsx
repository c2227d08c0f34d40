"use client";
// Fastställa a report: date, bodies, a note and an explicit confirmation, since a
// frozen report can never be changed. The server checks everything again.
import { useActionState } from "react";
import { freezeReportAction } from "@/app/rapporter/actions";
import type { ActionState } from "@/server/action";
import { useAnswerFocus } from "@/components/ui/use-answer-focus";

export function FreezeForm({ asOf, bodies, checked }: { asOf: string; bodies: { id: string; label: string }[]; checked: string[] }) {
  const [state, action, pending] = useActionState<ActionState, FormData>(freezeReportAction, { ok: false });
  const { formRef, messageRef } = useAnswerFocus(state.answeredAt);
  const v = state.ok ? undefined : state.values;
  const err = (f: string) => state.fieldErrors?.[f]?.[0];
  const chosen = new Set(v?.body !== undefined ? v.body.split(",") : checked);
  return (
    <form ref={formRef} action={action} noValidate className="mt-4 max-w-3xl space-y-5 rounded-lg border border-slate-200 bg-white p-5">
      {state.message && (
        <p ref={messageRef} tabIndex={-1} role={state.ok ? "status" : "alert"} className={`rounded-md border p-3 ${state.ok ? "border-green-300 bg-green-50 text-green-900" : "border-red-300 bg-red-50 text-red-900"}`}>
          {state.message}
        </p>
      )}
      <div key={state.answeredAt ?? 0} className="space-y-5">
        <div>
          <label htmlFor="freeze-asOf" className="block font-medium">
            Redovisning per
          </label>
          <input
            id="freeze-asOf"
            name="asOf"
            type="date"
            required
            defaultValue={v?.asOf ?? asOf}
            aria-invalid={!!err("asOf")}
            aria-describedby={err("asOf") ? "freeze-asOf-error" : undefined}
            className="ul-field max-w-xs"
          />
          {err("asOf") && (
            <p id="freeze-asOf-error" className="mt-1 text-sm text-red-800">
              {err("asOf")}
            </p>
          )}
        </div>
        <fieldset aria-describedby={err("body") ? "freeze-body-error" : undefined}>
          <legend className="font-medium">Organ som redovisas</legend>
          <div className="mt-1 grid gap-x-6 sm:grid-cols-2">
            {bodies.map((b) => (
              <label key={b.id} className="ul-check">
                <input type="checkbox" name="body" value={b.id} defaultChecked={chosen.has(b.id)} className="size-5" />
                {b.label}
              </label>
            ))}
          </div>
          {err("body") && (
            <p id="freeze-body-error" className="mt-1 text-sm text-red-800">
              {err("body")}
            </p>
          )}
        </fieldset>
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
      <button type="submit" disabled={pending} className="inline-flex min-h-11 items-center rounded-md bg-brand-700 px-4 font-semibold text-white hover:bg-brand-800 disabled:opacity-60">
        {pending ? "Fastställer …" : "Fastställ redovisningen"}
      </button>
    </form>
  );
}
