"use client";
// The administrator's choice of the bodies the report covers by default.
import { useActionState } from "react";
import { saveReportBodiesAction } from "@/app/rapporter/actions";
import type { ActionState } from "@/server/entry/answer";

export function ReportBodiesForm({ bodies }: { bodies: { id: string; label: string; checked: boolean }[] }) {
  const [state, action, pending] = useActionState<ActionState, FormData>(saveReportBodiesAction, { ok: false });
  const error = state.fieldErrors?.body?.[0];
  return (
    <form action={action} noValidate className="mt-4 max-w-3xl space-y-4 rounded-lg border border-slate-200 bg-white p-5">
      {state.message && (
        <p role={state.ok ? "status" : "alert"} className={`rounded-md border p-3 ${state.ok ? "border-green-300 bg-green-50 text-green-900" : "border-red-300 bg-red-50 text-red-900"}`}>
          {state.message}
        </p>
      )}
      <fieldset aria-describedby={error ? "report-bodies-error" : undefined}>
        <legend className="font-medium">Organ som redovisas som standard</legend>
        <div className="mt-1 grid gap-x-6 sm:grid-cols-2">
          {bodies.map((b) => (
            <label key={b.id} className="ul-check">
              <input type="checkbox" name="body" value={b.id} defaultChecked={b.checked} className="size-5" />
              {b.label}
            </label>
          ))}
        </div>
        {error && (
          <p id="report-bodies-error" className="mt-1 text-sm text-red-800">
            {error}
          </p>
        )}
      </fieldset>
      <button type="submit" disabled={pending} className="inline-flex min-h-11 items-center rounded-md border border-brand-700 px-4 font-semibold text-brand-700 disabled:opacity-60">
        Spara standardorgan
      </button>
    </form>
  );
}
