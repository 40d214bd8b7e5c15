import type { BenchPart } from "../bench-part";
import { FULL_BOARD } from "./bench-board-size";
import { formatReportBench } from "./format-report-bench";
import { runReportBench } from "./run-report-bench";

/** The monthly report on a large generated board (issue 8). */
export const reportBench: BenchPart = {
  name: "report",
  run: async (log) =>
    formatReportBench(
      await runReportBench({ size: FULL_BOARD, runs: 20, runsLongHistory: 8, pdfs: 50, baselineMs: 10_000 }, log),
    ),
};
