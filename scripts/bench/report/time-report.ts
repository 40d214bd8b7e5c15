import { loadReportModel } from "../../../server/reports/model/load-report-model";
import { renderReportFormat, type ReportFileFormat } from "../../../server/reports/render/render-report-format";
import { resolveReportRequest } from "../../../server/reports/resolve-report-request";
import { createStore } from "../../../server/store/create-store";
import { openDatabase } from "../../../server/store/open-database";

export const REPORT_FORMATS: ReportFileFormat[] = ["json", "html", "pdf", "md", "csv"];

export interface TimeReportArgs {
  databasePath: string;
  boardId: string;
  month: string;
  runs: number;
}

/** What one timing process measured, in ms (RSS in MB). */
export interface ReportTimings {
  nodeStartupMs: number;
  /** Loading the report's modules (the renderers, pdfkit, better-sqlite3…), after Node started. */
  moduleLoadMs: number;
  /** The reference: one SQLite query reading the month's actions, per run. */
  referenceQueryMs: number[];
  monthActions: number;
  /** Building the model from the store, per run. */
  loadModelMs: number[];
  /** Rendering the run's model in each format, per run. */
  renderMs: Record<ReportFileFormat, number[]>;
  /** The report model's JSON, without generatedAt: to check that two databases give the same report. */
  modelJson: string;
  peakRssMb: number;
}

const since = (start: number) => performance.now() - start;

/**
 * Times the month's report in this process: per run, the model is built from the store once and rendered in every
 * format (a format's time is the run's load plus its render), beside the reference query. Prints ReportTimings.
 */
export async function timeReport(nodeStartupMs: number, args: TimeReportArgs): Promise<void> {
  const moduleLoadMs = performance.now() - nodeStartupMs;
  const db = openDatabase(args.databasePath);
  const store = createStore(db);
  const { period } = resolveReportRequest(store, { boardId: args.boardId, month: args.month });
  const reference = db.prepare(
    "SELECT id, type, date_ms, card_id, list_after_id, raw FROM actions WHERE board_id = ? AND date_ms >= ? AND date_ms < ?",
  );
  const timings: ReportTimings = {
    nodeStartupMs,
    moduleLoadMs,
    referenceQueryMs: [],
    monthActions: 0,
    loadModelMs: [],
    renderMs: { json: [], html: [], pdf: [], md: [], csv: [] },
    modelJson: "",
    peakRssMb: 0,
  };
  for (let run = 0; run < args.runs; run += 1) {
    let start = performance.now();
    timings.monthActions = reference.all(args.boardId, period.startMs, period.endMs).length;
    timings.referenceQueryMs.push(since(start));

    start = performance.now();
    const model = loadReportModel(store, { boardId: args.boardId, month: args.month, audience: "internal" });
    timings.loadModelMs.push(since(start));
    for (const format of REPORT_FORMATS) {
      start = performance.now();
      await renderReportFormat(model, format);
      timings.renderMs[format].push(since(start));
    }
    const { generatedAt: _generatedAt, ...content } = model;
    timings.modelJson = JSON.stringify(content);
  }
  db.close();
  timings.peakRssMb = process.resourceUsage().maxRSS / 1024;
  process.stdout.write(`${JSON.stringify(timings)}\n`);
}
