// The motion register's endpoints: each declared once (src/server/entry/endpoint.ts),
// served by the files under src/app/motioner. Writes are for kommunfullmäktige's
// secretaries and administrators (motion:manage on KF); fastställda reports are
// read by everyone in the municipality.
import "server-only";
import { z } from "@/lib/validation/zod";
import { formatDate } from "@/lib/dates";
import {
  answerMotionSchema,
  changeMotionStateSchema,
  freezeMotionReportSchema,
  linkMotionUppdragSchema,
  MOTION_REPORT_FORMATS,
  motionReportParamsSchema,
  motionUppdragSchema,
  registerMotionSchema,
} from "@/lib/validation/motion";
import { changeEndpoint, defineEndpoint, readEndpoint } from "@/server/entry/endpoint";
import { NotFoundError } from "@/server/permissions";
import { AlreadyFrozenError, getFrozenReportPdf } from "@/server/report/frozen";
import { PdfUnavailableError } from "@/server/report/pdf";
import { buildMotionReportFor } from "@/server/report/motions/build";
import { freezeMotionReport, getFrozenMotionReport } from "@/server/report/motions/frozen";
import { councilScope, motionScope } from "./access";
import { registerMotion } from "./register";
import { answerMotion, changeMotionState } from "./change-state";
import { createUppdragFromMotion, linkUppdragToMotion } from "./uppdrag";

const council = (db: Parameters<typeof councilScope>[0]) => councilScope(db);
const ofMotion = (db: Parameters<typeof motionScope>[0], input: { motionId: string }) => motionScope(db, input.motionId);

export const registerMotionEndpoint = changeEndpoint("motion.register", registerMotionSchema, "motion:manage", council, registerMotion);
export const changeMotionStateEndpoint = changeEndpoint("motion.changeState", changeMotionStateSchema, "motion:manage", ofMotion, changeMotionState);
export const answerMotionEndpoint = changeEndpoint("motion.answer", answerMotionSchema, "motion:manage", ofMotion, answerMotion);
export const motionUppdragEndpoint = changeEndpoint("motion.createUppdrag", motionUppdragSchema, "motion:manage", ofMotion, createUppdragFromMotion);
export const linkMotionUppdragEndpoint = changeEndpoint("motion.linkUppdrag", linkMotionUppdragSchema, "motion:manage", ofMotion, linkUppdragToMotion);

/** The list of obesvarade motioner och medborgarförslag as of a date (the file and print routes). */
export const motionReportEndpoint = readEndpoint("motion.report", motionReportParamsSchema, "motion:manage", council, (db, actor, input) =>
  buildMotionReportFor(db, actor, { asOf: input.asOf }),
);

/** Fastställa the list for a date. */
export const freezeMotionReportEndpoint = defineEndpoint({
  id: "motion.freezeReport",
  input: freezeMotionReportSchema,
  permission: "motion:manage",
  scope: council,
  mutates: true,
  run: ({ db, actor, input }) => freezeMotionReport(db, actor, { asOf: input.asOf, note: input.note }),
  refusal: (err, input) => {
    if (err instanceof AlreadyFrozenError)
      return { status: 409, message: `Redovisningen av obesvarade motioner per ${formatDate(input.asOf)} är redan fastställd. Den finns i listan över fastställda redovisningar.` };
    if (err instanceof PdfUnavailableError) return { status: 503, message: `Redovisningen kunde inte fastställas: ${err.message}` };
    return undefined;
  },
});

const frozenId = (id: string): string => {
  if (!z.uuid().safeParse(id).success) throw new NotFoundError("frozen report");
  return id;
};

/** A fastställd list as a file: the PDF byte for byte as frozen, the other formats from the archived data. */
export const frozenMotionFileEndpoint = defineEndpoint({
  id: "motion.frozenFile",
  input: z.object({ id: z.string(), format: z.enum(MOTION_REPORT_FORMATS, "Okänt filformat.").default("pdf") }),
  permission: "report:read-frozen",
  scope: "municipality",
  mutates: false,
  run: async ({ db, actor, input }) => {
    const id = frozenId(input.id);
    if (input.format === "pdf") return { kind: "pdf" as const, ...(await getFrozenReportPdf(db, actor, id, "MOTIONER")) };
    return { kind: "data" as const, format: input.format, ...(await getFrozenMotionReport(db, actor, id)) };
  },
});
