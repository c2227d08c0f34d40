"use client";
import { useActionState, useEffect, useRef, useState } from "react";
import { changeStatusAction } from "@/app/uppdrag/[id]/actions";
import type { ActionState } from "@/server/entry/answer";
import { STATUSES, STATUS_LABEL, STATUSES_REQUIRING_COMMENT } from "@/lib/status";
import type { UppdragStatus } from "@/generated/prisma/enums";
import { announce } from "@/components/ui/announcer";
import { useAnswerFocus } from "@/components/ui/use-answer-focus";
import { useUnsavedChangesWarning } from "@/components/ui/use-unsaved-changes";

export function StatusForm({
  uppdragId,
  version,
  status,
  plannedCompletion,
  meetings,
  reportedAtMeetingId,
  row,
}: {
  uppdragId: string;
  version: number;
  status: UppdragStatus;
  plannedCompletion: string;
  meetings: { id: string; label: string }[];
  /** The status round's chosen meeting: every save of this form is reported to it. */
  reportedAtMeetingId?: string;
  /** In the status round: one line per uppdrag; labels name the uppdrag for screen readers; ids are unique per row. */
  row?: { title: string };
}) {
  const id = (name: string) => (row ? `${name}-${uppdragId}` : name);
  const about = row ? ` för ${row.title}` : "";
  const [state, action, pending] = useActionState<ActionState, FormData>(changeStatusAction, { ok: false });
  // The version this form edits. A live update can bring a newer one while the
  // secretary is typing: keep their input and the old version (saving then shows
  // the other change instead of overwriting it), and say so.
  const [base, setBase] = useState({ version, answeredAt: state.answeredAt });
  if (state.ok && state.answeredAt !== base.answeredAt) setBase({ version, answeredAt: state.answeredAt });
  const changedElsewhere = version !== base.version && !(state.ok && state.answeredAt !== base.answeredAt);
  // Typed but not saved: leaving the page asks first. A saved answer clears it;
  // a refused one keeps it (the fields hold what was sent).
  const [edited, setEdited] = useState(false);
  const [seenAnswer, setSeenAnswer] = useState(state.answeredAt);
  if (state.answeredAt !== seenAnswer) {
    setSeenAnswer(state.answeredAt);
    if (state.ok) setEdited(false);
  }
  useUnsavedChangesWarning(edited);
  const v = state.ok ? undefined : state.values;
  const err = (f: string) => state.fieldErrors?.[f]?.[0];
  // React resets a form after its action; re-mounting the fields on every answer
  // refills them with what was submitted (after an error) or the saved state.
  const fieldsKey = `${base.version}-${state.answeredAt ?? 0}`;
  // In the status round, a saved row hands focus on to the next row (captured
  // when the row is sent, since a row that is now closed leaves the list).
  const nextRow = useRef<HTMLElement | null>(null);
  const sent = useRef(false);
  const focusNextRow = () => {
    const field = nextRow.current?.isConnected ? nextRow.current.querySelector<HTMLElement>("select, input:not([type=hidden]), textarea") : null;
    field?.focus();
    return !!field;
  };
  const { formRef, messageRef } = useAnswerFocus(state.answeredAt, () => {
    if (!row || !state.ok || !focusNextRow()) return false;
    announce(`${state.message} ${row.title}.`);
    return true;
  });
  useEffect(() => {
    sent.current = false; // answered: the row was not closed away while saving
  }, [state.answeredAt]);
  useEffect(
    () => () => {
      // Unmounted while a save was under way: the row was closed and left the round.
      if (!row || !sent.current) return;
      focusNextRow();
      announce(`Statusen är sparad. ${row.title} är avslutat och har lämnat statusrundan.`);
    },
    [], // eslint-disable-line react-hooks/exhaustive-deps -- on unmount only
  );
  return (
    <form
      ref={formRef}
      action={action}
      onChange={() => setEdited(true)}
      onSubmit={() => {
        sent.current = true;
        nextRow.current = (formRef.current?.closest("li")?.nextElementSibling as HTMLElement | null) ?? null;
      }}
      className="space-y-4"
      noValidate
    >
      <input type="hidden" name="uppdragId" value={uppdragId} />
      <input type="hidden" name="expectedVersion" value={base.version} />
      {reportedAtMeetingId && meetings.length === 0 && <input type="hidden" name="reportedAtMeetingId" value={reportedAtMeetingId} />}
      {changedElsewhere && (
        <div role="status" className="rounded-md border border-amber-400 bg-amber-50 p-3 text-amber-950">
          <p>Någon annan har just ändrat uppdraget (se historiken). Det du har skrivit finns kvar; sparar du nu visas den andra ändringen först.</p>
          <button
            type="button"
            onClick={() => {
              setBase({ version, answeredAt: state.answeredAt });
              setEdited(false);
            }}
            className="mt-2 min-h-11 rounded-md border border-amber-600 bg-white px-3 font-medium"
          >
            Börja om från den nya uppgiften
          </button>
        </div>
      )}
      {state.message && (
        <p ref={messageRef} tabIndex={-1} role={state.ok ? "status" : "alert"} className={`rounded-md border p-3 ${state.ok ? "border-green-300 bg-green-50 text-green-900" : "border-red-300 bg-red-50 text-red-900"}`}>
          {state.message}
        </p>
      )}
      <div key={fieldsKey} className={row ? "grid items-start gap-3 md:grid-cols-[11rem_1fr_11rem]" : "space-y-4"}>
      <div>
        <label htmlFor={id("status")} className="block font-medium">
          Ny status<span className="sr-only">{about}</span>
        </label>
        <select
          id={id("status")}
          name="status"
          defaultValue={v?.status ?? status}
          className="mt-1 block min-h-11 w-full rounded-md border border-slate-400 bg-white px-3 text-base"
        >
          {STATUSES.map((s) => (
            <option key={s} value={s}>
              {STATUS_LABEL[s]}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor={id("comment")} className="block font-medium">
          Kommentar<span className="sr-only">{about}</span>
        </label>
        <p id={id("comment-hint")} className={row ? "sr-only" : "text-sm text-slate-700"}>
          Vad har hänt, och varför dröjer det? Krävs för {STATUSES_REQUIRING_COMMENT.map((s) => STATUS_LABEL[s].toLowerCase()).join(", ")}. Tom kommentar
          med samma status: den förra kommentaren står kvar.
        </p>
        {row ? (
          // One line, so Enter saves the row (the status round is keyboard-driven).
          <input
            type="text"
            id={id("comment")}
            name="comment"
            defaultValue={v?.comment ?? ""}
            aria-invalid={!!err("comment")}
            aria-describedby={err("comment") ? `${id("comment-hint")} ${id("comment-error")}` : id("comment-hint")}
            className="ul-field"
          />
        ) : (
          <textarea
            id={id("comment")}
            name="comment"
            rows={3}
            defaultValue={v?.comment ?? ""}
            aria-invalid={!!err("comment")}
            aria-describedby={err("comment") ? `${id("comment-hint")} ${id("comment-error")}` : id("comment-hint")}
            className="mt-1 block w-full rounded-md border border-slate-400 px-3 py-2 text-base"
          />
        )}
        {err("comment") && (
          <p id={id("comment-error")} className="mt-1 text-sm text-red-800">
            {err("comment")}
          </p>
        )}
      </div>
      <div className={row ? "contents" : "space-y-4"}>
        <div>
          <label htmlFor={id("plannedCompletion")} className="block font-medium">
            Planerat klart<span className="sr-only">{about}</span>
          </label>
          <input
            id={id("plannedCompletion")}
            name="plannedCompletion"
            type="date"
            defaultValue={v?.plannedCompletion ?? plannedCompletion}
            aria-invalid={!!err("plannedCompletion")}
            aria-describedby={err("plannedCompletion") ? id("planned-error") : undefined}
            className="mt-1 block min-h-11 w-full rounded-md border border-slate-400 px-3 text-base"
          />
          {err("plannedCompletion") && (
            <p id={id("planned-error")} className="mt-1 text-sm text-red-800">
              {err("plannedCompletion")}
            </p>
          )}
        </div>
        {meetings.length > 0 && (
        <div>
          <label htmlFor={id("reportedAtMeetingId")} className="block font-medium">
            Rapporterat vid sammanträde
          </label>
          <select
            id={id("reportedAtMeetingId")}
            name="reportedAtMeetingId"
            defaultValue={v?.reportedAtMeetingId ?? ""}
            className="mt-1 block min-h-11 w-full rounded-md border border-slate-400 bg-white px-3 text-base"
          >
            <option value="">Inget sammanträde</option>
            {meetings.map((m) => (
              <option key={m.id} value={m.id}>
                {m.label}
              </option>
            ))}
          </select>
        </div>
        )}
      </div>
      </div>
      <button type="submit" disabled={pending} className="min-h-11 rounded-md bg-brand-700 px-5 font-semibold text-white hover:bg-brand-800 disabled:opacity-70">
        {pending ? "Sparar…" : "Spara status"}
        <span className="sr-only">{about}</span>
      </button>
    </form>
  );
}
