import { addDays, calendarDay, daysBetween } from "./calendar-day";
import type { CommunicationLog } from "./communication-log";
import type { Stakeholder } from "./stakeholder";

export interface UpdateState {
  /** The newest logged update, if any. */
  lastUpdateAt?: string;
  /** The day the next update is due: the cadence after the last one. Absent when none was ever logged. */
  dueOn?: string;
  /** Owed an update: never updated, or past the due day. Released stakeholders are owed nothing. */
  overdue: boolean;
  /** Days past the due day (0 when not overdue or never updated). */
  overdueDays: number;
}

/** Whether a stakeholder is owed an update on `today` (a calendar day in the board's time zone). */
export function stakeholderUpdateState(
  stakeholder: Pick<Stakeholder, "cadenceDays" | "status">,
  log: CommunicationLog | undefined,
  today: string,
  timeZone = "UTC",
): UpdateState {
  // Compared as instants: entries may carry different offsets, so their strings do not sort by time.
  const lastUpdateAt = log?.entries.reduce<string | undefined>(
    (newest, e) => (!newest || Date.parse(e.at) > Date.parse(newest) ? e.at : newest),
    undefined,
  );
  if (stakeholder.status === "released") return { lastUpdateAt, overdue: false, overdueDays: 0 };
  if (!lastUpdateAt) return { overdue: true, overdueDays: 0 };
  const dueOn = addDays(calendarDay(new Date(lastUpdateAt), timeZone), stakeholder.cadenceDays);
  const late = daysBetween(dueOn, today);
  return { lastUpdateAt, dueOn, overdue: late > 0, overdueDays: Math.max(0, late) };
}
