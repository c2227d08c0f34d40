// The report as a downloaded file: one set of content types and headers for the
// report of the day and the fastställda ones.
import type { Report } from "@/lib/report/point-in-time";
import { renderReportDocx } from "./docx";
import { reportToXlsx } from "./xlsx";
import { reportToJson } from "./json";

export const REPORT_FILE_TYPES = {
  pdf: "application/pdf",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  json: "application/json; charset=utf-8",
} as const;
export type ReportFileFormat = keyof typeof REPORT_FILE_TYPES;

/** Word, Excel or JSON from the report's data (the PDF is printed or archived apart). */
export async function reportDataFile(report: Report, format: Exclude<ReportFileFormat, "pdf">): Promise<Buffer | string> {
  return format === "docx" ? renderReportDocx(report) : format === "xlsx" ? reportToXlsx(report) : reportToJson(report);
}

/** A private download that no cache keeps. */
export function reportFileResponse(body: Buffer | string, format: ReportFileFormat, fileName: string): Response {
  return new Response(typeof body === "string" ? body : new Uint8Array(body), {
    headers: { "Content-Type": REPORT_FILE_TYPES[format], "Content-Disposition": `attachment; filename="${fileName}"`, "Cache-Control": "private, no-store" },
  });
}
