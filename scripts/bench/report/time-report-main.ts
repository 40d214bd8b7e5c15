// The first line of user code: how long Node took to start, before any of the report's modules load.
const nodeStartupMs = performance.now();

/** Entry of the timing child process (see time-report.ts); arguments are one JSON object. */
void import("./time-report").then(({ timeReport }) => timeReport(nodeStartupMs, JSON.parse(process.argv[2] ?? "{}")));
