/** Through this day of a month the report usually wanted is the month that just closed. */
export const FIRST_DAYS = 5;

/**
 * The month the report page starts on, as YYYY-MM, for `today` (YYYY-MM-DD in the board's time zone): the month
 * under way, except in its first days, when last month's report is the one a PM is about to send.
 */
export function defaultReportMonth(today: string): string {
  const [year, month, day] = today.split("-").map(Number) as [number, number, number];
  if (day > FIRST_DAYS) return today.slice(0, 7);
  return month === 1 ? `${year - 1}-12` : `${year}-${String(month - 1).padStart(2, "0")}`;
}
