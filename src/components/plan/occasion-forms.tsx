"use client";
import { useActionState } from "react";
import { closeOccasionAction, createOccasionAction } from "@/app/planer/[id]/actions";
import type { ActionState } from "@/server/entry/answer";

function Message({ state }: { state: ActionState }) {
  if (!state.message) return null;
  return (
    <p role={state.ok ? "status" : "alert"} className={`rounded-md border p-3 ${state.ok ? "border-green-300 bg-green-50 text-green-900" : "border-red-300 bg-red-50 text-red-900"}`}>
      {state.message}
    </p>
  );
}

export function CloseOccasionForm({ occasionId, version, name }: { occasionId: string; version: number; name: string }) {
  const [state, action, pending] = useActionState<ActionState, FormData>(closeOccasionAction, { ok: false });
  const err = state.fieldErrors?.confirm?.[0];
  return (
    <form action={action} className="space-y-3" noValidate>
      <input type="hidden" name="occasionId" value={occasionId} />
      <input type="hidden" name="expectedVersion" value={version} />
      <Message state={state} />
      <p className="text-sm text-slate-700">När uppföljningen är stängd kan ingen ändra nuläge, värden eller kommentarer för {name}. Det går inte att ångra.</p>
      <label className="ul-check">
        <input type="checkbox" name="confirm" className="h-5 w-5" aria-invalid={!!err} aria-describedby={err ? "confirm-error" : undefined} />
        Jag vill stänga uppföljningen {name}
      </label>
      {err && (
        <p id="confirm-error" className="text-sm text-red-800">
          {err}
        </p>
      )}
      <button type="submit" disabled={pending} className="min-h-11 rounded-md border border-red-800 bg-white px-4 font-semibold text-red-800 hover:bg-red-50 disabled:opacity-70">
        {pending ? "Stänger…" : "Stäng uppföljningen"}
      </button>
    </form>
  );
}

export function NewOccasionForm({ planId }: { planId: string }) {
  const [state, action, pending] = useActionState<ActionState, FormData>(createOccasionAction, { ok: false });
  const v = state.ok ? undefined : state.values;
  const err = (f: string) => state.fieldErrors?.[f]?.[0];
  return (
    <form action={action} className="space-y-3" noValidate key={state.answeredAt ?? 0}>
      <input type="hidden" name="planId" value={planId} />
      <Message state={state} />
      <div className="grid gap-3 sm:grid-cols-2">
        <div>
          <label htmlFor="occ-name" className="block font-medium">
            Namn
          </label>
          <input
            id="occ-name"
            name="name"
            defaultValue={v?.name ?? ""}
            placeholder="per 31 augusti"
            aria-invalid={!!err("name")}
            aria-describedby={err("name") ? "occ-name-error" : undefined}
            className="ul-field"
          />
          {err("name") && (
            <p id="occ-name-error" className="mt-1 text-sm text-red-800">
              {err("name")}
            </p>
          )}
        </div>
        <div>
          <label htmlFor="occ-asof" className="block font-medium">
            Per datum
          </label>
          <input
            id="occ-asof"
            name="asOf"
            type="date"
            defaultValue={v?.asOf ?? ""}
            aria-invalid={!!err("asOf")}
            aria-describedby={err("asOf") ? "occ-asof-error" : undefined}
            className="ul-field"
          />
          {err("asOf") && (
            <p id="occ-asof-error" className="mt-1 text-sm text-red-800">
              {err("asOf")}
            </p>
          )}
        </div>
      </div>
      <button type="submit" disabled={pending} className="min-h-11 rounded-md bg-brand-700 px-4 font-semibold text-white hover:bg-brand-800 disabled:opacity-70">
        {pending ? "Skapar…" : "Skapa uppföljning"}
      </button>
    </form>
  );
}
