"use client";
// Import a secretary's own list: choose the file, check the columns, preview
// every row (errors with row number and column), then confirm. The file stays
// in the browser until confirmed; the server reads it again on every step.
import { useEffect, useRef, useState } from "react";
import Link from "next/link";
import type { ImportResponse } from "@/server/import/endpoints";
import type { PlanRow } from "@/server/import/plan";
import { countPhrase, FIELD_INFO, IMPORT_FIELDS, type ImportField, type Mapping } from "@/lib/import/columns";
import { STATUS_LABEL } from "@/lib/status";

type Preview = Extract<ImportResponse, { step: "granska" }>;
type Done = Extract<ImportResponse, { step: "importera" }>;

const MAX_BYTES = 5 * 1024 * 1024;
const SHOWN_ROWS = 300;
const columnLetter = (i: number) => (i < 26 ? String.fromCharCode(65 + i) : `${String.fromCharCode(64 + Math.floor(i / 26))}${String.fromCharCode(65 + (i % 26))}`);

function actionText(r: PlanRow): string {
  if (r.action === "create") return "Nytt uppdrag";
  if (r.action === "status") return `Finns redan; ny status: ${STATUS_LABEL[r.status!]} (nu ${STATUS_LABEL[r.currentStatus!]})`;
  return "Finns redan";
}

