"use client";
import { useEffect, useRef } from "react";

/**
 * After a server action answers, the fields are re-mounted and the submit
 * button was disabled while sending, so focus would fall to the page: put it on
 * the first field to correct, or else on the form's message (give that element
 * tabIndex={-1}).
 */
export function useAnswerFocus(answeredAt: number | undefined) {
  const formRef = useRef<HTMLFormElement>(null);
  const messageRef = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (!answeredAt) return;
    const invalid = formRef.current?.querySelector<HTMLElement>("[aria-invalid='true']");
    (invalid ?? messageRef.current)?.focus();
  }, [answeredAt]);
  return { formRef, messageRef };
}
