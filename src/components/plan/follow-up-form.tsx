"use client";
// The follow-up of one commitment at one occasion: nuläge and comment per
// activity, value (or "inga nya data") per indicator, and the summary comment.
// Keyboard-fast: Tab moves between fields, Enter in a one-line field saves,
// Ctrl+Enter saves from the summary. Checked in the browser with the same zod
// schema as on the server; rows the user did not touch are not saved.
import { useActionState } from "react";
import { saveFollowUpAction } from "@/app/planer/[id]/actions";
import type { ActionState } from "@/server/entry/answer";
import { ACTIVITY_STATUSES, ACTIVITY_STATUS_LABEL } from "@/lib/plan/status";
import { field, followUpSchema, LIMITS, origOf } from "@/lib/validation/plan";
import type { TreeCommitment } from "@/server/plan/get-plan";

function checkInBrowser(fd: FormData): ActionState | null {
  const parsed = followUpSchema.safeParse(Object.fromEntries([...fd.entries()].filter(([, v]) => typeof v === "string")));
  if (parsed.success) return null;
  const fieldErrors: Record<string, string[]> = {};
  for (const i of parsed.error.issues) (fieldErrors[String(i.path[0] ?? "form")] ??= []).push(i.message);
  const values: Record<string, string> = {};
  for (const [k, v] of fd.entries()) if (typeof v === "string") values[k] = v;
  return { ok: false, message: "Rätta uppgifterna som är markerade. Ingenting är sparat.", fieldErrors, values, answeredAt: Date.now() };
}

async function submit(prev: ActionState, fd: FormData): Promise<ActionState> {
  return checkInBrowser(fd) ?? saveFollowUpAction(prev, fd);
}

