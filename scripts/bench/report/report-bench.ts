import type { BenchPart } from "../bench-part";

/** The monthly report on a large generated board (issue 8). */
export const reportBench: BenchPart = {
  name: "report",
  run: async () => "Not measured yet.",
};
