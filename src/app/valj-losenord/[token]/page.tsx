import type { Metadata } from "next";
import Link from "next/link";
import { openPasswordLink } from "@/server/auth/password-links";
import { ActionForm } from "@/components/admin/action-form";
import { choosePasswordAction } from "@/app/konto/actions";
import { PASSWORD_MIN_LENGTH } from "@/lib/validation/password";

export const metadata: Metadata = { title: "Välj lösenord", referrer: "no-referrer" };

export default async function ChoosePasswordPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  // Public: the token is the authorisation (src/server/entry/pages.ts).
  const link = await openPasswordLink(token);
  return (
    <main id="innehall" className="mx-auto max-w-xl px-4 py-10">
      <h1 className="text-3xl font-bold text-brand-900">Välj lösenord</h1>
      {link ? (
        <>
          <p className="mt-2 text-lg text-slate-700">
            Hej {link.name}! Välj ett lösenord för {link.email} i Uppdragskollen.
          </p>
          <div className="mt-6 rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
            <ActionForm
              id="choose"
              action={choosePasswordAction}
              submitLabel="Spara lösenordet"
              fields={[
                { kind: "hidden", name: "token", value: token },
                { kind: "password", name: "password", label: "Nytt lösenord", autoComplete: "new-password", required: true, hint: `Minst ${PASSWORD_MIN_LENGTH} tecken, inte din e-postadress och inte ett vanligt eller läckt lösenord.` },
                { kind: "password", name: "passwordRepeat", label: "Upprepa lösenordet", autoComplete: "new-password", required: true },
              ]}
            />
          </div>
        </>
      ) : (
        <p className="mt-4">Länken fungerar inte: den är redan använd, för gammal eller ersatt av en nyare. Be kommunens administratör om en ny länk.</p>
      )}
      <p className="mt-6">
        <Link href="/logga-in" className="inline-flex min-h-11 items-center text-brand-700 underline">
          Till inloggningen
        </Link>
      </p>
    </main>
  );
}
