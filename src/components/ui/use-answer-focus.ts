"use client";
import { useEffect, useRef } from "react";

/**
 * After a server action answers, the fields are re-mounted and the submit
 * button was disabled while sending, so focus would fall to the page: put it on
 * the first field to correct, or else on the form's message (give that element
 * tabIndex={-1}). A form can move focus on instead (moveOn returns true when it
 * did), as the status round does to the next row.
 */
export function useAnswerFocus(answeredAt: number | undefined, moveOn?: () => boolean) {
  const formRef = useRef<HTMLFormElement>(null);
  const messageRef = useRef<HTMLParagraphElement>(null);
  const moveOnRef = useRef(moveOn);
  useEffect(() => {
    moveOnRef.current = moveOn;
  });
  useEffect(() => {
    if (!answeredAt) return;
    const invalid = formRef.current?.querySelector<HTMLElement>("[aria-invalid='true']");
    if (invalid) invalid.focus();
    else if (!moveOnRef.current?.()) messageRef.current?.focus();
  }, [answeredAt]);
  return { formRef, messageRef };
}
