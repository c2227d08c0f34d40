"use client";
// Setting up an authenticator app (Mitt konto, or at sign-in for an
// administrator): the QR code, the same secret as text, a current code to
// confirm, then the recovery codes, shown once.
import { useActionState, type ReactNode } from "react";
import type { ActionState } from "@/server/entry/answer";
import { useAnswerFocus } from "@/components/ui/use-answer-focus";
import { recoveryCodesIn } from "@/lib/validation/auth";
import type { EnrolmentOffer } from "@/server/auth/totp-offer";

/** What the server offers to enrol (the shape totp-offer.ts builds; only the type crosses to the browser). */
export type TotpOffer = EnrolmentOffer;

export function TotpSetup({
  action,
  offer,
  callbackUrl,
  continueHref,
  continueLabel = "Fortsätt",
  headingLevel = 2,
  footer,
}: {
  action: (prev: ActionState, formData: FormData) => Promise<ActionState>;
  offer: TotpOffer;
  /** At sign-in: where to go afterwards (sent along, checked on the server). */
  callbackUrl?: string;
  /** Shown with the recovery codes: the way on. */
  continueHref?: string;
  continueLabel?: string;
  headingLevel?: 2 | 3;
  /** Shown below the form until it is done (at sign-in: the way to cancel). */
  footer?: ReactNode;
}) {
  const [state, formAction, pending] = useActionState<ActionState, FormData>(action, { ok: false });
  const { formRef, messageRef } = useAnswerFocus(state.answeredAt);
  const codes = state.ok ? recoveryCodesIn(state.message) : [];
  const H = `h${headingLevel}` as const;

  if (state.ok) {
    return (
      <div className="space-y-4">
        <p ref={messageRef} tabIndex={-1} role="status" className="rounded-md border border-green-300 bg-green-50 p-3 text-green-900">
          Tvåstegsverifiering är på. Nästa gång du loggar in med lösenord frågar vi också efter koden i appen.
        </p>
        {codes.length > 0 && (
          <section aria-labelledby="recovery-heading" className="rounded-md border border-amber-300 bg-amber-50 p-4">
            <H id="recovery-heading" className="text-lg font-semibold">
              Dina reservkoder
            </H>
            <p className="mt-1">
              Spara koderna nu, till exempel utskrivna eller i en lösenordshanterare. De visas bara den här gången. Har du inte telefonen kan du logga in med en av
              dem i stället för koden från appen; varje kod fungerar en gång.
            </p>
            <ol className="mt-3 grid gap-1 font-mono text-lg sm:grid-cols-2" data-testid="recovery-codes">
              {codes.map((c) => (
                <li key={c}>{c}</li>
              ))}
            </ol>
          </section>
        )}
        {continueHref && (
          <a href={continueHref} className="inline-flex min-h-11 items-center rounded-md bg-brand-700 px-4 font-semibold text-white hover:bg-brand-800">
            {continueLabel}
          </a>
        )}
      </div>
    );
  }

  const error = state.fieldErrors?.code?.[0];
  return (
    <form ref={formRef} action={formAction} noValidate className="space-y-4">
      {state.message && (
        <p ref={messageRef} tabIndex={-1} role="alert" className="rounded-md border border-red-300 bg-red-50 p-3 text-red-900">
          {error && state.message.startsWith("Rätta") ? error : state.message}
        </p>
      )}
      <ol className="list-decimal space-y-4 pl-6">
        <li>
          Öppna en autentiseringsapp på telefonen, till exempel Microsoft Authenticator, Google Authenticator eller FreeOTP, och lägg till ett konto genom att skanna
          QR-koden.
          {/* eslint-disable-next-line @next/next/no-img-element -- a data: URL drawn on the server */}
          <img src={offer.qr} alt="QR-kod för att lägga till Uppdragskollen i autentiseringsappen. Nyckeln står också som text nedanför." width={200} height={200} className="mt-2 block h-[200px] w-[200px] border border-slate-300 bg-white" />
        </li>
        <li>
          Kan du inte skanna? Lägg till kontot för hand med nyckeln
          <code className="mt-1 block w-fit rounded bg-slate-100 px-2 py-1 font-mono text-lg [overflow-wrap:anywhere]" data-testid="totp-secret">
            {offer.secret}
          </code>
          <span className="mt-1 block text-sm text-slate-700">
            Utfärdare {offer.issuer}, konto {offer.account}, tidsbaserad, {offer.digits} siffror, ny kod var {offer.period}:e sekund.
          </span>
        </li>
        <li>
          <label htmlFor="totp-code" className="block font-medium">
            Skriv koden som appen visar
          </label>
          <input
            id="totp-code"
            name="code"
            inputMode="numeric"
            autoComplete="one-time-code"
            pattern="[0-9 ]*"
            maxLength={8}
            aria-required
            aria-invalid={!!error}
            aria-describedby={error ? "totp-code-error" : undefined}
            className="ul-field mt-1 max-w-40 font-mono text-lg"
          />
          {error && (
            <p id="totp-code-error" className="mt-1 text-sm font-medium text-red-800">
              {error}
            </p>
          )}
        </li>
      </ol>
      <input type="hidden" name="enrolment" value={offer.enrolment} />
      {callbackUrl !== undefined && <input type="hidden" name="callbackUrl" value={callbackUrl} />}
      <button type="submit" disabled={pending} className="min-h-11 rounded-md bg-brand-700 px-4 font-semibold text-white hover:bg-brand-800 disabled:opacity-70">
        {pending ? "Kontrollerar…" : "Slå på tvåstegsverifiering"}
      </button>
      {footer}
    </form>
  );
}
