"use client";
import { useEffect, useRef } from "react";

/**
 * Placed inside a GET form: leaves its empty fields out of the address
 * ("?status=DELAYED", not "?q=&body=&unit=&…&status=DELAYED"), so a shared or
 * bookmarked view says only what was chosen. Without JavaScript the form still
 * works, with the longer address.
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
    form.addEventListener("formdata", omit);
    return () => form.removeEventListener("formdata", omit);
  }, []);
  return <span ref={ref} hidden />;
}
