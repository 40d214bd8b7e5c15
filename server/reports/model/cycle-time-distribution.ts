/** One bin of the cycle-time distribution: cards whose cycle time in days is in [fromDays, toDays). */
export interface CycleTimeBin {
  fromDays: number;
  /** null: no upper bound. */
  toDays: number | null;
  cards: number;
}

/** Bin edges in days: a day, two, a half week, a week, two, four, and beyond. */
const EDGES = [0, 1, 2, 4, 7, 14, 28];

/** Cycle times (days) counted into the report's fixed bins (0–1, 1–2, 2–4, 4–7, 7–14, 14–28, 28+), every bin listed. */
export function cycleTimeDistribution(days: readonly number[]): CycleTimeBin[] {
  const bins: CycleTimeBin[] = EDGES.map((fromDays, index) => ({
    fromDays,
    toDays: EDGES[index + 1] ?? null,
    cards: 0,
  }));
  for (const value of days) {
    let bin = bins.length - 1;
    while (bin > 0 && value < bins[bin].fromDays) bin -= 1;
    bins[bin].cards += 1;
  }
  return bins;
}
