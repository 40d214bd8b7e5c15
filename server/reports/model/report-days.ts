import { DateTime } from "luxon";
import { addDays, calendarDay } from "../../../shared/loop/calendar-day";
import type { MonthPeriod } from "../../../shared/month-period";

/** The calendar days a month's report judges Loop dates (YYYY-MM-DD in the board's zone) against. */
export interface ReportDays {
  first: string;
  last: string;
  nextFirst: string;
  nextLast: string;
  /** The day states are judged on: the month's last day, or today while the month is running. */
  asOf: string;
  /** The last day that is over: the month's last day, or yesterday while the month is running. */
  endedBy: string;
  timeZone: string;
}

/** The report's days for a period, with `now` deciding whether the month is still running. */
export function reportDays(period: MonthPeriod, now: Date): ReportDays {
  const first = `${period.month}-01`;
  const nextFirst = DateTime.fromISO(first, { zone: "UTC" }).plus({ months: 1 }).toISODate()!;
  const nextLast = addDays(DateTime.fromISO(nextFirst, { zone: "UTC" }).plus({ months: 1 }).toISODate()!, -1);
  const last = addDays(nextFirst, -1);
  const today = calendarDay(now, period.timezone);
  const running = today >= first && today <= last;
  return {
    first,
    last,
    nextFirst,
    nextLast,
    asOf: running ? today : last,
    endedBy: running ? addDays(today, -1) : last,
    timeZone: period.timezone,
  };
}

/** True when a calendar day falls within [from, to]. */
export function dayWithin(day: string | undefined, from: string, to: string): day is string {
  return day !== undefined && day >= from && day <= to;
}

/** The first instant (ms) after a calendar day ends in a zone. */
export function endOfDayMs(day: string, timeZone: string): number {
  return DateTime.fromISO(addDays(day, 1), { zone: timeZone }).toMillis();
}
