// The report's endpoints: each declared once (src/server/entry/endpoint.ts),
// served as a server action or a route handler by the files under src/app/rapporter.
import "server-only";
import { z } from "@/lib/validation/zod";
import { REPORT_FORMATS, freezeReportSchema, reportBodiesSchema, reportParamsSchema } from "@/lib/validation/report";
import { formatDate } from "@/lib/dates";
import { defineEndpoint, readEndpoint, type RecordScope } from "@/server/entry/endpoint";
import type { ScopedClient } from "@/server/db/scoped";
import { NotFoundError, type Actor } from "@/server/permissions";
import { buildReport } from "./build-report";
import { AlreadyFrozenError, freezeReport, getFrozenReport, getFrozenReportPdf } from "./frozen";
import { setReportBodies } from "./report-bodies";
import { PdfUnavailableError, warmPdfBrowser } from "./pdf";

/**
 * The bodies a report is of, one scope each: the chosen ones (null when one is
 * not a body of the municipality: not found), or, when none is chosen, the
 * municipality's default report bodies, as buildReport takes them. With no
 * default bodies the report is of nothing, and the actor must still hold the
 * permission for some body they serve (as buildReport checks).
 */
export async function reportBodiesScope(db: ScopedClient, actor: Actor, bodyIds: string[] | undefined): Promise<RecordScope[] | null> {
  if (bodyIds?.length) {
    const ids = [...new Set(bodyIds)];
    const found = await db.body.findMany({ where: { id: { in: ids } }, select: { id: true } });
    if (found.length !== ids.length) return null;
    return ids.map((bodyId) => ({ bodyId }));
  }
  const defaults = await db.body.findMany({ where: { inCouncilReport: true }, select: { id: true } });
  return defaults.length ? defaults.map((b) => ({ bodyId: b.id })) : [{ bodyId: actor.secretaryOf[0] }];
}

/** The bodies a report or a freeze is for, as the permission's records. */
const chosenBodies = (db: ScopedClient, input: { body?: string[] }, actor: Actor) => reportBodiesScope(db, actor, input.body);

/**
 * The report as of a date for the chosen bodies (the file and print routes). For
 * a PDF (format=pdf, as every link asks) the shared Chromium starts while the
 * report is built, once the permission is granted, so a cold PDF waits for the
 * longer of the two instead of both (issue 19).
 */
export const produceEndpoint = readEndpoint("report.produce", reportParamsSchema, "report:produce", chosenBodies, (db, actor, input) => {
  if (input.format === "pdf") void warmPdfBrowser();
  return buildReport(db, actor, { asOf: input.asOf, bodyIds: input.body });
});

/** A fastställd report's id from the route: anything but a uuid is not found, as an unknown id is. */
const frozenId = (id: string): string => {
  if (!z.uuid().safeParse(id).success) throw new NotFoundError("frozen report");
  return id;
};

/** A fastställd report as a file: the PDF byte for byte as frozen, the other formats from the archived data. */
export const frozenFileEndpoint = defineEndpoint({
  id: "report.frozenFile",
  input: z.object({ id: z.string(), format: z.enum(REPORT_FORMATS, "Okänt filformat.").default("pdf") }),
  permission: "report:read-frozen",
  scope: "municipality",
  mutates: false,
  run: async ({ db, actor, input }) => {
    const id = frozenId(input.id);
    if (input.format === "pdf") return { kind: "pdf" as const, ...(await getFrozenReportPdf(db, actor, id)) };
    return { kind: "data" as const, format: input.format, ...(await getFrozenReport(db, actor, id)) };
  },
});

/** A fastställd report's print view, from its archived data. */
export const frozenPrintEndpoint = defineEndpoint({
  id: "report.frozenPrint",
  input: z.object({ id: z.string() }),
  permission: "report:read-frozen",
  scope: "municipality",
  mutates: false,
  run: ({ db, actor, input }) => getFrozenReport(db, actor, frozenId(input.id)),
});

/** Fastställa the report for the chosen date and bodies. */
export const freezeEndpoint = defineEndpoint({
  id: "report.freeze",
  input: freezeReportSchema,
  permission: "report:freeze",
  scope: chosenBodies,
  mutates: true,
  run: ({ db, actor, input }) => freezeReport(db, actor, { asOf: input.asOf, bodyIds: input.body, note: input.note }),
  refusal: (err, input) => {
    if (err instanceof AlreadyFrozenError)
      return {
        status: 409,
        message: `Redovisningen per ${formatDate(input.asOf)} för de valda organen är redan fastställd. Den finns i listan över fastställda redovisningar.`,
      };
    if (err instanceof PdfUnavailableError) return { status: 503, message: `Redovisningen kunde inte fastställas: ${err.message}` };
    return undefined;
  },
});

/** The bodies the report covers by default (a municipality setting). */
export const saveReportBodiesEndpoint = defineEndpoint({
  id: "report.saveBodies",
  input: reportBodiesSchema,
  permission: "admin:manage",
  scope: "municipality",
  mutates: true,
  run: ({ db, actor, input }) => setReportBodies(db, actor, input.body),
});
