import type { ReportModel } from "../model/report-model";
import type { ReportErrorCode } from "../report-error";
import type { ReportFileFormat, ReportFormatOptions } from "../render/render-report-format";

/** One render sent to a worker: the model, the format and its options, all structured-cloneable. */
export interface RenderTask {
  model: ReportModel;
  format: ReportFileFormat;
  options: ReportFormatOptions;
}

/**
 * What a worker sends back. A ReportError crosses the thread as plain data (a cloned Error loses its class and
 * code), so the pool can throw it again as a ReportError and the API keeps answering 400 for it.
 */
export type RenderOutcome =
  | { ok: { contentType: string; filename: string; body: string | Uint8Array } }
  | { refused: { code: ReportErrorCode; message: string } };