export function ImportWizard() {
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [mapping, setMapping] = useState<Mapping>({});
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<Done | null>(null);
  const [busy, setBusy] = useState<null | "granska" | "importera">(null);
  const previewHeading = useRef<HTMLHeadingElement>(null);
  const doneRef = useRef<HTMLDivElement>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  // Move the keyboard (and screen reader) to what the step produced.
  useEffect(() => {
    if (preview) previewHeading.current?.focus();
  }, [preview]);
  useEffect(() => {
    if (done) doneRef.current?.focus();
  }, [done]);
  // A file that could not be read: back to the file field, which the message describes;
  // a refused confirm: to the message itself (either way the button was disabled
  // while the server worked, so focus had fallen to the page).
  const errorRef = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (error && !preview) fileInput.current?.focus();
    else if (error) errorRef.current?.focus();
  }, [error, preview]);
  const dirty = !!preview && JSON.stringify(mapping) !== JSON.stringify(preview.mapping);

  async function send(step: "granska" | "importera", withMapping?: Mapping) {
    if (!file) {
      setError("Välj en fil att importera.");
      return;
    }
    if (file.size > MAX_BYTES) {
      setError(`Filen är för stor (${(file.size / 1024 / 1024).toFixed(1).replace(".", ",")} MB). Största tillåtna storlek är 5 MB.`);
      return;
    }
    setBusy(step);
    setError(null);
    const body = new FormData();
    body.set("step", step);
    body.set("file", file);
    if (withMapping) body.set("mapping", JSON.stringify(withMapping));
    if (step === "importera" && preview) body.set("token", preview.token);
    let answer: ImportResponse;
    try {
      const res = await fetch("/import/fil", { method: "POST", body });
      answer = (await res.json()) as ImportResponse;
    } catch {
      answer = { ok: false, message: "Servern svarade inte. Kontrollera anslutningen och försök igen." };
    }
    setBusy(null);
    if (!answer.ok) {
      // A refusal: the fields' own messages (the file, the step, the column choice) say more than the summary.
      const fieldMessages = Object.values(answer.fieldErrors ?? {}).flat();
      setError(fieldMessages.length ? fieldMessages.join(" ") : answer.message);
      return;
    }
    if (answer.step === "granska") {
      setPreview(answer);
      setMapping(answer.mapping);
      setDone(null);
    } else {
      setDone(answer);
      setPreview(null);
      setFile(null);
      if (fileInput.current) fileInput.current.value = "";
    }
  }

  const invalid = preview?.rows.filter((r) => r.action === "invalid") ?? [];
  const valid = preview?.rows.filter((r) => r.action !== "invalid") ?? [];
  const toWrite = preview ? preview.counts.create + preview.counts.status : 0;
  const confirmText = preview
    ? [
        preview.counts.create ? countPhrase(preview.counts.create, "nytt uppdrag", "nya uppdrag") : "",
        preview.counts.status ? countPhrase(preview.counts.status, "statusändring", "statusändringar") : "",
      ]
        .filter(Boolean)
        .join(" och ")
    : "";

  return (
    <div className="space-y-6">
      {done && (
        <div ref={doneRef} tabIndex={-1} role="status" className="rounded-md border border-green-300 bg-green-50 p-4 text-green-900">
          <p className="font-medium">{done.message}</p>
          <p className="mt-2">
            <Link href="/uppdrag?showClosed=1&sort=andrad" className="inline-flex min-h-11 items-center text-brand-700 underline">
              Visa uppdragen i listan
            </Link>
          </p>
        </div>
      )}

      <section aria-labelledby="steg-fil" className="rounded-lg border border-slate-200 bg-white p-5">
        <h2 id="steg-fil" className="text-lg font-semibold">
          1. Välj fil
        </h2>
        <form
          className="mt-3 flex flex-wrap items-end gap-3"
          onSubmit={(e) => {
            e.preventDefault();
            void send("granska");
          }}
        >
          <div>
            <label htmlFor="importfil" className="block font-medium">
              Excel- eller CSV-fil
            </label>
            <p id="importfil-hint" className="text-sm text-slate-700">
              .xlsx eller .csv (semikolon eller komma, UTF-8 eller Windows-1252), högst 5 MB och 5 000 rader. Första raden ska vara rubriker.
            </p>
            <input
              ref={fileInput}
              id="importfil"
              name="file"
              type="file"
              accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
              aria-describedby={error ? "importfil-hint import-fel" : "importfil-hint"}
              aria-invalid={!!error && !preview}
              onChange={(e) => {
                setFile(e.target.files?.[0] ?? null);
                setPreview(null);
                setError(null);
              }}
              className="mt-1 block min-h-11 w-full max-w-md rounded-md border border-slate-400 bg-white px-3 py-2 text-base"
            />
          </div>
          <button type="submit" disabled={busy !== null} className="min-h-11 rounded-md bg-brand-700 px-5 font-semibold text-white hover:bg-brand-800 disabled:opacity-70">
            {busy === "granska" ? "Läser…" : "Läs in och förhandsgranska"}
          </button>
        </form>
        {error && (
          <p id="import-fel" ref={errorRef} tabIndex={-1} role="alert" className="mt-3 rounded-md border border-red-300 bg-red-50 p-3 text-red-900">
            {error}
          </p>
        )}
      </section>

      {preview && (
        <>
          <section aria-labelledby="steg-kolumner" className="rounded-lg border border-slate-200 bg-white p-5">
            <h2 id="steg-kolumner" className="text-lg font-semibold">
              2. Kolumner
            </h2>
            <p className="mt-1 text-slate-700">
              {preview.fileName}: {preview.note} Förslagen bygger på rubrikerna; ändra där det behövs och uppdatera förhandsgranskningen.
            </p>
            <form
              className="mt-3"
              onSubmit={(e) => {
                e.preventDefault();
                void send("granska", mapping);
              }}
            >
              <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
                {IMPORT_FIELDS.map((f: ImportField) => (
                  <div key={f}>
                    <label htmlFor={`kolumn-${f}`} className="block font-medium">
                      {FIELD_INFO[f].label}
                      {FIELD_INFO[f].required ? " (krävs)" : ""}
                    </label>
                    <select
                      id={`kolumn-${f}`}
                      value={mapping[f] ?? ""}
                      aria-describedby={`kolumn-${f}-hint`}
                      aria-invalid={preview.missing.includes(f) && mapping[f] === undefined}
                      onChange={(e) => {
                        const next = { ...mapping };
                        if (e.target.value === "") delete next[f];
                        else next[f] = Number(e.target.value);
                        setMapping(next);
                      }}
                      className="ul-field"
                    >
                      <option value="">Ingen kolumn</option>
                      {preview.headers.map((h, i) => (
                        <option key={i} value={i}>
                          {columnLetter(i)}: {h || "(utan rubrik)"}
                        </option>
                      ))}
                    </select>
                    <p id={`kolumn-${f}-hint`} className="mt-1 text-sm text-slate-700">
                      {FIELD_INFO[f].hint}
                    </p>
                  </div>
                ))}
              </div>
              <button type="submit" disabled={busy !== null} className="mt-4 min-h-11 rounded-md border border-brand-700 bg-white px-5 font-semibold text-brand-700 disabled:opacity-70">
                {busy === "granska" ? "Läser…" : "Uppdatera förhandsgranskningen"}
              </button>
              {dirty && <p className="mt-2 text-sm text-amber-900">Du har ändrat kolumnerna: uppdatera förhandsgranskningen innan du importerar.</p>}
            </form>
          </section>

          <section aria-labelledby="steg-granska" className="rounded-lg border border-slate-200 bg-white p-5">
            <h2 id="steg-granska" ref={previewHeading} tabIndex={-1} className="text-lg font-semibold focus:outline-none">
              3. Förhandsgranska och bekräfta
            </h2>
            {preview.missing.length > 0 ? (
              <p role="alert" className="mt-3 rounded-md border border-red-300 bg-red-50 p-3 text-red-900">
                Välj en kolumn för {preview.missing.map((f) => FIELD_INFO[f].label).join(", ")}: utan dem kan raderna inte läsas.
              </p>
            ) : (
              <>
                <p className="mt-1 text-slate-700">Ingenting är importerat ännu. Kontrollera raderna och bekräfta längst ned.</p>
                <ul className="mt-3 grid gap-2 sm:grid-cols-4" aria-label="Sammanfattning">
                  <li className="rounded-md bg-slate-100 p-3">
                    <span className="block text-2xl font-bold">{preview.counts.create}</span> nya uppdrag
                  </li>
                  <li className="rounded-md bg-slate-100 p-3">
                    <span className="block text-2xl font-bold">{preview.counts.status}</span> finns redan, ny status
                  </li>
                  <li className="rounded-md bg-slate-100 p-3">
                    <span className="block text-2xl font-bold">{preview.counts.existing}</span> finns redan, oförändrade
                  </li>
                  <li className={`rounded-md p-3 ${preview.counts.invalid ? "bg-red-50 text-red-900" : "bg-slate-100"}`}>
                    <span className="block text-2xl font-bold">{preview.counts.invalid}</span> rader med fel
                  </li>
                </ul>

                {invalid.length > 0 && (
                  <>
                    <h3 className="mt-5 font-semibold text-red-900">Rader med fel: de importeras inte</h3>
                    <p className="text-sm text-slate-700">Rätta raderna i filen och läs in den igen, eller importera resten nu.</p>
                    <table className="mt-2 w-full border-collapse text-left text-sm">
                      <caption className="sr-only">Rader med fel</caption>
                      <thead className="bg-slate-100">
                        <tr>
                          <th scope="col" className="px-2 py-2">Rad</th>
                          <th scope="col" className="px-2 py-2">Kolumn</th>
                          <th scope="col" className="px-2 py-2">Fel</th>
                        </tr>
                      </thead>
                      <tbody>
                        {invalid.flatMap((r) =>
                          r.errors.map((e, i) => (
                            <tr key={`${r.line}-${i}`} className="border-t border-slate-200 align-top">
                              <td className="px-2 py-2 font-medium">{r.line}</td>
                              <td className="px-2 py-2">{e.column}</td>
                              <td className="px-2 py-2">{e.message}</td>
                            </tr>
                          )),
                        )}
                      </tbody>
                    </table>
                  </>
                )}

                {valid.length > 0 && (
                  <>
                    <h3 className="mt-5 font-semibold">Rader som kan importeras</h3>
                    <table className="mt-2 w-full border-collapse text-left text-sm">
                      <caption className="sr-only">Rader som kan importeras</caption>
                      <thead className="bg-slate-100">
                        <tr>
                          <th scope="col" className="px-2 py-2">Rad</th>
                          <th scope="col" className="px-2 py-2">Beslut</th>
                          <th scope="col" className="px-2 py-2">Uppdrag</th>
                          <th scope="col" className="px-2 py-2">Ansvarig</th>
                          <th scope="col" className="px-2 py-2">Åtgärd</th>
                        </tr>
                      </thead>
                      <tbody>
                        {valid.slice(0, SHOWN_ROWS).map((r) => (
                          <tr key={r.line} className="border-t border-slate-200 align-top">
                            <td className="px-2 py-2 font-medium">{r.line}</td>
                            <td className="px-2 py-2 whitespace-nowrap">
                              {r.bodyShortName} § {r.paragraph}, {r.decidedOn}
                              {r.dnr && <span className="block text-slate-700">{r.dnr}</span>}
                            </td>
                            <td className="px-2 py-2">{r.title}</td>
                            <td className="px-2 py-2">{r.units.map((u) => u.name).join(", ") || "–"}</td>
                            <td className="px-2 py-2">{actionText(r)}</td>
                          </tr>
                        ))}
                      </tbody>
                    </table>
                    {valid.length > SHOWN_ROWS && <p className="mt-2 text-sm text-slate-700">Och {valid.length - SHOWN_ROWS} rader till.</p>}
                  </>
                )}

                <div className="mt-5 flex flex-wrap items-center gap-3">
                  <button
                    type="button"
                    disabled={busy !== null || dirty || toWrite === 0}
                    onClick={() => void send("importera", preview.mapping)}
                    className="min-h-11 rounded-md bg-brand-700 px-5 font-semibold text-white hover:bg-brand-800 disabled:opacity-70"
                  >
                    {busy === "importera" ? "Importerar…" : toWrite ? `Importera ${confirmText}` : "Importera"}
                  </button>
                  {toWrite === 0 && <p>Det finns inget nytt att importera.</p>}
                </div>
              </>
            )}
          </section>
        </>
      )}
    </div>
  );
}
