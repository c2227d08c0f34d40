"use client";
import { shortenAtWord } from "@/lib/text";
import { useActionState } from "react";
import { linkUppdragAction, unlinkUppdragAction } from "@/app/uppdrag/[id]/plan-actions";
import type { ActionState } from "@/server/entry/answer";
import type { LinkChoice } from "@/server/plan/links";

export function UnlinkButton({ linkId, uppdragId, label }: { linkId: string; uppdragId: string; label: string }) {
  const [state, action, pending] = useActionState<ActionState, FormData>(unlinkUppdragAction, { ok: false });
  return (
    <form action={action} className="inline">
      <input type="hidden" name="linkId" value={linkId} />
      <input type="hidden" name="uppdragId" value={uppdragId} />
      <button type="submit" disabled={pending} className="min-h-11 rounded-md px-2 text-sm text-red-800 underline disabled:opacity-70">
        Ta bort<span className="sr-only"> kopplingen till {label}</span>
      </button>
      {state.message && !state.ok && (
        <span role="alert" className="ml-2 text-sm text-red-800">
          {state.message}
        </span>
      )}
    </form>
  );
}

export function LinkForm({ uppdragId, choices }: { uppdragId: string; choices: LinkChoice[] }) {
  const [state, action, pending] = useActionState<ActionState, FormData>(linkUppdragAction, { ok: false });
  const err = state.fieldErrors?.target?.[0];
  return (
    <form action={action} className="mt-3 space-y-2" noValidate>
      <input type="hidden" name="uppdragId" value={uppdragId} />
      <label htmlFor="plan-target" className="block font-medium">
        Koppla till åtagande eller aktivitet
      </label>
      <select id="plan-target" name="target" defaultValue="" className="ul-field" aria-invalid={!!err} aria-describedby={err ? "plan-target-error" : undefined}>
        <option value="">Välj …</option>
        {choices.map((c) => (
          <optgroup key={c.plan.id} label={`${c.plan.title}`}>
            {c.options.map((o) => (
              <option key={o.value} value={o.value}>
                {shortenAtWord(o.label, 110)}
              </option>
            ))}
          </optgroup>
        ))}
      </select>
      {err && (
        <p id="plan-target-error" className="text-sm text-red-800">
          {err}
        </p>
      )}
      {state.message && (
        <p role={state.ok ? "status" : "alert"} className={`text-sm ${state.ok ? "text-green-900" : "text-red-800"}`}>
          {state.message}
        </p>
      )}
      <button type="submit" disabled={pending} className="min-h-11 rounded-md border border-brand-700 bg-white px-4 font-medium text-brand-700 hover:bg-brand-50 disabled:opacity-70">
        {pending ? "Sparar…" : "Koppla"}
      </button>
    </form>
  );
}
