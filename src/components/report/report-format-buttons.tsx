// The buttons of a report's form: the print view (the form's own action) and
// the download in each format (to `fileAction`, with format=pdf|docx|xlsx).
const BUTTON = "inline-flex min-h-11 items-center rounded-md px-4 font-semibold";
const FORMATS = [
  ["pdf", "Ladda ned PDF"],
  ["docx", "Ladda ned Word"],
  ["xlsx", "Ladda ned Excel"],
] as const;

export function ReportFormatButtons({ fileAction }: { fileAction: string }) {
  return (
    <div className="flex flex-wrap gap-3">
      <button type="submit" className={`${BUTTON} bg-brand-700 text-white hover:bg-brand-800`}>
        Visa utskriftsvy
      </button>
      {FORMATS.map(([format, label]) => (
        <button key={format} type="submit" formAction={fileAction} name="format" value={format} className={`${BUTTON} border border-brand-700 text-brand-700`}>
          {label}
        </button>
      ))}
    </div>
  );
}
