"use client";

export default function ErrorPage({ reset }: { error: Error; reset: () => void }) {
  return (
    <main id="innehall" className="mx-auto max-w-xl px-4 py-16">
      <h1 className="text-2xl font-bold text-brand-900">Något gick fel</h1>
      <p className="mt-2">Sidan kunde inte visas. Försök igen om en stund.</p>
      <button type="button" onClick={reset} className="mt-4 min-h-11 rounded-md bg-brand-700 px-4 font-semibold text-white">
        Försök igen
      </button>
    </main>
  );
}
