import Link from "next/link";

export default function NotFound() {
  return (
    <main id="innehall" className="mx-auto max-w-xl px-4 py-16">
      <h1 className="text-2xl font-bold text-brand-900">Sidan finns inte</h1>
      <p className="mt-2">Det du letar efter finns inte, eller så har du inte tillgång till det.</p>
      <Link href="/uppdrag" className="mt-4 inline-flex min-h-11 items-center text-brand-700 underline">
        Till uppdragslistan
      </Link>
    </main>
  );
}
