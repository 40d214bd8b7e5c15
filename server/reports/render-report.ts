import type { MonthlyReport } from "./build-monthly-report";
import { ReportError } from "./report-error";

export const REPORT_FORMATS = ["json", "html", "md", "csv", "pdf"] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

const AVAILABLE: readonly ReportFormat[] = ["json"];

/** Refuses a format that cannot be rendered yet, before any work is done for it. */
export function assertFormatAvailable(format: string): void {
  if (!AVAILABLE.includes(format as ReportFormat)) {
    throw new ReportError("UNSUPPORTED_FORMAT", `Format "${format}" is not available yet; available: ${AVAILABLE.join(", ")}`);
  }
}

/** Renders a report model in one format. JSON is the model itself; the other formats are not built yet. */
export function renderReport(report: MonthlyReport, format: string): string {
  assertFormatAvailable(format);
  return `${JSON.stringify(report, null, 2)}\n`;
}
