import { percentile } from "./percentile";
import type { ReportBenchResult } from "./run-report-bench";
import { REPORT_FORMATS, type ReportTimings } from "./time-report";

/** DESIGN.md's budgets for the monthly report, in ms (JSON, HTML and PDF have one; Markdown and CSV are shown). */
const BUDGET_MS: Record<string, number | undefined> = { json: 100, html: 200, pdf: 1500 };
const MAX_HISTORY_RATIO = 1.5;
const MAX_RSS_MB = 200;
const MAX_P99_MS = 50;

const ms = (value: number) => (value >= 100 ? `${Math.round(value)} ms` : `${value.toFixed(1)} ms`);
const verdict = (ok: boolean) => (ok ? "met" : "**missed**");
const count = (value: number) => value.toLocaleString("en-US");

/** Per run, the report's own work in a format: building the model plus rendering it. */
function formatRuns(timings: ReportTimings, format: (typeof REPORT_FORMATS)[number]): number[] {
  return timings.loadModelMs.map((load, run) => load + timings.renderMs[format][run]!);
}

function timingRows(result: ReportBenchResult): string[] {
  return REPORT_FORMATS.map((format) => {
    const short = formatRuns(result.history1x, format);
    const long = formatRuns(result.history10x, format);
    const ratio = percentile(long, 50) / percentile(short, 50);
    const budget = BUDGET_MS[format];
    const cells = [
      format.toUpperCase(),
      ms(percentile(short, 50)),
      ms(percentile(short, 95)),
      ms(percentile(result.history1x.renderMs[format], 50)),
      budget ? `< ${budget} ms: ${verdict(percentile(short, 95) < budget)}` : "-",
      ms(percentile(long, 50)),
      ms(percentile(long, 95)),
      `${ratio.toFixed(1)}× (≤ ${MAX_HISTORY_RATIO}×: ${verdict(ratio <= MAX_HISTORY_RATIO)})`,
    ];
    return `| ${cells.join(" | ")} |`;
  });
}

function latencyRow(label: string, values: number[]): string[] {
  return [
    `| ${label} | ${ms(percentile(values, 50))} | ${ms(percentile(values, 99))} | ${ms(percentile(values, 100))} | ${values.length} | - |`,
  ];
}

