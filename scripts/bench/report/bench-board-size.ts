/** How big a generated bench board is. */
export interface BenchBoardSize {
  cards: number;
  /** Trello actions over the whole history, the busy month's included. */
  actions: number;
  months: number;
  busyMonthActions: number;
  stakeholders: number;
  /** How many times the history the "10× history" database holds (extra history before the busy month). */
  historyFactor: number;
}

/** The board of issue 8 and DESIGN.md's budgets. */
export const FULL_BOARD: BenchBoardSize = {
  cards: 5_000,
  actions: 250_000,
  months: 24,
  busyMonthActions: 23_000,
  stakeholders: 24,
  historyFactor: 10,
};
