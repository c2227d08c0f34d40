"use client";
import { useEffect, useRef } from "react";

/**
 * Placed inside a GET filter form, keeps the form and the address in step:
 * - the address holds only what was chosen ("?status=DELAYED", not
 *   "?q=&body=&unit=&…&status=DELAYED"), so a shared or bookmarked view says
 *   only that (without JavaScript the form still works, with the longer address);
 * - back at the page through the browser's back-forward cache, the form shows
 *   the filter of the list below it, not the choices made before leaving (the
 *   form itself carries autoComplete="off" against the browser restoring them
 *   when the page is loaded again).
 */
export function FilterFormAddress() {
  const ref = useRef<HTMLSpanElement>(null);
  useEffect(() => {
    const form = ref.current?.closest("form");
    if (!form) return;
    const omit = ({ formData }: FormDataEvent) => {
      const kept = [...formData.entries()].filter(([, value]) => value !== "");
      for (const name of new Set(formData.keys())) formData.delete(name);
      for (const [name, value] of kept) formData.append(name, value);
    };
    const restored = (e: PageTransitionEvent) => {
      if (e.persisted) form.reset();
    };
    form.addEventListener("formdata", omit);
    window.addEventListener("pageshow", restored);
    return () => {
      form.removeEventListener("formdata", omit);
      window.removeEventListener("pageshow", restored);
    };
  }, []);
  return <span ref={ref} hidden />;
}
