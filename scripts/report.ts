// npx tsx scripts/report.ts --municipality SLUG [--report motioner] [--as-of YYYY-MM-DD] --format pdf|docx|xlsx|json --out FILE [--organ KORTNAMN ...]
//
// Writes the report of ej verkställda beslut (or, with --report motioner, the
// list of obesvarade motioner och medborgarförslag) of one municipality, as of the end
// of a report date (default: the next 30 June or 31 December), on DATABASE_URL
// or the embedded database. It acts as the system on the municipality's behalf
// (an administrator) and writes nothing to the database. Messages go to
// stderr: exit 1 for wrong arguments, exit 2 when the PDF cannot be made (no Chromium).
import { writeFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import { z } from "../src/lib/validation/zod";
import { formatDate, parseIsoDate } from "../src/lib/dates";
import type { Actor } from "../src/server/permissions";

const USAGE = `Användning: npx tsx scripts/report.ts --municipality KOMMUN --format pdf|docx|xlsx|json --out FIL [--report motioner] [--as-of ÅÅÅÅ-MM-DD] [--organ KORTNAMN ...]

  --municipality  kommunens kortnamn, t.ex. vimmerby
  --report        vilken redovisning: ej-verkstallda (standard, ej verkställda beslut)
                  eller motioner (obesvarade motioner och medborgarförslag)
  --as-of         redovisningsdagen (standard: nästa 30 juni eller 31 december)
  --format        pdf, docx (Word), xlsx (Excel) eller json
  --out           filen som skrivs
  --organ         organ att redovisa, med kortnamn (kan upprepas; standard: KF och KS; inte för motioner)`;

/** Nobody: the system acting for the municipality. Nothing is written, so no user is needed. */
const SYSTEM_USER_ID = "00000000-0000-0000-0000-000000000000";

class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number,
  ) {
    super(message);
  }
}

const argsSchema = z.object({
  municipality: z.string("Ange kommunen med --municipality.").trim().min(1, "Ange kommunen med --municipality."),
  report: z.enum(["ej-verkstallda", "motioner"], "Ange redovisningen med --report: ej-verkstallda eller motioner.").default("ej-verkstallda"),
  asOf: z
    .string()
    .optional()
    .transform((s, ctx) => {
      if (s === undefined) return undefined;
      const d = parseIsoDate(s.trim());
      if (!d) {
        ctx.addIssue({ code: "custom", message: `Ogiltigt datum för --as-of: ${s}. Ange datumet som ÅÅÅÅ-MM-DD.` });
        return z.NEVER;
      }
      return d;
    }),
  format: z.enum(["pdf", "docx", "xlsx", "json"], "Ange formatet med --format: pdf, docx, xlsx eller json."),
  out: z.string("Ange filen att skriva med --out.").trim().min(1, "Ange filen att skriva med --out."),
  organ: z.array(z.string().trim().min(1)).default([]),
}).refine((a) => !(a.report === "motioner" && a.organ.length), { message: "--organ gäller inte motioner: listan gäller kommunfullmäktige." });
type Args = z.output<typeof argsSchema>;

function parseCommandLine(argv: string[]): Args {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      options: {
        municipality: { type: "string" },
        report: { type: "string" },
        "as-of": { type: "string" },
        format: { type: "string" },
        out: { type: "string" },
        organ: { type: "string", multiple: true },
        help: { type: "boolean", short: "h", default: false },
      },
    });
  } catch (error) {
    throw new CliError(`Felaktiga argument: ${(error as Error).message}\n\n${USAGE}`, 1);
  }
  if (parsed.values.help) throw new CliError(USAGE, 0);
  const result = argsSchema.safeParse({
    municipality: parsed.values.municipality,
    report: parsed.values.report,
    asOf: parsed.values["as-of"],
    format: parsed.values.format,
    out: parsed.values.out,
    organ: parsed.values.organ,
  });
  if (!result.success) throw new CliError(`${result.error.issues.map((i) => i.message).join("\n")}\n\n${USAGE}`, 1);
  return result.data;
}

/** The PDF needs Chromium; without it, say so (exit 2) — the other formats still work. */
async function pdfOrExit(report: Parameters<typeof import("../src/server/report/pdf").reportToPdf>[0]) {
  const { reportToPdf, closePdfBrowser, PdfUnavailableError } = await import("../src/server/report/pdf");
  try {
    return await reportToPdf(report);
  } catch (error) {
    if (error instanceof PdfUnavailableError) throw new CliError(error.message, 2);
    throw error;
  } finally {
    await closePdfBrowser(); // the browser is shared in the server; here it has done its one job
  }
}

