import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getActor } from "@/server/auth/actor";
import { isDemoMode } from "@/server/config";
import { DEMO_PASSWORD, DEMO_USERS } from "@/server/seed/demo";
import { ROLE_LABEL } from "@/lib/status";
import { SignInForm } from "@/components/auth/sign-in-form";

export const metadata: Metadata = { title: "Logga in" };

const MUNICIPALITY_NAMES: Record<string, string> = {
  exempelstad: "Exempelstads kommun (fiktiv)",
  vimmerby: "Vimmerby kommun",
  alingsas: "Alingsås kommun",
  mjolby: "Mjölby kommun",
};

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  if (await getActor()) redirect("/uppdrag");
  const { callbackUrl } = await searchParams;
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
      <div className="mt-8 rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
        <SignInForm callbackUrl={typeof callbackUrl === "string" ? callbackUrl : "/uppdrag"} demo={demo} />
      </div>
    </main>
  );
}
