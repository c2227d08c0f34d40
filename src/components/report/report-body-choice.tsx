"use client";
import { useEffect, useRef, useState } from "react";

/**
 * The bodies a report covers, for a GET form: sending none would silently give
 * the default bodies, so the form is stopped with a message on the choice.
 * (Without JavaScript the server refuses it: the form sends `valt`.)
 */
export function ReportBodyChoice({ bodies, legend }: { bodies: { id: string; label: string; checked: boolean }[]; legend: string }) {
  const fieldset = useRef<HTMLFieldSetElement>(null);
  const [missing, setMissing] = useState(false);
  useEffect(() => {
    const form = fieldset.current?.form;
    if (!form) return;
    const check = (e: SubmitEvent) => {
      const boxes = [...(fieldset.current?.querySelectorAll<HTMLInputElement>("input[name=body]") ?? [])];
      if (boxes.some((b) => b.checked)) return setMissing(false);
      e.preventDefault();
      setMissing(true);
      boxes[0]?.focus();
    };
    form.addEventListener("submit", check);
    return () => form.removeEventListener("submit", check);
  }, []);
  return (
    <fieldset ref={fieldset} id="report-bodies" tabIndex={-1} aria-describedby={missing ? "report-body-error" : undefined}>
      <legend className="font-medium">{legend}</legend>
      <input type="hidden" name="valt" value="1" />
      <div className="mt-1 grid gap-x-6 sm:grid-cols-2">
        {bodies.map((b) => (
          <label key={b.id} className="ul-check">
            <input type="checkbox" name="body" value={b.id} defaultChecked={b.checked} className="size-5" onChange={() => setMissing(false)} />
            {b.label}
          </label>
        ))}
      </div>
      {missing && (
        <p id="report-body-error" role="alert" className="mt-1 text-sm font-medium text-red-800">
          Välj minst ett organ som ska redovisas.
        </p>
      )}
    </fieldset>
  );
}
