// The protocol import command (scripts/import-protocol.ts) as a function: the
// arguments in, what the command prints and its exit code out. The command is a
// thin wrapper; the tests call this in-process and start the command itself
// only to check that the wrapper passes it all through.
import { readFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import { formatDate, parseIsoDate } from "../../src/lib/dates";
import { parseProtocol, type ParsedProtocol } from "../../src/lib/protocol";
import { extractProtocolText, protocolFileKind, ProtocolFileError, wrongTypeMessage } from "../../src/lib/protocol/extract";

const USAGE = `Användning: npx tsx scripts/import-protocol.ts FIL [--json] [--unit NAMN ...]

  FIL          protokollet: text (.txt, UTF-8), Word (.docx) eller PDF (.pdf)
  --json       skriv resultatet som JSON
  --unit NAMN  kommunens enheter, för att känna igen ansvarig enhet (kan upprepas)`;

class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number,
  ) {
    super(message);
  }
}

/** Reads the protocol's text: plain text, Word (.docx) or PDF, the same way the web upload does. */
async function readProtocolText(file: string): Promise<string> {
  if (!protocolFileKind(file)) throw new CliError(`${wrongTypeMessage(file)} (${file})`, 2);
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === "ENOENT" ? "filen finns inte" : code === "EISDIR" ? "det är en mapp" : String(error);
    throw new CliError(`Kan inte läsa ${file}: ${reason}.`, 1);
  }
  try {
    return await extractProtocolText(bytes, file);
  } catch (error) {
    if (error instanceof ProtocolFileError) throw new CliError(`${file}: ${error.message}`, error.reason === "type" ? 2 : 1);
    throw error;
  }
}

function swedishDate(iso: string | null): string {
  const d = iso ? parseIsoDate(iso) : null;
  return d ? formatDate(d) : "okänt datum";
}

/** The short human-readable summary printed without --json. */
function summary(result: ParsedProtocol): string {
  const { meeting, paragraphs } = result;
  const time = meeting.startTime ? ` kl. ${meeting.startTime}${meeting.endTime ? `–${meeting.endTime}` : ""}` : "";
  const where = meeting.place ? `, ${meeting.place}` : "";
  const assignmentCount = paragraphs.reduce((n, p) => n + p.assignments.length, 0);
  const out = [
    `${meeting.body ?? "Okänt organ"}, ${swedishDate(meeting.date)}${where}${time}`,
    `${paragraphs.length} ${paragraphs.length === 1 ? "paragraf" : "paragrafer"}, ` +
      `${assignmentCount} förslag på uppdrag`,
  ];
  if (paragraphs.length === 0) out.push("Inga paragrafer hittades. Är filen ett protokoll?");
  for (const p of paragraphs) {
    out.push("", `§ ${p.number}${p.dnr ? `  Dnr ${p.dnr}` : ""}  ${p.title || "(rubrik saknas)"}`);
    if (!p.decision) out.push("    Inget beslut hittades.");
    if (p.sentTo.length > 0) out.push(`    Skickas till: ${p.sentTo.join(", ")}`);
    for (const a of p.assignments) {
      const details = [a.responsible ? `ansvarig: ${a.responsible}` : "ansvarig saknas", a.deadline ? `senast ${swedishDate(a.deadline)}` : null];
      out.push(`    Uppdrag: ${a.text} (${details.filter(Boolean).join(", ")})`);
    }
  }
  return out.join("\n");
}

function parseCommandLine(argv: string[]): { file: string; json: boolean; units: string[] } {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        json: { type: "boolean", default: false },
        unit: { type: "string", multiple: true, default: [] },
        help: { type: "boolean", short: "h", default: false },
      },
    });
  } catch (error) {
    throw new CliError(`Felaktiga argument: ${(error as Error).message}\n\n${USAGE}`, 1);
  }
  if (parsed.values.help) throw new CliError(USAGE, 0);
  if (parsed.positionals.length !== 1) throw new CliError(`Ange en fil att läsa.\n\n${USAGE}`, 1);
  return { file: parsed.positionals[0], json: parsed.values.json, units: parsed.values.unit };
}

export interface CommandResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the command with these arguments (process.argv without node and the script). */
export async function runImportProtocol(argv: string[]): Promise<CommandResult> {
  try {
    const args = parseCommandLine(argv);
    const text = await readProtocolText(args.file);
    const result = parseProtocol(text, { units: args.units });
    return { code: 0, stdout: args.json ? JSON.stringify(result) : `${summary(result)}\n`, stderr: "" };
  } catch (error) {
    if (error instanceof CliError) return error.exitCode === 0 ? { code: 0, stdout: `${error.message}\n`, stderr: "" } : { code: error.exitCode, stdout: "", stderr: `${error.message}\n` };
    return { code: 1, stdout: "", stderr: `Oväntat fel: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n` };
  }
}
