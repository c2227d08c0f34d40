// "Jämför redovisningen … med …": two fastställda reports to compare, the
// second newest against the newest preselected. Shared by the KF report's and
// the motions report's archives; `action` is the compare page of each.
export interface ComparableReport {
  id: string;
  label: string;
}

export function CompareReportsForm({ action, reports }: { action: string; reports: ComparableReport[] }) {
  if (reports.length < 2) return null;
  const select = (id: string, name: string, label: string, preselected: string) => (
    <div>
      <label htmlFor={id} className="block font-medium">
        {label}
      </label>
      <select id={id} name={name} defaultValue={preselected} className="ul-field">
        {reports.map((r) => (
          <option key={r.id} value={r.id}>
            {r.label}
          </option>
        ))}
      </select>
    </div>
  );
  return (
    <form method="get" action={action} className="mt-6 flex max-w-3xl flex-wrap items-end gap-4 rounded-lg border border-slate-200 bg-white p-5">
      {select("compare-a", "a", "Jämför redovisningen", reports[1].id)}
      {select("compare-b", "b", "med", reports[0].id)}
      <button type="submit" className="inline-flex min-h-11 items-center rounded-md bg-brand-700 px-4 font-semibold text-white hover:bg-brand-800">
        Jämför
      </button>
    </form>
  );
}
