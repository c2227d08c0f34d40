import type { Metadata } from "next";
import { requirePermission } from "@/server/entry/page";
import { AppShell } from "@/components/ui/app-shell";
import { Section } from "@/components/admin/admin-frame";
import { ActionForm } from "@/components/admin/action-form";
import { changeOwnPasswordAction, enrolTotpAction, signOutEverywhereAction } from "./actions";
import { saveReminderPreferencesAction } from "./reminder-actions";
import { getReminderPreferences } from "@/server/reminders/account";
import { PREFERENCE_KEYS, PREFERENCE_LABEL } from "@/lib/reminders/rules";
import { TotpSetup } from "@/components/auth/totp-setup";
import { totpStatus } from "@/server/auth/two-factor";
import { enrolmentOffer } from "@/server/auth/totp-offer";
import { formatDateTime } from "@/lib/dates";
import { ROLE_LABEL } from "@/lib/status";
import { PASSWORD_MIN_LENGTH } from "@/lib/validation/password";

export const metadata: Metadata = { title: "Mitt konto" };

export default async function AccountPage() {
  const page = await requirePermission("/konto");
  if (!page.allowed) return page.refuse("Mitt konto", "Du har inte behörighet att ändra kontot.");
  const { actor, db } = page;
  // The person's open sessions in every municipality they have an account in (what
  // "Logga ut från alla enheter" ends): counted through the User, which is not confined.
  const user = await db.user.findUniqueOrThrow({
    where: { id: actor.userId },
    select: { email: true, passwordHash: true, _count: { select: { identities: true, sessions: { where: { revokedAt: null, expiresAt: { gt: new Date() } } } } } },
  });
  const sessions = user._count.sessions;
  const totp = await totpStatus(db, actor.userId);
  const reminders = await getReminderPreferences(db, actor);
  return (
    <AppShell actor={actor}>
      <h1 className="text-2xl font-bold text-brand-900">Mitt konto</h1>
      <dl className="mt-3 grid max-w-3xl gap-x-6 gap-y-1 sm:grid-cols-[auto_1fr]">
        <dt className="font-medium">Namn</dt>
        <dd>{actor.name}</dd>
        <dt className="font-medium">E-post</dt>
        <dd className="[overflow-wrap:anywhere]">{user.email}</dd>
        <dt className="font-medium">Roll</dt>
        <dd>
          {ROLE_LABEL[actor.role]} i {actor.municipalityName}
        </dd>
      </dl>
      <Section id="own-password" title="Byt lösenord">
        {user.passwordHash ? (
          <ActionForm
            id="own-password"
            action={changeOwnPasswordAction}
            submitLabel="Byt lösenord"
            intro="När du byter lösenord loggas du ut på alla andra enheter."
            fields={[
              { kind: "password", name: "currentPassword", label: "Nuvarande lösenord", autoComplete: "current-password", required: true },
              { kind: "password", name: "password", label: "Nytt lösenord", autoComplete: "new-password", required: true, hint: `Minst ${PASSWORD_MIN_LENGTH} tecken, inte din e-postadress och inte ett vanligt eller läckt lösenord. Flera ovanliga ord blir ett bra lösenord.` },
              { kind: "password", name: "passwordRepeat", label: "Upprepa det nya lösenordet", autoComplete: "new-password", required: true },
            ]}
          />
        ) : (
          <p>Du loggar in med kommunens inloggning{user._count.identities ? "" : " eller med en engångslänk från administratören"}. Ditt lösenord hanteras där.</p>
        )}
      </Section>
      <Section id="paminnelser" title="Påminnelser">
        <ActionForm
          id="paminnelser"
          action={saveReminderPreferencesAction}
          submitLabel="Spara val av påminnelser"
          intro="Du får högst ett mejl i veckan med det som gäller dig: uppdrag i din enhet, för organ du är sekreterare åt eller där du är namngiven ansvarig, och det du följer. Varje rad länkar till sidan."
          fields={[
            {
              kind: "checkboxes",
              name: "rules",
              label: "Skicka mig",
              options: PREFERENCE_KEYS.map((k) => ({ value: k, label: PREFERENCE_LABEL[k] })),
              defaultValues: PREFERENCE_KEYS.filter((k) => reminders[k]),
              hint: "Ändringar i uppdrag kommer bara för dem du följer (knappen Följ på uppdragets sida).",
            },
          ]}
        />
      </Section>
      <Section id="two-factor" title="Tvåstegsverifiering">
        {!user.passwordHash ? (
          <p>Tvåstegsverifieringen sköts av kommunens inloggning.</p>
        ) : totp.enrolledAt ? (
          <div className="max-w-3xl space-y-2">
            <p>
              Tvåstegsverifiering är på sedan {formatDateTime(totp.enrolledAt)}. När du loggar in med lösenord frågar vi också efter koden i din autentiseringsapp.
            </p>
            <p>
              Du har {totp.recoveryCodesLeft} {totp.recoveryCodesLeft === 1 ? "oanvänd reservkod" : "oanvända reservkoder"} kvar. Har du bytt telefon eller slut på
              reservkoder: be en administratör återställa tvåstegsverifieringen, så lägger du till appen på nytt.
            </p>
          </div>
        ) : (
          <div className="max-w-3xl space-y-4">
            <p>
              Skydda kontot med en kod från en autentiseringsapp på telefonen utöver lösenordet.
              {actor.role === "ADMINISTRATOR" ? " Administratörer med lösenord måste använda tvåstegsverifiering." : ""}
            </p>
            <TotpSetup action={enrolTotpAction} offer={await enrolmentOffer({ id: actor.userId, email: user.email })} headingLevel={3} />
          </div>
        )}
      </Section>
      <Section id="everywhere" title="Logga ut från alla enheter">
        <ActionForm
          id="everywhere"
          action={signOutEverywhereAction}
          tone="secondary"
          submitLabel="Logga ut från alla enheter"
          intro={`Du är inloggad på ${sessions} ${sessions === 1 ? "ställe" : "ställen"}. Har du glömt att logga ut på en delad surfplatta? Då avslutas alla dina inloggningar, även den här.`}
          fields={[]}
        />
      </Section>
    </AppShell>
  );
}
