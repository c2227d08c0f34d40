"use client";
// One form for the administration and account pages: fields described as data,
// a server action behind it (runAction), the Swedish message next to each field,
// focus on the first field in error (keyboard-fast: type, Enter, fix, Enter).
import { useActionState, type ReactNode } from "react";
import type { ActionState } from "@/server/entry/answer";
import { useAnswerFocus } from "@/components/ui/use-answer-focus";

interface Base {
  name: string;
  hint?: string;
}
export type FormField =
  | (Base & { kind: "text" | "email" | "password"; label: string; defaultValue?: string; autoComplete?: string; required?: boolean; width?: "short" | "full" })
  | (Base & { kind: "textarea"; label: string; defaultValue?: string; required?: boolean; rows?: number })
  | (Base & { kind: "date"; label: string; defaultValue?: string; required?: boolean })
  | (Base & { kind: "select"; label: string; options: { value: string; label: string }[]; defaultValue?: string; required?: boolean })
  | (Base & { kind: "checkboxes"; label: string; options: { value: string; label: string }[]; defaultValues?: string[] })
  | (Base & { kind: "hidden"; value: string })
  | (Base & { kind: "confirm"; label: string; value: string })
  | (Base & { kind: "file"; label: string; accept: string; required?: boolean });

export type ActionFormProps = {
  action: (prev: ActionState, formData: FormData) => Promise<ActionState>;
  fields: FormField[];
  submitLabel: string;
  /** Distinguishes several forms on one page (ids of fields and messages). */
  id: string;
  tone?: "primary" | "secondary" | "danger";
  /** Shown above the fields. */
  intro?: string;
  /** Fills the form in one row where it fits (short forms beside a list). */
  inline?: boolean;
  /** Long forms: a refusal lists every field in error with a link to it (the message above the fields). */
  errorSummary?: boolean;
};

const BUTTON = {
  primary: "bg-brand-700 text-white hover:bg-brand-800",
  secondary: "border border-brand-700 text-brand-700 bg-white hover:bg-brand-50",
  danger: "bg-red-700 text-white hover:bg-red-800",
};

