// The motion report as a downloaded file (the headers are the KF report's, src/server/report/file.ts).
import type { MotionReport } from "@/lib/motions/report";
import { formatIsoDate } from "@/lib/dates";
import { renderMotionReportDocx } from "./docx";
import { motionReportToXlsx } from "./xlsx";
import { motionReportToJson } from "./json";

export async function motionReportDataFile(r: MotionReport, format: "docx" | "xlsx" | "json"): Promise<Buffer | string> {
  return format === "docx" ? renderMotionReportDocx(r) : format === "xlsx" ? motionReportToXlsx(r) : motionReportToJson(r);
}

export const motionReportFileName = (r: { municipality: { slug: string }; asOf: Date }, format: string) => `obesvarade-motioner-${r.municipality.slug}-${formatIsoDate(r.asOf)}.${format}`;
