// The one way a page says "you may not see or do this here": every page that
// refuses a signed-in person renders its message through this component, so
// the refusal looks the same and the endpoint matrix test
// (tests/integration/endpoint-matrix.test.ts) can recognise it.
import type { ReactNode } from "react";
import type { Actor } from "@/server/permissions";
import { AppShell } from "./app-shell";

export function Refusal({ children, className = "mt-4 max-w-2xl" }: { children: ReactNode; className?: string }) {
  return (
    <p className={className} data-refusal="">
      {children}
    </p>
  );
}

/** A whole page that refuses: the app shell, the page's heading and the refusal. */
export function PageRefusal({ actor, title, children }: { actor: Actor; title: string; children: ReactNode }) {
  return (
    <AppShell actor={actor}>
      <h1 className="text-2xl font-bold text-brand-900">{title}</h1>
      <Refusal>{children}</Refusal>
    </AppShell>
  );
}
