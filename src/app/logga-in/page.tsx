import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { optionalActor } from "@/server/entry/page";
import { isDemoMode } from "@/server/config";
import { DEMO_PASSWORD, DEMO_USERS } from "@/server/seed/demo";
import { ROLE_LABEL } from "@/lib/status";
import { SignInForm } from "@/components/auth/sign-in-form";
import { OIDC_REFUSAL_TEXT, oidcConfigFromEnv } from "@/server/auth/oidc";
import { safePath } from "@/lib/safe-path";
import { getPendingSignIn } from "@/server/auth/pending";
import { enrolmentOffer } from "@/server/auth/totp-offer";
import { SecondFactorForm, CancelSignIn } from "@/components/auth/second-factor-form";
import { TotpSetup } from "@/components/auth/totp-setup";
import { enrolAtSignInAction, secondFactorAction } from "./actions";

/** Swedish text for a refused SSO sign-in (our reasons) and for next-auth's own error codes. */
function signInProblem(fel?: string, error?: string): string | null {
  const reason = fel?.startsWith("sso-") ? (fel.slice(4) as keyof typeof OIDC_REFUSAL_TEXT) : undefined;
  if (reason && reason in OIDC_REFUSAL_TEXT) return OIDC_REFUSAL_TEXT[reason];
  if (!error) return null;
  if (error === "CredentialsSignin") return null; // the form says it itself
  return "Inloggningen med kommunens konto misslyckades. Försök igen, eller kontakta administratören om det inte går.";
}

export const metadata: Metadata = { title: "Logga in" };

const MUNICIPALITY_NAMES: Record<string, string> = {
  exempelstad: "Exempelstads kommun (fiktiv)",
  vimmerby: "Vimmerby kommun",
  alingsas: "Alingsås kommun",
  mjolby: "Mjölby kommun",
};

type Params = { callbackUrl?: string; fel?: string; error?: string; utloggad?: string };

export default async function SignInPage({ searchParams }: { searchParams: Promise<Params> }) {
  if (await optionalActor()) redirect("/uppdrag");
  const { callbackUrl, fel, error, utloggad } = await searchParams;
  const next = safePath(callbackUrl, process.env.NEXTAUTH_URL);
  // The password was right; the session waits for the second factor and grants nothing yet.
  const pending = await getPendingSignIn();
  if (pending) {
    return (
      <main id="innehall" className="mx-auto max-w-xl px-4 py-10">
        <h1 className="text-3xl font-bold text-brand-900">{pending.step === "CODE" ? "Tvåstegsverifiering" : "Slå på tvåstegsverifiering"}</h1>
        {pending.step === "CODE" ? (
          <>
            <p className="mt-2 text-lg text-slate-700">Lösenordet stämmer. Skriv koden från autentiseringsappen för att logga in som {pending.name}.</p>
            <div className="mt-8 rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
              <SecondFactorForm action={secondFactorAction} callbackUrl={next} />
            </div>
          </>
        ) : (
          <>
            <p className="mt-2 text-lg text-slate-700">
              Lösenordet stämmer. Administratörer loggar in med två steg: lösenordet och en kod från en autentiseringsapp. Lägg till Uppdragskollen i appen nu; det
              tar ett par minuter och behövs bara en gång.
            </p>
            <div className="mt-8 space-y-6 rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
              <TotpSetup action={enrolAtSignInAction} offer={await enrolmentOffer({ id: pending.userId, email: pending.email })} callbackUrl={next} continueHref={next} continueLabel="Fortsätt till Uppdragskollen" footer={<CancelSignIn />} />
            </div>
          </>
        )}
      </main>
    );
  }
  const oidc = oidcConfigFromEnv();
  const problem = signInProblem(typeof fel === "string" ? fel : undefined, typeof error === "string" ? error : undefined);
  const demo = isDemoMode()
    ? {
        password: DEMO_PASSWORD,
        groups: Object.entries(MUNICIPALITY_NAMES).map(([slug, municipality]) => ({
          municipality,
          accounts: DEMO_USERS.filter((u) => u.municipality === slug).map((u) => ({
            email: u.email,
            name: u.name,
            roleLabel: ROLE_LABEL[u.role],
          })),
        })),
      }
    : undefined;
  return (
    <main id="innehall" className="mx-auto max-w-xl px-4 py-10">
      <h1 className="text-3xl font-bold text-brand-900">Uppdragskollen</h1>
      <p className="mt-2 text-lg text-slate-700">
        Följ politiskt givna uppdrag från beslut till verkställighet. Logga in med ditt konto i kommunen.
      </p>
      {problem && (
        <p role="alert" className="mt-6 rounded-md border border-red-300 bg-red-50 p-3 text-red-900">
          {problem}
        </p>
      )}
      {utloggad === "alla" && !problem && (
        <p role="status" className="mt-6 rounded-md border border-green-300 bg-green-50 p-3 text-green-900">
          Du är utloggad från alla enheter.
        </p>
      )}
      <div className="mt-8 rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
        <SignInForm callbackUrl={next} demo={demo} sso={oidc ? { name: oidc.name } : undefined} />
      </div>
    </main>
  );
}
