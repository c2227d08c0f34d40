"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { currentMenuHref } from "@/lib/menu";

/** The main menu, marking where the reader is (aria-current, and visibly). */
export function MainMenu({ items }: { items: { href: string; label: string }[] }) {
  const current = currentMenuHref(usePathname(), items.map((i) => i.href));
  return (
    <nav aria-label="Huvudmeny" className="mx-auto max-w-6xl px-2 pb-2">
      <ul className="flex flex-wrap gap-x-1">
        {items.map((item) => (
          <li key={item.href}>
            <Link href={item.href} className="menu-link" aria-current={item.href === current ? "page" : undefined}>
              {item.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
