"use client";
// An administrator turns another person's TOTP off (lost phone). Stays mounted
// when the page refreshes after the reset, so its answer stays on screen.
import { useActionState } from "react";
import type { ActionState } from "@/server/entry/answer";
import { useAnswerFocus } from "@/components/ui/use-answer-focus";

export function ResetTotpForm({ action, userId, enrolled, administrator }: { action: (prev: ActionState, formData: FormData) => Promise<ActionState>; userId: string; enrolled: boolean; administrator: boolean }) {
  const [state, formAction, pending] = useActionState<ActionState, FormData>(action, { ok: false });
  const { formRef, messageRef } = useAnswerFocus(state.answeredAt);
  const error = state.fieldErrors?.confirm?.[0];
  const message = state.message && (
    <p ref={messageRef} tabIndex={-1} role={state.ok ? "status" : "alert"} className={`rounded-md border p-3 ${state.ok ? "border-green-300 bg-green-50 text-green-900" : "border-red-300 bg-red-50 text-red-900"}`}>
      {!state.ok && error && state.message.startsWith("Rätta") ? error : state.message}
    </p>
  );
  if (!enrolled)
    return (
      <div className="space-y-3">
        {state.ok && message}
        <p>
          Personen har inte tvåstegsverifiering på.
          {administrator ? " Som administratör lägger hen till en autentiseringsapp vid nästa inloggning med lösenord." : " Hen kan slå på den under Mitt konto."}
        </p>
      </div>
    );
  return (
    <form ref={formRef} action={formAction} noValidate className="space-y-4">
      <p className="text-slate-700">
        Om personen har tappat bort telefonen och reservkoderna: appens nyckel och reservkoderna tas bort, och personen lägger till appen på nytt. Kontrollera först att det
        verkligen är personen som ber om det. Återställningen loggas.
      </p>
      {message}
      <input type="hidden" name="id" value={userId} />
      <div>
        <label className="flex min-h-11 items-start gap-3">
          <input type="checkbox" name="confirm" value="ja" className="mt-1 h-5 w-5" aria-invalid={!!error} aria-describedby={error ? "totp-reset-error" : undefined} />
          <span>Jag har kontrollerat att det är personen själv som ber om det.</span>
        </label>
        {error && (
          <p id="totp-reset-error" className="mt-1 text-sm font-medium text-red-800">
            {error}
          </p>
        )}
      </div>
      <button type="submit" disabled={pending} className="min-h-11 rounded-md bg-red-700 px-4 font-semibold text-white hover:bg-red-800 disabled:opacity-70">
        Återställ tvåstegsverifiering
      </button>
    </form>
  );
}
