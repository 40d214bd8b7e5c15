import type { BenchPart } from "../bench-part";

/** Webhook ingest throughput and latency against a bare Express handler (issue 10). */
export const ingestBench: BenchPart = {
  name: "ingest",
  run: async () => "Not measured yet.",
};
