import { DateTime } from "luxon";

/** How many closed months one run produces at most for a board (a service down for a year catches up on one). */
export const MAX_CATCH_UP_MONTHS = 12;

/**
 * The months (YYYY-MM) that closed in `zone` by `nowMs` and are due from the schedule: those after the last one it
 * produced (or, for a board it has never produced, after the board was connected: a month that closed before the
 * connection was never the schedule's to send), oldest first.
 */
export function closedMonthsDue(input: {
  zone: string;
  nowMs: number;
  connectedAt: string;
  lastProduced?: string;
}): string[] {
  const { zone } = input;
  const lastClosed = DateTime.fromMillis(input.nowMs, { zone }).startOf("month").minus({ months: 1 });
  const first = input.lastProduced
    ? DateTime.fromFormat(input.lastProduced, "yyyy-MM", { zone }).plus({ months: 1 })
    : DateTime.fromISO(input.connectedAt, { zone }).startOf("month");
  const months: string[] = [];
  for (let month = first; month <= lastClosed; month = month.plus({ months: 1 }))
    months.push(month.toFormat("yyyy-MM"));
  return months.slice(-MAX_CATCH_UP_MONTHS);
}
