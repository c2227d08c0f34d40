import type { Step } from "@/lib/handling-steps";

const DOT: Record<Step["state"], string> = {
  done: "bg-brand-700 text-white border-brand-700",
  current: "bg-white text-brand-900 border-brand-700 ring-4 ring-brand-100",
  upcoming: "bg-white text-slate-700 border-slate-400",
};
const WORD: Record<Step["state"], string> = { done: "klart", current: "här är uppdraget nu", upcoming: "inte ännu" };

/** Where in the handling the uppdrag is, in words as well as shape. */
export function HandlingStepper({ steps }: { steps: Step[] }) {
  return (
    <nav aria-label="Var i hanteringen uppdraget är">
      <ol className="grid grid-cols-4 gap-2">
        {steps.map((s, i) => (
          <li key={s.label} aria-current={s.state === "current" ? "step" : undefined} className="flex flex-col items-center text-center">
            <span className={`flex size-9 items-center justify-center rounded-full border-2 font-semibold ${DOT[s.state]}`} aria-hidden="true">
              {s.state === "done" ? "✓" : i + 1}
            </span>
            <span className={`mt-1 text-sm ${s.state === "current" ? "font-semibold text-brand-900" : "text-slate-700"}`}>{s.label}</span>
            <span className="sr-only">: {WORD[s.state]}</span>
          </li>
        ))}
      </ol>
    </nav>
  );
}
