import path from "node:path";
import { Command } from "commander";
import { backfillBench } from "./backfill/backfill-bench";
import type { BenchPart } from "./bench-part";
import { ingestBench } from "./ingest/ingest-bench";
import { reportBench } from "./report/report-bench";
import { writeBenchmarksSection } from "./write-benchmarks-section";

const PARTS: BenchPart[] = [reportBench, ingestBench, backfillBench];

async function main(argv: string[]): Promise<void> {
  const options = new Command("bench")
    .description("Measure the performance budgets of DESIGN.md and write the figures to BENCHMARKS.md")
    .option("--only <names>", `comma-separated parts: ${PARTS.map((p) => p.name).join(", ")}`)
    .option("--out <file>", "where to write", path.resolve(__dirname, "../../../BENCHMARKS.md"))
    .parse(argv, { from: "user" })
    .opts<{ only?: string; out: string }>();
  const wanted = options.only?.split(",").map((name) => name.trim());
  const unknown = wanted?.filter((name) => !PARTS.some((p) => p.name === name)) ?? [];
  if (unknown.length > 0) throw new Error(`Unknown bench part: ${unknown.join(", ")}`);
  for (const part of PARTS.filter((p) => !wanted || wanted.includes(p.name))) {
    const log = (line: string) => process.stderr.write(`[${part.name}] ${line}\n`);
    log("running");
    writeBenchmarksSection(options.out, part.name, await part.run(log));
    log(`written to ${options.out}`);
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
