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
  /** Runs after the first (which is timed and reported apart: the JIT warms up on it). */
  runs: number;
  /** Whether to run the reference query beside each run; off in the process that measures memory alone. */
  reference: boolean;
}

/** One run: the model built from the store, then rendered in each format (ms). */
export interface ReportRun {
  loadModelMs: number;
  /** CPU time of the model build (user + system): what the run cost, whatever else the machine was doing. */
  loadModelCpuMs: number;
  renderMs: Record<ReportFileFormat, number>;
}

/** What one timing process measured, in ms (RSS in MB). */
export interface ReportTimings {
  nodeStartupMs: number;
  /** Loading the report's modules (the renderers, pdfkit, better-sqlite3…), after Node started. */
  moduleLoadMs: number;
  /** The reference: one SQLite query reading the month's actions, per run after the first (empty without it). */
  referenceQueryMs: number[];
  referenceQueryCpuMs: number[];
  monthActions: number;
  /** The first run in the fresh process: it pays for the JIT compiling the report's code. */
  firstRun: ReportRun;
  /** Building the model from the store, per run after the first. */
  loadModelMs: number[];
  loadModelCpuMs: number[];
  /** Rendering the run's model in each format, per run after the first. */
  renderMs: Record<ReportFileFormat, number[]>;
  /** The report model's JSON, without generatedAt: to check that two databases give the same report. */
  modelJson: string;
  peakRssMb: number;
}

const since = (start: number) => performance.now() - start;
const cpuSince = (start: NodeJS.CpuUsage) => {
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
};

/**
 * Times the month's report in this process: per run, the model is built from the store once and rendered in every
 * format (a format's time is the run's load plus its render), beside the reference query when asked. The first run
 * is kept apart, then `runs` more. Prints ReportTimings.
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
    referenceQueryCpuMs: [],
    monthActions: 0,
    firstRun: { loadModelMs: 0, loadModelCpuMs: 0, renderMs: { json: 0, html: 0, pdf: 0, md: 0, csv: 0 } },
    loadModelMs: [],
    loadModelCpuMs: [],
    renderMs: { json: [], html: [], pdf: [], md: [], csv: [] },
    modelJson: "",
    peakRssMb: 0,
  };
  for (let run = 0; run <= args.runs; run += 1) {
    if (args.reference && run > 0) {
      const start = performance.now();
      const cpu = process.cpuUsage();
      timings.monthActions = reference.all(args.boardId, period.startMs, period.endMs).length;
      timings.referenceQueryCpuMs.push(cpuSince(cpu));
      timings.referenceQueryMs.push(since(start));
    }
    const start = performance.now();
    const cpu = process.cpuUsage();
    const model = loadReportModel(store, { boardId: args.boardId, month: args.month, audience: "internal" });
    const measured: ReportRun = {
      loadModelMs: since(start),
      loadModelCpuMs: cpuSince(cpu),
      renderMs: { json: 0, html: 0, pdf: 0, md: 0, csv: 0 },
    };
    for (const format of REPORT_FORMATS) {
      const renderStart = performance.now();
      await renderReportFormat(model, format);
      measured.renderMs[format] = since(renderStart);
    }
    if (run === 0) {
      timings.firstRun = measured;
    } else {
      timings.loadModelMs.push(measured.loadModelMs);
      timings.loadModelCpuMs.push(measured.loadModelCpuMs);
      for (const format of REPORT_FORMATS) timings.renderMs[format].push(measured.renderMs[format]);
    }
    const { generatedAt: _generatedAt, ...content } = model;
    timings.modelJson = JSON.stringify(content);
  }
  db.close();
  timings.peakRssMb = process.resourceUsage().maxRSS / 1024;
  process.stdout.write(`${JSON.stringify(timings)}\n`);
}
