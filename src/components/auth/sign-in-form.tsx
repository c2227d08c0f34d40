"use client";
import { useState } from "react";
import { signIn } from "next-auth/react";
import { signInSchema } from "@/lib/validation/auth";
import { safePath } from "@/lib/safe-path";

export interface DemoAccount {
  email: string;
  name: string;
  roleLabel: string;
}

/** The Swedish message for next-auth's error code (LOCKED:<seconds> when throttled). */
function signInErrorMessage(code: string | null | undefined): string {
  const locked = /^LOCKED:(\d+)$/.exec(code ?? "");
  if (locked) {
    const seconds = Number(locked[1]);
    const wait = seconds < 60 ? `${seconds} sekunder` : `${Math.ceil(seconds / 60)} minut${Math.ceil(seconds / 60) === 1 ? "" : "er"}`;
    return `För många misslyckade inloggningar. Av säkerhetsskäl är inloggningen spärrad en stund: försök igen om ${wait}. Har du glömt lösenordet, kontakta kommunens administratör.`;
  }
  if (code === "BUSY") return "Inloggningen är hårt belastad just nu. Vänta några sekunder och försök igen.";
  return "Fel e-postadress eller lösenord, eller så är kontot inaktiverat.";
}

/** Only paths on this site: never an open redirect (see src/lib/safe-path.ts). */
const here = (p: string) => safePath(p, window.location.origin);

export function SignInForm({
  callbackUrl,
  demo,
  sso,
}: {
  callbackUrl: string;
  demo?: { password: string; groups: { municipality: string; accounts: DemoAccount[] }[] };
  /** Single sign-on with the municipality's OpenID Connect provider, when configured. */
  sso?: { name: string };
}) {
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<{ email?: string; password?: string }>({});
  const [pending, setPending] = useState(false);

  async function submit(email: string, password: string) {
    setError(null);
    const parsed = signInSchema.safeParse({ email, password });
    if (!parsed.success) {
      const f: { email?: string; password?: string } = {};
      for (const issue of parsed.error.issues) f[issue.path[0] as "email" | "password"] ??= issue.message;
      setFieldErrors(f);
      return;
    }
    setFieldErrors({});
    setPending(true);
    const res = await signIn("credentials", { ...parsed.data, redirect: false });
    if (res?.ok && !res.error) {
      window.location.assign(here(callbackUrl));
      return;
    }
    setPending(false);
    setError(signInErrorMessage(res?.error));
  }

  return (
    <div className="space-y-8">
      {sso && (
        <div className="space-y-3">
          <button
            type="button"
            disabled={pending}
            onClick={() => {
              setPending(true);
              void signIn("oidc", { callbackUrl: here(callbackUrl) });
            }}
            className="min-h-11 w-full rounded-md bg-brand-700 px-4 font-semibold text-white hover:bg-brand-800 disabled:opacity-70"
          >
            Logga in med {sso.name}
          </button>
          <p className="text-center text-sm text-slate-700">eller med e-post och lösenord</p>
        </div>
      )}
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          const data = new FormData(e.currentTarget);
          void submit(String(data.get("email") ?? ""), String(data.get("password") ?? ""));
        }}
        className="space-y-4"
      >
        {error && (
          <p role="alert" className="rounded-md border border-red-300 bg-red-50 p-3 text-red-900">
            {error}
          </p>
        )}
        <div>
          <label htmlFor="email" className="block font-medium">
            E-post
          </label>
          <input
            id="email"
            name="email"
            type="email"
            autoComplete="username"
            required
            aria-invalid={!!fieldErrors.email}
            aria-describedby={fieldErrors.email ? "email-error" : undefined}
            className="mt-1 block min-h-11 w-full rounded-md border border-slate-400 px-3 text-base"
          />
          {fieldErrors.email && (
            <p id="email-error" className="mt-1 text-sm text-red-800">
              {fieldErrors.email}
            </p>
          )}
        </div>
        <div>
          <label htmlFor="password" className="block font-medium">
            Lösenord
          </label>
          <input
            id="password"
            name="password"
            type="password"
            autoComplete="current-password"
            required
            aria-invalid={!!fieldErrors.password}
            aria-describedby={fieldErrors.password ? "password-error" : undefined}
            className="mt-1 block min-h-11 w-full rounded-md border border-slate-400 px-3 text-base"
          />
          {fieldErrors.password && (
            <p id="password-error" className="mt-1 text-sm text-red-800">
              {fieldErrors.password}
            </p>
          )}
        </div>
        <button
          type="submit"
          disabled={pending}
          className="min-h-11 w-full rounded-md bg-brand-700 px-4 font-semibold text-white hover:bg-brand-800 disabled:opacity-70"
        >
          {pending ? "Loggar in…" : "Logga in"}
        </button>
      </form>

      {demo && (
        <section aria-labelledby="demo-heading" className="rounded-lg border border-brand-100 bg-brand-50 p-4">
          <h2 id="demo-heading" className="text-lg font-semibold">
            Demokonton
          </h2>
          <p className="mt-1 text-sm text-slate-700">
            Det här är en demo med exempeldata. Alla konton har lösenordet <code className="font-mono">{demo.password}</code>.
          </p>
          {demo.groups.map((g, i) => (
            <details key={g.municipality} open={i === 0} className="mt-3">
              <summary className="min-h-11 cursor-pointer py-2 font-medium">{g.municipality}</summary>
              <ul className="grid gap-2 sm:grid-cols-2">
                {g.accounts.map((a) => (
                  <li key={a.email}>
                    <button
                      type="button"
                      disabled={pending}
                      onClick={() => void submit(a.email, demo.password)}
                      className="flex min-h-11 w-full min-w-0 flex-col items-start rounded-md border border-slate-300 bg-white px-3 py-2 text-left hover:border-brand-700"
                    >
                      <span className="font-medium">Logga in som {a.roleLabel.toLowerCase()}</span>
                      <span className="text-sm text-slate-700">{a.name}</span>
                      <span className="max-w-full text-sm text-slate-700 [overflow-wrap:anywhere]">{a.email}</span>
                    </button>
                  </li>
                ))}
              </ul>
            </details>
          ))}
        </section>
      )}
    </div>
  );
}
