import { DateTime } from "luxon";
import { isKnownTimeZone } from "./time-zone";

/** A calendar month in a time zone, as the half-open interval of instants [start, end). */
export interface MonthPeriod {
  month: string;
  timezone: string;
  /** First instant of the month in that zone, ISO 8601 in UTC. */
  start: string;
  /** First instant of the following month (exclusive), ISO 8601 in UTC. */
  end: string;
  startMs: number;
  endMs: number;
}

const MONTH_PATTERN = /^(\d{4})-(0[1-9]|1[0-2])$/;

/**
 * The zone as IANA spells it ("europe/berlin" → "Europe/Berlin"), so reports name zones one way. Only the
 * case changes: a valid name such as "Asia/Kolkata" is kept, not swapped for an alias the runtime prefers.
 */
export function canonicalTimeZone(zone: string): string {
  const lower = zone.toLowerCase();
  const resolved = new Intl.DateTimeFormat("en-US", { timeZone: zone }).resolvedOptions().timeZone;
  if (resolved.toLowerCase() === lower) return resolved;
  return Intl.supportedValuesOf("timeZone").find((known) => known.toLowerCase() === lower) ?? zone;
}

/** True for a month written as YYYY-MM. */
export function isValidMonth(month: string): boolean {
  return MONTH_PATTERN.test(month);
}

/** The bounds of a YYYY-MM month in an IANA zone, DST included (a month can start at 00:00 +13:45). */
export function monthPeriod(month: string, timezone: string): MonthPeriod {
  const match = MONTH_PATTERN.exec(month);
  if (!match) throw new RangeError(`month must be YYYY-MM, got "${month}"`);
  if (!isKnownTimeZone(timezone)) throw new RangeError(`unknown time zone "${timezone}"`);
  const zone = canonicalTimeZone(timezone);
  const start = DateTime.fromObject({ year: Number(match[1]), month: Number(match[2]), day: 1 }, { zone }).startOf(
    "day",
  );
  const end = start.plus({ months: 1 }).startOf("day");
  return {
    month,
    timezone: zone,
    start: start.toUTC().toISO()!,
    end: end.toUTC().toISO()!,
    startMs: start.toMillis(),
    endMs: end.toMillis(),
  };
}
