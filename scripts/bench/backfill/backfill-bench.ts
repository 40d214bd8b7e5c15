import type { BenchPart } from "../bench-part";

/** Backfill from the simulator with Trello's rate limits on (issue 10). */
export const backfillBench: BenchPart = {
  name: "backfill",
  run: async () => "Not measured yet.",
};
