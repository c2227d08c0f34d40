"use client";
import { useEffect } from "react";

export const UNSAVED_WARNING = "Du har uppgifter som inte är sparade. Vill du lämna sidan ändå?";

/**
 * While `unsaved`, leaving the page asks first: closing or reloading the tab
 * (the browser's own question) and following a link in the app (ours, since
 * a client-side navigation fires no beforeunload). A link opened in a new tab
 * or window leaves this page as it is, so it is not asked about.
 */
export function useUnsavedChangesWarning(unsaved: boolean) {
  useEffect(() => {
    if (!unsaved) return;
    const beforeUnload = (e: BeforeUnloadEvent) => {
      e.preventDefault();
      e.returnValue = ""; // older Safari asks only with a returnValue
    };
    const click = (e: MouseEvent) => {
      if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
      const link = e.target instanceof Element ? e.target.closest("a[href]") : null;
      if (!link || link.getAttribute("target") === "_blank" || link.hasAttribute("download") || link.getAttribute("href")!.startsWith("#")) return;
      if (!window.confirm(UNSAVED_WARNING)) {
        // Captured on the document, before Next.js's link handler sees the click.
        e.preventDefault();
        e.stopPropagation();
      }
    };
    window.addEventListener("beforeunload", beforeUnload);
    document.addEventListener("click", click, true);
    return () => {
      window.removeEventListener("beforeunload", beforeUnload);
      document.removeEventListener("click", click, true);
    };
  }, [unsaved]);
}
