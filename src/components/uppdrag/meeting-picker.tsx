"use client";
import { useId, useState } from "react";

export interface MeetingChoice {
  id: string;
  /** "2024-05-13" */
  date: string;
  /** "KS 2024-05-13 (Kommunstyrelsen)" */
  label: string;
}

/** Folds case and diacritics away enough for a search box: "kf 2019" finds "KF 2019-11-25". */
const fold = (s: string) => s.toLocaleLowerCase("sv-SE").replace(/\s+/g, " ").trim();

const meetingCount = (n: number) => `${n} ${n === 1 ? "sammanträde" : "sammanträden"}`;

/**
 * The meeting a status round reports to: every meeting of the bodies, newest
 * first, grouped by year, with a search box that narrows the list (by body,
 * date or part of a date: "KS 2019", "2019-11"). Without JavaScript the list is
 * whole. The chosen meeting stays in the list whatever is typed.
 */
export function MeetingPicker({ meetings, chosenId, name, label }: { meetings: MeetingChoice[]; chosenId: string | null; name: string; label: string }) {
  const id = useId();
  const [query, setQuery] = useState("");
  const [value, setValue] = useState(chosenId ?? "");
  const terms = fold(query).split(" ").filter(Boolean);
  const matches = (m: MeetingChoice) => m.id === value || terms.every((t) => fold(m.label).includes(t));
  const years = new Map<string, MeetingChoice[]>();
  for (const m of meetings) {
    if (!matches(m)) continue;
    const year = m.date.slice(0, 4);
    const list = years.get(year);
    if (list) list.push(m);
    else years.set(year, [m]);
  }
  const shown = [...years];
  const count = shown.reduce((n, [, list]) => n + list.length, 0);

  return (
    <div className="flex flex-wrap items-end gap-3">
      <div>
        <label htmlFor={`${id}-search`} className="block font-medium">
          Sök sammanträde
        </label>
        <input
          id={`${id}-search`}
          type="search"
          // No name: not sent with the form, only the chosen meeting is.
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          aria-describedby={`${id}-count`}
          placeholder="t.ex. KS 2023"
          className="ul-field w-48"
        />
      </div>
      <div>
        <label htmlFor={name} className="block font-medium">
          {label}
        </label>
        <select id={name} name={name} value={value} onChange={(e) => setValue(e.target.value)} className="ul-field max-w-full">
          <option value="">Inget sammanträde</option>
          {shown.map(([year, list]) => (
            <optgroup key={year} label={year}>
              {list.map((m) => (
                <option key={m.id} value={m.id}>
                  {m.label}
                </option>
              ))}
            </optgroup>
          ))}
        </select>
      </div>
      <p id={`${id}-count`} className="basis-full text-sm text-slate-700" aria-live="polite">
        {terms.length === 0
          ? `${meetingCount(meetings.length)}, det senaste först.`
          : count === 0
            ? `Inget sammanträde matchar ”${query.trim()}”.`
            : `${count} av ${meetingCount(meetings.length)} matchar ”${query.trim()}”.`}
      </p>
    </div>
  );
}
