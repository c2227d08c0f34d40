// A section opened on demand (a correction form under what it corrects): a real
// <details>, so it opens with Enter or Space and stays open while the page refreshes.
import type { ReactNode } from "react";

export function Disclosure({ summary, children, className = "" }: { summary: ReactNode; children: ReactNode; className?: string }) {
  return (
    <details className={`no-print group rounded-md border border-brand-100 bg-white ${className}`}>
      <summary className="flex min-h-11 cursor-pointer items-center gap-2 rounded-md px-3 font-medium text-brand-700 underline-offset-2 hover:underline">
        <span aria-hidden="true" className="inline-block text-sm no-underline transition-transform group-open:rotate-90">
          ▶
        </span>
        <span>{summary}</span>
      </summary>
      <div className="border-t border-brand-100 p-4">{children}</div>
    </details>
  );
}