/** The report bench's section of BENCHMARKS.md: figures, verdicts against the budgets, and how they were measured. */
export function formatReportBench(result: ReportBenchResult): string {
  const { options, board, history1x: short, history10x: long, service } = result;
  const totalLong = result.backfilledActions + result.historyAdded;
  const peakRss = Math.max(result.memory1x.peakRssMb, result.memory10x.peakRssMb);
  const first = (t: ReportTimings, format: (typeof REPORT_FORMATS)[number]) =>
    ms(t.firstRun.loadModelMs + t.firstRun.renderMs[format]);
  const healthzP99 = percentile(service.healthzMs, 99);
  const webhookP99 = percentile(service.webhookMs, 99);
  return [
    "## Monthly report",
    "",
    `Board: ${count(options.size.cards)} cards, ${count(result.backfilledActions)} actions over ${options.size.months} months, ` +
      `busy month ${board.month} with ${count(short.monthActions)} actions; the 10× history holds ${count(totalLong)} actions. ` +
      `Machine: ${result.machine.cpus} cores (load average ${result.machine.loadAverage.map((n) => n.toFixed(1)).join(", ")} at the end, ` +
      `shared with other work), Node ${result.machine.node}.`,
    "",
    `| format | median | p95 | of which rendering (median) | budget (p95) | 10× history median | 10× p95 | 10× / 1× |`,
    `|---|---|---|---|---|---|---|---|`,
    ...timingRows(result),
    "",
    `| figure | 1× history | 10× history | budget |`,
    `|---|---|---|---|`,
    `| reference: one SQLite query reading the month's actions (median) | ${ms(percentile(short.referenceQueryMs, 50))} | ${ms(percentile(long.referenceQueryMs, 50))} | - |`,
    `| building the model (median) | ${ms(percentile(short.loadModelMs, 50))} | ${ms(percentile(long.loadModelMs, 50))} | - |`,
    `| CPU time (user + system) of the reference query / of building the model (median) | ${ms(percentile(short.referenceQueryCpuMs, 50))} / ${ms(percentile(short.loadModelCpuMs, 50))} | ${ms(percentile(long.referenceQueryCpuMs, 50))} / ${ms(percentile(long.loadModelCpuMs, 50))} | - |`,
    `| peak RSS of a process building and rendering the report (${options.runs + 1} runs on 1×, ${options.runsLongHistory + 1} on 10×) | ${Math.round(result.memory1x.peakRssMb)} MB | ${Math.round(result.memory10x.peakRssMb)} MB | ≤ ${MAX_RSS_MB} MB: ${verdict(peakRss <= MAX_RSS_MB)} |`,
    `| peak RSS of the timing process (the same, plus the reference query's rows) | ${Math.round(short.peakRssMb)} MB | ${Math.round(long.peakRssMb)} MB | - |`,
    `| first report in a fresh process (the JIT warming up): JSON / HTML / PDF | ${first(short, "json")} / ${first(short, "html")} / ${first(short, "pdf")} | ${first(long, "json")} / ${first(long, "html")} / ${first(long, "pdf")} | reported apart |`,
    `| Node start-up (process start to first line of code) | ${ms(short.nodeStartupMs)} | ${ms(long.nodeStartupMs)} | reported apart |`,
    `| loading the report's modules | ${ms(short.moduleLoadMs)} | ${ms(long.moduleLoadMs)} | reported apart |`,
    `| same report model for the month on both histories | ${result.sameReport ? "yes" : "**no**"} | | |`,
    "",
    `While ${service.pdfs} PDFs of the month rendered in the service (${ms(service.wallMs)} in all; ` +
      `each PDF ${ms(percentile(service.pdfMs, 50))} median from first request to last byte; ${service.refusals} answers were 429 RENDER_BUSY, waited out):`,
    "",
    `| figure | p50 | p99 | max | requests | budget (p99) |`,
    `|---|---|---|---|---|---|`,
    `| GET /healthz | ${ms(percentile(service.healthzMs, 50))} | ${ms(healthzP99)} | ${ms(percentile(service.healthzMs, 100))} | ${service.healthzMs.length} | < ${MAX_P99_MS} ms: ${verdict(healthzP99 < MAX_P99_MS)} |`,
    `| POST /webhooks/trello (signed delivery) | ${ms(percentile(service.webhookMs, 50))} | ${ms(webhookP99)} | ${ms(percentile(service.webhookMs, 100))} | ${service.webhookMs.length} | < ${MAX_P99_MS} ms: ${verdict(webhookP99 < MAX_P99_MS)} |`,
    ...latencyRow("reference: GET /healthz, nothing rendering", service.idle.healthzMs),
    ...latencyRow("reference: POST /webhooks/trello, nothing rendering", service.idle.webhookMs),
    "",
    "### Method",
    "",
    `- The board is generated (seeded, repeatable) in the Trello simulator with its in-process seeding API (the one the tests ` +
      `use), in ${ms(result.seedMs)}: cards created through the months and moved Backlog → Doing → Review → Done, comments, ` +
      `renames, due dates, members, archives, and ${options.size.stakeholders} stakeholders and 12 milestones written as pluginData ` +
      `(t.set). The service (\`startService\`) then connects the board and loads it through its own backfill over the simulator's ` +
      `REST API, rate limits off: ${count(result.backfilledActions)} actions in ${ms(result.backfillMs)}.`,
    `- The 10× history is a copy of that database to which ${count(result.historyAdded)} actions were added through the ` +
      `service's own ingest code path (\`ingestActions\`, which stores a batch of actions and folds it into current state, 5,000 templates a transaction), not ` +
      `through the simulator (too slow and large there), until the board held ${options.size.historyFactor}× its actions: the ` +
      `actions before the busy month were copied evenly (${ms(result.addHistoryMs)}), each copy with a new id a few ms after ` +
      `its original; then its checkpoints were rebuilt as a reconcile does (\`buildBoardCheckpoints\`). The busy month itself is unchanged, which the "same report model" row checks.`,
    `- Timing runs in a fresh Node process per database (\`dist/scripts/bench/report/time-report-main.js\`), so Node start-up ` +
      `and module loading are measured apart. Each run builds the model from the store once (\`loadReportModel\`, internal ` +
      `audience) and renders it in every format (\`renderReportFormat\`, in-process, PDF on A4, CSV as the zip); a format's ` +
      `time is the run's model build plus its render. The process's first run is reported apart (it pays for the JIT ` +
      `compiling the report's code, once per process: the service pays it on its first report, the \`npm run report\` CLI on ` +
      `every call); then ${options.runs} runs on the 1× history and ${options.runsLongHistory} on the 10× give the median and ` +
      `nearest-rank p95. The reference query (the same for both histories: the month's rows with their raw JSON, \`.all()\`) ` +
      `runs before each of those runs, in the same process. Wall-clock times depend on the machine's load; the CPU time row ` +
      `depends on it much less.`,
    `- Peak RSS (\`process.resourceUsage().maxRSS\`) is measured in another fresh process per database that does the same ` +
      `runs without the reference query, so it is the report's own memory; the timing process's peak is shown beside it.`,
    `- Service under load: \`node dist/scripts/start.js\` (the production entry point, its render worker pool at its ` +
      `defaults) on the 1× database; it generates the month's snapshot (POST …/reports), draws one PDF to warm its worker, ` +
      `then ${service.pdfs} clients download the PDF at once, each waiting out a 429 for its Retry-After, while one client polls ` +
      `/healthz (5 ms apart) and another sends signed webhook deliveries (20 ms apart), each one request after another; ` +
      `latency is measured by the clients, in the bench process. The same probes run for ${ms(options.baselineMs)} with ` +
      `nothing rendering just before, as the reference (what the machine gives when the service is idle).`,
  ].join("\n");
}
