"use client";
import { useEffect } from "react";

export const UNSAVED_WARNING = "Du har uppgifter som inte är sparade. Vill du lämna sidan ändå?";

/** The forms on the page with unsaved input (the status round has one per row): one question for them all. */
const unsavedForms = new Set<symbol>();

function beforeUnload(e: BeforeUnloadEvent) {
  e.preventDefault();
  e.returnValue = ""; // older Safari asks only with a returnValue
}

function linkClick(e: MouseEvent) {
  if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
  const link = e.target instanceof Element ? e.target.closest("a[href]") : null;
  if (!link || link.getAttribute("target") === "_blank" || link.hasAttribute("download") || link.getAttribute("href")!.startsWith("#")) return;
  if (!window.confirm(UNSAVED_WARNING)) {
    // Captured on the document, before Next.js's link handler sees the click.
    e.preventDefault();
    e.stopPropagation();
  }
}

/**
 * For actions that leave the page by other means (signing out): true when
 * nothing is unsaved or the user agrees to leave; then the browser's own
 * question is not asked again on the way out.
 */
export function confirmLeavingUnsaved(): boolean {
  if (unsavedForms.size === 0) return true;
  if (!window.confirm(UNSAVED_WARNING)) return false;
  window.removeEventListener("beforeunload", beforeUnload);
  document.removeEventListener("click", linkClick, true);
  unsavedForms.clear();
  return true;
}

/**
 * While `unsaved`, leaving the page asks first: closing or reloading the tab
 * (the browser's own question) and following a link in the app (ours, since
 * a client-side navigation fires no beforeunload). A link opened in a new tab
 * or window leaves this page as it is, so it is not asked about.
 */
export function useUnsavedChangesWarning(unsaved: boolean) {
  useEffect(() => {
    if (!unsaved) return;
    const me = Symbol("unsaved form");
    if (unsavedForms.size === 0) {
      window.addEventListener("beforeunload", beforeUnload);
      document.addEventListener("click", linkClick, true);
    }
    unsavedForms.add(me);
    return () => {
      unsavedForms.delete(me);
      if (unsavedForms.size === 0) {
        window.removeEventListener("beforeunload", beforeUnload);
        document.removeEventListener("click", linkClick, true);
      }
    };
  }, [unsaved]);
}
