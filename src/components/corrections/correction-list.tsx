// The corrections of saved records, as the meeting and uppdrag pages show them:
// one entry per correction (who, when, why) with each field's value before and
// after. Nothing is overwritten silently: a reader sees what was there before.
import type { CorrectionView } from "@/server/corrections";
import { correctedFieldLabel, shownValue } from "@/lib/validation/correction";
import { historyTime } from "@/components/uppdrag/history-time";

export function CorrectionList({ corrections, recordLabel }: { corrections: CorrectionView[]; recordLabel: (c: CorrectionView) => string }) {
  const batches: CorrectionView[][] = [];
  for (const c of corrections) {
    const last = batches.at(-1);
    if (last && last[0].batchId === c.batchId) last.push(c);
    else batches.push([c]);
  }
  return (
    <ol className="mt-3 space-y-4">
      {batches.map((rows) => {
        const first = rows[0];
        const when = historyTime(first.at);
        return (
          <li key={first.batchId} className="border-l-4 border-amber-300 pl-3">
            <p className="font-medium">
              {recordLabel(first)}
              <span className="font-normal text-slate-700">
                {" · "}
                <time dateTime={when.dateTime}>{when.text}</time>
                {first.authorName ? `, ${first.authorName}` : ""}
              </span>
            </p>
            <ul className="mt-1 space-y-1">
              {rows.map((c) => (
                <li key={c.id} className="[overflow-wrap:anywhere]">
                  <span className="font-medium">{correctedFieldLabel(c.field)}:</span>{" "}
                  {c.field === "uppdrag" ? (
                    <span>”{shownValue(c.after)}”</span>
                  ) : c.before === null ? (
                    <>
                      <span className="sr-only">satt till </span>
                      <span className="whitespace-pre-line">{shownValue(c.after)}</span>
                    </>
                  ) : (
                    <>
                      <span className="sr-only">ändrat från </span>
                      <del className="whitespace-pre-line text-slate-700">{shownValue(c.before)}</del>
                      <span aria-hidden="true"> → </span>
                      <span className="sr-only"> till </span>
                      <ins className="whitespace-pre-line no-underline">{shownValue(c.after)}</ins>
                    </>
                  )}
                </li>
              ))}
            </ul>
            <p className="mt-1 text-sm text-slate-800">Varför: {first.reason}</p>
          </li>
        );
      })}
    </ol>
  );
}
