import { ReportError } from "../report-error";
import { renderReportFormat } from "../render/render-report-format";
import type { RenderOutcome, RenderTask } from "./render-task";

/** The render pool's worker (loaded compiled, from dist/): renders one report format off the service's event loop. */
export default async function renderInWorker(task: RenderTask): Promise<RenderOutcome> {
  try {
    return { ok: await renderReportFormat(task.model, task.format, task.options) };
  } catch (err) {
    if (err instanceof ReportError) return { refused: { code: err.code, message: err.message } };
    throw err;
  }
}
