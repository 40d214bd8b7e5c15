/** One part of `npm run bench`: what it measured, as a Markdown section for BENCHMARKS.md. */
export interface BenchPart {
  /** Stable name: the section's marker in BENCHMARKS.md and the value `--only` takes. */
  name: string;
  run(log: (line: string) => void): Promise<string>;
}
