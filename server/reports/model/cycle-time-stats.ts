export interface CycleTimeStats {
  median: number | null;
  p85: number | null;
  samples: number;
}

const roundToTenth = (days: number): number => Math.round(days * 10) / 10;

/**
 * Median and 85th percentile of cycle times in days, rounded to one decimal; nulls when there are no samples.
 * The median of an even count is the mean of the two middle values; the 85th percentile is nearest-rank (the
 * value at rank ⌈0.85·n⌉ of the sorted samples), so it is always a time some card actually took.
 */
export function cycleTimeStats(days: number[]): CycleTimeStats {
  const n = days.length;
  if (n === 0) return { median: null, p85: null, samples: 0 };
  const sorted = [...days].sort((a, b) => a - b);
  const middle = Math.floor(n / 2);
  const median = n % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
  const p85 = sorted[Math.ceil((85 * n) / 100) - 1]; // integer arithmetic: 0.85 * n can land a hair above a whole rank
  return { median: roundToTenth(median), p85: roundToTenth(p85), samples: n };
}

/** The cycle-time bins' lower edges in days; the last bin is open-ended. */
export const CYCLE_TIME_BIN_EDGES = [0, 1, 2, 4, 7, 14, 28] as const;

/** Cycle times (days) counted per bin, every bin present (zero when empty), shortest first. */
export function cycleTimeDistribution(days: number[]): { fromDays: number; toDays: number | null; cards: number }[] {
  return CYCLE_TIME_BIN_EDGES.map((fromDays, i) => {
    const toDays = CYCLE_TIME_BIN_EDGES[i + 1] ?? null;
    return { fromDays, toDays, cards: days.filter((d) => d >= fromDays && (toDays === null || d < toDays)).length };
  });
}