export function FollowUpForm({ occasionId, commitment: c }: { occasionId: string; commitment: TreeCommitment }) {
  const [state, action, pending] = useActionState<ActionState, FormData>(submit, { ok: false });
  const v = state.ok ? undefined : state.values;
  const err = (f: string) => state.fieldErrors?.[f]?.[0];
  const describedBy = (f: string, hint?: string) => [hint, err(f) ? `${f}-error` : undefined].filter(Boolean).join(" ") || undefined;
  const errorText = (f: string) =>
    err(f) ? (
      <p id={`${f}-error`} className="mt-1 text-sm text-red-800">
        {err(f)}
      </p>
    ) : null;
  const saveOnCtrlEnter = (e: React.KeyboardEvent<HTMLTextAreaElement>) => {
    if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      e.currentTarget.form?.requestSubmit();
    }
  };
  return (
    <form action={action} noValidate className="space-y-4">
      <input type="hidden" name="occasionId" value={occasionId} />
      <input type="hidden" name="commitmentId" value={c.id} />
      {state.message && (
        <p role={state.ok ? "status" : "alert"} className={`rounded-md border p-3 ${state.ok ? "border-green-300 bg-green-50 text-green-900" : "border-red-300 bg-red-50 text-red-900"}`}>
          {state.message}
        </p>
      )}
      <div key={state.answeredAt ?? 0} className="space-y-4">
        <fieldset>
          <legend className="font-semibold">Aktiviteter</legend>
          <ul className="mt-2 divide-y divide-slate-200">
            {c.activities.map((a) => {
              const s = field.status(a.id);
              const cm = field.comment(a.id);
              return (
                <li key={a.id} className="py-3">
                  <p className="font-medium" id={`name-${a.id}`}>
                    {a.name}
                  </p>
                  <p className="text-sm text-slate-700">
                    {[a.target && `Önskat läge: ${a.target}`, a.responsible && `Ansvarig: ${a.responsible}`, a.previous && `Förra uppföljningen: ${a.previous.status ? ACTIVITY_STATUS_LABEL[a.previous.status] : "ej rapporterat"}`]
                      .filter(Boolean)
                      .join(" · ")}
                  </p>
                  {a.canEdit ? (
                    <div className="mt-2 grid gap-3 md:grid-cols-[12rem_1fr]">
                      <input type="hidden" name={field.activityVersion(a.id)} value={a.version} />
                      <input type="hidden" name={field.orig(`a.${a.id}`)} value={origOf(a.status ?? "", a.comment ?? "")} />
                      <div>
                        <label htmlFor={s} className="block text-sm font-medium">
                          Nuläge<span className="sr-only"> för {a.name}</span>
                        </label>
                        <select id={s} name={s} defaultValue={v?.[s] ?? a.status ?? ""} aria-invalid={!!err(s)} aria-describedby={describedBy(s)} className="ul-field">
                          <option value="">Ej rapporterat</option>
                          {ACTIVITY_STATUSES.map((st) => (
                            <option key={st} value={st}>
                              {ACTIVITY_STATUS_LABEL[st]}
                            </option>
                          ))}
                        </select>
                        {errorText(s)}
                      </div>
                      <div>
                        <label htmlFor={cm} className="block text-sm font-medium">
                          Kommentar<span className="sr-only"> för {a.name}</span>
                        </label>
                        <input
                          id={cm}
                          name={cm}
                          type="text"
                          maxLength={LIMITS.comment}
                          defaultValue={v?.[cm] ?? a.comment ?? ""}
                          aria-invalid={!!err(cm)}
                          aria-describedby={describedBy(cm)}
                          className="ul-field"
                        />
                        {errorText(cm)}
                      </div>
                    </div>
                  ) : (
                    <p className="mt-1 text-sm">
                      Nuläge: {a.status ? ACTIVITY_STATUS_LABEL[a.status] : "ej rapporterat"}
                      {a.comment ? `. ${a.comment}` : ""} <span className="text-slate-700">(rapporteras av den ansvariga enheten)</span>
                    </p>
                  )}
                </li>
              );
            })}
          </ul>
        </fieldset>

        {c.canEdit && c.indicators.length > 0 && (
          <fieldset>
            <legend className="font-semibold">Nyckeltal</legend>
            <ul className="mt-2 divide-y divide-slate-200">
              {c.indicators.map((i) => {
                const val = field.value(i.id);
                const nd = field.noNewData(i.id);
                const note = field.note(i.id);
                const checked = v ? v[nd] === "on" : i.noNewData;
                return (
                  <li key={i.id} className="py-3">
                    <input type="hidden" name={field.indicatorVersion(i.id)} value={i.version} />
                    <input type="hidden" name={field.orig(`i.${i.id}`)} value={origOf(i.value ?? "", i.noNewData, i.note ?? "")} />
                    <p className="font-medium">{i.name}</p>
                    <p className="text-sm text-slate-700">
                      Ingångsvärde {i.baseline ?? "–"} · Önskat läge {i.target ?? "–"}
                      {i.previous ? ` · Förra uppföljningen: ${i.previous.noNewData ? "inga nya data" : (i.previous.value ?? "–")}` : ""}
                    </p>
                    <div className="mt-2 grid items-start gap-3 md:grid-cols-[10rem_auto_1fr]">
                      <div>
                        <label htmlFor={val} className="block text-sm font-medium">
                          Värde<span className="sr-only"> för {i.name}</span>
                        </label>
                        <input id={val} name={val} type="text" maxLength={LIMITS.value} defaultValue={v?.[val] ?? i.value ?? ""} aria-invalid={!!err(val)} aria-describedby={describedBy(val)} className="ul-field" />
                        {errorText(val)}
                      </div>
                      <label className="ul-check md:mt-6">
                        <input type="checkbox" name={nd} defaultChecked={checked} className="h-5 w-5" />
                        Inga nya data<span className="sr-only"> för {i.name}</span>
                      </label>
                      <div>
                        <label htmlFor={note} className="block text-sm font-medium">
                          Anteckning<span className="sr-only"> för {i.name}</span>
                        </label>
                        <input
                          id={note}
                          name={note}
                          type="text"
                          maxLength={LIMITS.note}
                          placeholder="t.ex. Nästa mätning 2017"
                          defaultValue={v?.[note] ?? i.note ?? ""}
                          aria-invalid={!!err(note)}
                          aria-describedby={describedBy(note)}
                          className="ul-field"
                        />
                        {errorText(note)}
                      </div>
                    </div>
                  </li>
                );
              })}
            </ul>
          </fieldset>
        )}

        {c.canEdit && (
          <div>
            <input type="hidden" name="summaryVersion" value={c.summary?.version ?? 0} />
            <input type="hidden" name={field.orig("summary")} value={origOf(c.summary?.comment ?? "")} />
            <label htmlFor={`summary-${c.id}`} className="block font-semibold">
              Sammanfattande kommentar till utfall
            </label>
            <p id={`summary-hint-${c.id}`} className="text-sm text-slate-700">
              Ctrl+Retur sparar.
            </p>
            <textarea
              id={`summary-${c.id}`}
              name="summary"
              rows={4}
              maxLength={LIMITS.summary}
              defaultValue={v?.summary ?? c.summary?.comment ?? ""}
              onKeyDown={saveOnCtrlEnter}
              aria-invalid={!!err("summary")}
              aria-describedby={[`summary-hint-${c.id}`, err("summary") ? "summary-error" : ""].filter(Boolean).join(" ")}
              className="mt-1 block w-full rounded-md border border-slate-400 px-3 py-2 text-base"
            />
            {errorText("summary")}
          </div>
        )}
      </div>
      <button type="submit" disabled={pending} className="min-h-11 rounded-md bg-brand-700 px-5 font-semibold text-white hover:bg-brand-800 disabled:opacity-70">
        {pending ? "Sparar…" : "Spara åtagandet"}
        <span className="sr-only">: {c.text}</span>
      </button>
    </form>
  );
}
