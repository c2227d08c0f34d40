"use client";
import { useActionState } from "react";
import { confirmImportAction, previewImportAction, type PreviewState } from "@/app/planer/import/actions";
import type { ActionState } from "@/server/entry/answer";

export function ImportForm({ bodies }: { bodies: { id: string; label: string }[] }) {
  const [state, preview, reading] = useActionState<PreviewState, FormData>(previewImportAction, { ok: false });
  const [saved, confirm, saving] = useActionState<ActionState, FormData>(confirmImportAction, { ok: false });
  const v = state.values;
  const err = (f: string) => state.fieldErrors?.[f]?.[0];
  const p = state.preview;
  const input = (name: string, label: string, props: React.InputHTMLAttributes<HTMLInputElement>) => (
    <div>
      <label htmlFor={`imp-${name}`} className="block font-medium">
        {label}
      </label>
      <input
        id={`imp-${name}`}
        name={name}
        aria-invalid={!!err(name)}
        aria-describedby={err(name) ? `imp-${name}-error` : undefined}
        className="ul-field"
        {...props}
      />
      {err(name) && (
        <p id={`imp-${name}-error`} className="mt-1 text-sm text-red-800">
          {err(name)}
        </p>
      )}
    </div>
  );
  return (
    <div className="space-y-6">
      <form action={preview} noValidate className="space-y-4 rounded-lg border border-slate-200 bg-white p-5" key={state.answeredAt ?? 0}>
        <h2 className="text-lg font-semibold">1. Välj fil</h2>
        <div className="grid gap-4 md:grid-cols-3">
          <div>
            <label htmlFor="imp-bodyId" className="block font-medium">
              Organ
            </label>
            <select id="imp-bodyId" name="bodyId" defaultValue={v?.bodyId ?? bodies[0]?.id} className="ul-field" aria-invalid={!!err("bodyId")} aria-describedby={err("bodyId") ? "imp-bodyId-error" : undefined}>
              {bodies.map((b) => (
                <option key={b.id} value={b.id}>
                  {b.label}
                </option>
              ))}
            </select>
            {err("bodyId") && (
              <p id="imp-bodyId-error" className="mt-1 text-sm text-red-800">
                {err("bodyId")}
              </p>
            )}
          </div>
          {input("year", "År", { type: "text", inputMode: "numeric", defaultValue: v?.year ?? String(new Date().getFullYear() + 1) })}
          {input("title", "Planens namn", { type: "text", defaultValue: v?.title ?? "" })}
        </div>
        <div>
          <label htmlFor="imp-file" className="block font-medium">
            Excel-fil (.xlsx)
          </label>
          <p id="imp-file-hint" className="text-sm text-slate-700">
            Fliken ”Aktiviteter” med kolumnerna Kommunmål, Nämndåtagande, Aktivitet, Önskat läge, Samverkan med, Ansvarig; fliken ”Nyckeltal” med
            Kommunmål, Nämndåtagande, Nyckeltal, Enhet, Ingångsvärde, Ingångsdatum, Önskat läge.
          </p>
          <input
            id="imp-file"
            name="file"
            type="file"
            accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            aria-invalid={!!err("file")}
            aria-describedby={err("file") ? "imp-file-hint imp-file-error" : "imp-file-hint"}
            className="mt-1 block min-h-11 w-full text-base"
          />
          {err("file") && (
            <p id="imp-file-error" className="mt-1 text-sm text-red-800">
              {err("file")}
            </p>
          )}
        </div>
        <button type="submit" disabled={reading} className="min-h-11 rounded-md bg-brand-700 px-5 font-semibold text-white hover:bg-brand-800 disabled:opacity-70">
          {reading ? "Läser…" : "Förhandsgranska"}
        </button>
      </form>

      {state.message && (
        <p role={state.ok ? "status" : "alert"} className={`rounded-md border p-3 ${state.ok ? "border-green-300 bg-green-50 text-green-900" : "border-red-300 bg-red-50 text-red-900"}`}>
          {state.message}
        </p>
      )}

      {p && p.errors.length > 0 && (
        <section aria-labelledby="fel" className="rounded-lg border border-red-300 bg-white p-5">
          <h2 id="fel" className="text-lg font-semibold text-red-900">
            Fel i filen
          </h2>
          <table className="mt-2 w-full text-left">
            <thead>
              <tr>
                <th scope="col" className="py-1 pr-3">Flik</th>
                <th scope="col" className="py-1 pr-3">Rad</th>
                <th scope="col" className="py-1">Fel</th>
              </tr>
            </thead>
            <tbody>
              {p.errors.map((e, n) => (
                <tr key={n} className="border-t border-slate-200">
                  <td className="py-1 pr-3">{e.sheet}</td>
                  <td className="py-1 pr-3">{e.row || "–"}</td>
                  <td className="py-1">{e.message}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}

      {p && p.errors.length === 0 && (
        <section aria-labelledby="forhand" className="rounded-lg border border-slate-200 bg-white p-5">
          <h2 id="forhand" className="text-lg font-semibold">
            2. Förhandsgranska och spara
          </h2>
          <p className="mt-1">
            {p.counts.goals} kommunmål, {p.counts.commitments} nämndåtaganden, {p.counts.activities} aktiviteter och {p.counts.indicators} nyckeltal.
          </p>
          <ol className="mt-3 space-y-3">
            {p.plan.goals.map((g, gi) => (
              <li key={gi}>
                <p className="font-semibold">Kommunmål: {g.text}</p>
                {g.commitments.map((c, ci) => (
                  <div key={ci} className="mt-1 border-l-4 border-brand-100 pl-3">
                    <p className="font-medium">Nämndåtagande: {c.text}</p>
                    <ul className="list-disc pl-6 text-sm">
                      {c.activities.map((a, ai) => (
                        <li key={`a${ai}`}>
                          {a.name}
                          {a.responsible ? ` (${a.responsible})` : ""}
                        </li>
                      ))}
                      {c.indicators.map((i, ii) => (
                        <li key={`i${ii}`}>
                          Nyckeltal: {i.name}, ingångsvärde {i.baseline ?? "–"}, önskat läge {i.target ?? "–"}
                        </li>
                      ))}
                    </ul>
                  </div>
                ))}
              </li>
            ))}
          </ol>
          <form action={confirm} className="mt-4 space-y-3">
            <input type="hidden" name="bodyId" value={v?.bodyId ?? ""} />
            <input type="hidden" name="year" value={v?.year ?? ""} />
            <input type="hidden" name="title" value={v?.title ?? ""} />
            <input type="hidden" name="plan" value={JSON.stringify(p.plan)} />
            {saved.message && !saved.ok && (
              <p role="alert" className="rounded-md border border-red-300 bg-red-50 p-3 text-red-900">
                {saved.message}
                {saved.fieldErrors && ` ${Object.values(saved.fieldErrors).flat().join(" ")}`}
              </p>
            )}
            <button type="submit" disabled={saving} className="min-h-11 rounded-md bg-brand-700 px-5 font-semibold text-white hover:bg-brand-800 disabled:opacity-70">
              {saving ? "Sparar…" : "Spara planen"}
            </button>
          </form>
        </section>
      )}
    </div>
  );
}
