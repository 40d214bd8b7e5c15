import { DateTime } from "luxon";
import type { MonthPeriod } from "../../../shared/month-period";

export interface MonthDay {
  /** The local date, YYYY-MM-DD. */
  date: string;
  /** ISO weekday in the zone: 1 = Monday … 7 = Sunday. */
  weekday: number;
  startMs: number;
  /** The next local midnight (exclusive): a DST day lasts 23 or 25 hours. */
  endMs: number;
}

/** The days of a month in its time zone, each with its bounds as instants. */
export function monthDays(period: MonthPeriod): MonthDay[] {
  const days: MonthDay[] = [];
  let day = DateTime.fromMillis(period.startMs, { zone: period.timezone });
  while (day.toMillis() < period.endMs) {
    // startOf("day") after adding a day keeps midnight where a zone's DST jump would otherwise shift the hour.
    const next = day.plus({ days: 1 }).startOf("day");
    days.push({
      date: day.toISODate()!,
      weekday: day.weekday,
      startMs: day.toMillis(),
      endMs: Math.min(next.toMillis(), period.endMs),
    });
    day = next;
  }
  return days;
}
