import { calendarDay } from "../../shared/loop/calendar-day";

export const DAY = 86_400_000;
export const HOUR = 3_600_000;

/** The demo board's time zone: its reports and calendar days are Berlin's. */
export const DEMO_TIME_ZONE = "Europe/Berlin";

/** Two-week sprints, as the board's settings say. */
export const SPRINT_DAYS = 14;

/** A calendar day (YYYY-MM-DD) in the demo's time zone. */
export const dayOf = (at: number): string => calendarDay(new Date(at), DEMO_TIME_ZONE);

/**
 * Where the demo's four months sit relative to `now`: the project starts on the 2nd of the month three months
 * back (09:00 UTC), so the board has a full previous month and a running current month whatever day it is.
 */
export function projectStart(now: number): number {
  const today = new Date(now);
  return Date.UTC(today.getUTCFullYear(), today.getUTCMonth() - 3, 2, 9);
}

export interface SprintWindow {
  number: number;
  /** First moment of the sprint (09:00 UTC on its first day). */
  startAt: number;
  start: string;
  end: string;
  /** The review is held on the last afternoon; a sprint whose review time has passed is over. */
  reviewAt: number;
  over: boolean;
}

/** Every sprint from the project start that has begun by `now`. */
export function sprintWindows(now: number): SprintWindow[] {
  const windows: SprintWindow[] = [];
  for (let number = 1; ; number += 1) {
    const startAt = projectStart(now) + (number - 1) * SPRINT_DAYS * DAY;
    if (startAt > now - HOUR) return windows;
    const reviewAt = startAt + (SPRINT_DAYS - 1) * DAY + 6 * HOUR;
    windows.push({
      number,
      startAt,
      start: dayOf(startAt),
      end: dayOf(startAt + (SPRINT_DAYS - 1) * DAY),
      reviewAt,
      over: reviewAt < now,
    });
  }
}
