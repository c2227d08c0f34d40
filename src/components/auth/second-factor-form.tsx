"use client";
// The second sign-in step: the code from the app, or a recovery code.
import { useActionState } from "react";
import { signOut } from "next-auth/react";
import type { ActionState } from "@/server/entry/answer";
import { useAnswerFocus } from "@/components/ui/use-answer-focus";

export function SecondFactorForm({ action, callbackUrl }: { action: (prev: ActionState, formData: FormData) => Promise<ActionState>; callbackUrl: string }) {
  const [state, formAction, pending] = useActionState<ActionState, FormData>(action, { ok: false });
  const { formRef, messageRef } = useAnswerFocus(state.answeredAt);
  const error = state.fieldErrors?.code?.[0];
  return (
    <div className="space-y-4">
      <form ref={formRef} action={formAction} noValidate className="space-y-4">
        {state.message && !state.ok && (
          <p ref={messageRef} tabIndex={-1} role="alert" className="rounded-md border border-red-300 bg-red-50 p-3 text-red-900">
            {error && state.message.startsWith("Rätta") ? error : state.message}
          </p>
        )}
        <div>
          <label htmlFor="second-factor-code" className="block font-medium">
            Kod från appen
          </label>
          <p id="second-factor-hint" className="mt-1 text-sm text-slate-700">
            Sex siffror från autentiseringsappen. Har du inte telefonen: skriv en av dina reservkoder.
          </p>
          <input
            id="second-factor-code"
            name="code"
            autoComplete="one-time-code"
            autoCapitalize="none"
            spellCheck={false}
            maxLength={20}
            aria-required
            aria-invalid={!!error}
            aria-describedby={["second-factor-hint", error ? "second-factor-error" : ""].filter(Boolean).join(" ")}
            className="ul-field mt-1 max-w-56 font-mono text-lg"
            autoFocus
          />
          {error && (
            <p id="second-factor-error" className="mt-1 text-sm font-medium text-red-800">
              {error}
            </p>
          )}
        </div>
        <input type="hidden" name="callbackUrl" value={callbackUrl} />
        <button type="submit" disabled={pending} className="min-h-11 w-full rounded-md bg-brand-700 px-4 font-semibold text-white hover:bg-brand-800 disabled:opacity-70">
          {pending ? "Kontrollerar…" : "Logga in"}
        </button>
      </form>
      <CancelSignIn />
    </div>
  );
}

/** Ends the half-signed-in session and starts over. */
export function CancelSignIn() {
  return (
    <button type="button" onClick={() => void signOut({ callbackUrl: "/logga-in" })} className="min-h-11 w-full rounded-md border border-brand-700 bg-white px-4 font-semibold text-brand-700 hover:bg-brand-50">
      Avbryt och logga in som någon annan
    </button>
  );
}
