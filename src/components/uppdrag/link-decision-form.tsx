"use client";
// Link an uppdrag to a later paragraph (postponed, changed, cancelled, reported
// back) and record the status that follows, in one save.
import { useActionState, useState } from "react";
import { linkDecisionAction } from "@/app/uppdrag/[id]/actions";
import type { ActionState } from "@/server/entry/answer";
import { LINK_KIND_LABEL, LINK_KIND_STATUS, STATUSES, STATUS_LABEL } from "@/lib/status";
import { LINK_KINDS } from "@/lib/validation/uppdrag";
import type { LinkKind, UppdragStatus } from "@/generated/prisma/enums";

export interface ParagraphChoice {
  id: string;
  label: string;
  bodyName: string;
}

export function LinkDecisionForm({
  uppdragId,
  version,
  status,
  plannedCompletion,
  paragraphs,
}: {
  uppdragId: string;
  version: number;
  status: UppdragStatus;
  plannedCompletion: string;
  paragraphs: ParagraphChoice[];
}) {
  const [state, action, pending] = useActionState<ActionState, FormData>(linkDecisionAction, { ok: false });
  const v = state.ok ? undefined : state.values;
  const [kind, setKind] = useState<LinkKind>((v?.kind as LinkKind) ?? "POSTPONED");
  const [newStatus, setNewStatus] = useState<UppdragStatus>((v?.status as UppdragStatus) ?? LINK_KIND_STATUS.POSTPONED ?? status);
  const err = (f: string) => state.fieldErrors?.[f]?.[0];
  const groups = new Map<string, ParagraphChoice[]>();
  for (const p of paragraphs) groups.set(p.bodyName, [...(groups.get(p.bodyName) ?? []), p]);
  const fieldsKey = `${version}-${state.answeredAt ?? 0}`;

  return (
    <form action={action} className="space-y-4" noValidate>
      <input type="hidden" name="uppdragId" value={uppdragId} />
      <input type="hidden" name="expectedVersion" value={version} />
      {state.message && (
        <p role={state.ok ? "status" : "alert"} className={`rounded-md border p-3 ${state.ok ? "border-green-300 bg-green-50 text-green-900" : "border-red-300 bg-red-50 text-red-900"}`}>
          {state.message}
        </p>
      )}
      <div key={fieldsKey} className="space-y-4">
        <div>
          <label htmlFor="link-paragraph" className="block font-medium">
            Senare beslut (organ, sammanträde och §)
          </label>
          <select
            id="link-paragraph"
            name="paragraphId"
            defaultValue={v?.paragraphId ?? ""}
            aria-invalid={!!err("paragraphId")}
            aria-describedby={err("paragraphId") ? "link-paragraph-error" : undefined}
            className="ul-field"
          >
            <option value="">Välj paragraf</option>
            {[...groups].map(([bodyName, list]) => (
              <optgroup key={bodyName} label={bodyName}>
                {list.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.label}
                  </option>
                ))}
              </optgroup>
            ))}
          </select>
          {err("paragraphId") && (
            <p id="link-paragraph-error" className="mt-1 text-sm text-red-800">
              {err("paragraphId")}
            </p>
          )}
        </div>
        <div className="space-y-4">
          <div>
            <label htmlFor="link-kind" className="block font-medium">
              Beslutet innebar
            </label>
            <select
              id="link-kind"
              name="kind"
              value={kind}
              onChange={(e) => {
                const k = e.target.value as LinkKind;
                setKind(k);
                setNewStatus(LINK_KIND_STATUS[k] ?? status);
              }}
              className="ul-field"
            >
              {LINK_KINDS.map((k) => (
                <option key={k} value={k}>
                  {LINK_KIND_LABEL[k]}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor="link-status" className="block font-medium">
              Status efter beslutet
            </label>
            <select id="link-status" name="status" value={newStatus} onChange={(e) => setNewStatus(e.target.value as UppdragStatus)} className="ul-field">
              {STATUSES.map((s) => (
                <option key={s} value={s}>
                  {STATUS_LABEL[s]}
                </option>
              ))}
            </select>
          </div>
        </div>
        <div>
          <label htmlFor="link-planned" className="block font-medium">
            Planerat klart
          </label>
          <p id="link-planned-hint" className="text-sm text-slate-700">
            Ange det nya datumet när beslutet senarelägger uppdraget.
          </p>
          <input
            id="link-planned"
            name="plannedCompletion"
            type="date"
            defaultValue={v?.plannedCompletion ?? plannedCompletion}
            aria-invalid={!!err("plannedCompletion")}
            aria-describedby={err("plannedCompletion") ? "link-planned-hint link-planned-error" : "link-planned-hint"}
            className="ul-field"
          />
          {err("plannedCompletion") && (
            <p id="link-planned-error" className="mt-1 text-sm text-red-800">
              {err("plannedCompletion")}
            </p>
          )}
        </div>
        <div>
          <label htmlFor="link-comment" className="block font-medium">
            Kommentar i historiken
          </label>
          <p id="link-comment-hint" className="text-sm text-slate-700">
            Lämnas den tom skrivs till exempel ”{LINK_KIND_LABEL[kind]} genom KS 2018-05-28 § 93.”
          </p>
          <textarea
            id="link-comment"
            name="comment"
            rows={2}
            defaultValue={v?.comment ?? ""}
            aria-invalid={!!err("comment")}
            aria-describedby={err("comment") ? "link-comment-hint link-comment-error" : "link-comment-hint"}
            className="mt-1 block w-full rounded-md border border-slate-400 px-3 py-2 text-base"
          />
          {err("comment") && (
            <p id="link-comment-error" className="mt-1 text-sm text-red-800">
              {err("comment")}
            </p>
          )}
        </div>
        <div>
          <label htmlFor="link-note" className="block font-medium">
            Anteckning i kedjan (frivillig)
          </label>
          <input id="link-note" name="note" type="text" defaultValue={v?.note ?? ""} className="ul-field" aria-invalid={!!err("note")} />
          {err("note") && <p className="mt-1 text-sm text-red-800">{err("note")}</p>}
        </div>
      </div>
      <button type="submit" disabled={pending} className="min-h-11 rounded-md bg-brand-700 px-5 font-semibold text-white hover:bg-brand-800 disabled:opacity-70">
        {pending ? "Sparar…" : "Koppla beslutet"}
      </button>
    </form>
  );
}
