import { formatReportBench } from "../../../scripts/bench/report/format-report-bench";
import { runReportBench } from "../../../scripts/bench/report/run-report-bench";

const TINY = { cards: 40, actions: 600, months: 3, busyMonthActions: 200, stakeholders: 3, historyFactor: 3 };

describe("the report bench (a tiny board: the harness, not the figures)", () => {
  it("generates, backfills and multiplies the history, times every format beside the reference query, and writes every figure", async () => {
    const log: string[] = [];
    const result = await runReportBench({ size: TINY, runs: 2, runsLongHistory: 1, pdfs: 4, baselineMs: 300 }, (line) =>
      log.push(line),
    );

    expect(result.backfilledActions).toBeGreaterThanOrEqual(result.board.actions);
    expect(result.historyAdded).toBeGreaterThan(result.backfilledActions);
    expect(result.sameReport).toBe(true);
    expect(result.history1x.monthActions).toBeGreaterThan(0);
    for (const timings of [result.history1x, result.history10x]) {
      expect(timings.nodeStartupMs).toBeGreaterThan(0);
      expect(timings.peakRssMb).toBeGreaterThan(0);
      expect(timings.firstRun.loadModelMs).toBeGreaterThan(0);
      for (const runs of [
        timings.loadModelMs,
        timings.loadModelCpuMs,
        timings.referenceQueryMs,
        ...Object.values(timings.renderMs),
      ]) {
        expect(runs).toHaveLength(timings === result.history1x ? 2 : 1);
      }
    }
    // The memory is measured in processes of its own, without the reference query's rows.
    for (const memory of [result.memory1x, result.memory10x]) {
      expect(memory.peakRssMb).toBeGreaterThan(0);
      expect(memory.referenceQueryMs).toEqual([]);
    }
    expect(result.service.pdfMs).toHaveLength(4);
    expect(result.service.healthzMs.length).toBeGreaterThan(0);
    expect(result.service.webhookMs.length).toBeGreaterThan(0);
    expect(result.service.idle.healthzMs.length).toBeGreaterThan(0);
    expect(result.service.idle.webhookMs.length).toBeGreaterThan(0);

    const markdown = formatReportBench(result);
    for (const format of ["JSON", "HTML", "PDF", "MD", "CSV"])
      expect(markdown).toMatch(new RegExp(`^\\| ${format} \\| [\\d.]+ ms \\|`, "m"));
    for (const figure of [
      "reference: one SQLite query",
      "peak RSS",
      "CPU time",
      "first report in a fresh process",
      "Node start-up",
      "GET /healthz",
      "POST /webhooks/trello",
      "nothing rendering",
      "### Method",
    ]) {
      expect(markdown).toContain(figure);
    }
    expect(markdown).not.toMatch(/NaN/);
  }, 180_000);
});
