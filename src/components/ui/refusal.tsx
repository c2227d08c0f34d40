// The one way a page says "you may not see or do this here": every page that
// refuses a signed-in person renders its message through this component, so
// the refusal looks the same and the endpoint matrix test
// (tests/integration/endpoint-matrix.test.ts) can recognise it.
import type { ReactNode } from "react";

export function Refusal({ children, className = "mt-4 max-w-2xl" }: { children: ReactNode; className?: string }) {
  return (
    <p className={className} data-refusal="">
      {children}
    </p>
  );
}
