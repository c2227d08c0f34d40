"use client";
import { useEffect, useRef } from "react";

/**
 * Placed inside a GET form: leaves its empty fields out of the address
 * ("?status=DELAYED", not "?q=&body=&unit=&…&status=DELAYED"), so a shared or
 * bookmarked view says only what was chosen. Without JavaScript the form still
 * works, with the longer address.
 *
 * Also, coming back to the page with the browser's back button shows the page
 * as it was left, ticked boxes and all, above a list that those choices never
 * filtered: the form is reset to what the page was rendered with.
 */
export function OmitEmptyFields() {
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
