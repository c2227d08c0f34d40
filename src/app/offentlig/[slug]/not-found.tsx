// The answer to every address of the open view that is not there: an unknown
// municipality, one whose view is off, a hidden or unknown uppdrag. One text
// for all, so the answer does not tell which.
export default function PublicNotFound() {
  return (
    <main id="innehall" className="mx-auto max-w-xl px-4 py-16">
      <h1 className="text-2xl font-bold text-brand-900">Sidan finns inte</h1>
      <p className="mt-2">Det finns ingen öppen redovisning av uppdrag med den här adressen, eller så är uppgiften inte offentlig här.</p>
    </main>
  );
}
