"use client";
import Link from "next/link";
import { useEffect, useSyncExternalStore } from "react";
import { usePathname, useSearchParams } from "next/navigation";

const KEY = "uppdragskollen:list-view";

/** Only a list address of this app is ever followed back (sessionStorage is the tab's own, but be strict). */
function isListView(href: string | null): href is string {
  return !!href && /^\/uppdrag(\?[^#]*)?$/.test(href);
}

/** On the list: remembers the view (filters, search, sort, page) for the way back from an uppdrag. */
export function RememberListView() {
  const pathname = usePathname();
  const query = useSearchParams().toString();
  useEffect(() => {
    try {
      sessionStorage.setItem(KEY, query ? `${pathname}?${query}` : pathname);
    } catch {
      // Storage may be off (private mode): the way back is then the plain list.
    }
  }, [pathname, query]);
  return null;
}

function rememberedView(): string {
  try {
    const remembered = sessionStorage.getItem(KEY);
    return isListView(remembered) ? remembered : "/uppdrag";
  } catch {
    return "/uppdrag"; // as above: the plain list
  }
}
const noSubscription = () => () => {};

/** On an uppdrag page: back to the list as the reader left it, or to the plain list (also while rendered on the server). */
export function BackToList({ className }: { className?: string }) {
  const href = useSyncExternalStore(noSubscription, rememberedView, () => "/uppdrag");
  return (
    <Link href={href} className={className}>
      ← Alla uppdrag
    </Link>
  );
}
