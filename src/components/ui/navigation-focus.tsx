"use client";
import { useEffect, useRef } from "react";
import { usePathname, useSearchParams } from "next/navigation";

/**
 * After a move within the app, the link that was used is often gone and focus
 * falls to the page, so a keyboard user starts over from the top. Where focus
 * was lost, it is put on the new page's heading; when only the query changed
 * (the list's next page, a sort), on the element the page marks with
 * data-navigation-focus (the list's result count). Focus that is still on
 * something is left alone, and so is the first page load.
 */
export function NavigationFocus() {
  const pathname = usePathname();
  const query = useSearchParams().toString();
  const last = useRef<{ pathname: string; query: string } | null>(null);
  useEffect(() => {
    const before = last.current;
    last.current = { pathname, query };
    if (!before || (before.pathname === pathname && before.query === query)) return;
    const active = document.activeElement;
    if (active && active !== document.body && active.isConnected) return;
    const target =
      (before.pathname === pathname && document.querySelector<HTMLElement>("[data-navigation-focus]")) || document.querySelector<HTMLElement>("main h1");
    if (!target) return;
    if (!target.hasAttribute("tabindex")) target.setAttribute("tabindex", "-1");
    target.focus();
  }, [pathname, query]);
  return null;
}
