import Link from "next/link";

/** The way back to the page above, as a breadcrumb (left out of print). */
export function BackLink({ href, children }: { href: string; children: React.ReactNode }) {
  return (
    <nav aria-label="Brödsmulor" className="no-print text-sm">
      <Link href={href} className="inline-flex min-h-11 items-center text-brand-700 underline">
        ← {children}
      </Link>
    </nav>
  );
}