export function ActionForm({ action, fields, submitLabel, id, tone = "primary", intro, inline, errorSummary }: ActionFormProps) {
  const [state, formAction, pending] = useActionState<ActionState, FormData>(action, { ok: false });
  const { formRef, messageRef } = useAnswerFocus(state.answeredAt);
  const v = state.ok ? undefined : state.values;
  const err = (name: string) => state.fieldErrors?.[name]?.[0];
  const fid = (name: string) => `${id}-${name}`;
  const describedBy = (f: { name: string; hint?: string }) => [f.hint ? `${fid(f.name)}-hint` : "", err(f.name) ? `${fid(f.name)}-error` : ""].filter(Boolean).join(" ") || undefined;
  const hint = (f: { name: string; hint?: string }) =>
    f.hint ? (
      <p id={`${fid(f.name)}-hint`} className="mt-1 text-sm text-slate-700">
        {f.hint}
      </p>
    ) : null;
  const error = (f: { name: string }) =>
    err(f.name) ? (
      <p id={`${fid(f.name)}-error`} className="mt-1 text-sm font-medium text-red-800">
        {err(f.name)}
      </p>
    ) : null;

  /** What every labelled control carries: its id and name, and whether it is required, invalid and described. */
  const control = (f: { name: string; hint?: string; required?: boolean }) => ({
    id: fid(f.name),
    name: f.name,
    "aria-required": f.required || undefined,
    "aria-invalid": !!err(f.name),
    "aria-describedby": describedBy(f),
  });
  /** A control with its label above and its hint and error below. */
  const labelled = (f: { name: string; label: string; hint?: string }, className: string, input: ReactNode) => (
    <div key={f.name} className={className}>
      <label htmlFor={fid(f.name)} className="block font-medium">
        {f.label}
      </label>
      {input}
      {hint(f)}
      {error(f)}
    </div>
  );

  return (
    <form ref={formRef} action={formAction} noValidate className={inline ? "space-y-3" : "space-y-4"} encType={fields.some((f) => f.kind === "file") ? "multipart/form-data" : undefined}>
      {intro && <p className="text-slate-700">{intro}</p>}
      {state.message && (
        <p
          ref={messageRef}
          tabIndex={-1}
          role={state.ok ? "status" : "alert"}
          className={`rounded-md border p-3 [overflow-wrap:anywhere] ${state.ok ? "border-green-300 bg-green-50 text-green-900" : "border-red-300 bg-red-50 text-red-900"}`}
        >
          {state.message}
        </p>
      )}
      {errorSummary && !state.ok && state.fieldErrors && (
        <ul className="list-disc space-y-1 pl-6 text-red-900">
          {fields
            .filter((f) => f.kind !== "hidden" && err(f.name))
            .map((f) => (
              <li key={f.name}>
                <a href={`#${fid(f.name)}`} className="inline-block py-2.5 leading-6 underline">
                  {"label" in f ? `${f.label.replace(/[?:]$/, "")}: ` : ""}
                  {err(f.name)}
                </a>
              </li>
            ))}
        </ul>
      )}
      <div key={state.answeredAt ?? 0} className={inline ? "flex flex-wrap items-end gap-3" : "space-y-4"}>
        {fields.map((f) => {
          switch (f.kind) {
            case "hidden":
              return <input key={f.name} type="hidden" name={f.name} value={f.value} />;
            case "text":
            case "email":
            case "password":
              return labelled(
                f,
                inline ? "min-w-48 flex-1" : f.width === "short" ? "max-w-xs" : "max-w-xl",
                <input
                  {...control(f)}
                  type={f.kind}
                  defaultValue={f.kind === "password" ? undefined : (v?.[f.name] ?? f.defaultValue)}
                  autoComplete={f.autoComplete}
                  className="ul-field"
                />,
              );
            case "textarea":
              return labelled(
                f,
                "max-w-3xl",
                <textarea
                  {...control(f)}
                  rows={f.rows ?? 3}
                  defaultValue={v?.[f.name] ?? f.defaultValue}
                  className="mt-1 block w-full rounded-md border border-slate-400 px-3 py-2 text-base"
                />,
              );
            case "date":
              return labelled(
                f,
                "max-w-xs",
                <input {...control(f)} type="date" defaultValue={v?.[f.name] ?? f.defaultValue} className="mt-1 block min-h-11 w-full rounded-md border border-slate-400 px-3 text-base" />,
              );
            case "select":
              return labelled(
                f,
                inline ? "min-w-48 flex-1" : "max-w-xl",
                <select {...control(f)} defaultValue={v?.[f.name] ?? f.defaultValue} className="ul-field">
                  {f.options.map((o) => (
                    <option key={o.value} value={o.value}>
                      {o.label}
                    </option>
                  ))}
                </select>,
              );
            case "checkboxes": {
              const checked = new Set(v ? (v[f.name] ?? "").split(",") : (f.defaultValues ?? []));
              return (
                <fieldset key={f.name} aria-describedby={describedBy(f)}>
                  <legend className="font-medium">{f.label}</legend>
                  {hint(f)}
                  {f.options.length === 0 ? (
                    <p className="mt-1 text-slate-700">Inga att välja.</p>
                  ) : (
                    <div className="mt-1 grid gap-x-6 sm:grid-cols-2">
                      {f.options.map((o, i) => (
                        <label key={o.value} className="ul-check min-w-0 [overflow-wrap:anywhere]">
                          <input type="checkbox" id={i === 0 ? fid(f.name) : undefined} name={f.name} value={o.value} defaultChecked={checked.has(o.value)} className="size-5 shrink-0" />
                          {o.label}
                        </label>
                      ))}
                    </div>
                  )}
                  {error(f)}
                </fieldset>
              );
            }
            case "confirm":
              return (
                <div key={f.name}>
                  <label className="ul-check items-start">
                    <input
                      type="checkbox"
                      name={f.name}
                      value={f.value}
                      aria-invalid={!!err(f.name)}
                      aria-describedby={describedBy(f)}
                      className="mt-3 size-5 shrink-0"
                    />
                    <span className="py-2">{f.label}</span>
                  </label>
                  {hint(f)}
                  {error(f)}
                </div>
              );
            case "file":
              return labelled(
                f,
                "max-w-xl",
                <input {...control(f)} type="file" accept={f.accept} className="mt-1 block min-h-11 w-full rounded-md border border-slate-400 bg-white p-2 text-base" />,
              );
          }
        })}
        <div>
          <button type="submit" disabled={pending} className={`inline-flex min-h-11 items-center rounded-md px-4 font-semibold disabled:opacity-60 ${BUTTON[tone]}`}>
            {pending ? "Sparar…" : submitLabel}
          </button>
        </div>
      </div>
    </form>
  );
}