async function main(): Promise<void> {
  const args = parseCommandLine(process.argv.slice(2));
  // Loaded only for a valid command line, so a mistake is answered at once.
  const [{ openCliDatabase }, { scopedClient }, { buildReport }] = await Promise.all([
    import("./cli-db"),
    import("../src/server/db/scoped"),
    import("../src/server/report/build-report"),
  ]);
  const db = await openCliDatabase();
  try {
    const m = await db.prisma.municipality.findUnique({ where: { slug: args.municipality }, select: { id: true, slug: true, name: true } });
    if (!m) throw new CliError(`Det finns ingen kommun med kortnamnet ${args.municipality}.`, 1);
    let bodyIds: string[] | undefined;
    if (args.organ.length) {
      const bodies = await scopedClient(db.prisma, m.id).body.findMany({ where: { shortName: { in: args.organ } }, select: { id: true, shortName: true } });
      const missing = args.organ.filter((s) => !bodies.some((b) => b.shortName === s));
      if (missing.length) throw new CliError(`${m.name} har inget organ med kortnamnet ${missing.join(", ")}.`, 1);
      bodyIds = bodies.map((b) => b.id);
    }
    const actor: Actor = {
      userId: SYSTEM_USER_ID,
      name: "Uppdragskollen (systemet)",
      municipalityId: m.id,
      municipalitySlug: m.slug,
      municipalityName: m.name,
      role: "ADMINISTRATOR",
      unitId: null,
      secretaryOf: [],
      memberOf: [],
    };
    if (args.report === "motioner") {
      await writeMotionReport(scopedClient(db.prisma, m.id), actor, args, m.name);
      return;
    }
    const report = await buildReport(scopedClient(db.prisma, m.id), actor, { asOf: args.asOf, bodyIds });
    const content =
      args.format === "pdf"
        ? await pdfOrExit(report)
        : args.format === "docx"
        ? await (await import("../src/server/report/docx")).renderReportDocx(report)
        : args.format === "xlsx"
          ? await (await import("../src/server/report/xlsx")).reportToXlsx(report)
          : (await import("../src/server/report/json")).reportToJson(report);
    try {
      await writeFile(args.out, content);
    } catch (error) {
      throw new CliError(`Kan inte skriva ${args.out}: ${(error as Error).message}`, 1);
    }
    const { open, closedSince } = report.summary;
    process.stderr.write(
      `Redovisningen för ${m.name} per ${formatDate(report.asOf)} är skriven till ${args.out}: ` +
        `${open} ej verkställda uppdrag, ${closedSince} avslutade sedan ${formatDate(report.previous)}.\n`,
    );
  } finally {
    await db.close();
  }
}

/** The list of obesvarade motioner och medborgarförslag (issue #17), in the same formats. */
async function writeMotionReport(db: import("../src/server/db/scoped").ScopedClient, actor: Actor, args: Args, name: string): Promise<void> {
  const { buildMotionReportFor } = await import("../src/server/report/motions/build");
  const report = await buildMotionReportFor(db, actor, { asOf: args.asOf });
  let content: Buffer | string;
  if (args.format === "pdf") {
    const { closePdfBrowser, PdfUnavailableError } = await import("../src/server/report/pdf");
    const { motionReportToPdf } = await import("../src/server/report/motions/frozen");
    try {
      content = await motionReportToPdf(report);
    } catch (error) {
      if (error instanceof PdfUnavailableError) throw new CliError(error.message, 2);
      throw error;
    } finally {
      await closePdfBrowser();
    }
  } else {
    content = await (await import("../src/server/report/motions/file")).motionReportDataFile(report, args.format);
  }
  try {
    await writeFile(args.out, content);
  } catch (error) {
    throw new CliError(`Kan inte skriva ${args.out}: ${(error as Error).message}`, 1);
  }
  const { open, overAYear, decidedSince } = report.summary;
  process.stderr.write(
    `Redovisningen av obesvarade motioner och medborgarförslag för ${name} per ${formatDate(report.asOf)} är skriven till ${args.out}: ` +
      `${open} obesvarade, varav ${overAYear} över ett år; ${decidedSince} besvarade eller avskrivna sedan ${formatDate(report.previous)}.\n`,
  );
}

main().catch((error: unknown) => {
  if (error instanceof CliError) {
    (error.exitCode === 0 ? process.stdout : process.stderr).write(`${error.message}\n`);
    process.exitCode = error.exitCode;
  } else {
    process.stderr.write(`Oväntat fel: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
  }
});
