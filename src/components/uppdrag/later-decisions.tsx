// "Senare beslut i ärendet": the later decisions linked to an uppdrag (a
// ändring, förlängning or upphävande at a later §), on the signed-in and the
// public uppdrag page. The public page leaves the secretary's notes out.
import { formatIsoDate } from "@/lib/dates";
import { LINK_KIND_LABEL } from "@/lib/status";

export interface LaterDecision {
  id: string;
  kind: keyof typeof LINK_KIND_LABEL;
  note?: string | null;
  paragraph: { number: number; dnr: string | null; title: string; decision: string; body: { shortName: string }; meeting: { date: Date } };
}

export function LaterDecisions({ links }: { links: LaterDecision[] }) {
  if (links.length === 0) return null;
  return (
    <section aria-labelledby="senare" className="rounded-lg border border-slate-200 bg-white p-5">
      <h2 id="senare" className="text-lg font-semibold">
        Senare beslut i ärendet
      </h2>
      <ol className="mt-3 space-y-3">
        {links.map((l) => (
          <li key={l.id} className="border-l-4 border-brand-100 pl-3">
            <p className="font-medium">
              {LINK_KIND_LABEL[l.kind]}: {l.paragraph.body.shortName} {formatIsoDate(l.paragraph.meeting.date)} § {l.paragraph.number}
              {l.paragraph.dnr ? `, Dnr ${l.paragraph.dnr}` : ""}
            </p>
            <p className="text-sm text-slate-700">{l.paragraph.title}</p>
            <p className="mt-1">{l.paragraph.decision}</p>
            {l.note && <p className="text-sm text-slate-700">{l.note}</p>}
          </li>
        ))}
      </ol>
    </section>
  );
}
